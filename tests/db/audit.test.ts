import { describe, expect, it } from 'vitest';
import { appendAudit, auditHash, GENESIS_HASH, verifyAuditChain } from '../../db/audit/log.js';
import { canonicalJson } from '../../db/canonical-json.js';
import { congressWith, delegateFields, rawDb } from './helpers.js';

describe('audit chain', () => {
  it('links every write to the one before, starting from the genesis hash', async () => {
    const c = await congressWith([delegateFields('001'), delegateFields('002')]);
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    const entries = await c.call('audit.list', { limit: 100, beforeId: null });
    expect(entries.map((e) => e.action)).toEqual([
      'attendance.checkInByBadge',
      'delegates.add',
      'delegates.add',
      'meetings.create',
      'congress.create',
    ]);
    const oldestFirst = [...entries].reverse();
    expect(oldestFirst[0]!.prevHash).toBe(GENESIS_HASH);
    oldestFirst.forEach((e, i) => {
      if (i > 0) expect(e.prevHash).toBe(oldestFirst[i - 1]!.hash);
      // The documented formula, recomputed here independently of verifyAuditChain.
      expect(auditHash(e.prevHash, e)).toBe(e.hash);
    });
    expect(await c.call('audit.verify', {})).toEqual({
      ok: true,
      count: 5,
      firstBrokenId: null,
      tablesAgree: true,
      difference: null,
      // The chain's first row names the congress and its key (db/audit/checkpoint.ts).
      anchor: expect.objectContaining({ anchorId: 1, problem: null }),
    });
  });

  it('continues a verified chain only while no other connection has written: an edit behind the app after a check is still caught', async () => {
    const c = await congressWith([delegateFields('001'), delegateFields('002')]);
    const app = rawDb(c.path);
    expect(verifyAuditChain(app)).toEqual({ ok: true, count: 4, firstBrokenId: null });
    // Nothing changed: the export's continued check agrees, counting the rows it did not hash again.
    expect(verifyAuditChain(app, 'last verified')).toEqual({ ok: true, count: 4, firstBrokenId: null });
    const shell = rawDb(c.path);
    shell.exec('DROP TRIGGER audit_log_no_update');
    shell.prepare(`UPDATE audit_log SET payload = '{"badge":"999"}' WHERE id = 3`).run();
    shell.close();
    // Another connection committed (SQLite's data_version moved): hashed again from the first row.
    expect(verifyAuditChain(app, 'last verified')).toEqual({ ok: false, count: 4, firstBrokenId: 3 });
    app.close();
  });

  it('pages newest first by beforeId', async () => {
    const c = await congressWith([delegateFields('001'), delegateFields('002'), delegateFields('003')]);
    const first = await c.call('audit.list', { limit: 2, beforeId: null });
    expect(first.map((e) => e.id)).toEqual([5, 4]);
    const next = await c.call('audit.list', { limit: 2, beforeId: 4 });
    expect(next.map((e) => e.id)).toEqual([3, 2]);
  });

  it('stores the payload as canonical JSON of the input', async () => {
    const c = await congressWith([]);
    await c.call('delegates.add', delegateFields('007', { name: '曾顺' }));
    const [last] = await c.call('audit.list', { limit: 1, beforeId: null });
    expect(last!.payload).toBe(canonicalJson(delegateFields('007', { name: '曾顺' })));
    expect(last!.operator).toBe('李明');
    expect(last!.station).toBe('报到处1');
  });

  it('reports an edited payload at the id of the edited row', async () => {
    const c = await congressWith([delegateFields('001'), delegateFields('002')]);
    await c.call('congress.close', {});
    const db = rawDb(c.path);
    // The app's own triggers refuse the edit…
    expect(() => db.prepare("UPDATE audit_log SET payload = '{}' WHERE id = 3").run()).toThrow(/append-only/);
    // …but someone with a SQLite shell can drop them; the chain is what shows it.
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET payload = '{"badge":"999"}' WHERE id = 3`).run();
    expect(verifyAuditChain(db)).toEqual({ ok: false, count: 4, firstBrokenId: 3 });
    db.close();
    await c.call('congress.open', { path: c.path });
    expect(await c.call('audit.verify', {})).toEqual({
      ok: false,
      count: 4,
      firstBrokenId: 3,
      tablesAgree: true,
      difference: null,
      // The chain's first row names the congress and its key (db/audit/checkpoint.ts).
      anchor: expect.objectContaining({ anchorId: 1, problem: null }),
    });
  });

  it('reports a row whose hash was recomputed but whose successor still points at the old hash', async () => {
    const c = await congressWith([delegateFields('001'), delegateFields('002')]);
    await c.call('congress.close', {});
    const db = rawDb(c.path);
    db.exec('DROP TRIGGER audit_log_no_update');
    // The row as auditHash reads it, and the hash it is chained to.
    const row = db.prepare('SELECT * FROM audit_log WHERE id = 2').get() as Parameters<typeof auditHash>[1] & {
      prev_hash: string;
    };
    const forged = { ...row, operator: '王五' };
    db.prepare('UPDATE audit_log SET operator = ?, hash = ? WHERE id = 2').run(
      '王五',
      auditHash(row.prev_hash, forged),
    );
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: 3 });
    db.close();
  });

  it('reports a deleted row at the row after the gap', async () => {
    const c = await congressWith([delegateFields('001'), delegateFields('002')]);
    await c.call('congress.close', {});
    const db = rawDb(c.path);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(verifyAuditChain(db)).toEqual({ ok: false, count: 3, firstBrokenId: 3 });
    db.close();
  });

  it('appendAudit continues the chain after a verified head', async () => {
    const c = await congressWith([]);
    await c.call('congress.close', {});
    const db = rawDb(c.path);
    const entry = appendAudit(db, {
      at: '2026-03-20T08:00:00.000Z',
      operator: 'x',
      station: 's',
      action: 'test',
      payload: { b: 1, a: [2] },
    });
    expect(entry.payload).toBe('{"a":[2],"b":1}');
    expect(verifyAuditChain(db)).toEqual({ ok: true, count: 3, firstBrokenId: null });
    db.close();
  });
});
