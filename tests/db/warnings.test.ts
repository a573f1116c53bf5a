/**
 * The warnings tier (issue 10, item 8): what is allowed but unusual is written only once the
 * operator acknowledged it, and the audit row says what was acknowledged and by whom.
 */
import { describe, expect, it } from 'vitest';
import { ok, warning } from '../../core/result.js';
import { newCaches } from '../../db/caches.js';
import { commitWrite } from '../../db/commit.js';
import type { StoreCall } from '../../db/handler-types.js';
import { election } from './election-setup.js';
import { congressWith, desk, dumpTables, rawDb } from './helpers.js';

/** 9 papers issued to 10 present. */
const BELOW_PRESENT = warning('warning.issued_below_present', { issued: 9, present: 10 });

async function storeCall() {
  const c = await congressWith([]);
  const db = rawDb(c.path);
  const call: StoreCall = {
    db,
    path: c.path,
    operator: '王监票',
    station: '计票室',
    now: '2026-03-20T09:00:00.000Z',
    token: undefined,
    caches: newCaches(),
  };
  const auditCount = () => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  const lastPayload = () =>
    JSON.parse(db.prepare('SELECT payload FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string);
  const settingsName = () => db.prepare('SELECT name FROM congress').pluck().get() as string;
  /** A write renaming the congress that raises BELOW_PRESENT `times` times, committed with `acknowledge`. */
  const renameWarned = (times: number, acknowledge: string[]) =>
    commitWrite(
      call,
      'test.write',
      (c) => {
        c.db.prepare("UPDATE congress SET name = '改过的名称'").run();
        for (let i = 0; i < times; i++) c.warn(BELOW_PRESENT);
        return ok({ done: true });
      },
      () => ({ what: 'test' }),
      { acknowledge },
    );
  return { c, db, call, auditCount, lastPayload, settingsName, renameWarned };
}

describe('commitWrite with warnings', () => {
  it('rolls back a write whose warning was not acknowledged and answers the warnings', async () => {
    const s = await storeCall();
    const before = s.auditCount();
    const outcome = s.renameWarned(2, ['warning.margin_short']);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ code: 'warnings', reason: 'warnings.unacknowledged', params: { count: 1 } });
    // The same warning raised twice is listed once.
    expect(outcome.error.warnings).toEqual([BELOW_PRESENT]);
    expect(s.settingsName()).not.toBe('改过的名称');
    expect(s.auditCount()).toBe(before);
    s.db.close();
  });

  it('commits once every warning is acknowledged, recording them with who acknowledged', async () => {
    const s = await storeCall();
    const outcome = s.renameWarned(1, ['warning.issued_below_present']);
    expect(outcome.ok).toBe(true);
    expect(s.settingsName()).toBe('改过的名称');
    expect(s.lastPayload()).toEqual({
      what: 'test',
      acknowledged: [{ reason: 'warning.issued_below_present', params: { issued: 9, present: 10 }, by: '王监票' }],
    });
    s.db.close();
  });

  it('records nothing extra for a write without warnings', async () => {
    const s = await storeCall();
    commitWrite(
      s.call,
      'test.write',
      () => ok(1),
      () => ({ what: 'plain' }),
    );
    expect(s.lastPayload()).toEqual({ what: 'plain' });
    s.db.close();
  });
});

describe('the dispatcher and the warnings tier', () => {
  it('refuses an unacknowledged warning with nothing written, and writes it acknowledged', async () => {
    // 10 present, 9 papers issued (someone left the hall): allowed, but the scrutineers must see it.
    const e = await election({ voters: 10, present: 10 });
    const input = { roundId: e.roundId, ballotsPrinted: 15, issued: 9, spareVoided: 6 };
    const before = dumpTables(e.path);
    const refused = await e.failure('rounds.distribute', input);
    expect(refused).toMatchObject({ code: 'warnings', reason: 'warnings.unacknowledged' });
    expect(refused.warnings?.map((w) => [w.reason, w.params])).toEqual([
      ['warning.issued_below_present', { issued: 9, present: 10 }],
    ]);
    expect(dumpTables(e.path)).toEqual(before);

    // Acknowledging another reason is not acknowledging this one.
    expect((await e.failure('rounds.distribute', input, { ...desk, acknowledge: ['warning.margin_short'] })).code).toBe(
      'warnings',
    );

    const round = await e.call('rounds.distribute', input, { ...desk, acknowledge: ['warning.issued_below_present'] });
    expect(round.issued).toBe(9);
    const [row] = await e.call('audit.list', { limit: 1, beforeId: null });
    expect(row).toMatchObject({ action: 'rounds.distribute', operator: desk.operator });
    expect(JSON.parse(row!.payload).acknowledged).toEqual([
      { reason: 'warning.issued_below_present', params: { issued: 9, present: 10 }, by: desk.operator },
    ]);
  });

  it('warns of an additional round with as many candidates as seats', async () => {
    const e = await election({ voters: 10, seats: 2 });
    const [, b, , d] = e.candidates.map((c) => c.id) as [number, number, number, number];
    await e.open();
    for (let i = 0; i < 6; i++) await e.enter('o---');
    for (let i = 0; i < 4; i++) await e.enter('-o--');
    await e.call('rounds.close', { roundId: e.roundId });
    const input = { contestId: e.contest.id, seats: 1, candidateIds: [b] };
    const refused = await e.failure('rounds.openAdditional', input);
    expect(refused.warnings?.map((w) => [w.reason, w.params])).toEqual([
      ['warning.additional_one_for_one', { contest: '党委委员', seats: 1, candidates: 1 }],
    ]);
    expect((await e.call('contests.get', { contestId: e.contest.id })).rounds).toHaveLength(1);
    // Two for one seat is the ordinary case: no warning.
    const round = await e.call('rounds.openAdditional', { ...input, candidateIds: [b, d] }, desk);
    expect(round).toMatchObject({ kind: 'additional', seats: 1 });
  });

  it('warns of a first round whose candidates fall short of the margin', async () => {
    // 3 seats: a 20% margin asks for 4 candidates; 3 is 等额 for a committee.
    const e = await election({ seats: 3, candidates: ['田富', '王芳', '李强'] });
    const input = { roundId: e.roundId, ballotsPrinted: 15, issued: 10, spareVoided: 5 };
    const refused = await e.failure('rounds.distribute', input);
    expect(refused.warnings?.map((w) => [w.reason, w.params])).toEqual([
      ['warning.margin_short', { contest: '党委委员', seats: 3, candidates: 3, required: 4 }],
    ]);
    await e.call('rounds.distribute', input, { ...desk, acknowledge: ['warning.margin_short'] });
  });
});
