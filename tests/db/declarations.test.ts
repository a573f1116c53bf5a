/**
 * Behaviour declared where a handler is registered (db/handler-types.ts), read by a dispatcher
 * that knows no channel by name (issue 11, item 3): a backup after the commit, the audit row's
 * state before, the typed note of a write, and the tally cache owned by the open congress.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../core/contract.js';
import { refuse } from '../../core/result.js';
import { Backups } from '../../db/backups/scheduler.js';
import { builderCall } from '../../db/congress/demo.js';
import { TallyCache } from '../../db/count/tally-cache.js';
import { done, type UpdateHandler } from '../../db/handler-types.js';
import { commitUpdate } from '../../db/run-handler.js';
import { Session } from '../../db/session.js';
import { election } from './election-setup.js';
import { congressWith, rawDb, tempDir } from './helpers.js';

interface AuditRow {
  action: string;
  payload: string;
}

afterEach(() => vi.restoreAllMocks());

const lastAudit = async (e: Awaited<ReturnType<typeof election>>) => {
  const [row] = await e.call('audit.list', { limit: 1, beforeId: null });
  return { action: row!.action, payload: JSON.parse(row!.payload) };
};

describe('backupAfter', () => {
  it('a write declaring it is followed by a copy with its reason, a refused one by none', async () => {
    const backupNow = vi.spyOn(Backups.prototype, 'backupNow').mockResolvedValue(undefined);
    const c = await congressWith([]);
    const usb = tempDir();

    await c.failure('congress.updateSettings', { backupDir: path.join(usb, 'no-such-stick') });
    expect(backupNow).not.toHaveBeenCalled();
    // Declared as `(input) => input.backupDir ? 'folder_set' : null`: no folder, no copy.
    await c.call('congress.updateSettings', { idleMinutes: 20 });
    expect(backupNow).not.toHaveBeenCalled();

    await c.call('congress.updateSettings', { backupDir: usb });
    expect(backupNow).toHaveBeenCalledTimes(1);
    expect(backupNow).toHaveBeenCalledWith('folder_set');
  });

  it('closing a round asks for a copy; a close refused (ballots missing) does not', async () => {
    const backupNow = vi.spyOn(Backups.prototype, 'backupNow').mockResolvedValue(undefined);
    const e = await election({ voters: 3, seats: 2 });
    await e.open();
    await e.enter('oo--');
    expect((await e.failure('rounds.close', { roundId: e.roundId })).reason).toBe('round.close_blocked');
    expect(backupNow).not.toHaveBeenCalled();
    await e.enter('oo--');
    await e.enter('o-o-');
    await e.call('rounds.close', { roundId: e.roundId });
    expect(backupNow).toHaveBeenCalledWith('round_closed');
  });
});

describe('the typed note of a write', () => {
  it('an audit row of a correction carries the ballot before and after; the event names the contest', async () => {
    const e = await election({ seats: 2 });
    await e.open();
    const first = await e.enter('oo--');
    e.events.length = 0;
    const corrected = await e.call('ballots.correct', {
      ballotId: first.id,
      marks: ['circle', 'cross', 'circle', 'none'],
      writeIns: [],
      reason: '录入错误',
    });
    const { action, payload } = await lastAudit(e);
    expect(action).toBe('ballots.correct');
    expect(payload.before).toMatchObject({ id: first.id, marks: first.marks, state: 'counted' });
    expect(payload.after).toMatchObject({ id: corrected.id, replaces: first.id });
    expect(e.events).toContainEqual({ topic: 'ballots', roundId: e.roundId, contestId: e.contest.id });
  });

  it('reaches audit and changes from done(output, note); a refusal commits nothing and asks for nothing', async () => {
    const c = await congressWith([]);
    // One writer per file (issue 12 item 7): the backend gives the congress up for this session.
    await c.call('congress.close', {});
    const session = new Session();
    const opened = session.openFile(c.path);
    if (!opened.ok) expect.fail(opened.error.message);
    const call = builderCall({ operator: '秘书', station: '秘书处', now: '2026-03-20T08:00:00.000Z' }, opened.value);
    const handler: UpdateHandler<'meetings.create', undefined, { before: string }> = {
      kind: 'update',
      run: (input) =>
        input.name === '拒绝'
          ? refuse('invalid_input', 'input.empty')
          : done({ id: 0 } as never, { before: input.date }),
      audit: (input, _output, { note }) => ({ name: input.name, before: note.before }),
      changes: (_input, _output, { note }) => [{ topic: 'meetings', before: note.before } as never],
      backupAfter: () => 'interval',
    };
    const rows = () => rawDb(c.path).prepare('SELECT action, payload FROM audit_log ORDER BY id').all() as AuditRow[];
    const auditBefore = rows().length;
    const run = (name: string) =>
      commitUpdate(handler as never, 'meetings.create', { name, date: '2026-03-19' }, call, undefined, [], () => {});
    try {
      expect(run('拒绝')).toMatchObject({ result: { ok: false }, committed: null });
      expect(rows()).toHaveLength(auditBefore);
      expect(run('预备会议')).toEqual({
        result: { ok: true, value: { id: 0 } },
        committed: { events: [{ topic: 'meetings', before: '2026-03-19' }], backup: 'interval' },
      });
      const last = rows().at(-1)!;
      expect(last.action).toBe('meetings.create');
      expect(JSON.parse(last.payload)).toEqual({ name: '预备会议', before: '2026-03-19' });
    } finally {
      session.close();
    }
  });
});

describe('the dispatcher knows no channel by name', () => {
  it('dispatch, gate, run-handler and after-commit hold no channel name', () => {
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../db');
    for (const file of ['dispatch.ts', 'gate.ts', 'run-handler.ts', 'after-commit.ts', 'output-check.ts']) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      // A channel is `domain.call`; reason keys (`station.locked`) are refusals, not branches.
      const literals = [...source.matchAll(/(['"`])([a-z]+\.[a-zA-Z]+)\1/g)].map((m) => m[2]!);
      const channelNames = literals.filter((l) => l in handlersByName);
      expect({ file, channelNames }).toEqual({ file, channelNames: [] });
    }
  });
});

const handlersByName: Record<string, true> = Object.fromEntries(channels.map((c) => [c, true as const]));

describe('the tally cache belongs to the open congress', () => {
  it('a congress closed and opened again starts with no tally kept', async () => {
    const count = vi.spyOn(TallyCache.prototype, 'count');
    const e = await election({ seats: 2 });
    await e.open();
    await e.enter('oo--');
    await e.call('rounds.result', { roundId: e.roundId });
    const before = count.mock.contexts.at(-1) as TallyCache;
    expect(before.size).toBe(1);

    await e.call('congress.close', {});
    await e.call('congress.open', { path: e.path });
    const sizeAtFirstCount: number[] = [];
    count.mockImplementationOnce(function (this: TallyCache, ...args) {
      sizeAtFirstCount.push(this.size);
      count.mockRestore();
      return this.count(...args);
    });
    const result = await e.call('rounds.result', { roundId: e.roundId });
    expect(result.tally.counted).toBe(1);
    expect(sizeAtFirstCount).toEqual([0]);
  });
});
