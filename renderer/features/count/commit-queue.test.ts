/**
 * The commit queue and the sheet against the REAL backend in this process (a real congress
 * file): what the counter keys lands in the store in the order keyed, once, whatever happens
 * between Enter and the store's answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeInContext } from '../../../core/ballot.js';
import { DEFAULT_CONVENTION } from '../../../core/election-types.js';
import { refuse } from '../../../core/result.js';
import { election } from '../../../tests/db/election-setup.js';
import { setCallContext, setCallHooks } from '../../api/index.js';
import { setTransport, transport } from '../../api/transport.js';
import { installBackend } from '../../testing/in-process.js';
import { paperOrder } from '../contests/store.js';
import { createCommitQueue } from './commit-queue.js';
import { createSheet, type RoundSheet } from './sheet.js';

afterEach(() => {
  setCallHooks({});
  setTransport(null);
});

/** Lets the queue and the in-process backend run until `done` holds (no clock involved). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}

type Election = Awaited<ReturnType<typeof election>>;

async function roundOf(e: Election): Promise<RoundSheet> {
  const detail = await e.call('contests.get', { contestId: e.contest.id });
  const round = detail.rounds.find((r) => r.id === e.roundId)!;
  const candidates = paperOrder(round, detail.candidates);
  return {
    roundId: e.roundId,
    candidates,
    seats: round.seats,
    convention: DEFAULT_CONVENTION,
    context: writeInContext({ printed: candidates.map((c) => c.name) }),
    doubleEntry: false,
  };
}

/** A sheet on its own queue, on the round of `e`, keyed from a fresh all-○ paper. */
async function sheetFor(e: Election, retryAfter: (attempt: number) => Promise<void> = async () => undefined) {
  const queue = createCommitQueue({ retryAfter });
  const sheet = createSheet(queue);
  sheet.getState().setRound(await roundOf(e));
  sheet.getState().setDefaultMark('circle');
  /** Keys one paper by row numbers (each flips ○ to ×) and Enter; resolves when answered. */
  const key = (rows: string) => {
    for (const digit of rows) sheet.getState().typeDigit(digit);
    return sheet.getState().commit(false);
  };
  return { queue, sheet, key };
}

const marksOf = async (e: Election, ctx?: unknown) =>
  (await e.call('ballots.list', { roundId: e.roundId }, ctx))
    .sort((a, b) => a.seq - b.seq)
    .map((b) => b.marks.map((m) => (m === 'circle' ? 'o' : m === 'cross' ? 'x' : '-')).join(''));

describe('the commit queue', () => {
  it('sends the papers in the order keyed, one after another, while the sheet is free at once', async () => {
    const e = await election({ seats: 2 });
    await e.open();
    const s = installBackend(e);
    const { queue, sheet, key } = await sheetFor(e);
    const gate = s.hold('ballots.enter');
    const answers = [key('34'), key('24'), key('23')];
    // All three wait behind the first call; the sheet is a fresh paper after each Enter.
    expect(queue.getState().pending).toHaveLength(3);
    expect(sheet.getState().marks).toEqual(['circle', 'circle', 'circle', 'circle']);
    expect(sheet.getState().touched).toBe(false);
    await until(() => s.calls.get('ballots.enter') === 1);
    gate.release();
    await Promise.all(answers);
    expect(queue.getState().pending).toEqual([]);
    expect(await marksOf(e)).toEqual(['ooxx', 'oxox', 'oxxo']);
    expect(s.calls.get('ballots.enter')).toBe(3);
    expect(sheet.getState().last).toMatchObject({ kind: 'committed', ballot: { seq: 3 } });
  });

  it('a paper refused `locked` (station signed out) goes again after sign-in and lands once', async () => {
    const e = await election({ seats: 2 });
    await e.open();
    const station = '计票处';
    const secretariat = await e.call('operators.add', { name: '秘书 王敏', role: 'secretariat', pin: '111111' });
    const signIn = async (operatorId: number, pin: string) => {
      const r = await e.backend.invoke('station.signIn', { operatorId, pin }, { operator: '', station });
      if (!r.ok) throw new Error(r.error.code);
      return (r.value as { token: string }).token;
    };
    const session = await signIn(secretariat.id, '111111');
    const counter = await e.call(
      'operators.add',
      { name: '计票人 张强', role: 'counter', pin: '333333' },
      { operator: '', station, session },
    );
    const s = installBackend(e, { operator: '', station });
    let signIns = 0;
    setCallHooks({
      // The lock screen: the counter types the PIN, the station is signed in again.
      async locked() {
        signIns++;
        setCallContext({ operator: '', station, session: await signIn(counter.id, '333333') });
        return true;
      },
    });
    const { queue, key } = await sheetFor(e);
    await Promise.all([key('3'), key('4')]);
    expect(signIns).toBe(1);
    expect(queue.getState().pending).toEqual([]);
    // Once there are operators, reading the ballots needs a station signed in too (issue 12).
    const ballots = await e.call('ballots.list', { roundId: e.roundId }, { operator: '', station, session });
    expect(ballots.map((b) => [b.seq, b.enteredBy])).toEqual([
      [1, '计票人 张强'],
      [2, '计票人 张强'],
    ]);
    // The first paper was refused once and sent once more; the second went straight through.
    expect(s.calls.get('ballots.enter')).toBe(3);
    expect(await marksOf(e, { operator: '', station, session })).toEqual(['ooxo', 'ooox']);
  });

  it('keeps the papers through a gap the store cannot be reached, and sends each once when it is back', async () => {
    const e = await election({ seats: 2 });
    await e.open();
    const s = installBackend(e);
    const inner = transport();
    let reachable = false;
    let refusedWhileDown = 0;
    setTransport({
      invoke(channel, input, ctx) {
        if (reachable) return inner.invoke(channel, input, ctx);
        refusedWhileDown++;
        return Promise.resolve(refuse('internal', 'transport.unreachable', { detail: 'connect ECONNREFUSED' }));
      },
      onChange: inner.onChange,
    });
    // The test says when the next try is made: no clock.
    const wakes: (() => void)[] = [];
    const { queue, sheet, key } = await sheetFor(e, () => new Promise<void>((resolve) => wakes.push(resolve)));
    const answers = [key('1'), key('2'), key('3')];
    await until(() => queue.getState().unreachable && wakes.length === 1);
    expect(queue.getState().pending).toHaveLength(3);
    // Still down at the next try: nothing lost, nothing overtakes the head.
    wakes.shift()!();
    await until(() => wakes.length === 1);
    expect(refusedWhileDown).toBe(2);
    expect(queue.getState().pending).toHaveLength(3);
    expect(sheet.getState().error).toBeNull();

    reachable = true;
    wakes.shift()!();
    await Promise.all(answers);
    expect(queue.getState()).toMatchObject({ pending: [], unreachable: false });
    expect(await marksOf(e)).toEqual(['xooo', 'oxoo', 'ooxo']);
    expect(s.calls.get('ballots.enter')).toBe(3);
    expect((await e.call('rounds.result', { roundId: e.roundId })).tally.counted).toBe(3);
  });

  it('a refused paper comes back to the sheet with the refusal; the papers before it stand', async () => {
    const e = await election({ seats: 2, voters: 10 });
    await e.distribute(10);
    await e.collect(1);
    installBackend(e);
    const { sheet, key } = await sheetFor(e);
    await key('4');
    sheet.getState().addWriteIn();
    sheet.getState().setWriteInName(0, '郑明亮');
    sheet.getState().finishWriteInName(0);
    await key('3');
    const after = sheet.getState();
    expect(after.error).toMatchObject({ code: 'conflict', reason: 'ballot.all_entered' });
    expect(after.marks).toEqual(['circle', 'circle', 'cross', 'circle']);
    expect(after.writeIns.map((w) => [w.name, w.mark])).toEqual([['郑明亮', 'circle']]);
    expect(after.touched).toBe(true);
    expect(after.last).toMatchObject({ kind: 'committed', ballot: { seq: 1 } });
    expect(await marksOf(e)).toEqual(['ooox']);
  });

  it('holds Enter once for a write-in that will not count, then sends it acknowledged', async () => {
    const e = await election({ seats: 2 });
    await e.open();
    const s = installBackend(e);
    const { sheet, key } = await sheetFor(e);
    sheet.getState().addWriteIn();
    // A printed candidate's name written in: disregarded (only the printed row's mark counts).
    sheet.getState().setWriteInName(0, '田富');
    sheet.getState().finishWriteInName(0);
    await key('4');
    expect(sheet.getState().confirming).toBe(true);
    expect(s.calls.get('ballots.enter')).toBeUndefined();
    await sheet.getState().commit(false);
    const [ballot] = await e.call('ballots.list', { roundId: e.roundId });
    expect(ballot).toMatchObject({
      writeIns: [{ name: '田富', mark: 'circle' }],
      writeInFates: ['disregarded_printed'],
    });
    expect(sheet.getState()).toMatchObject({ confirming: false, error: null, writeIns: [] });
  });
});
