/**
 * Issue 15 item 6: when the meeting starts, as the store knows it. Until then those due and not
 * here are 未到; from its oath, or from the first papers handed out, they are 缺席.
 */
import { describe, expect, it } from 'vitest';
import { election } from './election-setup.js';

describe('attendance.summary says whether the meeting has started', () => {
  it('not before its oath or a round; the oath starts it, and says so to every window', async () => {
    const c = await election({ voters: 10, present: 9 });
    const before = await c.call('attendance.summary', { meetingId: c.meetingId });
    expect(before).toMatchObject({ started: false, due: 10, present: 9, absent: 1, alternatePresent: 1 });
    await c.call('oath.start', { meetingId: c.meetingId, leader: null });
    // The desks and the hall's board read the summary again on this event.
    expect(c.events).toContainEqual({ topic: 'attendance', meetingId: c.meetingId });
    const after = await c.call('attendance.summary', { meetingId: c.meetingId });
    expect(after).toEqual({ ...before, started: true });
  });

  it('the first papers handed out start it, without an oath', async () => {
    const c = await election({ voters: 10, present: 9 });
    expect((await c.call('attendance.summary', { meetingId: c.meetingId })).started).toBe(false);
    await c.distribute();
    expect(await c.call('attendance.summary', { meetingId: c.meetingId })).toMatchObject({ started: true, absent: 1 });
  });

  it('one meeting started leaves another of the congress not started', async () => {
    const c = await election({ voters: 10, present: 9 });
    const other = await c.call('meetings.create', { name: '第二次全体会议', date: '2026-03-21' });
    await c.call('oath.start', { meetingId: c.meetingId, leader: null });
    expect((await c.call('attendance.summary', { meetingId: other.id })).started).toBe(false);
  });
});
