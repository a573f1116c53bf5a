/**
 * A counting station cut off from its host keeps keying, but never past the papers collected
 * (rule 2: never more ballots than were collected, per keying in double entry): what it last read
 * of each round (collected, entered) minus what it has already queued. Past that, the station
 * refuses as the host would (`ballot.all_entered`), not with `queued`: that paper would only be
 * refused on replay, after the counter had moved on.
 *
 * Learned from the host's answers as they pass through the link (contests.get, rounds.*,
 * ballots.list, stacks.list, ballots.enter): an estimate from what this station saw, on the safe
 * side of what the host will accept for its own keying; the host decides again on replay.
 */
import { type Result, refuse } from '../../../core/result.js';

interface RoundSeen {
  contestId: number | null;
  number: number | null;
  collected: number | null;
  /** Live papers entered, by keying (`null`: single entry, `1`/`2`: double entry's keyings). */
  entered: Map<number | null, number>;
  /** A paper of it was taken without a keying: single entry. */
  single: boolean;
}

type Entry = number | null;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const LIVE = new Set(['counted', 'set_aside']);

export class PaperLimits {
  private readonly rounds = new Map<number, RoundSeen>();
  private readonly contests = new Map<number, { title: string; doubleEntry: boolean }>();

  private round(id: number): RoundSeen {
    let seen = this.rounds.get(id);
    if (!seen) {
      seen = { contestId: null, number: null, collected: null, entered: new Map(), single: false };
      this.rounds.set(id, seen);
    }
    return seen;
  }

  /** What an answer of the host says about rounds and contests. */
  learn(channel: string, input: unknown, value: unknown): void {
    this.walk(value, 0);
    const roundId = isRecord(input) && typeof input.roundId === 'number' ? input.roundId : null;
    if (channel === 'ballots.list' && roundId !== null && Array.isArray(value)) {
      const counts = new Map<Entry, number>();
      for (const b of value) {
        if (!isRecord(b) || typeof b.state !== 'string' || !LIVE.has(b.state)) continue;
        const entry = typeof b.entry === 'number' ? b.entry : null;
        counts.set(entry, (counts.get(entry) ?? 0) + 1);
      }
      const seen = this.round(roundId);
      seen.entered = counts;
    } else if (channel === 'stacks.list' && roundId !== null && Array.isArray(value)) {
      let first = 0;
      let second = 0;
      for (const s of value) {
        if (!isRecord(s)) continue;
        first += typeof s.first === 'number' ? s.first : 0;
        second += typeof s.second === 'number' ? s.second : 0;
      }
      const seen = this.round(roundId);
      seen.entered.set(1, first);
      seen.entered.set(2, second);
    } else if (channel === 'rounds.result' && roundId !== null && isRecord(value) && isRecord(value.tally)) {
      const { counted, pendingSetAside } = value.tally;
      const seen = this.round(roundId);
      const contest = seen.contestId === null ? null : this.contests.get(seen.contestId);
      const single = contest ? !contest.doubleEntry : seen.single;
      if (typeof counted === 'number' && typeof pendingSetAside === 'number' && single) {
        seen.entered.set(null, counted + pendingSetAside);
      }
    }
  }

  /** A paper the host took (answered now, or on replay): one more entered for its keying. */
  entered(roundId: number, entry: Entry, paperNo: number | null): void {
    const seen = this.round(roundId);
    if (entry === null) seen.single = true;
    const before = seen.entered.get(entry) ?? 0;
    seen.entered.set(entry, Math.max(before + 1, entry === null && paperNo !== null ? paperNo : 0));
  }

  /** Whether the papers collected in `roundId` are known here. */
  knows(roundId: number): boolean {
    return (this.rounds.get(roundId)?.collected ?? null) !== null;
  }

  /**
   * Whether one more paper of `roundId` (keying `entry`) may be queued while cut off, `queued`
   * being those already waiting here. Unknown rounds pass: the host decides on replay.
   */
  check(roundId: number, entry: Entry, queued: number): Result<null> {
    const seen = this.rounds.get(roundId);
    if (!seen || seen.collected === null) return { ok: true, value: null };
    const entered = (seen.entered.get(entry) ?? 0) + queued;
    if (entered < seen.collected) return { ok: true, value: null };
    const contest = seen.contestId === null ? undefined : this.contests.get(seen.contestId);
    const params = { contest: contest?.title ?? '', round: seen.number ?? 0, collected: seen.collected, entered };
    const field = { field: 'roundId', value: String(roundId) };
    return entry === null
      ? refuse('conflict', 'ballot.all_entered', params, field)
      : refuse('conflict', 'ballot.all_entered_pass', { ...params, entry }, field);
  }

  // Rounds and contests anywhere in an answer (contests.get has both, rounds.collect a round…).
  private walk(value: unknown, depth: number): void {
    if (depth > 4) return;
    if (Array.isArray(value)) {
      for (const v of value) this.walk(v, depth + 1);
      return;
    }
    if (!isRecord(value)) return;
    if (
      typeof value.id === 'number' &&
      typeof value.contestId === 'number' &&
      typeof value.number === 'number' &&
      'collected' in value &&
      Array.isArray(value.candidateIds)
    ) {
      const seen = this.round(value.id);
      seen.contestId = value.contestId;
      seen.number = value.number;
      seen.collected = typeof value.collected === 'number' ? value.collected : null;
      return;
    }
    if (typeof value.id === 'number' && typeof value.title === 'string' && typeof value.doubleEntry === 'boolean') {
      this.contests.set(value.id, { title: value.title, doubleEntry: value.doubleEntry });
    }
    for (const v of Object.values(value)) if (typeof v === 'object') this.walk(v, depth + 1);
  }
}
