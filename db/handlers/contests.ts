/**
 * Contests of a meeting (rule 10: several may be voted together on separate papers). A
 * contest is made with its first round; its settings change only before ballots are issued.
 */
import { fail, ok } from '../../core/result.js';
import {
  type Contest,
  electedInContest,
  findContest,
  insertRound,
  listCandidates,
  listContests,
  listRounds,
  openRound,
  requireContest,
  requireSetup,
} from '../elections.js';
import { requireMeeting } from './meetings.js';
import type { QueryHandler, UpdateHandler } from './types.js';

export const contestChanged = (contestId: number, meetingId?: number) => [
  { topic: 'contests' as const, contestId, ...(meetingId === undefined ? {} : { meetingId }) },
];

export const list: QueryHandler<'contests.list'> = {
  kind: 'query',
  run(input, { db }) {
    const meeting = requireMeeting(db, input.meetingId);
    if (!meeting.ok) return meeting;
    return ok(listContests(db, input.meetingId));
  },
};

export const get: QueryHandler<'contests.get'> = {
  kind: 'query',
  run(input, { db }) {
    const contest = requireContest(db, input.contestId);
    if (!contest.ok) return contest;
    return ok({
      contest: contest.value,
      candidates: listCandidates(db, input.contestId),
      rounds: listRounds(db, input.contestId),
    });
  },
};

const emptyToNull = (v: string | null) => (v === null || v === '' ? null : v);

export const create: UpdateHandler<'contests.create'> = {
  kind: 'update',
  run(input, { db }) {
    const meeting = requireMeeting(db, input.meetingId);
    if (!meeting.ok) return meeting;
    const position = db
      .prepare('SELECT coalesce(max(position), 0) + 1 FROM contests WHERE meeting_id = ?')
      .pluck()
      .get(input.meetingId) as number;
    const info = db
      .prepare(
        `INSERT INTO contests (meeting_id, title, kind, seats, margin_percent, double_entry, paper_group, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.meetingId,
        input.title,
        input.kind,
        input.seats,
        input.marginPercent,
        input.doubleEntry ? 1 : 0,
        emptyToNull(input.paperGroup),
        position,
      );
    const contestId = Number(info.lastInsertRowid);
    // The first round exists from the start: its paper order is what approveOrder sets.
    insertRound(db, contestId, 'first', input.seats, []);
    return ok(findContest(db, contestId)!);
  },
  changes: (input, output) => contestChanged(output.id, input.meetingId),
};

export const update: UpdateHandler<'contests.update'> = {
  kind: 'update',
  run(input, { db }) {
    const found = requireContest(db, input.contestId);
    if (!found.ok) return found;
    const setup = requireSetup(found.value, '修改选举设置');
    if (!setup.ok) return setup;
    const c = found.value;
    const next: Contest = {
      ...c,
      title: input.title ?? c.title,
      kind: input.kind ?? c.kind,
      seats: input.seats ?? c.seats,
      marginPercent: input.marginPercent ?? c.marginPercent,
      doubleEntry: input.doubleEntry ?? c.doubleEntry,
      paperGroup: input.paperGroup === undefined ? c.paperGroup : emptyToNull(input.paperGroup),
    };
    db.prepare(
      `UPDATE contests SET title = ?, kind = ?, seats = ?, margin_percent = ?, double_entry = ?, paper_group = ?
       WHERE id = ?`,
    ).run(next.title, next.kind, next.seats, next.marginPercent, next.doubleEntry ? 1 : 0, next.paperGroup, c.id);
    // In setup the contest has only its first round, which votes for all the seats.
    db.prepare("UPDATE rounds SET seats = ? WHERE contest_id = ? AND kind = 'first'").run(next.seats, c.id);
    return ok(findContest(db, c.id)!);
  },
  changes: (input) => contestChanged(input.contestId),
};

/**
 * Rule 7: fewer passed than seats, and the presidium decides to reduce the seats instead of
 * another round. The app records the decision; it does not make it.
 */
export const reduceSeats: UpdateHandler<'contests.reduceSeats'> = {
  kind: 'update',
  run(input, { db }) {
    const found = requireContest(db, input.contestId);
    if (!found.ok) return found;
    const c = found.value;
    const field = { field: 'seats', value: String(input.seats) };
    if (c.status === 'setup') {
      return fail('conflict', `「${c.title}」尚未投票,应选名额请直接修改`, { field: 'contestId', value: String(c.id) });
    }
    if (c.status === 'closed') {
      return fail('conflict', `「${c.title}」已结束,不能再减少名额`, { field: 'contestId', value: String(c.id) });
    }
    const open = openRound(db, c.id);
    if (open) {
      return fail('conflict', `「${c.title}」第 ${open.number} 轮尚未结束,不能减少名额`, {
        field: 'contestId',
        value: String(c.id),
      });
    }
    if (input.seats >= c.seats) {
      return fail('invalid_input', `减少后的名额 ${input.seats} 应少于原应选名额 ${c.seats}`, field);
    }
    const elected = electedInContest(db, c.id).length;
    if (input.seats < elected) {
      return fail('invalid_input', `减少后的名额 ${input.seats} 少于已当选的 ${elected} 人`, field);
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
};
