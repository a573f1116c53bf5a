import type { z } from 'zod';
import type { CallContext, Channel, Input, Output, ShellChannel, ShellContract } from '../../core/contract.js';
import type { ChangeEvent } from '../../core/domain.js';
import type { Result } from '../../core/result.js';
import { bridge } from './bridge.js';
import { transport } from './transport.js';

export { isDesktop } from './bridge.js';

let context: CallContext = { operator: '', station: '' };

/** Who is at the keyboard; sent with every call. Set by the session store. */
export function setCallContext(ctx: CallContext): void {
  context = ctx;
}

/** Every call to the backend goes through here: the contract is the only way in. */
export function invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
  return transport().invoke(channel, input, context) as Promise<Result<Output<C>>>;
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
    return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
}
