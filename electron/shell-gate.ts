/**
 * Who may make a shell call, as the store's gate decides for its own calls (issue 12: every call
 * is gated). Free of electron, so that the loopback host's picker (electron/host/picker.ts), the
 * browser's stand-in for the open and save dialogs, admits its caller the same way.
 */
import { type Channel, type ShellChannel, shellContract } from '../core/contract.js';
import { ok, type Result, refuse } from '../core/result.js';

interface StationStatus {
  enforced: boolean;
  operator: { name: string; role: string; disabled: boolean } | null;
}

/**
 * Who may make a shell call (core/contract/shell.ts `roles`), as the store's gate decides for its
 * own calls (issue 12, every call is gated): the store is asked for the caller's sign-in with the
 * caller's own context, so a locked station — or a token that has ended — prints no PDF anywhere.
 */
export async function admitShell(
  channel: ShellChannel,
  ctx: unknown,
  ask: (channel: Channel, input: unknown, ctx: unknown) => Promise<Result<unknown>>,
): Promise<Result<null>> {
  const status = await ask('station.status', {}, ctx);
  if (!status.ok) {
    // No congress open: nothing to sign in to, as for the store's own calls.
    return status.error.code === 'no_congress_open' ? ok(null) : status;
  }
  const { enforced, operator } = status.value as StationStatus;
  if (!enforced) return ok(null);
  if (!operator || operator.disabled) return refuse('locked', 'station.locked');
  const roles: readonly string[] = shellContract[channel].roles;
  if (roles.includes(operator.role)) return ok(null);
  return refuse(
    'forbidden',
    'role.forbidden',
    { role: operator.role, name: operator.name, channel },
    { value: channel },
  );
}
