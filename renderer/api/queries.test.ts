import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { congressInProcess } from '../testing/in-process.js';
import {
  applyChange,
  callOptions,
  fetchCall,
  queryClient,
  queryKey,
  type STALE_AFTER,
  staleAfter,
  startLiveQueries,
} from './queries.js';
import { setTransport } from './transport.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const stops: (() => void)[] = [];

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  queryClient.clear();
  setTransport(null);
});

/** A query shown on screen, as `useCall` makes one, without React. */
function shown<C extends keyof typeof STALE_AFTER>(channel: C, input: object) {
  const observer = new QueryObserver(queryClient, callOptions(channel, input as never));
  const stop = observer.subscribe(() => undefined);
  stops.push(stop);
  return observer;
}

describe('staleAfter: which change events make which reads stale', () => {
  it('scopes an event to the ids both name, and to its topics', () => {
    const tally = queryKey('rounds.result', { roundId: 7 });
    expect(staleAfter({ topic: 'ballots', contestId: 3, roundId: 7 }, tally)).toBe(true);
    expect(staleAfter({ topic: 'ballots', contestId: 3, roundId: 8 }, tally)).toBe(false);
    expect(staleAfter({ topic: 'ballots' }, tally)).toBe(true);
    expect(staleAfter({ topic: 'discipline' }, tally)).toBe(false);
    const summary = queryKey('attendance.summary', { meetingId: 1 });
    expect(staleAfter({ topic: 'attendance', meetingId: 1 }, summary)).toBe(true);
    expect(staleAfter({ topic: 'attendance', meetingId: 2 }, summary)).toBe(false);
    // A roster change touches every meeting's attendance.
    expect(staleAfter({ topic: 'roster' }, summary)).toBe(true);
  });

  it('makes the result status stale after any change to what is signed, and after an audit row alone (it names the audit head the forms print)', () => {
    const status = queryKey('result.status', {});
    for (const topic of ['congress', 'roster', 'attendance', 'contests', 'ballots', 'discipline', 'audit'] as const) {
      expect(staleAfter({ topic }, status)).toBe(true);
    }
    expect(staleAfter({ topic: 'audit' }, queryKey('contests.list', { meetingId: 1 }))).toBe(false);
  });
});

describe('the fetch layer against the real backend', () => {
  it('answers a second read from the cache, and a refusal as the store said it', async () => {
    const s = await congressInProcess();
    const first = await fetchCall('attendance.summary', { meetingId: s.meetingId });
    const second = await fetchCall('attendance.summary', { meetingId: s.meetingId });
    expect(first.ok && second.ok).toBe(true);
    expect(s.calls.get('attendance.summary')).toBe(1);
    const missing = await fetchCall('contests.get', { contestId: 999 });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not_found');
  });

  it('re-reads what is shown when a check-in commits, and only marks the rest stale', async () => {
    const s = await congressInProcess();
    stops.push(startLiveQueries());
    const summary = shown('attendance.summary', { meetingId: s.meetingId });
    await settle();
    const before = summary.getCurrentResult().data as { present: number } | undefined;
    expect(before?.present).toBe(0);
    // Read once, not shown: stale after the event, but not read again until shown.
    await fetchCall('delegates.list', {});
    await fetchCall('operators.list', {});
    await s.call('attendance.checkIn', { meetingId: s.meetingId, delegateId: s.ids.get('001')! });
    await settle();
    expect((summary.getCurrentResult().data as { present: number }).present).toBe(1);
    expect(s.calls.get('attendance.summary')).toBe(2);
    expect(queryClient.getQueryState(queryKey('delegates.list', {}))?.isInvalidated).toBe(false);
    expect(s.calls.get('delegates.list')).toBe(1);
    // An operators read is not touched by a check-in.
    expect(queryClient.getQueryState(queryKey('operators.list', {}))?.isInvalidated).toBe(false);
  });

  it('costs one call in flight and one after it for a burst of events, and shows the last state', async () => {
    const s = await congressInProcess(5);
    stops.push(startLiveQueries());
    const summary = shown('attendance.summary', { meetingId: s.meetingId });
    await settle();
    const held = s.hold('attendance.summary');
    applyChange({ topic: 'attendance', meetingId: s.meetingId });
    await settle();
    // Five check-ins while that read is in flight.
    for (const badge of ['001', '002', '003', '004', '005']) {
      await s.tb.backend.invoke(
        'attendance.checkIn',
        { meetingId: s.meetingId, delegateId: s.ids.get(badge)! },
        {
          operator: '李明',
          station: '报到处1',
        },
      );
    }
    held.release();
    await settle();
    await settle();
    expect(s.calls.get('attendance.summary')).toBe(3);
    expect((summary.getCurrentResult().data as { present: number }).present).toBe(5);
  });
});
