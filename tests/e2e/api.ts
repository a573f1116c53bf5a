/**
 * Direct calls to the loopback host from a test, for setting the scene (e.g. checking in
 * 87 delegates before the boundary) without keying each one through the UI.
 */
import { candidateFromDelegate } from '../../core/candidates.js';
import type { CallContext, Channel, Input, Output } from '../../core/contract.js';
import { reasons } from '../../core/reasons.js';
import type { AppError, Result } from '../../core/result.js';

/** Setting the scene acknowledges every warning (fewer papers issued than present…): the UI's own calls still ask. */
const SCENE_WARNINGS = Object.keys(reasons).filter((key) => key.startsWith('warning.'));

const SETUP_CONTEXT: CallContext = { operator: 'e2e setup', station: 'e2e', acknowledge: SCENE_WARNINGS };

/** The raw answer of one call, with the test's own context (e.g. a station's sign-in token). */
export async function invokeRaw<C extends Channel>(
  host: { port: number; token: string },
  channel: C,
  input: Input<C>,
  ctx: CallContext = SETUP_CONTEXT,
): Promise<Result<Output<C>>> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ channel, input, ctx }),
  });
  return (await res.json()) as Result<Output<C>>;
}

export async function call<C extends Channel>(
  host: { port: number; token: string },
  channel: C,
  input: Input<C>,
  ctx: CallContext = SETUP_CONTEXT,
): Promise<Output<C>> {
  const result = await invokeRaw(host, channel, input, ctx);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** A call that must be refused: its error. */
export async function refused<C extends Channel>(
  host: { port: number; token: string },
  channel: C,
  input: Input<C>,
  ctx: CallContext = SETUP_CONTEXT,
): Promise<AppError> {
  const result = await invokeRaw(host, channel, input, ctx);
  if (result.ok) throw new Error(`${channel} should have been refused`);
  return result.error;
}

type Host = { port: number; token: string };

type Delegate = Output<'delegates.list'>[number];
/** A candidate put up from outside the roster: the facts the structure of those elected counts. */
export type CandidateFacts = Omit<Input<'candidates.add'>, 'contestId'>;

/** Delegates of the roster (with the roster's facts) or others made candidates of a contest, in the order given; returns their ids. */
export async function addCandidates(
  host: Host,
  contestId: number,
  people: readonly (Delegate | CandidateFacts)[],
  ctx: CallContext = SETUP_CONTEXT,
): Promise<number[]> {
  const ids: number[] = [];
  for (const p of people) {
    const facts = 'badge' in p ? candidateFromDelegate(p) : p;
    const c = await call(host, 'candidates.add', { contestId, ...facts }, ctx);
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
export async function enterBallots(
  host: Host,
  roundId: number,
  list: readonly Paper[],
  ctx: CallContext = SETUP_CONTEXT,
): Promise<void> {
  for (const p of list) {
    await call(
      host,
      'ballots.enter',
      {
        roundId,
        marks: [...p.marks].map((c) => PAPER_MARK[c as keyof typeof PAPER_MARK]),
        writeIns: p.writeIn ? [{ name: p.writeIn, mark: 'circle' }] : [],
        setAside: false,
        stack: null,
        entry: null,
      },
      ctx,
    );
  }
}
