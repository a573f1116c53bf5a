/**
 * Issue 12 item 2: 「Whoever holds the laptop can change the result and still export a file that
 * verifies」. Each attack opens the congress file behind the app's back (a second connection, as
 * `sqlite3` would), drops the guard triggers and edits the counted tables; the replay of the audit
 * log (db/audit/replay.ts) must then name the first difference, in `audit.verify` and in a
 * refused `result.export` (precheck and run).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditHash, verifyAuditChain } from '../../db/audit/log.js';
import { replayAudit } from '../../db/audit/replay.js';
import { openCongressFile } from '../../db/open.js';
import { hashPin } from '../../db/operators/pin.js';
import { election } from './election-setup.js';
import { delegateFields, rawDb, tempDir } from './helpers.js';
import { oldCongressFile } from './old-file.js';

/** A closed round of 40 ballots (2 seats of 4), counted and ready to export. */
async function closedRound() {
  const e = await election({ voters: 40, seats: 2 });
  await e.open();
  const papers = ['oox-', 'oxo-', 'xoo-', 'oo--'];
  for (let i = 0; i < 40; i++) await e.enter(papers[i % papers.length]!);
  await e.call('rounds.close', { roundId: e.roundId });
  const out = path.join(e.dir, 'result.json');
  const exportInput = { path: out, csvPath: null };
  return { ...e, out, exportInput };
}

type Scene = Awaited<ReturnType<typeof closedRound>>;

function tamper(file: string, sql: string) {
  const db = rawDb(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

async function expectRefused(e: Scene, reason: string, params: Record<string, unknown>) {
  const verdict = await e.call('audit.verify', {});
  // The chain itself is intact: only the tables were edited.
  expect(verdict).toMatchObject({ ok: false, firstBrokenId: null, tablesAgree: false });
  expect(verdict.difference).toMatchObject({ reason, params });
  const refused = await e.failure('result.export', e.exportInput);
  expect(refused).toMatchObject({ code: 'conflict', reason, params });
  expect(fs.existsSync(e.out)).toBe(false);
  return refused;
}

describe('the tables replayed from the audit log (issue 12 item 2)', () => {
  it('an untouched congress replays clean: audit.verify ok and the export goes through', async () => {
    const e = await closedRound();
    expect(await e.call('audit.verify', {})).toMatchObject({ ok: true, tablesAgree: true, difference: null });
    await e.call('result.export', e.exportInput);
    expect(await e.call('audit.verify', {})).toMatchObject({ ok: true, tablesAgree: true });
  });

  it('sqlite3 drops ballots_content_fixed and changes 35 ballots’ marks: audit.verify and result.export name ballots, its row and marks', async () => {
    const e = await closedRound();
    const first = rawDb(e.path);
    const ids = first.prepare('SELECT id FROM ballots ORDER BY id LIMIT 35').pluck().all() as number[];
    first.close();
    tamper(
      e.path,
      `DROP TRIGGER ballots_content_fixed;
       UPDATE ballots SET marks = '["cross","cross","circle","circle"]' WHERE id IN (${ids.join(',')});`,
    );
    const refused = await expectRefused(e, 'audit.tables_differ', {
      table: 'ballots',
      key: String(ids[0]),
      column: 'marks',
    });
    expect(refused.message).toContain('ballots');
    expect(refused.message).toContain('marks');
  });

  it('sqlite3 drops round_elected_no_change and gives the seat to another name with more votes: named at round_elected, name', async () => {
    const e = await closedRound();
    const db = rawDb(e.path);
    const elected = db.prepare('SELECT round_id, rank FROM round_elected ORDER BY round_id, rank LIMIT 1').get() as {
      round_id: number;
      rank: number;
    };
    db.close();
    tamper(
      e.path,
      `DROP TRIGGER round_elected_no_change;
       UPDATE round_elected SET name = '王芳', votes = 39 WHERE round_id = ${elected.round_id} AND rank = ${elected.rank};`,
    );
    await expectRefused(e, 'audit.tables_differ', {
      table: 'round_elected',
      key: `${elected.round_id}, ${elected.rank}`,
      column: 'name',
      found: '"王芳"',
    });
  });

  it('sqlite3 inserts a chief scrutineer with a PIN of its choosing: the forged chief signs in, and the export and audit.verify name the operators row', async () => {
    const e = await closedRound();
    const db = rawDb(e.path);
    const id = Number(
      db
        .prepare(
          "INSERT INTO operators (name, role, pin_hash, created_at) VALUES ('假总监票人', 'chief_scrutineer', ?, '2026-03-20T08:00:00.000Z')",
        )
        .run(hashPin('135790')).lastInsertRowid,
    );
    db.close();
    // The forged row works as a sign-in (the gate reads the table)…
    const signIn = await e.call(
      'station.signIn',
      { operatorId: id, pin: '135790' },
      { operator: '', station: '计票台' },
    );
    const ctx = { operator: '', station: '计票台', session: signIn.token };
    // …but nothing it does can be exported or pass the audit.
    const verdict = await e.call('audit.verify', {}, ctx);
    expect(verdict).toMatchObject({ ok: false, tablesAgree: false });
    // The sign-in itself wrote an audit row: the chain holds, the operators row is the one not in the log.
    expect(verdict.difference).toMatchObject({
      reason: 'audit.row_unexpected',
      params: { table: 'operators', key: String(id) },
    });
    const refused = await e.failure('result.export', e.exportInput, ctx);
    expect(refused).toMatchObject({ reason: 'audit.row_unexpected', params: { table: 'operators', key: String(id) } });
  });

  it('a clean audit.verify, an app write (the replay continues from what it kept), then sqlite3 changes one ballot while the congress stays open: the next audit.verify and export still name it', async () => {
    const e = await closedRound();
    expect(await e.call('audit.verify', {})).toMatchObject({ ok: true, tablesAgree: true });
    await e.call('delegates.add', delegateFields('900', { name: '补录代表' }));
    expect(await e.call('audit.verify', {})).toMatchObject({ ok: true, tablesAgree: true });
    const db = rawDb(e.path);
    const id = db.prepare('SELECT max(id) FROM ballots').pluck().get() as number;
    db.close();
    tamper(e.path, `DROP TRIGGER ballots_content_fixed; UPDATE ballots SET chosen = 0 WHERE id = ${id};`);
    await expectRefused(e, 'audit.tables_differ', { table: 'ballots', key: String(id), column: 'chosen' });
  });

  it('sqlite3 drops ballots_no_delete and deletes a counted ballot: named as a row of ballots missing', async () => {
    const e = await closedRound();
    const db = rawDb(e.path);
    const id = db.prepare('SELECT max(id) FROM ballots').pluck().get() as number;
    db.close();
    tamper(e.path, `DROP TRIGGER ballots_no_delete; DELETE FROM ballots WHERE id = ${id};`);
    await expectRefused(e, 'audit.row_missing', { table: 'ballots', key: String(id) });
  });

  it('sqlite3 changes a round figure (papers collected): named at rounds, collected, with both values', async () => {
    const e = await closedRound();
    tamper(e.path, `UPDATE rounds SET collected = 39, issued = 39, ballots_printed = 50 WHERE id = ${e.roundId};`);
    await expectRefused(e, 'audit.tables_differ', {
      table: 'rounds',
      key: String(e.roundId),
      column: 'ballots_printed',
      expected: '45',
      found: '50',
    });
  });

  it('an operator’s PIN hash is in the log only as its digest, and a PIN hash swapped behind the app is named', async () => {
    const e = await closedRound();
    const op = await e.call('operators.add', { name: '秘书 王敏', role: 'secretariat', pin: '246813' });
    const db = rawDb(e.path);
    const hash = db.prepare('SELECT pin_hash FROM operators WHERE id = ?').pluck().get(op.id) as string;
    const logged = (db.prepare('SELECT group_concat(changes) FROM audit_log').pluck().get() as string) ?? '';
    db.close();
    expect(logged).not.toContain(hash);
    expect(logged).toContain('"pin_hash":"sha256:');
    tamper(e.path, `UPDATE operators SET pin_hash = '${hashPin('000000')}' WHERE id = ${op.id}`);
    const verdict = replayOf(e.path);
    expect(verdict).toMatchObject({
      ok: false,
      error: { reason: 'audit.tables_differ', params: { table: 'operators', column: 'pin_hash' } },
    });
  });

  it('a script that strips a row’s changes and recomputes the chain: the row without changes is named', async () => {
    const e = await closedRound();
    await e.call('congress.close', {});
    const db = rawDb(e.path);
    db.exec('DROP TRIGGER audit_log_no_update');
    const last = db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    db.prepare('UPDATE audit_log SET changes = NULL WHERE id = ?').run(last - 1);
    rechain(db);
    expect(verifyAuditChain(db).ok).toBe(true);
    expect(replayAudit(db)).toMatchObject({
      ok: false,
      error: { reason: 'audit.changes_missing', params: { id: last - 1 } },
    });
    db.close();
  });
});

describe('files from before the replay (schema 8)', () => {
  it('an old file gets one audit.baseline row at its first open, replays clean, and an edit after it is named', () => {
    const file = oldCongressFile(8, tempDir());
    const opened = openCongressFile(file);
    if (!opened.ok) throw new Error(opened.error.message);
    const db = opened.value;
    const rows = db.prepare('SELECT id, action, changes IS NOT NULL AS recorded FROM audit_log ORDER BY id').all() as {
      id: number;
      action: string;
      recorded: number;
    }[];
    const baselines = rows.filter((r) => r.action === 'audit.baseline');
    expect(baselines).toHaveLength(1);
    expect(rows.filter((r) => r.recorded).map((r) => r.action)).toEqual(['audit.baseline']);
    expect(replayAudit(db)).toEqual({ ok: true });
    expect(verifyAuditChain(db).ok).toBe(true);
    db.close();
    // A second open writes no second baseline.
    const again = openCongressFile(file);
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.prepare("SELECT count(*) FROM audit_log WHERE action = 'audit.baseline'").pluck().get()).toBe(1);
    again.value.close();
    tamper(file, "UPDATE congress SET venue = '别处' WHERE id = 1");
    expect(replayOf(file)).toMatchObject({ ok: false, error: { params: { table: 'congress', column: 'venue' } } });
  });
});

function replayOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return replayAudit(db);
  } finally {
    db.close();
  }
}

/** What a forger's script does after editing rows: recompute every hash from the genesis. */
function rechain(db: Database.Database) {
  let prev = '0'.repeat(64);
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Parameters<typeof auditHash>[1][];
  db.transaction(() => {
    db.exec('UPDATE audit_log SET hash = lower(hex(randomblob(32)))');
    for (const row of rows) {
      const hash = auditHash(prev, row);
      update.run(prev, hash, row.id);
      prev = hash;
    }
  })();
}

describe('one edit anywhere is found (property)', () => {
  it('changing ONE value of ONE row of any replayed table, or ONE field of ONE audit row, is refused', async () => {
    const e = await closedRound();
    await e.call('operators.add', { name: '秘书 王敏', role: 'secretariat', pin: '246813' });
    // Closed (the WAL folded into the file) so that a plain copy is the whole congress.
    e.backend.close();
    const dir = tempDir();
    const base = path.join(dir, 'base.congress');
    fs.copyFileSync(e.path, base);
    const probe = new Database(base, { readonly: true });
    const tables = (
      probe
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'pin_%' AND name <> 'audit_log' ORDER BY name",
        )
        .pluck()
        .all() as string[]
    ).filter((t) => (probe.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number) > 0);
    probe.close();
    let n = 0;
    await fc.assert(
      fc.property(
        fc.constantFrom(...tables),
        fc.nat(),
        fc.nat(),
        fc.oneof(fc.integer({ min: -3, max: 1000 }), fc.string({ minLength: 1, maxLength: 8 })),
        (table, rowPick, columnPick, value) => {
          const file = path.join(dir, `t${n++}.congress`);
          fs.copyFileSync(base, file);
          const db = new Database(file);
          try {
            for (const t of db
              .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
              .pluck()
              .all() as string[]) {
              db.exec(`DROP TRIGGER "${t}"`);
            }
            const rowids = db.prepare(`SELECT rowid FROM "${table}" ORDER BY rowid`).pluck().all() as number[];
            const rowid = rowids[rowPick % rowids.length]!;
            const columns = (
              db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string }[]
            ).filter((c) => (typeof value === 'number') === ['INTEGER', 'REAL'].includes(c.type.toUpperCase()));
            fc.pre(columns.length > 0);
            const column = columns[columnPick % columns.length]!.name;
            const before = db.prepare(`SELECT "${column}" FROM "${table}" WHERE rowid = ?`).pluck().get(rowid);
            fc.pre(before !== value);
            let changed: number;
            try {
              changed = db.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE rowid = ?`).run(value, rowid).changes;
            } catch {
              changed = 0; // a CHECK or a key refused the value
            }
            fc.pre(changed === 1);
            const verdict = replayAudit(db);
            expect(verdict.ok, `${table}.${column} of row ${rowid} = ${JSON.stringify(value)}`).toBe(false);
            if (!verdict.ok) expect(verdict.error.params).toMatchObject({ table });
          } finally {
            db.close();
            fs.rmSync(file, { force: true });
            for (const s of ['-wal', '-shm']) fs.rmSync(file + s, { force: true });
          }
        },
      ),
      { numRuns: 60 },
    );
    const rows = (() => {
      const db = new Database(base, { readonly: true });
      const count = db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
      db.close();
      return count;
    })();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: rows }),
        fc.constantFrom('at', 'operator', 'station', 'action', 'payload', 'changes'),
        (id, column) => {
          const file = path.join(dir, `a${n++}.congress`);
          fs.copyFileSync(base, file);
          const db = new Database(file);
          try {
            db.exec('DROP TRIGGER audit_log_no_update');
            const value = column === 'payload' || column === 'changes' ? '[{"x":1}]' : 'forged';
            db.prepare(`UPDATE audit_log SET "${column}" = ? WHERE id = ?`).run(value, id);
            const chain = verifyAuditChain(db);
            expect(chain.ok && replayAudit(db).ok).toBe(false);
            expect(chain.firstBrokenId).toBe(id);
          } finally {
            db.close();
            fs.rmSync(file, { force: true });
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
