import { afterEach, describe, expect, it } from 'vitest';
import type { AttendanceRecord } from '../../../core/domain.js';
import { fetchCall, peekCall, queryClient, startLiveQueries } from '../../api/queries.js';
import { setTransport } from '../../api/transport.js';
import { useCongress } from '../../app/congress.js';
import { congressInProcess } from '../../testing/in-process.js';
import { recordsOf, sameRecords, standingOf } from './attendance.js';
import { useDesk } from './store.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const stops: (() => void)[] = [];

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  useDesk.getState().setMeeting(null);
  useCongress.setState({ file: null });
  queryClient.clear();
  setTransport(null);
});

/** The desk of the congress's meeting, with the congress's settings as the window knows them. */
async function deskAt(n: number, pledgeAtDesk: boolean) {
  const s = await congressInProcess(n);
  await s.call('congress.updateSettings', { pledgeAtDesk });
  const file = await s.call('congress.get', {});
  useCongress.setState({ file });
  useDesk.getState().setMeeting(s.meetingId);
  return s;
}

const queue = () => useDesk.getState().pledgeQueue.map((a) => a.delegate.badge);

describe('the pledge queue at the desk', () => {
  it('asks the delegates just checked in, in order, and moves on when one is done', async () => {
    const s = await deskAt(3, true);
    const desk = useDesk.getState();
    await desk.checkInByBadge('002');
    await desk.checkInByBadge('001');
    await settle();
    expect(queue()).toEqual(['002', '001']);
    // Scanned again: already present, not asked twice.
    await desk.checkInByBadge('002');
    await settle();
    expect(queue()).toEqual(['002', '001']);
    useDesk.getState().nextPledge();
    expect(queue()).toEqual(['001']);
    expect(s.calls.get('attendance.checkInByBadge')).toBe(3);
  });

  it('drops an undone check-in from the queue, but not the one whose dialog is up', async () => {
    await deskAt(3, true);
    const desk = useDesk.getState();
    await desk.checkInByBadge('001');
    await desk.checkInByBadge('002');
    await desk.checkInByBadge('003');
    await settle();
    await desk.undoLast();
    expect(queue()).toEqual(['001', '002']);
    expect(useDesk.getState().banner).toMatchObject({ kind: 'undone' });
  });

  it('asks no one who has signed, and no one when the congress does not ask at the desk', async () => {
    const s = await deskAt(2, true);
    const texts = await s.call('discipline.texts', {});
    await s.call('pledges.sign', {
      delegateId: s.ids.get('001')!,
      meetingId: s.meetingId,
      textId: texts.pledge.id,
      signaturePngBase64: SIGNATURE,
    });
    await useDesk.getState().checkInByBadge('001');
    await settle();
    expect(queue()).toEqual([]);
    useCongress.setState({ file: await s.call('congress.get', {}) });
    await s.call('congress.updateSettings', { pledgeAtDesk: false });
    useCongress.setState({ file: await s.call('congress.get', {}) });
    await useDesk.getState().checkInByBadge('002');
    await settle();
    expect(queue()).toEqual([]);
  });
});

describe('a check-in at the desk', () => {
  it('names the delegate in the banner first, then shows the record in the cached list before any re-read', async () => {
    const s = await deskAt(2, false);
    const list = await fetchCall('attendance.list', { meetingId: s.meetingId });
    expect(list.ok && list.value).toEqual([]);
    const held = s.hold('attendance.list');
    stops.push(startLiveQueries());
    await useDesk.getState().checkInByBadge('002');
    // The banner as the call answers; the 3,000-row lists take the record a task later.
    expect(useDesk.getState().banner).toMatchObject({ kind: 'checked_in' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const shown = peekCall('attendance.list', { meetingId: s.meetingId }) ?? [];
    expect(shown.map((r) => [r.delegateId, r.status])).toEqual([[s.ids.get('002'), 'present']]);
    held.release();
  });

  it('names an unknown badge as not found, and changes nothing', async () => {
    const s = await deskAt(1, false);
    await useDesk.getState().checkInByBadge('999');
    const banner = useDesk.getState().banner;
    expect(banner?.kind).toBe('not_found');
    if (banner?.kind === 'not_found') expect(banner.error.code).toBe('not_found');
    expect(peekCall('attendance.list', { meetingId: s.meetingId })).toBeUndefined();
  });
});

describe('the attendance the lists are drawn from', () => {
  const record = (delegateId: number, status: AttendanceRecord['status']): AttendanceRecord =>
    ({ delegateId, status, at: '2026-03-20T08:00:00.000Z', reason: null }) as AttendanceRecord;

  it('says a re-read with the same records is the same, and a changed status is not', () => {
    const a = recordsOf([record(1, 'present'), record(2, 'leave')]);
    expect(sameRecords(a, recordsOf([record(2, 'leave'), record(1, 'present')]))).toBe(true);
    expect(sameRecords(a, recordsOf([record(1, 'present'), record(2, 'absent')]))).toBe(false);
    expect(sameRecords(a, recordsOf([record(1, 'present')]))).toBe(false);
  });

  it('keeps only the exclusions not revoked', () => {
    const standing = standingOf([
      { id: 1, delegateId: 7, revokedAt: null },
      { id: 2, delegateId: 8, revokedAt: '2026-03-20T09:00:00.000Z' },
    ] as never);
    expect([...standing.keys()]).toEqual([7]);
  });
});

/** A 1×1 PNG, as a signature pad would send a (very small) drawing. */
const SIGNATURE = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
