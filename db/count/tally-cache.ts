/**
 * The live tally of each round, kept by the open congress (db/session.ts `caches`), so that a
 * file closed, replaced or restored takes its cache with it. After a ballot write only the rows
 * stamped with a newer revision are read, core tallies them (`tallyRound`), and their counts are
 * added to (or, for a ballot withdrawn, taken from) the cached tally: the board's update after
 * one ballot costs one ballot, not the round. Only committed state is cached; inside a
 * transaction (which may still roll back), and for closing, the round is recounted in full.
 */
import type { PaperMark, RoundTally, WriteIn } from '../../core/election-types.js';
import { sortDisregarded, type TallyBallot, tallyRound, tallyStatusOf } from '../../core/tally.js';
import type { SqliteDb } from '../open.js';
import { statement } from '../statements.js';
import { type Ballot, LIVE_STATES, type RoundJudging } from './ballot-rows.js';

interface TallyRow {
  id: number;
  state: Ballot['state'];
  entry: 1 | 2 | null;
  marks: string;
  write_ins: string;
  decision: 'as_entered' | 'invalid' | null;
}

/** How the tally sees a stored ballot; null when it is not in the tally. */
function tallyBallotOf(r: TallyRow): TallyBallot | null {
  const status = tallyStatusOf(r);
  if (status === null) return null;
  return {
    marks: { marks: JSON.parse(r.marks) as PaperMark[], writeIns: JSON.parse(r.write_ins) as WriteIn[] },
    status,
  };
}

interface RoundCache {
  revision: number;
  /** Candidates, seats and marking convention the tally was made with. */
  basis: string;
  ballots: Map<number, TallyBallot>;
  tally: RoundTally;
}

const TALLY_COLUMNS = 'id, state, entry, marks, write_ins, decision';

export interface TallyInput extends RoundJudging {
  candidateCount: number;
}

/** The tallies of one open congress file, by round. */
export class TallyCache {
  private readonly rounds = new Map<number, RoundCache>();

  /** Rounds with a tally kept. */
  get size(): number {
    return this.rounds.size;
  }

  /** The committed tally of the round, brought up to its revision. */
  count(db: SqliteDb, roundId: number, input: TallyInput): { tally: RoundTally; entered: number } {
    const tallyOf = (ballots: readonly TallyBallot[]) => tallyInput(input, ballots);
    const revision = statement(db, 'SELECT revision FROM rounds WHERE id = ?').pluck().get(roundId) as number;
    const basis = JSON.stringify([
      input.candidateCount,
      input.seats,
      input.convention,
      [...input.context.printed].sort(),
      [...input.context.excluded].sort(),
      input.context.onlyTied,
    ]);
    let cache = this.rounds.get(roundId);
    if (!cache || cache.basis !== basis || cache.revision > revision) {
      cache = { revision: -1, basis, ballots: new Map(), tally: tallyOf([]) };
      this.rounds.set(roundId, cache);
    }
    if (cache.revision !== revision) {
      const rows = statement(db, `SELECT ${TALLY_COLUMNS} FROM ballots WHERE round_id = ? AND revision > ?`).all(
        roundId,
        cache.revision,
      ) as TallyRow[];
      const added: TallyBallot[] = [];
      const removed: TallyBallot[] = [];
      for (const r of rows) {
        const before = cache.ballots.get(r.id);
        const after = tallyBallotOf(r);
        if (before) removed.push(before);
        if (after) {
          added.push(after);
          cache.ballots.set(r.id, after);
        } else {
          cache.ballots.delete(r.id);
        }
      }
      const merged =
        removed.length + added.length > cache.ballots.size / 4
          ? null
          : subtractTally(addTally(cache.tally, tallyOf(added)), tallyOf(removed));
      cache.tally = merged ?? tallyOf([...cache.ballots.values()]);
      cache.revision = revision;
    }
    return { tally: cache.tally, entered: cache.ballots.size };
  }
}

const tallyInput = (input: TallyInput, ballots: readonly TallyBallot[]) =>
  tallyRound(input.candidateCount, ballots, input.seats, input.convention, input.context);

/**
 * The tally of the round's live ballots and how many of them there are (entered, first keying):
 * from the congress's cache when one is given and the call is outside a transaction, else counted
 * in full.
 */
export function countRound(db: SqliteDb, roundId: number, input: TallyInput, cache: TallyCache | null) {
  if (cache && !db.inTransaction) return cache.count(db, roundId, input);
  const rows = statement(db, `SELECT ${TALLY_COLUMNS} FROM ballots WHERE round_id = ? AND state IN ${LIVE_STATES}`).all(
    roundId,
  ) as TallyRow[];
  const ballots = rows.map(tallyBallotOf).filter((b): b is TallyBallot => b !== null);
  return { tally: tallyInput(input, ballots), entered: ballots.length };
}

/**
 * Tallies of disjoint sets of ballots add up: core counts each ballot on its own. Write-ins
 * keep RoundTally's order (most votes first, then by name).
 */
function addTally(a: RoundTally, b: RoundTally): RoundTally {
  return combine(a, b, 1)!;
}

/** `a` less the ballots tallied in `b`; null if anything would go negative (then recount). */
function subtractTally(a: RoundTally, b: RoundTally): RoundTally | null {
  return combine(a, b, -1);
}

function combine(a: RoundTally, b: RoundTally, sign: 1 | -1): RoundTally | null {
  if (b.counted === 0 && b.pendingSetAside === 0) return a;
  const writeIns = new Map(a.writeIns.map((w) => [w.name, w.for]));
  for (const w of b.writeIns) writeIns.set(w.name, (writeIns.get(w.name) ?? 0) + sign * w.for);
  const key = (d: RoundTally['disregardedWriteIns'][number]) => `${d.reason}\n${d.name}`;
  const disregarded = new Map(a.disregardedWriteIns.map((d) => [key(d), { ...d }]));
  for (const d of b.disregardedWriteIns) {
    const known = disregarded.get(key(d));
    if (known) known.count += sign * d.count;
    else disregarded.set(key(d), { ...d, count: sign * d.count });
  }
  const out: RoundTally = {
    counted: a.counted + sign * b.counted,
    valid: a.valid + sign * b.valid,
    invalid: a.invalid + sign * b.invalid,
    pendingSetAside: a.pendingSetAside + sign * b.pendingSetAside,
    candidates: a.candidates.map((c, i) => {
      const d = b.candidates[i]!;
      return {
        for: c.for + sign * d.for,
        against: c.against + sign * d.against,
        abstain: c.abstain + sign * d.abstain,
      };
    }),
    writeIns: [...writeIns]
      .filter(([, n]) => n !== 0)
      .map(([name, n]) => ({ name, for: n }))
      .sort((x, y) => y.for - x.for || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)),
    disregardedWriteIns: sortDisregarded([...disregarded.values()].filter((d) => d.count !== 0)),
  };
  const negative =
    out.counted < 0 ||
    out.valid < 0 ||
    out.invalid < 0 ||
    out.pendingSetAside < 0 ||
    out.candidates.some((c) => c.for < 0 || c.against < 0 || c.abstain < 0) ||
    out.writeIns.some((w) => w.for < 0) ||
    out.disregardedWriteIns.some((d) => d.count < 0);
  return negative ? null : out;
}
