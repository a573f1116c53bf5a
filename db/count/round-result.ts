/** A round's result as it stands: rules 4–7 on its ballots, and why the figures are not final yet. */

import type { PersonFacts } from '../../core/election-types.js';
import type { RoundResult } from '../../core/model/index.js';
import { decideRound } from '../../core/results.js';
import { bodyStructure } from '../../core/structure.js';
import { findMeeting, readCongress } from '../congress/records.js';
import type { SqliteDb } from '../open.js';
import { roundJudging } from './ballot-rows.js';
import { type Contest, delegatesNamed, factsOf, UNKNOWN_PERSON } from './contest-rows.js';
import { type Round, roundCandidates } from './round-rows.js';
import { stackSummaries } from './stack-places.js';
import { countRound, type TallyCache } from './tally-cache.js';

export type { RoundResult };
export type Provisional = RoundResult['provisional'][number];

/**
 * Rules 4–7 on the round's ballots as they stand, with why the figures are not final yet.
 * `tallies`: the open congress's cache (db/caches.ts), for a round still being counted;
 * without it the round is counted in full.
 */
export function roundResult(db: SqliteDb, round: Round, contest: Contest, tallies: TallyCache | null): RoundResult {
  const candidates = roundCandidates(db, round.id);
  const { settings } = readCongress(db);
  // A closed round is recounted in full: its figures are the ones the scrutineers sign.
  const { tally, entered } = countRound(
    db,
    round.id,
    { candidateCount: candidates.length, ...roundJudging(db, round, contest) },
    round.status === 'closed' ? null : tallies,
  );
  const decision = decideRound({
    roundKind: round.kind,
    tieRevoteNeedsMajority: settings.tieRevoteNeedsMajority,
    tally,
    candidateNames: candidates.map((c) => c.name),
    seats: round.seats,
    kind: contest.kind,
    // A round not yet distributed has no snapshot; nothing can pass on an empty tally anyway.
    votersPresent: round.votersPresent ?? 0,
    due: round.due ?? 0,
  });

  const provisional: Provisional[] = [];
  if (round.status !== 'closed') provisional.push('not_closed');
  // Pending set-asides are entered too: the count of collected papers includes them.
  if (round.collected === null || entered !== round.collected) provisional.push('ballots_missing');
  if (tally.pendingSetAside > 0) provisional.push('set_aside_pending');
  if (contest.doubleEntry && stackSummaries(db, round.id).some((s) => !s.reconciled)) {
    provisional.push('stacks_unreconciled');
  }

  const meeting = findMeeting(db, contest.meetingId)!;
  const people = decision.elected.map((e) =>
    e.choice.kind === 'candidate' ? factsOf(candidates[e.choice.index]!) : writeInFacts(db, e.choice.name),
  );
  return { round, tally, decision, provisional, structure: bodyStructure(people, meeting.date) };
}

/** A written-in person's facts: the roster's when exactly one delegate has that name, else unknown. */
function writeInFacts(db: SqliteDb, name: string): PersonFacts {
  const matches = delegatesNamed(db, name);
  return matches.length === 1 ? factsOf(matches[0]!) : UNKNOWN_PERSON;
}
