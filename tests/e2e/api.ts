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

type Host = { port: number; token: string };

/** Delegates of the roster made candidates of a contest, in the order given; returns their ids. */
export async function addCandidates(
  host: Host,
  contestId: number,
  delegates: readonly Output<'delegates.list'>[number][],
): Promise<number[]> {
  const ids: number[] = [];
  for (const d of delegates) {
    const c = await call(host, 'candidates.add', {
      contestId,
      delegateId: d.id,
      name: d.name,
      gender: d.gender,
      birthDate: d.birthDate,
      ethnicity: d.ethnicity,
      education: d.education,
      unit: d.unit,
    });
    ids.push(c.id);
  }
  return ids;
}
