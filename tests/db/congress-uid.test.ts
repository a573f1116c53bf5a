import { describe, expect, it } from 'vitest';
import { congressInput, makeBackend, rawDb } from './helpers.js';
import { oldCongressFile } from './old-file.js';

const UID = /^[0-9a-f]{32}$/;

describe('issue 12: a congress has an identity of its own (migration 010, congress.uid)', () => {
  it('two congresses made with the same name, date and venue get different random 128-bit uids, named by congress.get and the first audit row', async () => {
    const tb = makeBackend();
    const a = await tb.call('congress.create', congressInput(tb.dir, 'a.congress'));
    const b = await tb.call('congress.create', congressInput(tb.dir, 'b.congress'));
    expect(a.congress.uid).toMatch(UID);
    expect(b.congress.uid).toMatch(UID);
    expect(a.congress.uid).not.toBe(b.congress.uid);
    expect((await tb.call('congress.get', {})).congress.uid).toBe(b.congress.uid);
    const db = rawDb(b.path);
    const first = db.prepare('SELECT action, payload FROM audit_log ORDER BY id LIMIT 1').get() as {
      action: string;
      payload: string;
    };
    expect(first.action).toBe('congress.create');
    expect(JSON.parse(first.payload).uid).toBe(b.congress.uid);
    db.close();
  });

  it('a file from schema 7 (before the uid existed) gets one on its first open, and keeps it on the next', async () => {
    const file = oldCongressFile(7);
    const tb = makeBackend();
    const opened = await tb.call('congress.open', { path: file });
    expect(opened.congress.uid).toMatch(UID);
    await tb.call('congress.close', {});
    const again = await tb.call('congress.open', { path: file });
    expect(again.congress.uid).toBe(opened.congress.uid);
  });

  it('sqlite3 behind the app: UPDATE congress SET uid = another is refused, and a row inserted without a uid gets one', async () => {
    const tb = makeBackend();
    const { path: file } = await tb.call('congress.create', congressInput(tb.dir));
    await tb.call('congress.close', {});
    const db = rawDb(file);
    expect(() => db.prepare(`UPDATE congress SET uid = '${'ab'.repeat(16)}'`).run()).toThrow(/cannot be changed/);
    expect(() => db.prepare(`UPDATE congress SET uid = 'NOT-HEX'`).run()).toThrow();
    db.prepare('DELETE FROM congress').run();
    db.prepare(
      `INSERT INTO congress (id, name, date, venue, created_at, settings_json) VALUES (1, 'x', '2026-03-01', '', '', '{}')`,
    ).run();
    expect((db.prepare('SELECT uid FROM congress').get() as { uid: string }).uid).toMatch(UID);
    db.close();
  });
});
