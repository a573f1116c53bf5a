/**
 * Direct calls to the loopback host from a test, for setting the scene (e.g. checking in
 * 87 delegates before the boundary) without keying each one through the UI.
 */
import type { Channel, Input, Output } from '../../core/contract.js';
import type { Result } from '../../core/result.js';

export async function call<C extends Channel>(
  host: { port: number; token: string },
  channel: C,
  input: Input<C>,
): Promise<Output<C>> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ channel, input, ctx: { operator: 'e2e setup', station: 'e2e' } }),
  });
  const result = (await res.json()) as Result<Output<C>>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}
