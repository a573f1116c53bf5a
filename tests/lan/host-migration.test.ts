/**
 * Issue 14, migration 012: the venue network's tables in the congress file. A file of schema 11
 * upgrades with its own lan secret, recorded (as a digest) by the upgrade's baseline row, and
 * the replay accepts every lan table; two congresses never share a secret, a copy keeps its own.
 */
import { describe, expect, it } from 'vitest';
import { congressWith, desk, makeBackend, rawDb } from '../db/helpers.js';
import { oldCongressFile } from '../db/old-file.js';
import { auditLines, callKey, expectOk, partsOf } from './host-scene.js';

const secretOf = (file: string) => {
  const db = rawDb(file);
  try {
    return (db.prepare('SELECT secret FROM lan_secret').pluck().all() as Buffer[]).map((b) => b.toString('hex'));
  } finally {
    db.close();
  }
};

describe('migration 012 (issue 14)', () => {
  it('a schema-11 file upgrades with a lan secret of its own, recorded by the baseline as a digest, and verifies', async () => {
    const file = oldCongressFile(11);
    const tb = makeBackend();
    await tb.call('congress.open', { path: file }, desk);
    const [secret] = secretOf(file);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const baseline = auditLines(file).find((r) => r.action === 'audit.baseline');
    expect(baseline?.changes).toContain('"lan_secret"');
    expect(baseline?.changes).not.toContain(secret);
    expect(baseline?.changes).toContain('sha256:');
    // A keyed write commits its key beside its row; the replay leaves lan_calls out and agrees.
    await tb.call('meetings.create', { name: '选举大会', date: '2026-03-20' }, { ...desk, callKey: callKey() });
    expect(auditLines(file).at(-1)?.changes).not.toContain('lan_calls');
    // The replay agrees and the chain is whole (this test file's old first row has no anchor of its own).
    expect(await tb.call('audit.verify', {}, desk)).toMatchObject({ tablesAgree: true, firstBrokenId: null });
  });

  it('every congress has its own secret; the standby’s snapshot has the host’s; the secret cannot change', async () => {
    const a = await congressWith([]);
    const b = await congressWith([]);
    expect(secretOf(a.path)[0]).not.toBe(secretOf(b.path)[0]);
    const snap = expectOk(await partsOf(a).host.snapshot({ stationId: 1, name: '备用', kind: 'standby' }));
    expect(secretOf(snap.file)).toEqual(secretOf(a.path));
    const db = rawDb(a.path);
    expect(() => db.prepare('UPDATE lan_secret SET secret = randomblob(32)').run()).toThrow(/fixed/);
    expect(() => db.prepare('DELETE FROM lan_secret').run()).toThrow(/fixed/);
    expect(() => db.prepare('INSERT INTO lan_secret (id, secret) VALUES (2, randomblob(32))').run()).toThrow();
    db.close();
  });
});
