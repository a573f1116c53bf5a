/**
 * The life of a round as one state machine (issue 10, item 9). A round is made in `setup`
 * (its paper order may still change), becomes `voting` when its papers are distributed, and
 * ends either `closed` by the chief scrutineer or `void`: more papers came back than were
 * issued (rule 2, 「收回的选票多于发出的选票,选举无效」) or the presidium declared it void
 * with its reason (rule 16). Every handler that changes a round, or writes to its ballots,
 * asks `roundTransition` first instead of testing the status itself.
 *
 * `docs/round-states.md` draws this table as a mermaid diagram; tests/core/round-state.test.ts
 * keeps the two equal.
 */
import type { RoundStatus } from './election-types.js';
import type { ReasonKey } from './reasons.js';
import { ok, type Result, refuse } from './result.js';

/** The calls that move a round, or that need it in a given state. */
export const ROUND_ACTIONS = [
  'candidates.approveOrder',
  'rounds.distribute',
  'rounds.collect',
  'ballots.enter',
  'ballots.correct',
  'ballots.void',
  'ballots.decide',
  'stacks.settle',
  'rounds.close',
  'rounds.declareVoid',
] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

/** When a transition applies, beyond the status it starts from. */
export type RoundGuard =
  /** The round has its approved paper order (candidates on it). */
  | 'paper_order'
  /** rounds.collect with collected ≤ issued. */
  | 'collected_within_issued'
  /** rounds.collect with collected > issued: rule 2 voids the round. */
  | 'collected_over_issued'
  /** The number of papers collected is recorded. */
  | 'collected_recorded';

export interface RoundTransition {
  from: RoundStatus;
  action: RoundAction;
  to: RoundStatus;
  guard: RoundGuard | null;
}

const t = (from: RoundStatus, action: RoundAction, to: RoundStatus, guard: RoundGuard | null = null) => ({
  from,
  action,
  to,
  guard,
});

/** Every move a round can make. What is not here is refused. */
export const ROUND_TRANSITIONS: readonly RoundTransition[] = [
  // Rule 9: the presidium's order is the paper; it may change until the papers go out.
  t('setup', 'candidates.approveOrder', 'setup'),
  t('setup', 'rounds.distribute', 'voting', 'paper_order'),
  // Collected may be corrected while counting, as long as it stays within those issued.
  t('voting', 'rounds.collect', 'voting', 'collected_within_issued'),
  t('voting', 'rounds.collect', 'void', 'collected_over_issued'),
  t('voting', 'ballots.enter', 'voting', 'collected_recorded'),
  t('voting', 'ballots.correct', 'voting', 'collected_recorded'),
  t('voting', 'ballots.void', 'voting', 'collected_recorded'),
  t('voting', 'ballots.decide', 'voting', 'collected_recorded'),
  t('voting', 'stacks.settle', 'voting', 'collected_recorded'),
  t('voting', 'rounds.close', 'closed', 'collected_recorded'),
  // Rule 16: 「A presidium may declare a round void (选举无效) with its reason」.
  t('voting', 'rounds.declareVoid', 'void'),
];

/**
 * The calls that create a round (always in `setup`): a contest with its first round, a 另行选举
 * (rule 7), a tie revote opened by a close (rule 6), and the rerun (重新选举) after a void round.
 */
export const ROUND_CREATIONS = [
  'contests.create',
  'contests.createFromPrevote',
  'rounds.openAdditional',
  'rounds.close',
  'rounds.collect',
  'rounds.declareVoid',
] as const;

/** What the machine needs to know of a round. */
export interface RoundFacts {
  id: number;
  number: number;
  status: RoundStatus;
  candidateIds: readonly number[];
  issued: number | null;
  collected: number | null;
}

/** Facts of the call itself: the number collected, for rounds.collect. */
export interface ActionFacts {
  collected?: number;
}

function guardHolds(guard: RoundGuard | null, round: RoundFacts, facts: ActionFacts): boolean {
  switch (guard) {
    case null:
      return true;
    case 'paper_order':
      return round.candidateIds.length > 0;
    case 'collected_recorded':
      return round.collected !== null;
    case 'collected_within_issued':
      return facts.collected !== undefined && round.issued !== null && facts.collected <= round.issued;
    case 'collected_over_issued':
      return facts.collected !== undefined && round.issued !== null && facts.collected > round.issued;
  }
}

/** Why a round in `status` refuses `action` when no transition starts there. */
function statusReason(status: RoundStatus, action: RoundAction): ReasonKey {
  switch (status) {
    case 'setup':
      return 'round.not_distributed';
    case 'voting':
      return action === 'candidates.approveOrder' ? 'round.paper_locked' : 'round.already_distributed';
    case 'closed':
      return 'round.closed';
    case 'void':
      return 'round.void';
  }
}

/** Why the guards of every transition for the action failed. */
function guardReason(guard: RoundGuard | null): ReasonKey {
  if (guard === 'paper_order') return 'round.no_paper_order';
  return 'round.not_collected';
}

/**
 * The status `action` leaves the round in, or a refusal (code `conflict`) naming the round:
 * `{ contest, round }` in its params, `field: 'roundId'` (`candidateIds` when the paper order is missing).
 */
export function roundTransition(
  round: RoundFacts,
  contestTitle: string,
  action: RoundAction,
  facts: ActionFacts = {},
): Result<RoundStatus> {
  const params = { contest: contestTitle, round: round.number };
  const extra = { field: 'roundId', value: String(round.id) };
  const from = ROUND_TRANSITIONS.filter((x) => x.action === action && x.from === round.status);
  if (from.length === 0) return refuse('conflict', statusReason(round.status, action), params, extra);
  const taken = from.find((x) => guardHolds(x.guard, round, facts));
  if (!taken) {
    const guard = from[0]!.guard;
    // No paper order: the fault is the candidates' order, not the round.
    const where = guard === 'paper_order' ? { field: 'candidateIds' } : extra;
    return refuse('conflict', guardReason(guard), params, where);
  }
  return ok(taken.to);
}

/** Whether `action` may be made on the round now (the same refusal as `roundTransition`). */
export function canRound(
  round: RoundFacts,
  contestTitle: string,
  action: RoundAction,
  facts: ActionFacts = {},
): Result<void> {
  const next = roundTransition(round, contestTitle, action, facts);
  return next.ok ? ok(undefined) : next;
}

/** Rounds no call can change any more. */
export const isFinal = (status: RoundStatus) => status === 'closed' || status === 'void';

/**
 * What a round's count page shows (issue 15 item 3): the keying sheet only while the machine
 * lets papers be keyed; before that, why not yet; after, the result (closed) or the void.
 */
export type CountView = 'keying' | 'not_distributed' | 'not_collected' | 'result' | 'void';

export function countView(round: RoundFacts): CountView {
  if (canRound(round, '', 'ballots.enter').ok) return 'keying';
  switch (round.status) {
    case 'setup':
      return 'not_distributed';
    case 'voting':
      return 'not_collected';
    case 'closed':
      return 'result';
    case 'void':
      return 'void';
  }
}
