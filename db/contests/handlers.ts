/**
 * Contests of a meeting (rule 10: several may be voted together on separate papers). A
 * contest is made with its first round; its settings change only before ballots are issued.
 */
import type { MarkingConvention } from '../../core/election-types.js';
import { andThen, at, ok, type Result, refuse } from '../../core/result.js';
import { readCongress } from '../congress/records.js';
import {
  type Contest,
  findContest,
  listCandidates,
  listContests,
  requireContest,
  requireSetup,
} from '../count/contest-rows.js';
import { electedInContest, insertRound, listRounds, openRound } from '../count/round-rows.js';
import { query, type UpdateHandler, within } from '../handler-types.js';
import { requireMeeting } from '../meetings/handlers.js';
import type { SqliteDb } from '../open.js';

export const contestChanged = (contestId: number, meetingId?: number) => [
  { topic: 'contests' as const, contestId, ...(meetingId === undefined ? {} : { meetingId }) },
];

export const list = query<'contests.list'>((input, { db }) =>
  andThen(requireMeeting(db, input.meetingId), () => ok(listContests(db, input.meetingId))),
);

export const get = query<'contests.get'>((input, { db }) =>
  andThen(requireContest(db, input.contestId), (contest) =>
    ok({
      contest: contest,
      candidates: listCandidates(db, input.contestId),
      rounds: listRounds(db, input.contestId),
    }),
  ),
);

const emptyToNull = (v: string | null) => (v === null || v === '' ? null : v);

// ——— Rule 3: a marking convention per contest, one per paper group ———

const conventionText = (m: MarkingConvention) =>
  JSON.stringify([m.circle, m.cross, m.none, m.writeInNeedsMark, m.writeInNeedsAgainst]);
const sameConvention = (a: MarkingConvention, b: MarkingConvention) => conventionText(a) === conventionText(b);
/** Stored in a fixed key order, so that equal conventions are equal text. */
const markingText = (m: MarkingConvention) =>
  JSON.stringify({
    circle: m.circle,
    cross: m.cross,
    none: m.none,
    writeInNeedsMark: m.writeInNeedsMark,
    writeInNeedsAgainst: m.writeInNeedsAgainst,
  });

/** The other contests of the meeting issued on the same papers (rule 10). */
function groupContests(db: SqliteDb, meetingId: number, paperGroup: string | null, except: number | null) {
  if (paperGroup === null) return [];
  return listContests(db, meetingId).filter((c) => c.paperGroup === paperGroup && c.id !== except);
}

/** Contests of one paper group share one convention: a voter reads one set of papers one way. */
function requireGroupConvention(
  title: string,
  marking: MarkingConvention,
  paperGroup: string | null,
  others: readonly Contest[],
): Result<void> {
  const other = others.find((o) => !sameConvention(o.marking, marking));
  if (!other) return ok(undefined);
  return refuse(
    'invalid_input',
    'count.marking_group_differs',
    { contest: title, other: other.title, group: paperGroup ?? '' },
    { field: 'marking' },
  );
}

const ballotsOfContest = (db: SqliteDb, contestId: number) =>
  db
    .prepare('SELECT count(*) FROM ballots b JOIN rounds r ON r.id = b.round_id WHERE r.contest_id = ?')
    .pluck()
    .get(contestId) as number;

export const create: UpdateHandler<'contests.create'> = {
  kind: 'update',
  run(input, { db }) {
    const meeting = requireMeeting(db, input.meetingId);
    if (!meeting.ok) return meeting;
    const position = db
      .prepare('SELECT coalesce(max(position), 0) + 1 FROM contests WHERE meeting_id = ?')
      .pluck()
      .get(input.meetingId) as number;
    // Rule 3: the convention is the contest's own; by default its paper group's, else the
    // congress setting (the default for new contests).
    const paperGroup = emptyToNull(input.paperGroup);
    const group = groupContests(db, input.meetingId, paperGroup, null);
    const marking = input.marking ?? group[0]?.marking ?? readCongress(db).settings.marking;
    const shared = requireGroupConvention(input.title, marking, paperGroup, group);
    if (!shared.ok) return shared;
    const info = db
      .prepare(
        `INSERT INTO contests (meeting_id, title, kind, seats, margin_percent, double_entry, paper_group, position, marking)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.meetingId,
        input.title,
        input.kind,
        input.seats,
        input.marginPercent,
        input.doubleEntry ? 1 : 0,
        paperGroup,
        position,
        markingText(marking),
      );
    const contestId = Number(info.lastInsertRowid);
    // The first round exists from the start: its paper order is what approveOrder sets.
    insertRound(db, contestId, 'first', input.seats, []);
    return ok(findContest(db, contestId)!);
  },
  changes: (input, output) => contestChanged(output.id, input.meetingId),
};

export const update = within<'contests.update', Contest>((input, db) => requireContest(db, input.contestId), {
  run(c, input, { db }) {
    // The convention alone may still change after distribution, until the first ballot is in.
    const { contestId: _id, marking: _marking, ...settings } = input;
    if (Object.values(settings).some((v) => v !== undefined)) {
      const setup = requireSetup(c, 'edit_settings');
      if (!setup.ok) return setup;
    }
    const next: Contest = {
      ...c,
      title: input.title ?? c.title,
      kind: input.kind ?? c.kind,
      seats: input.seats ?? c.seats,
      marginPercent: input.marginPercent ?? c.marginPercent,
      doubleEntry: input.doubleEntry ?? c.doubleEntry,
      paperGroup: input.paperGroup === undefined ? c.paperGroup : emptyToNull(input.paperGroup),
      marking: input.marking ?? c.marking,
    };
    // Rule 3: a new convention applies to the whole paper group, and only while none of its
    // contests has a ballot: the convention is how every stored ballot is read.
    const group = groupContests(db, c.meetingId, next.paperGroup, c.id);
    if (input.marking !== undefined && !sameConvention(input.marking, c.marking)) {
      for (const contest of [c, ...group]) {
        const ballots = ballotsOfContest(db, contest.id);
        if (ballots > 0) {
          return refuse('conflict', 'count.marking_locked', { contest: contest.title, ballots }, { field: 'marking' });
        }
      }
      const setMarking = db.prepare('UPDATE contests SET marking = ? WHERE id = ?');
      for (const contest of [c, ...group]) setMarking.run(markingText(next.marking), contest.id);
    } else if (next.paperGroup !== c.paperGroup) {
      // Joining a paper group: the papers issued together are read one way.
      const shared = requireGroupConvention(next.title, next.marking, next.paperGroup, group);
      if (!shared.ok) return shared;
    }
    db.prepare(
      `UPDATE contests SET title = ?, kind = ?, seats = ?, margin_percent = ?, double_entry = ?, paper_group = ?
       WHERE id = ?`,
    ).run(next.title, next.kind, next.seats, next.marginPercent, next.doubleEntry ? 1 : 0, next.paperGroup, c.id);
    // In setup the contest has only its first round, which votes for all the seats.
    db.prepare("UPDATE rounds SET seats = ? WHERE contest_id = ? AND kind = 'first'").run(next.seats, c.id);
    return ok(findContest(db, c.id)!);
  },
  changes: (input) => contestChanged(input.contestId),
});

/**
 * Rule 7: fewer passed than seats, and the presidium decides to reduce the seats instead of
 * another round. The app records the decision; it does not make it.
 */
export const reduceSeats = within<'contests.reduceSeats', Contest>((input, db) => requireContest(db, input.contestId), {
  run(c, input, { db }) {
    const field = at('seats', input.seats);
    // The contest's state refuses it (at the contest), or the number asked for does (at the seats).
    const atContest = at('contestId', c.id);
    if (c.status === 'setup') return refuse('conflict', 'contest.reduce_setup', { contest: c.title }, atContest);
    if (c.status === 'closed') return refuse('conflict', 'contest.reduce_closed', { contest: c.title }, atContest);
    const open = openRound(db, c.id);
    if (open) {
      return refuse('conflict', 'contest.reduce_round_open', { contest: c.title, round: open.number }, atContest);
    }
    if (input.seats >= c.seats) {
      return refuse('invalid_input', 'contest.reduce_not_fewer', { seats: input.seats, current: c.seats }, field);
    }
    const elected = electedInContest(db, c.id).length;
    if (input.seats < elected) {
      return refuse('invalid_input', 'contest.reduce_below_elected', { seats: input.seats, elected }, field);
    }
    db.prepare('UPDATE contests SET seats_reduced_to = ?, seats_reduced_note = ? WHERE id = ?').run(
      input.seats,
      input.note,
      c.id,
    );
    // With no round open, the contest is over once those elected fill the reduced seats.
    if (elected >= input.seats) db.prepare("UPDATE contests SET status = 'closed' WHERE id = ?").run(c.id);
    return ok(findContest(db, c.id)!);
  },
  changes: (input) => contestChanged(input.contestId),
});
