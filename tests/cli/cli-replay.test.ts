/**
 * Issue 12 item 2 on the command line, as reported: a `sqlite3` shell drops the guard trigger and
 * changes 35 ballots' marks and `round_elected`, then `congress-desk export` → it must refuse
 * (exit 70) naming the first difference, not write a file that `verify --fingerprint` passes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/main.js';
import { election } from '../db/election-setup.js';
import { rawDb } from '../db/helpers.js';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'cli', 'congress-desk.mjs');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('congress-desk export of a congress edited behind the app (issue 12 item 2)', () => {
  it('sqlite3 drops ballots_content_fixed and round_elected_no_change, changes 35 ballots’ marks and round_elected, then `congress-desk export` → exit 70 naming ballots, the row and marks; no file written', async () => {
    const e = await election({ voters: 40, seats: 2 });
    await e.open();
    for (let i = 0; i < 40; i++) await e.enter(i % 3 === 0 ? 'oxo-' : 'oox-');
    await e.call('rounds.close', { roundId: e.roundId });
    await e.call('congress.close', {});
    const db = rawDb(e.path);
    const first = db.prepare('SELECT min(id) FROM ballots').pluck().get() as number;
    db.exec(`DROP TRIGGER ballots_content_fixed;
      DROP TRIGGER round_elected_no_change;
      UPDATE ballots SET marks = '["cross","circle","circle","none"]' WHERE id < ${first + 35};
      UPDATE round_elected SET name = '王芳' WHERE rank = 1;`);
    db.close();
    const out = path.join(e.dir, 'forged-result.json');
    const r = cli('export', e.path, '--out', out, '--data-dir', path.join(e.dir, 'cli-data'));
    expect(r.code).toBe(EXIT.exportFailed);
    expect(r.err).toContain('数据表与审计日志不一致');
    expect(r.err).toContain(`表 ballots 第 ${first} 行的 marks`);
    expect(fs.existsSync(out)).toBe(false);
  }, 120_000);
});
