/**
 * The life of a round: ballots distributed (rule 1's quorum, rule 2's counts), collected
 * (more than issued voids it, rule 2), counted, and closed by the chief scrutineer, which
 * fixes who was elected and opens the revote a tie at the cut calls for (rule 6).
 */
import { suggestBallotOrder } from '../../core/ballot-order.js';
import { candidateFromDelegate, namedCandidate } from '../../core/candidates.js';
import { requiredCandidates } from '../../core/margin.js';
import { normaliseName } from '../../core/names.js';
import { andThen, at, ok, type Result, refuse, warning } from '../../core/result.js';
import { canRound, roundTransition } from '../../core/round-state.js';
import { meetingAttendance } from '../attendance/electorate.js';
import { appendCheckpoint } from '../audit/checkpoint.js';
import { candidateFields } from '../contests/candidates.js';
import { contestChanged } from '../contests/handlers.js';
import { refuseOfficialAsCandidate } from '../contests/officials.js';
import { query, within } from '../handler-types.js';
import { papersAtStations } from '../lan/host/guard.js';
import { refuseNonMemberCandidate } from '../meetings/handlers.js';
import type { SqliteDb } from '../open.js';
import { loadKey } from '../results/handlers.js';
import type { InstallationKey } from '../results/installation-key.js';
import { waitingPages } from '../scan/pages.js';
import { enteredCount } from './ballot-rows.js';
import {
  type Candidate,
  type CandidateFields,
  type Contest,
  delegatesNamed,
  findContest,
  insertCandidate,
  listCandidates,
  requireContest,
} from './contest-rows.js';
import { type RoundResult, roundResult } from './round-result.js';
import type { RoundContext } from './round-rows.js';
import {
  electedInContest,
  findRound,
  insertRound,
  openRound,
  type Round,
  requireRound,
  roundCandidates,
  seatsToFill,
} from './round-rows.js';
import { stackSummaries } from './stack-places.js';
import type { TallyCache } from './tally-cache.js';

const roundChanged = (round: Round) => contestChanged(round.contestId);

const roundField = (round: Round) => at('roundId', round.id);

export const distribute = within<'rounds.distribute', RoundContext>((input, db) => requireRound(db, input.roundId), {
  run({ round, contest }, input, call) {
    const { db } = call;
    // setup → voting, with its approved paper order (core/round-state.ts).
    const allowed = canRound(round, contest.title, 'rounds.distribute');
    if (!allowed.ok) return allowed;
    if (contest.status === 'closed') {
      return refuse('conflict', 'round.contest_closed', { contest: contest.title }, roundField(round));
    }
    if (input.ballotsPrinted < input.issued + input.spareVoided) {
      return refuse(
        'invalid_input',
        'round.printed_short',
        { printed: input.ballotsPrinted, issued: input.issued, spare: input.spareVoided },
        at('ballotsPrinted', input.ballotsPrinted),
      );
    }
    // Rule 1: no voting while the quorum fails; the figures are the meeting's attendance now,
    // for its own electorate (the members, at a plenary: rule 14) less approved exclusions (rule 16).
    const attendance = meetingAttendance(db, contest.meetingId);
    if (!attendance.quorum.met) {
      return refuse(
        'conflict',
        'round.quorum_not_met',
        { due: attendance.due, present: attendance.present, needed: attendance.quorum.needed },
        at('meetingId', contest.meetingId),
      );
    }
    // Rule 2: "发出的选票数等于实到会有选举权人数". Fewer is recorded as it happened (a voter who
    // left), once the operator acknowledged the warning; more would hand someone a second ballot,
    // and a verifier rejects
    // any file where issued exceeds those present.
    if (input.issued > attendance.present) {
      return refuse(
        'invalid_input',
        'round.issued_over_present',
        { issued: input.issued, present: attendance.present },
        at('issued', input.issued),
      );
    }
    if (input.issued < attendance.present) {
      call.warn(warning('warning.issued_below_present', { issued: input.issued, present: attendance.present }));
    }
    // Rule 8: "差额比例不少于 20%" — the first paper is where a short margin shows; the app warns,
    // the presidium decides (a margin of 0 is 等额 by the contest's own setting).
    const required = requiredCandidates(round.seats, contest.marginPercent);
    if (round.kind === 'first' && round.candidateIds.length < required) {
      call.warn(
        warning('warning.margin_short', {
          contest: contest.title,
          seats: round.seats,
          candidates: round.candidateIds.length,
          required,
        }),
      );
    }
    db.prepare(
      `UPDATE rounds SET status = 'voting', voters_present = ?, due = ?, ballots_printed = ?, issued = ?, spare_voided = ?
       WHERE id = ?`,
    ).run(attendance.present, attendance.due, input.ballotsPrinted, input.issued, input.spareVoided, round.id);
    db.prepare("UPDATE contests SET status = 'voting' WHERE id = ? AND status = 'setup'").run(contest.id);
    return ok(findRound(db, round.id)!);
  },
  changes: (_input, output) => roundChanged(output),
});

/** Rule 2: 收回的选票多于发出的选票,选举无效,应重新进行选举. */
export const collect = within<'rounds.collect', RoundContext>((input, db) => requireRound(db, input.roundId), {
  run({ round, contest }, input, { db }) {
    // voting → voting, or void when more came back than were issued (core/round-state.ts).
    const next = roundTransition(round, contest.title, 'rounds.collect', { collected: input.collected });
    if (!next.ok) return next;
    const entered = Math.max(enteredCount(db, round.id, 1), enteredCount(db, round.id, 2));
    if (input.collected < entered) {
      return refuse(
        'invalid_input',
        'round.collected_under_entered',
        { collected: input.collected, entered },
        at('collected', input.collected),
      );
    }
    if (next.value === 'voting') {
      db.prepare('UPDATE rounds SET collected = ? WHERE id = ?').run(input.collected, round.id);
      return ok({ round: findRound(db, round.id)!, rerun: null });
    }
    db.prepare("UPDATE rounds SET collected = ?, status = 'void' WHERE id = ?").run(input.collected, round.id);
    // A fresh ballot set for the same candidates, in the same paper order, for the same seats.
    const rerun = insertRound(db, round.contestId, 'rerun', round.seats, round.candidateIds);
    return ok({ round: findRound(db, round.id)!, rerun });
  },
  changes: (_input, output) => roundChanged(output.round),
});

export const result = query<'rounds.result'>((input, { db, caches }) =>
  andThen(requireRound(db, input.roundId), (found) => ok(roundResult(db, found.round, found.contest, caches.tallies))),
);

/**
 * What still keeps a counting round from closing: ballots not all entered, set-aside ballots
 * undecided, double-entry stacks not reconciled. Refused with every missing item (as details)
 * so the counting room sees all of it at once; otherwise the round's result as it stands.
 */
export function closeReady(
  db: SqliteDb,
  round: Round,
  contest: Contest,
  tallies: TallyCache | null,
): Result<RoundResult> {
  // Issue 13: a scanned paper is counted when a person confirms it; one still being read or
  // waiting for a person is a paper not yet counted (a refused page waits for nothing).
  const waiting = waitingPages(db, round.id);
  if (waiting > 0) return refuse('conflict', 'scan.pages_waiting', { count: waiting }, roundField(round));
  const before = roundResult(db, round, contest, tallies);
  const blocking = before.provisional.filter((p) => p !== 'not_closed');
  if (blocking.length === 0) return ok(before);
  const entered = before.tally.counted + before.tally.pendingSetAside;
  const collected = round.collected ?? 0;
  const unreconciled = contest.doubleEntry ? stackSummaries(db, round.id).filter((s) => !s.reconciled).length : 0;
  const details = blocking.map((p) => {
    switch (p) {
      case 'ballots_missing':
        return refuse('conflict', 'round.ballots_missing', { entered, collected }).error;
      case 'set_aside_pending':
        return refuse('conflict', 'round.set_aside_pending', { n: before.tally.pendingSetAside }).error;
      default:
        return refuse('conflict', 'round.stacks_unreconciled', { n: unreconciled }).error;
    }
  });
  return refuse(
    'conflict',
    'round.close_blocked',
    {
      contest: contest.title,
      round: round.number,
      entered,
      collected,
      setAside: before.tally.pendingSetAside,
      stacks: unreconciled,
    },
    { ...roundField(round), details },
  );
}

/**
 * The chief scrutineer closes the round: only when every collected ballot is entered, every
 * set-aside ballot decided and every stack reconciled. Who was elected is fixed here.
 */
export const close = within<'rounds.close', RoundContext, InstallationKey>(
  (input, db) => requireRound(db, input.roundId),
  {
    // Said before the chief scrutineer is asked for the PIN (db/dispatch.ts): what is missing.
    precheck: (input, { db, caches, lan }) =>
      andThen(requireRound(db, input.roundId), ({ round, contest }) =>
        round.status !== 'voting' || round.collected === null
          ? ok(null)
          : andThen(papersAtStations(lan, round.id), () => closeReady(db, round, contest, caches.tallies)),
      ),
    run({ round, contest }, _input, call) {
      const { db } = call;
      // voting (collected recorded) → closed (core/round-state.ts).
      const allowed = canRound(round, contest.title, 'rounds.close');
      if (!allowed.ok) return allowed;
      // Issue 14: a station still holding papers for the round (cut off, or replaying its outbox).
      const atStations = papersAtStations(call.lan, round.id);
      if (!atStations.ok) return atStations;
      // Inside the transaction: counted in full.
      const ready = closeReady(db, round, contest, null);
      if (!ready.ok) return ready;
      const before = ready.value;

      db.prepare("UPDATE rounds SET status = 'closed', closed_by = ?, closed_at = ? WHERE id = ?").run(
        call.operator,
        call.now,
        round.id,
      );
      const candidates = roundCandidates(db, round.id);
      const insertElected = db.prepare(
        'INSERT INTO round_elected (round_id, rank, candidate_id, name, votes) VALUES (?, ?, ?, ?, ?)',
      );
      before.decision.elected.forEach((e, i) => {
        const candidate =
          e.choice.kind === 'candidate' ? candidates[e.choice.index]! : contestCandidateNamed(db, contest, e.name);
        insertElected.run(round.id, i + 1, candidate?.id ?? null, e.name, e.votes);
      });

      let next: Round | null = null;
      const tie = before.decision.tie;
      if (tie) {
        // Rule 6: a new vote among the tied, in the paper order they had, written-in names after.
        // A write-in naming a printed candidate was disregarded (rule 4), so each person is tied
        // once; the set keeps the revote's paper free of a repeated candidate all the same.
        const ids = new Set<number>();
        for (const t of tie.tied) if (t.choice.kind === 'candidate') ids.add(candidates[t.choice.index]!.id);
        for (const t of tie.tied) {
          if (t.choice.kind === 'writeIn') ids.add(writeInCandidate(db, contest, t.choice.name).id);
        }
        next = insertRound(db, contest.id, 'tie_revote', tie.seats, [...ids]);
      } else if (seatsToFill(db, contest) <= 0) {
        db.prepare("UPDATE contests SET status = 'closed' WHERE id = ?").run(contest.id);
      }
      const closed = findRound(db, round.id)!;
      return ok({ result: roundResult(db, closed, findContest(db, contest.id)!, null), next });
    },
    // The key signs the checkpoint that follows the close (db/audit/checkpoint.ts).
    prepare: (_input, { keys }) => loadKey(() => keys.load()),
    // Issue 12: 「each round close writes a checkpoint row signed by the installation key」, in the
    // close's transaction, right after its audit row: a chain rewritten without the key shows here.
    follow: (entry, call, key) => {
      appendCheckpoint(call.db, key, { at: entry.at, operator: entry.operator, station: entry.station });
    },
    changes: (_input, output) => roundChanged(output.result.round),
    // A round closed (and maybe its contest): a copy now, not in a few minutes.
    backupAfter: () => 'round_closed',
  },
);

function contestCandidateNamed(db: SqliteDb, contest: Contest, name: string): Candidate | undefined {
  const wanted = normaliseName(name);
  const matches = listCandidates(db, contest.id).filter((c) => normaliseName(c.name) === wanted);
  return matches.length === 1 ? matches[0] : undefined;
}

/** A written-in name going into a revote becomes a candidate, with the roster's facts when the name is unique there. */
function writeInCandidate(db: SqliteDb, contest: Contest, name: string): Candidate {
  const existing = contestCandidateNamed(db, contest, name);
  if (existing) return existing;
  const delegates = delegatesNamed(db, name);
  const d = delegates.length === 1 ? delegates[0]! : undefined;
  if (d && !listCandidates(db, contest.id).some((c) => c.delegateId === d.id)) {
    return insertCandidate(db, contest.id, { ...candidateFromDelegate(d), fromWriteIn: true });
  }
  return insertCandidate(db, contest.id, { ...namedCandidate(name), fromWriteIn: true });
}

/**
 * Rule 7: 另行选举 for the seats left unfilled, among candidates not yet elected, as the presidium
 * decides — and candidates added after further 酝酿 (「可以另提候选人」), recorded with the
 * presidium's note in the audit row. The added ones join the contest's candidates. The whole
 * paper is in suggested stroke order (rule 9: 姓氏笔画为序), those carried over and those added
 * alike: a new paper, not the old one with names appended.
 */
export const openAdditional = within<'rounds.openAdditional', Contest>(
  (input, db) => requireContest(db, input.contestId),
  {
    run(contest, input, call) {
      const { db } = call;
      const params = { contest: contest.title };
      const contestField = at('contestId', contest.id);
      if (contest.status !== 'voting') {
        const reason = contest.status === 'closed' ? 'round.contest_closed' : 'round.contest_not_voting';
        return refuse('conflict', reason, params, contestField);
      }
      const open = openRound(db, contest.id);
      if (open) return refuse('conflict', 'round.open_round', { ...params, round: open.number }, contestField);
      const unfilled = seatsToFill(db, contest);
      if (input.seats > unfilled) {
        return refuse(
          'invalid_input',
          'round.seats_over_unfilled',
          { seats: input.seats, unfilled },
          at('seats', input.seats),
        );
      }
      if (input.candidateIds.length + input.newCandidates.length === 0) {
        return refuse('invalid_input', 'round.no_candidates', {}, { field: 'candidateIds' });
      }
      const candidates = listCandidates(db, contest.id);
      const byId = new Map(candidates.map((c) => [c.id, c]));
      const elected = electedInContest(db, contest.id);
      const electedIds = new Set(elected.map((e) => e.candidateId));
      const electedNames = new Set(elected.map((e) => normaliseName(e.name)));
      const chosen = new Set<number>();
      for (const id of input.candidateIds) {
        const c = byId.get(id);
        const field = at('candidateIds', id);
        if (!c) return refuse('invalid_input', 'round.not_candidate', { id, contest: contest.title }, field);
        if (electedIds.has(id)) return refuse('invalid_input', 'round.already_elected', { name: c.name }, field);
        if (chosen.has(id)) return refuse('invalid_input', 'round.candidate_twice', { name: c.name }, field);
        chosen.add(id);
      }

      // Those added after 酝酿: from the roster (its facts) or typed with facts; never someone
      // already standing or elected in the contest, nor one of its scrutineers (rule 13).
      const added: CandidateFields[] = [];
      const taken = new Set(candidates.map((c) => normaliseName(c.name)));
      for (const [i, n] of input.newCandidates.entries()) {
        const given = candidateFields(db, n);
        if (!given.ok) return given;
        const fields = given.value;
        const field = { field: `newCandidates.${i}`, value: fields.name };
        const name = normaliseName(fields.name);
        if (electedNames.has(name))
          return refuse('invalid_input', 'round.already_elected', { name: fields.name }, field);
        const standing =
          taken.has(name) ||
          (fields.delegateId !== null && candidates.some((c) => c.delegateId === fields.delegateId)) ||
          added.some((a) => normaliseName(a.name) === name);
        if (standing) {
          return refuse(
            'conflict',
            'round.delegate_already_candidate',
            { name: fields.name, contest: contest.title },
            field,
          );
        }
        const official = refuseOfficialAsCandidate(db, contest, fields.delegateId, field.field);
        if (official) return official;
        const notMember = refuseNonMemberCandidate(db, contest, fields);
        if (notMember) return notMember;
        added.push(fields);
      }
      const inserted = added.map((f) => insertCandidate(db, contest.id, f));
      const paper = suggestBallotOrder([...candidates.filter((c) => chosen.has(c.id)), ...inserted]).map((c) => c.id);
      // As many candidates as seats (等额) in a 另行选举 is allowed but unusual: acknowledged and audited.
      if (paper.length <= input.seats) {
        call.warn(
          warning('warning.additional_one_for_one', {
            contest: contest.title,
            seats: input.seats,
            candidates: paper.length,
          }),
        );
      }
      return ok(insertRound(db, contest.id, 'additional', input.seats, paper));
    },
    changes: (_input, output) => roundChanged(output),
  },
);

/**
 * Rule 16: 「A presidium may declare a round void (选举无效) with its reason; a rerun follows」. The
 * chief scrutineer confirms it (core/roles.ts); the reason, who and when are kept on the round,
 * and a rerun (重新选举) opens with the same candidates, paper order and seats, as rule 2's does.
 */
export const declareVoid = within<'rounds.declareVoid', RoundContext>((input, db) => requireRound(db, input.roundId), {
  run({ round, contest }, input, call) {
    const { db } = call;
    const next = roundTransition(round, contest.title, 'rounds.declareVoid');
    if (!next.ok) return next;
    db.prepare('UPDATE rounds SET status = ?, void_reason = ?, void_by = ?, void_at = ? WHERE id = ?').run(
      next.value,
      input.reason,
      call.operator,
      call.now,
      round.id,
    );
    const rerun = insertRound(db, contest.id, 'rerun', round.seats, round.candidateIds);
    return ok({ round: findRound(db, round.id)!, rerun });
  },
  changes: (_input, output) => roundChanged(output.round),
});
