/**
 * The result file's content, read from an open congress file (core/result-file.ts has the
 * shape). Every figure here is the one the app shows and prints; the district recounts them.
 */
import { takesDisciplineVows } from '../../core/discipline.js';
import type { PersonFacts } from '../../core/election-types.js';
import {
  encodeMarks,
  type ResultContent,
  type ResultContest,
  type ResultMeeting,
  type ResultRound,
  resultContentSchema,
} from '../../core/result-file.js';
import { bodyStructure } from '../../core/structure.js';
import { meetingAttendance } from '../attendance/electorate.js';
import { findMeeting, listApprovals, listDelegates, listMeetings, readCongress } from '../congress/records.js';
import { listOfficials } from '../contests/officials.js';
import { type Contest, delegatesNamed, factsOf, listCandidates, listContests } from '../count/contest-rows.js';
import { roundResult } from '../count/round-result.js';
import { electedInContest, listRounds } from '../count/round-rows.js';
import type { TallyCache } from '../count/tally-cache.js';
import type { SqliteDb } from '../open.js';

interface BallotRow {
  seq: number;
  marks: string;
  write_ins: string;
  state: 'counted' | 'set_aside' | 'voided' | 'superseded';
  entry: 1 | 2 | null;
  decision: 'as_entered' | 'invalid' | null;
  image_sha256: string | null;
}

const MARK_CHAR = { circle: 'o', cross: 'x', none: '-' } as const;

function roundOut(
  db: SqliteDb,
  contest: Contest,
  round: ReturnType<typeof listRounds>[number],
  tallies: TallyCache | null,
): ResultRound {
  const rows = db
    .prepare(
      'SELECT seq, marks, write_ins, state, entry, decision, image_sha256 FROM ballots WHERE round_id = ? ORDER BY seq',
    )
    .all(round.id) as BallotRow[];
  const result = roundResult(db, round, contest, tallies);
  const candidateId = (index: number) => round.candidateIds[index]!;
  const choice = (c: (typeof result.decision.elected)[number]) => ({
    name: c.name,
    votes: c.votes,
    candidateId: c.choice.kind === 'candidate' ? candidateId(c.choice.index) : null,
  });
  return {
    number: round.number,
    kind: round.kind,
    seats: round.seats,
    status: round.status,
    candidateIds: round.candidateIds,
    votersPresent: round.votersPresent,
    due: round.due,
    ballotsPrinted: round.ballotsPrinted,
    issued: round.issued,
    spareVoided: round.spareVoided,
    collected: round.collected,
    closedBy: round.closedBy,
    closedAt: round.closedAt,
    ballots: rows.map((r) => ({
      seq: r.seq,
      marks: encodeMarks(JSON.parse(r.marks)),
      writeIns: (JSON.parse(r.write_ins) as { name: string; mark: keyof typeof MARK_CHAR }[]).map((w) => ({
        name: w.name,
        mark: MARK_CHAR[w.mark],
      })),
      state: r.state,
      entry: r.entry,
      decision: r.decision,
      imageSha256: r.image_sha256,
    })),
    tally: result.tally,
    // Only a closed round has a result; a void one was never counted for anyone.
    decision:
      round.status === 'closed'
        ? {
            threshold: result.decision.threshold,
            basis: result.decision.basis,
            basisKind: result.decision.basisKind,
            elected: result.decision.elected.map(choice),
            tie: result.decision.tie && {
              tied: result.decision.tie.tied.map(choice),
              seats: result.decision.tie.seats,
            },
            unfilled: result.decision.unfilled,
            majorityTest: result.decision.majorityTest,
          }
        : null,
    voidDeclaration: round.voidDeclaration,
  };
}

const UNKNOWN: PersonFacts = { gender: null, birthDate: null, ethnicity: null, education: null };

function contestOut(db: SqliteDb, contest: Contest, tallies: TallyCache | null): ResultContest {
  const candidates = listCandidates(db, contest.id);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const rounds = listRounds(db, contest.id);
  const roundNumber = new Map(rounds.map((r) => [r.id, r.number]));
  const elected = electedInContest(db, contest.id).map((e) => {
    const candidate = e.candidateId === null ? undefined : byId.get(e.candidateId);
    // A written-in person: the roster's facts when exactly one delegate has the name (as the app counts).
    const named = candidate ? [] : delegatesNamed(db, e.name);
    const facts = candidate ? factsOf(candidate) : named.length === 1 ? factsOf(named[0]!) : UNKNOWN;
    return { name: e.name, round: roundNumber.get(e.roundId)!, votes: e.votes, candidateId: e.candidateId, ...facts };
  });
  const meeting = findMeeting(db, contest.meetingId)!;
  return {
    id: contest.id,
    meetingId: contest.meetingId,
    title: contest.title,
    kind: contest.kind,
    marking: contest.marking,
    officials: listOfficials(db, contest.id).map((o) => ({
      role: o.role,
      name: o.name,
      approval: o.approval,
      appointedBy: o.appointedBy,
      appointedAt: o.appointedAt,
    })),
    fromPrevoteId: contest.fromPrevoteId,
    seats: contest.seats,
    marginPercent: contest.marginPercent,
    seatsReducedTo: contest.seatsReducedTo,
    seatsReducedNote: contest.seatsReducedNote,
    status: contest.status,
    candidates: candidates.map((c) => ({
      id: c.id,
      name: c.name,
      ...factsOf(c),
      unit: c.unit,
      fromWriteIn: c.fromWriteIn,
    })),
    rounds: rounds.map((r) => roundOut(db, contest, r, tallies)),
    elected,
    structure: bodyStructure(elected, meeting.date),
  };
}

function oathOut(db: SqliteDb, meetingId: number) {
  const row = db
    .prepare(
      `SELECT o.started_at AS startedAt, o.ended_at AS endedAt, o.leader, t.version AS textVersion,
         (SELECT count(*) FROM oath_participants p WHERE p.oath_id = o.id AND p.late = 0) AS participants,
         (SELECT count(*) FROM oath_participants p WHERE p.oath_id = o.id AND p.late = 1) AS latecomers
       FROM oaths o JOIN discipline_texts t ON t.id = o.text_id WHERE o.meeting_id = ?`,
    )
    .get(meetingId) as NonNullable<ResultContent['meetings'][number]['oath']> | undefined;
  return row ?? null;
}

function pledgesOut(db: SqliteDb): ResultContent['pledges'] {
  const due = new Set(
    listDelegates(db)
      .filter(takesDisciplineVows)
      .map((d) => d.id),
  );
  const current = db
    .prepare(
      `SELECT delegate_id AS delegateId, status FROM pledges p
       WHERE withdrawn_at IS NULL AND id = (SELECT max(id) FROM pledges q WHERE q.delegate_id = p.delegate_id AND q.withdrawn_at IS NULL)`,
    )
    .all() as { delegateId: number; status: 'signed' | 'refused' }[];
  const mine = current.filter((p) => due.has(p.delegateId));
  return {
    due: due.size,
    signed: mine.filter((p) => p.status === 'signed').length,
    refused: mine.filter((p) => p.status === 'refused').length,
  };
}

/** The content of the result file for the open congress, checked against the schema. */
/** `tallies`: the open congress's cache (db/caches.ts); without it, every round is counted in full. */
export function resultContent(db: SqliteDb, tallies: TallyCache | null): ResultContent {
  const congress = readCongress(db);
  const delegates = listDelegates(db);
  const approvals = listApprovals(db);
  const meetings = listMeetings(db).map((m): ResultMeeting => {
    // The meeting's own electorate and exclusions: the figures its quorum and rounds used.
    const a = meetingAttendance(db, m.id);
    return {
      id: m.id,
      name: m.name,
      date: m.date,
      electorate:
        m.electorate === 'members' && m.electorateContestId !== null
          ? { kind: 'members', contestId: m.electorateContestId }
          : { kind: 'delegates' },
      exclusions: a.exclusions.map((x) => ({ kind: x.kind, note: x.note })),
      approvals: approvals
        .filter((x) => x.meetingId === m.id)
        .map((x) => ({ approvedMeetingId: x.approvedMeetingId, note: x.note, by: x.operator, at: x.at })),
      attendance: {
        due: a.due,
        present: a.present,
        leave: a.leave,
        absent: a.absent,
        nonvotingPresent: a.nonvotingPresent,
        alternatePresent: a.alternatePresent,
      },
      oath: oathOut(db, m.id),
    };
  });
  const content: ResultContent = {
    congress: {
      name: congress.name,
      date: congress.date,
      venue: congress.venue,
      uid: congress.uid,
      settings: {
        quorumAllowEqual: congress.settings.quorumAllowEqual,
        marking: congress.settings.marking,
        tieRevoteNeedsMajority: congress.settings.tieRevoteNeedsMajority,
      },
    },
    meetings,
    pledges: pledgesOut(db),
    contests: listMeetings(db).flatMap((m) => listContests(db, m.id).map((c) => contestOut(db, c, tallies))),
    delegates: {
      voting: delegates.filter((d) => d.category === 'voting').length,
      alternate: delegates.filter((d) => d.category === 'alternate').length,
      nonvoting: delegates.filter((d) => d.category === 'nonvoting').length,
    },
  };
  // What we write must be what a verifier accepts: a drift here is a bug, not a user error.
  return resultContentSchema.parse(content);
}

/** The audit chain's length and head, as the file states them. */
export function auditHead(db: SqliteDb): { entries: number; head: string } {
  const row = db
    .prepare('SELECT count(*) AS entries, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS head FROM audit_log')
    .get() as {
    entries: number;
    head: string | null;
  };
  return { entries: row.entries, head: row.head ?? '0'.repeat(64) };
}
