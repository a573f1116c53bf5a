import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { callOptions, queryClient, startLiveQueries } from '../../api/queries.js';
import { setTransport } from '../../api/transport.js';
import { congressInProcess } from '../../testing/in-process.js';
import { writeContest } from './store.js';

const stops: (() => void)[] = [];
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  queryClient.clear();
  setTransport(null);
});

function shown(input: { contestId: number }) {
  const observer = new QueryObserver(queryClient, callOptions('contests.get', input));
  stops.push(observer.subscribe(() => undefined));
  return observer;
}

/** A one-seat contest of the congress's meeting. */
const contestIn = (s: Awaited<ReturnType<typeof congressInProcess>>, title: string) =>
  s.call('contests.create', {
    meetingId: s.meetingId,
    title,
    kind: 'election',
    seats: 1,
    marginPercent: 0,
    doubleEntry: false,
    paperGroup: null,
  });

describe('writeContest: what a write touched is read again where shown', () => {
  it('shows the new candidate once the write answers', async () => {
    const s = await congressInProcess();
    stops.push(startLiveQueries());
    const contest = await contestIn(s, '党委委员');
    const detail = shown({ contestId: contest.id });
    await settle();
    expect(detail.getCurrentResult().data?.candidates).toHaveLength(0);
    const r = await writeContest(contest.id, 'candidates.add', {
      contestId: contest.id,
      delegateId: null,
      name: '王丽华',
      gender: 'female',
      birthDate: null,
      ethnicity: null,
      education: null,
      unit: null,
    });
    expect(r.ok).toBe(true);
    await settle();
    expect(detail.getCurrentResult().data?.candidates.map((c) => c.name)).toEqual(['王丽华']);
  });

  it('reads the contest again in a window whose change events have not come (none followed here)', async () => {
    const s = await congressInProcess();
    const contest = await contestIn(s, '纪委委员');
    const detail = shown({ contestId: contest.id });
    await settle();
    const r = await writeContest(contest.id, 'contests.update', { contestId: contest.id, title: '纪委委员(二)' });
    expect(r.ok).toBe(true);
    await settle();
    expect(detail.getCurrentResult().data?.contest.title).toBe('纪委委员(二)');
    expect(s.calls.get('contests.get')).toBe(2);
  });

  it('answers a refusal at once and reads nothing again', async () => {
    const s = await congressInProcess();
    const r = await writeContest(999, 'candidates.remove', { candidateId: 999 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('not_found');
    expect(s.calls.get('contests.get') ?? 0).toBe(0);
  });
});
