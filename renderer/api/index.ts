import type { z } from 'zod';
import {
  type CallContext,
  type Channel,
  contract,
  type Input,
  type Output,
  type ShellChannel,
  type ShellContract,
} from '../../core/contract.js';
import type { ChangeEvent } from '../../core/domain.js';
import { type AppError, type Result, refuse } from '../../core/result.js';
import { bridge } from './bridge.js';
import { transport } from './transport.js';

export { isDesktop } from './bridge.js';

let context: CallContext = { operator: '', station: '' };

/** Who is at the keyboard (and the station's sign-in); sent with every call. Set by the session store. */
export function setCallContext(ctx: CallContext): void {
  context = ctx;
}

/** The context calls go with now: the loopback host's picker (./places.ts) admits its caller by it. */
export const callContext = (): CallContext => context;

type Confirm = NonNullable<CallContext['confirm']>;
/** The chief scrutineer's PIN, typed for one call; the nonce the backend gave for that call is added here. */
export type ChiefConfirm = Omit<Confirm, 'nonce'>;

/** The nonce a `chief_required` refusal (or a refused confirmation) carries for the next try. */
const nonceOf = (error: AppError): string | null =>
  typeof error.params?.nonce === 'string' ? error.params.nonce : null;

export interface CallOptions {
  /** Warnings (their reasons) acknowledged beforehand; others still ask. */
  acknowledge?: string[];
}

/**
 * What the UI does when a write is refused for who is (not) at the keyboard, installed once
 * (renderer/main.tsx) so that no screen has to handle it:
 *
 * - `locked`: the station is not signed in, or was locked. The lock screen shows; resolves true
 *   once the operator who made the call has signed in again, and the call is made once more.
 * - `chiefRequired`: the call needs the chief scrutineer's PIN. Asks for it and makes the call
 *   with it and the call's nonce (`attempt`, as often as a wrong PIN needs); resolves with the final answer, or with
 *   a cancelled error (renderer/lib/errors.ts `isCancelled`) when the chief's PIN was not given.
 */
export interface CallHooks {
  locked(error: AppError): Promise<boolean>;
  chiefRequired(
    error: AppError,
    attempt: (confirm: ChiefConfirm) => Promise<Result<unknown>>,
  ): Promise<Result<unknown>>;
  /**
   * `warnings`: the write raised warnings not acknowledged (nothing was written). Shows them and,
   * on OK, makes the call again acknowledging them (`attempt`); resolves with its answer, or with
   * a cancelled error when the operator did not acknowledge.
   */
  warnings(error: AppError, attempt: (acknowledge: string[]) => Promise<Result<unknown>>): Promise<Result<unknown>>;
}

let hooks: Partial<CallHooks> = {};

export function setCallHooks(next: Partial<CallHooks>): void {
  hooks = next;
}

/** Every call to the backend goes through here: the contract is the only way in. */
export async function invoke<C extends Channel>(
  channel: C,
  input: Input<C>,
  options: CallOptions = {},
): Promise<Result<Output<C>>> {
  const once = async (confirm: Confirm | undefined, acknowledge: string[]): Promise<Result<unknown>> => {
    const envelope = () => ({
      ...context,
      ...(confirm ? { confirm } : {}),
      ...(acknowledge.length > 0 ? { acknowledge } : {}),
    });
    const sent = context.session;
    const r = await transport().invoke(channel, input, envelope());
    if (!r.ok && r.error.code === 'locked') {
      // Made before a sign-in that has answered since (a read of the window behind the lock while
      // its operator signed in): made again with it; the station is not locked by an old answer.
      if (context.session && context.session !== sent) return transport().invoke(channel, input, envelope());
      // Locked while the call was made: the same operator signs in again, and it goes through; a
      // read goes through for whoever signs in (a write is made only by the operator who made it).
      if (hooks.locked) {
        const same = await hooks.locked(r.error);
        if (same || (!contract[channel].write && context.session))
          return transport().invoke(channel, input, envelope());
      }
    }
    return r;
  };
  // The chief's PIN goes with a nonce the backend issued for this very call, good once (db/gate.ts):
  // the one the last refusal carried, or, when that was used (warnings asked after the gate let
  // the PIN through), a new one asked for by making the call without the PIN.
  let nonce: string | null = null;
  const confirmed = async (chief: ChiefConfirm | undefined, acknowledge: string[]): Promise<Result<unknown>> => {
    if (!chief) return once(undefined, acknowledge);
    let current = nonce;
    nonce = null;
    if (current === null) {
      const asked = await once(undefined, acknowledge);
      current = asked.ok ? null : nonceOf(asked.error);
      if (current === null) return asked;
    }
    let r = await once({ ...chief, nonce: current }, acknowledge);
    // The nonce ran out while the chief was typing (five minutes), or a sign-in since made it
    // another station's: the PIN just typed goes once more, with the fresh nonce the refusal gave.
    const fresh = r.ok ? null : nonceOf(r.error);
    if (!r.ok && r.error.reason === 'chief.nonce_invalid' && fresh !== null) {
      r = await once({ ...chief, nonce: fresh }, acknowledge);
    }
    if (!r.ok) nonce = nonceOf(r.error);
    return r;
  };
  // Warnings come after the role gate: with the chief's PIN given, they are asked inside it.
  const send = async (chief: ChiefConfirm | undefined): Promise<Result<unknown>> => {
    const acknowledged = options.acknowledge ?? [];
    const r = await confirmed(chief, acknowledged);
    if (!r.ok && r.error.code === 'warnings' && (r.error.warnings?.length ?? 0) > 0 && hooks.warnings) {
      return hooks.warnings(r.error, (acknowledge) =>
        confirmed(chief, [...new Set([...acknowledged, ...acknowledge])]),
      );
    }
    return r;
  };
  const r = await send(undefined);
  if (!r.ok && r.error.code === 'chief_required' && hooks.chiefRequired) {
    nonce = nonceOf(r.error);
    return (await hooks.chiefRequired(r.error, (chief) => send(chief))) as Result<Output<C>>;
  }
  return r as Result<Output<C>>;
}

export function onChange(listener: (event: ChangeEvent) => void): () => void {
  return transport().onChange(listener);
}

type ShellInput<C extends ShellChannel> = z.input<ShellContract[C]['input']>;
type ShellOutput<C extends ShellChannel> = z.output<ShellContract[C]['output']>;

/** Native dialogs and printing: only in Electron. Returns null in a browser. */
export async function invokeShell<C extends ShellChannel>(
  channel: C,
  input: ShellInput<C>,
): Promise<Result<ShellOutput<C>> | null> {
  const electron = bridge();
  if (!electron) return null;
  try {
    return (await electron.invoke(channel, input, context)) as Result<ShellOutput<C>>;
  } catch (e) {
    return refuse('internal', 'transport.failed', { detail: e instanceof Error ? e.message : String(e) });
  }
}
