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

const PAPER_MARK = { o: 'circle', x: 'cross', '-': 'none' } as const;

/** A paper as the tests write it: one character per candidate in paper order (o ○, x ×, - no mark). */
export interface Paper {
  marks: string;
  /** A written-in name marked ○ (after an × on a candidate). */
  writeIn?: string;
}

/** `n` papers marked alike. */
export const papers = (marks: string, n: number, writeIn?: string): Paper[] =>
  Array.from({ length: n }, () => (writeIn ? { marks, writeIn } : { marks }));

/** Keys in every paper of a round through the API, in order (no stacks, none set aside). */
export async function enterBallots(host: Host, roundId: number, list: readonly Paper[]): Promise<void> {
  for (const p of list) {
    await call(host, 'ballots.enter', {
      roundId,
      marks: [...p.marks].map((c) => PAPER_MARK[c as keyof typeof PAPER_MARK]),
      writeIns: p.writeIn ? [{ name: p.writeIn, mark: 'circle' }] : [],
      setAside: false,
      stack: null,
      entry: null,
    });
  }
}
