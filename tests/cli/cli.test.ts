/**
 * The command line as the district runs it: `congress-desk verify` and `export`, spawned as a
 * real process through the package's bin, with the exit code of each failure kind.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeOf } from '../../cli/main.js';
import type { Output } from '../../core/contract.js';
import { groupedHash } from '../../core/hash-groups.js';
import type { ResultFile } from '../../core/result-file.js';
import { verifyResultText } from '../../db/results/sign.js';
import { rawDb, tempDir } from '../db/helpers.js';
import { NAMES, PINS, signedIn, withOperators } from '../db/operators-setup.js';
import { exported, forge, resign } from '../db/result-setup.js';

/** Each spawn of the CLI takes seconds on a loaded machine: the spawning tests allow two minutes. */
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'cli', 'congress-desk.mjs');

function cli(...args: string[]) {
  return cliWithStdin('', ...args);
}

/** The CLI with `stdin` piped to it (a PIN typed by a script): not a terminal, so one line is read. */
function cliWithStdin(stdin: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000, input: stdin });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('congress-desk verify', () => {
  it('exits 0 only when all holds, and names each failure kind with its own code', async () => {
    const e = await exported();
    const write = (name: string, text: string) => {
      const p = path.join(e.dir, name);
      fs.writeFileSync(p, text);
      return p;
    };

    const good = cli('verify', e.out, '--fingerprint', e.exportOut.fingerprint);
    expect(good.out).toContain('OK');
    expect(good.out).toContain(groupedHash(e.exportOut.contentHash));
    expect(good.code).toBe(0);

    const recount = write(
      'recount.json',
      forge(e.text, (f) => {
        f.content.contests[0]!.rounds[0]!.ballots[1]!.marks = 'oxx-';
      }),
    );
    const r1 = cli('verify', recount);
    expect(r1.out).toContain('[recount_differs]');
    expect(r1.out).toContain('田大利 赞成');
    expect(r1.code).toBe(1);

    const file = JSON.parse(e.text) as ResultFile;
    file.content.congress.venue = '别处';
    const r2 = cli('verify', write('resigned.json', JSON.stringify(file)));
    expect(r2.out).toContain('[bad_signature]');
    expect(r2.code).toBe(2);

    const r3 = cli(
      'verify',
      write(
        'other-key.json',
        forge(e.text, () => {}),
      ),
      '--fingerprint',
      e.exportOut.fingerprint,
    );
    expect(r3.out).toContain('[unknown_key]');
    expect(r3.code).toBe(3);

    const r4 = cli('verify', write('truncated.json', e.text.slice(0, 500)));
    expect(r4.out).toContain('[malformed]');
    expect(r4.code).toBe(4);

    const json = cli('verify', e.out, '--json', '--fingerprint', e.exportOut.fingerprint);
    expect(JSON.parse(json.out).ok).toBe(true);

    expect(cli('verify').code).toBe(64);
    expect(cli('frobnicate', e.out).code).toBe(64);
  }, 120_000);

  it('exits 1 for the rules a file breaks (quorum, elected twice), re-signed with the venue key, and prints them', async () => {
    const e = await exported();
    const p = path.join(e.dir, 'quorum.json');
    fs.writeFileSync(
      p,
      await resign(e.text, e.dataDir, (f) => {
        f.content.meetings[0]!.attendance.present = 8;
        f.content.meetings[0]!.attendance.absent = 2;
        f.content.contests[0]!.rounds[0]!.votersPresent = 8;
      }),
    );
    const r = cli('verify', p, '--fingerprint', e.exportOut.fingerprint);
    expect(r.out).toContain('[quorum_not_met]');
    expect(r.code).toBe(1);
    // The same report in process; its quorum failure stands for a failure of any kind.
    const report = verifyResultText(fs.readFileSync(p, 'utf8'), e.exportOut.fingerprint);
    expect(exitCodeOf(report)).toBe(EXIT.recount);
    const quorum = report.failures.find((f) => f.kind === 'quorum_not_met')!;
    const kinds = (...k: Output<'result.verify'>['failures'][number]['kind'][]) =>
      exitCodeOf({ ...report, failures: k.map((kind) => ({ ...quorum, kind })) });
    expect(kinds('elected_twice')).toBe(EXIT.recount);
    expect(kinds('official_is_candidate', 'quorum_not_met')).toBe(EXIT.recount);
    expect(kinds('elected_twice', 'malformed')).toBe(EXIT.malformed);
  }, 120_000);
});

describe('congress-desk export', () => {
  it('writes the same signed file as the app, which then verifies', async () => {
    const e = await exported();
    await e.call('congress.close', {});
    const out = path.join(e.dir, 'cli-result.json');
    const dataDir = path.join(e.dir, 'cli-data');
    const r = cli('export', e.path, '--out', out, '--data-dir', dataDir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const app = JSON.parse(e.text) as ResultFile;
    const scripted = JSON.parse(fs.readFileSync(out, 'utf8')) as ResultFile;
    // Same content, hence the same hash on the forms; signed by the CLI's installation key.
    expect(scripted.contentHash).toBe(app.contentHash);
    expect(cli('verify', out, '--fingerprint', scripted.signature.fingerprint).code).toBe(0);

    expect(cli('export', e.path).code).toBe(64);
    const missing = cli('export', path.join(e.dir, 'nope.congress'), '--out', out, '--data-dir', dataDir);
    expect(missing.code).toBe(70);
    expect(missing.err).not.toBe('');
  }, 120_000);

  it('the command line is the user’s pick (issue 12, places): export --out and --csv into two folders that are neither the congress’s nor the documents folder, and enrol --out into a third, all written', async () => {
    const e = await exported();
    await e.call('congress.close', {});
    const [json, csv, enrol] = [tempDir(), tempDir(), tempDir()].map((d) => path.join(d, 'x'));
    const dataDir = path.join(e.dir, 'cli-data');
    const r = cli('export', e.path, '--out', `${json}.json`, '--csv', `${csv}.csv`, '--data-dir', dataDir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(fs.existsSync(`${json}.json`) && fs.existsSync(`${csv}.csv`)).toBe(true);
    const enrolled = cli('enrol', '--township', '测试镇', '--out', `${enrol}.json`, '--data-dir', dataDir);
    expect(enrolled.err).toBe('');
    expect(enrolled.code).toBe(0);
    expect(fs.existsSync(`${enrol}.json`)).toBe(true);
  }, 120_000);
});

describe('congress-desk verify without a pinned key, and the district (issue 12 item 3)', () => {
  it('the reported attack: 田富 renamed 李四, re-signed with a fresh key, `verify FILE` without --fingerprint → exit 5 UNCHECKED, never "OK 核验通过"; --expect-hash from the paper → exit 6 naming both hashes', async () => {
    const e = await exported();
    const forged = path.join(e.dir, 'renamed.json');
    fs.writeFileSync(
      forged,
      forge(e.text.replaceAll('田富', '李四'), () => {}),
    );
    const r = cli('verify', forged);
    expect(r.out).not.toContain('核验通过');
    expect(r.out).toContain('签名有效,但未核对签名人');
    expect(r.out).toContain('NOT CHECKED');
    expect(r.code).toBe(EXIT.signerUnchecked);

    const hash = e.exportOut.contentHash;
    const grouped = hash.toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
    const mismatch = cli('verify', forged, '--expect-hash', grouped);
    expect(mismatch.out).toContain('[hash_mismatch]');
    expect(mismatch.out).toContain(hash);
    expect(mismatch.out).toContain((JSON.parse(fs.readFileSync(forged, 'utf8')) as ResultFile).contentHash);
    expect(mismatch.code).toBe(EXIT.hashMismatch);
    // The genuine file with the paper's fingerprint and hash: 0; a 12-digit short hash is wrong usage.
    const good = cli('verify', e.out, '--fingerprint', e.exportOut.fingerprint, '--expect-hash', hash.slice(0, 32));
    expect(good.out).toContain('OK  核验通过');
    expect(good.code).toBe(EXIT.ok);
    expect(
      cli(
        'verify',
        e.out,
        '--expect-hash',
        e.exportOut.contentHash
          .slice(0, 12)
          .toUpperCase()
          .replace(/(.{4})(?=.)/g, '$1-'),
      ).code,
    ).toBe(EXIT.usage);
  }, 120_000);

  it('enrol → registry → `verify --keys` and `district FILE… --keys REGISTRY --xlsx --json`: the township pinned by its key; one key for two townships exit 3; an unregistered township exit 5; a missing registry is wrong usage', async () => {
    const e = await exported();
    const enrolment = path.join(e.dir, 'enrol.json');
    const enrolled = cli('enrol', '--township', '测试镇', '--out', enrolment, '--data-dir', e.dataDir);
    expect(enrolled.err).toBe('');
    expect(enrolled.code).toBe(0);
    expect(enrolled.out).toContain(e.exportOut.fingerprint);
    // The district imports it into its own registry (here: the same installation's data folder).
    const imported = await e.call('district.keys.import', { path: enrolment });
    expect(imported.entry).toMatchObject({
      township: '测试镇',
      fingerprint: e.exportOut.fingerprint,
      source: 'enrolment',
    });
    const registry = imported.path;

    const pinned = cli('verify', e.out, '--keys', registry);
    expect(pinned.out).toContain('OK  核验通过');
    expect(pinned.out).toContain('「测试镇」');
    expect(pinned.code).toBe(EXIT.ok);

    // 青山镇's file signed with 测试镇's own key (the venue laptop), and a township not registered.
    const sameKey = path.join(e.dir, 'qingshan.json');
    fs.writeFileSync(
      sameKey,
      await resign(e.text, e.dataDir, (f) => {
        f.content.congress.name = '中国共产党青山镇第十五次代表大会';
      }),
    );
    const xlsx = path.join(e.dir, 'district.xlsx');
    const d = cli('district', e.out, sameKey, '--keys', registry, '--xlsx', xlsx, '--json');
    expect(d.code).toBe(EXIT.unknownKey);
    const view = JSON.parse(d.out) as Output<'result.district'>;
    expect(view.files.map((f) => [f.report.verdict, f.flags.map((x) => x.flag).sort()])).toEqual([
      ['verified', ['key_shared']],
      ['signer_unchecked', ['key_shared', 'not_registered']],
    ]);
    expect(view.total.townships).toBe(0);
    expect(fs.statSync(xlsx).size).toBeGreaterThan(0);

    const alone = cli('district', sameKey, '--keys', registry);
    expect(alone.out).toContain('签名有效,但未核对签名人');
    expect(alone.code).toBe(EXIT.signerUnchecked);
    const both = cli('district', e.out, '--keys', registry);
    expect(both.out).toContain('total 合计');
    expect(both.code).toBe(EXIT.ok);

    expect(cli('district', e.out, '--keys', path.join(e.dir, 'nope.json')).code).toBe(EXIT.usage);
    expect(cli('district').code).toBe(EXIT.usage);
    expect(cli('enrol', '--out', enrolment).code).toBe(EXIT.usage);
  }, 180_000);
});

describe('congress-desk export of a congress with operators (issue 12 item 7)', () => {
  it("refused without --pin-from-tty naming it; a wrong piped PIN exports nothing; the chief's PIN piped exports a file that verifies", async () => {
    const e = await exported();
    const ids = await withOperators(e);
    await e.call('congress.close', {}, await signedIn(e, ids, 'secretariat', '秘书处'));
    const out = path.join(e.dir, 'cli-chief.json');
    const dataDir = path.join(e.dir, 'cli-data');
    const args = ['export', e.path, '--out', out, '--data-dir', dataDir];

    const bare = cli(...args);
    expect(bare.code).toBe(EXIT.exportFailed);
    expect(bare.err).toContain('--pin-from-tty');
    expect(fs.existsSync(out)).toBe(false);

    const wrong = cliWithStdin('000000\n', ...args, '--pin-from-tty');
    expect(wrong.code).toBe(EXIT.exportFailed);
    expect(wrong.err).toContain(NAMES.chief_scrutineer);
    expect(fs.existsSync(out)).toBe(false);

    const unknown = cliWithStdin(`${PINS.chief_scrutineer}\n`, ...args, '--pin-from-tty', '--chief', '李四');
    expect(unknown.code).toBe(EXIT.exportFailed);
    expect(unknown.err).toContain('李四');

    const right = cliWithStdin(
      `${PINS.chief_scrutineer}\n`,
      ...args,
      '--pin-from-tty',
      '--chief',
      NAMES.chief_scrutineer,
    );
    expect(right.err).not.toContain(PINS.chief_scrutineer);
    expect(right.code).toBe(EXIT.ok);
    const scripted = JSON.parse(fs.readFileSync(out, 'utf8')) as ResultFile;
    expect(cli('verify', out, '--fingerprint', scripted.signature.fingerprint).code).toBe(EXIT.ok);

    // The file's log says who confirmed it: the chief, signed in at the CLI's station.
    const raw = rawDb(e.path);
    const last = raw
      .prepare("SELECT operator, station FROM audit_log WHERE action = 'result.export' ORDER BY id DESC LIMIT 1")
      .get();
    raw.close();
    expect(last).toMatchObject({ operator: NAMES.chief_scrutineer, station: expect.stringMatching(/^cli/) });
  }, 180_000);

  it('congress-desk export of a congress the app has open is refused 「此大会已在另一窗口或程序中打开」, and verify of a result file is unaffected', async () => {
    const e = await exported();
    const out = path.join(e.dir, 'while-open.json');
    const r = cli('export', e.path, '--out', out, '--data-dir', path.join(e.dir, 'cli-data'));
    expect(r.code).toBe(EXIT.exportFailed);
    expect(r.err).toContain('此大会已在另一窗口或程序中打开');
    expect(fs.existsSync(out)).toBe(false);
    expect(cli('verify', e.out, '--fingerprint', e.exportOut.fingerprint).code).toBe(EXIT.ok);
  }, 120_000);
});
