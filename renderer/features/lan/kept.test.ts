/**
 * A write a station cut off from its host keeps in its outbox answers `queued` (issue 14): the desk
 * and the ballot sheet show it as kept and go on to the next delegate or paper, where any other
 * refusal still shows as one (the desk's error, the paper brought back to the sheet). Against the
 * real backend in this process; only the answers of the one channel are those of a cut-off link.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeInContext } from '../../../core/ballot.js';
import { DEFAULT_CONVENTION } from '../../../core/election-types.js';
import { type AppError, refuse } from '../../../core/result.js';
import { election } from '../../../tests/db/election-setup.js';
import { fetchCall, queryClient } from '../../api/queries.js';
import { setTransport, transport } from '../../api/transport.js';
import { useCongress } from '../../app/congress.js';
import { congressInProcess, installBackend } from '../../testing/in-process.js';
import { paperOrder } from '../contests/store.js';
import { createCommitQueue } from '../count/commit-queue.js';
import { createSheet } from '../count/sheet.js';
import { useDesk } from '../desk/store.js';

afterEach(() => {
  useDesk.getState().setMeeting(null);
  useCongress.setState({ file: null });
  queryClient.clear();
  setTransport(null);
});

const kept = (queued: number) => refuse('queued', 'lan.queued', { queued });

/** The transport installed now, with `channel` answered by `answer()` instead of the backend. */
function cutOff(channel: string, answer: () => { ok: false; error: AppError }) {
  const inner = transport();
  let cut = true;
  setTransport({
    invoke: (c, input, ctx) => (cut && c === channel ? Promise.resolve(answer()) : inner.invoke(c, input, ctx)),
    onChange: (listener) => inner.onChange(listener),
  });
  return {
    reconnect() {
      cut = false;
    },
  };
}

describe('a check-in kept at a desk cut off from its host', () => {
  it('shows as kept, naming the delegate, and not as an error', async () => {
    const s = await congressInProcess(3);
    useCongress.setState({ file: await s.call('congress.get', {}) });
    useDesk.getState().setMeeting(s.meetingId);
    // The desk has read the roster (its search needs it) before the cable was pulled.
    await fetchCall('delegates.list', {});
    cutOff('attendance.checkInByBadge', () => kept(12));
    await useDesk.getState().checkInByBadge('002');
    const banner = useDesk.getState().banner;
    expect(banner).toMatchObject({ kind: 'kept', query: '002', delegate: { badge: '002' } });
    expect(banner?.kind === 'kept' && banner.error.params).toEqual({ queued: 12 });
    // By id (a click in the list) too.
    cutOff('attendance.checkIn', () => kept(13));
    await useDesk.getState().checkIn(s.ids.get('003')!);
    expect(useDesk.getState().banner).toMatchObject({ kind: 'kept', delegate: { badge: '003' } });
    expect(useDesk.getState().inFlight).toBe(0);
  });

  it('still shows a refusal as one', async () => {
    const s = await congressInProcess(2);
    useCongress.setState({ file: await s.call('congress.get', {}) });
    useDesk.getState().setMeeting(s.meetingId);
    cutOff('attendance.checkInByBadge', () => refuse('offline', 'lan.offline'));
    await useDesk.getState().checkInByBadge('001');
    expect(useDesk.getState().banner).toMatchObject({ kind: 'error', error: { code: 'offline' } });
  });
});

describe('a ballot kept at a counting station cut off from its host', () => {
  async function sheetOn() {
    const e = await election({ seats: 2 });
    await e.open();
    installBackend(e);
    const detail = await e.call('contests.get', { contestId: e.contest.id });
    const round = detail.rounds.find((r) => r.id === e.roundId)!;
    const candidates = paperOrder(round, detail.candidates);
    const sheet = createSheet(createCommitQueue({ retryAfter: async () => undefined }));
    sheet.getState().setRound({
      roundId: e.roundId,
      candidates,
      seats: round.seats,
      convention: DEFAULT_CONVENTION,
      context: writeInContext({ printed: candidates.map((c) => c.name) }),
      doubleEntry: false,
    });
    sheet.getState().setDefaultMark('circle');
    const key = (rows: string) => {
      for (const digit of rows) sheet.getState().typeDigit(digit);
      return sheet.getState().commit(false);
    };
    return { e, sheet, key };
  }

  it('leaves the sheet free for the next paper and says the paper is kept', async () => {
    const { sheet, key } = await sheetOn();
    const link = cutOff('ballots.enter', () => kept(1));
    await key('34');
    expect(sheet.getState()).toMatchObject({ error: null, touched: false, last: null });
    expect(sheet.getState().kept).toMatchObject({ code: 'queued', params: { queued: 1 } });
    expect(sheet.getState().marks).toEqual(['circle', 'circle', 'circle', 'circle']);
    // The link is back: the next paper is entered, and the line says so instead.
    link.reconnect();
    await key('3');
    expect(sheet.getState().kept).toBeNull();
    expect(sheet.getState().last).toMatchObject({ kind: 'committed' });
  });

  it('brings a refused paper back to the sheet as before', async () => {
    const { sheet, key } = await sheetOn();
    cutOff('ballots.enter', () => refuse('conflict', 'round.closed'));
    await key('34');
    expect(sheet.getState().kept).toBeNull();
    expect(sheet.getState().error).toMatchObject({ code: 'conflict' });
    expect(sheet.getState().marks).toEqual(['circle', 'circle', 'cross', 'cross']);
  });
});
