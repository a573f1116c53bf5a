/**
 * Issue 12 item 3, "verify passes any key": each attack of the review reproduced against the
 * real verifier, with a real exported congress — a file renamed and re-signed with a fresh key,
 * one key signing three townships, duplicate JSON members, the paper's hash — and the district's
 * key registry that answers them.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeOf } from '../../cli/main.js';
import type { ResultFile } from '../../core/result-file.js';
import { firstDuplicateMember } from '../../core/strict-json.js';
import { townshipOf } from '../../core/township.js';
import { districtView } from '../../db/results/district.js';
import { addEntry } from '../../db/results/district-keys.js';
import { keyFromStored, newStoredKey } from '../../db/results/installation-key.js';
import { normaliseHash, signResult, verifyResultText } from '../../db/results/sign.js';
import { exported, forge } from './result-setup.js';

/** A laptop's key, as `keys.load()` gives it. */
const laptop = () => keyFromStored(newStoredKey(), 'file');
type Laptop = ReturnType<typeof laptop>;

/** The exported file edited and signed by `key` (another township's laptop, or a forger's). */
function signedBy(text: string, key: Laptop, edit: (f: ResultFile) => void = () => {}): string {
  const file = JSON.parse(text) as ResultFile;
  edit(file);
  const { signature: _s, contentHash: _h, ...unsigned } = file;
  return signResult(unsigned, key).text;
}

const township = (name: string) => (f: ResultFile) => {
  f.content.congress.name = `中国共产党${name}第十五次代表大会`;
};

describe('verify never says 核验通过 for an unpinned key (issue 12 item 3)', () => {
  it('the reported attack: 田富 renamed 李四 and re-signed with a fresh key, verified without a fingerprint → "signature valid, signer not checked", exit 5, not ok', async () => {
    const e = await exported();
    expect(e.text).toContain('田富');
    const forged = forge(e.text.replaceAll('田富', '李四'), () => {});
    const report = verifyResultText(forged, null);
    // Before: ok true, OK 核验通过, exit 0.
    expect(report.failures).toEqual([]);
    expect(report.signatureValid).toBe(true);
    expect(report.verdict).toBe('signer_unchecked');
    expect(report.ok).toBe(false);
    expect(report.signerCheckedBy).toBeNull();
    expect(exitCodeOf(report)).toBe(EXIT.signerUnchecked);
    // With the fingerprint from the paper the forgery is named; the genuine file is verified.
    const pinned = verifyResultText(forged, e.exportOut.fingerprint);
    expect(pinned.verdict).toBe('failed');
    expect(pinned.failures.map((f) => f.kind)).toEqual(['unknown_key']);
    expect(exitCodeOf(pinned)).toBe(EXIT.unknownKey);
    const genuine = verifyResultText(e.text, e.exportOut.fingerprint);
    expect(genuine).toMatchObject({ ok: true, verdict: 'verified', signerCheckedBy: 'fingerprint' });
    expect(exitCodeOf(genuine)).toBe(EXIT.ok);
  });

  it('the genuine file itself without a fingerprint is signer_unchecked too (the verdict cannot tell it from the forgery)', async () => {
    const e = await exported();
    expect(verifyResultText(e.text, null).verdict).toBe('signer_unchecked');
    expect(verifyResultText(e.text, { fingerprint: '  ' }).verdict).toBe('signer_unchecked');
    // A failure stays a failure whether or not the signer was checked.
    const broken = verifyResultText(e.text.slice(0, 300), null);
    expect(broken.verdict).toBe('failed');
  });

  it('through the session call: result.verify with fingerprint null answers signer_unchecked; with the registry entry of 测试镇, verified by the registry', async () => {
    const e = await exported();
    const unpinned = await e.call('result.verify', { path: e.out, fingerprint: null });
    expect(unpinned).toMatchObject({ ok: false, verdict: 'signer_unchecked', township: '测试镇' });
    await e.call('district.keys.add', { township: '测试镇', fingerprint: e.exportOut.fingerprint });
    const pinned = await e.call('result.verify', { path: e.out, fingerprint: null });
    expect(pinned).toMatchObject({ ok: true, verdict: 'verified', signerCheckedBy: 'registry' });
    // The registry's key is the township's: a fresh key on a renamed file is named with both fingerprints.
    const forgedPath = path.join(e.dir, 'forged.json');
    fs.writeFileSync(
      forgedPath,
      forge(e.text.replaceAll('田富', '李四'), () => {}),
    );
    const forged = await e.call('result.verify', { path: forgedPath, fingerprint: null });
    expect(forged.verdict).toBe('failed');
    const failure = forged.failures.find((f) => f.kind === 'unknown_key')!;
    expect(failure.message).toContain('测试镇');
    expect(failure.recounted).toBe(e.exportOut.fingerprint);
  });
});

describe('duplicate JSON members are malformed (issue 12 item 3)', () => {
  it('the reported attack: a second "content" member ahead of the signed one (JSON.parse keeps the last) is refused, naming content', async () => {
    const e = await exported();
    const file = JSON.parse(e.text) as ResultFile;
    const shown = { ...file.content, congress: { ...file.content.congress, venue: '别处' } };
    // A reader taking the first member sees the forged content; JSON.parse, the signed one.
    const crafted = `{"content":${JSON.stringify(shown)},${e.text.slice(1)}`;
    expect((JSON.parse(crafted) as ResultFile).content.congress.venue).toBe(file.content.congress.venue);
    const report = verifyResultText(crafted, e.exportOut.fingerprint);
    expect(report.verdict).toBe('failed');
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({ kind: 'malformed', subject: 'content' });
    expect(report.failures[0]!.message).toContain('content');
    expect(exitCodeOf(report)).toBe(EXIT.malformed);
  });

  it('a duplicate deep inside (a contest title twice, an escaped "\\u0074itle") is named by its path', async () => {
    const e = await exported();
    const title = '"title":"党委委员"';
    expect(e.text).toContain(title);
    const twice = e.text.replace(title, `"title":"别的",${title}`);
    expect(verifyResultText(twice, e.exportOut.fingerprint).failures[0]).toMatchObject({
      kind: 'malformed',
      subject: 'content.contests[0].title',
    });
    const escaped = e.text.replace(title, `"\\u0074itle":"别的",${title}`);
    expect(verifyResultText(escaped, e.exportOut.fingerprint).failures[0]!.subject).toBe('content.contests[0].title');
  });

  it('property: JSON.stringify of any value has no duplicate; one member repeated anywhere is found at its path', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(firstDuplicateMember(JSON.stringify(value))).toBeNull();
      }),
      { numRuns: 500 },
    );
    const name = fc.string({ unit: fc.constantFrom('a', '"', '\\', '{', '}', '[', ']', ',', ':', '字', ' ') });
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), name, fc.jsonValue(), (outer, key, value) => {
        // {"o1":[{"o2":[ … {key:1, key:2} … ]}]}: the duplicate sits under arrays and objects with awkward names.
        let text = `{${JSON.stringify(key)}:1,${JSON.stringify(key)}:${JSON.stringify(value)}}`;
        let expected = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
        for (const o of [...outer].reverse()) {
          text = `{${JSON.stringify(o)}:[0,${text}]}`;
          const step = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(o) ? o : `[${JSON.stringify(o)}]`;
          expected = `${step}[1]${expected.startsWith('[') ? '' : '.'}${expected}`;
        }
        JSON.parse(text);
        expect(firstDuplicateMember(text)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('--expect-hash: the file is the one the paper form describes (issue 12 item 3)', () => {
  it('the full hash, or a prefix of at least 32 digits typed in groups and capitals, matches; a forged file with its own valid hash does not, naming both', async () => {
    const e = await exported();
    const hash = e.exportOut.contentHash;
    const grouped = hash
      .slice(0, 32)
      .toUpperCase()
      .replace(/(.{4})(?=.)/g, '$1 ');
    expect(normaliseHash(grouped)).toBe(hash.slice(0, 32));
    expect(verifyResultText(e.text, { fingerprint: e.exportOut.fingerprint, expectHash: hash }).verdict).toBe(
      'verified',
    );
    expect(
      verifyResultText(e.text, { fingerprint: e.exportOut.fingerprint, expectHash: normaliseHash(grouped) }).verdict,
    ).toBe('verified');
    // The venue's own key re-signs a changed result (whoever holds the laptop): only the paper's hash names it.
    const forged = forge(e.text.replaceAll('田富', '李四'), () => {});
    const report = verifyResultText(forged, { expectHash: hash });
    const mismatch = report.failures.find((f) => f.kind === 'hash_mismatch')!;
    expect(mismatch.recounted).toBe(hash);
    expect(mismatch.stated).toBe((JSON.parse(forged) as ResultFile).contentHash);
    expect(mismatch.message).toContain(hash);
    expect(exitCodeOf(report)).toBe(EXIT.hashMismatch);
  });

  it('fewer than 32 hex digits (the old 12-digit short hash) or a non-hex character is refused as unreadable, not compared', async () => {
    const e = await exported();
    const shortHash = e.exportOut.contentHash
      .slice(0, 12)
      .toUpperCase()
      .replace(/(.{4})(?=.)/g, '$1-');
    expect(normaliseHash(shortHash)).toBeNull();
    expect(normaliseHash(`${e.exportOut.contentHash.slice(0, 31)}g`)).toBeNull();
    const error = await e.failure('result.verify', {
      path: e.out,
      fingerprint: null,
      expectHash: shortHash,
    });
    expect(error).toMatchObject({ code: 'invalid_input', reason: 'verify.hash_unreadable', field: 'expectHash' });
    expect(error.message).toContain(shortHash);
    const ok = await e.call('result.verify', {
      path: e.out,
      fingerprint: e.exportOut.fingerprint,
      expectHash: e.exportOut.contentHash.toUpperCase(),
    });
    expect(ok).toMatchObject({ verdict: 'verified', expectedHash: e.exportOut.contentHash });
  });
});

describe("the district's key registry (issue 12 item 3)", () => {
  it("the reported attack: three townships' files signed by ONE key, no registry → each flagged key_shared and not_registered, none counted (before: three townships)", async () => {
    const e = await exported();
    const one = laptop();
    const paths = ['青山镇', '白水乡', '红岩镇'].map((name) => {
      const p = path.join(e.dir, `${name}.json`);
      fs.writeFileSync(p, signedBy(e.text, one, township(name)));
      return p;
    });
    const view = districtView(paths, null);
    expect(view.files.map((f) => f.report.verdict)).toEqual([
      'signer_unchecked',
      'signer_unchecked',
      'signer_unchecked',
    ]);
    for (const f of view.files) {
      expect(f.flags.map((x) => x.flag).sort()).toEqual(['key_shared', 'not_registered']);
      expect(f.counted).toBe(false);
    }
    expect(view.files[0]!.flags.find((x) => x.flag === 'key_shared')!.others).toEqual([paths[1], paths[2]]);
    expect(view.total.townships).toBe(0);
    // Registering 青山镇's key does not clear the others: one key for three townships stays flagged.
    const registry = addEntry(
      [],
      { township: '青山镇', fingerprint: one.fingerprint, publicKey: null, source: 'paper' },
      'now',
    );
    expect(registry.ok).toBe(true);
    const pinned = districtView(paths, { registry: registry.ok ? registry.value : [] });
    expect(pinned.files[0]!.report.verdict).toBe('verified');
    expect(pinned.files[0]!.flags.map((x) => x.flag)).toEqual(['key_shared']);
    expect(pinned.total.townships).toBe(0);
    // And the registry refuses the same key for a second township.
    const second = addEntry(
      registry.ok ? registry.value : [],
      { township: '白水乡', fingerprint: one.fingerprint, publicKey: null, source: 'paper' },
      'now',
    );
    expect(second.ok || second.error.reason).toBe('district.key_taken');
  });

  it("each township against its own key: two registered townships counted; a file of 白水乡 signed with 青山镇's key is unknown_key; two different files for 青山镇 are township_twice, neither counted", async () => {
    const e = await exported();
    const qing = laptop();
    const bai = laptop();
    const write = (name: string, text: string) => {
      const p = path.join(e.dir, name);
      fs.writeFileSync(p, text);
      return p;
    };
    const q = write('q.json', signedBy(e.text, qing, township('青山镇')));
    const b = write('b.json', signedBy(e.text, bai, township('白水乡')));
    const copy = write('q-copy.json', fs.readFileSync(q, 'utf8'));
    await e.call('district.keys.add', { township: '青山镇', fingerprint: qing.fingerprint });
    await e.call('district.keys.add', {
      township: '中国共产党白水乡第十五次代表大会',
      fingerprint: bai.fingerprint.replaceAll(' ', '-'),
    });
    const view = await e.call('result.district', { paths: [q, b, copy], fingerprint: null });
    expect(view.files.map((f) => [f.report.verdict, f.counted, f.flags])).toEqual([
      ['verified', true, []],
      ['verified', true, []],
      ['verified', false, []],
    ]);
    expect(view.files[2]!.duplicateOf).toBe(q);
    expect(view.total.townships).toBe(2);

    const wrongKey = write('b-by-q.json', signedBy(e.text, qing, township('白水乡')));
    const again = write(
      'q-again.json',
      signedBy(e.text, qing, (f) => {
        township('青山镇')(f);
        f.content.congress.venue = '另一个会场';
      }),
    );
    const flagged = await e.call('result.district', { paths: [q, b, wrongKey, again], fingerprint: null });
    const [fq, fb, fw, fa] = flagged.files;
    expect(fw!.report.failures.map((f) => f.kind)).toEqual(['unknown_key']);
    expect(fw!.flags.map((x) => x.flag)).toEqual(['key_shared']);
    expect(fq!.flags.map((x) => x.flag).sort()).toEqual(['key_shared', 'township_twice']);
    expect(fa!.flags.find((x) => x.flag === 'township_twice')!.others).toEqual([q]);
    expect(fb!.counted).toBe(true);
    expect(flagged.total.townships).toBe(1);
  });

  it('the township of a file is its congress name without 中国共产党/中共 and 第…次代表大会, spaces and full-width forms folded; equal, never "contains"', () => {
    expect(townshipOf('中国共产党青山镇第十五次代表大会')).toBe('青山镇');
    expect(townshipOf('中共 青山镇 第十五次党员代表大会')).toBe('青山镇');
    expect(townshipOf('青山镇')).toBe('青山镇');
    expect(townshipOf('中国共产党ＡＢ镇第3次代表大会')).toBe('AB镇');
    expect(townshipOf('中国共产党青山镇东第十五次代表大会')).not.toBe(townshipOf('青山镇'));
    expect(townshipOf('代表大会')).toBe('代表大会');
  });
});

describe('the registry file and the enrolment file (issue 12 item 3)', () => {
  it('keys.enrol writes a file signed by the installation key; district.keys.import takes it with the whole public key; a township name changed in it, or another key swapped in, is refused', async () => {
    const e = await exported();
    const out = path.join(e.dir, 'enrol.json');
    const written = await e.call('keys.enrol', { township: '测试镇', out });
    expect(written.fingerprint).toBe(e.exportOut.fingerprint);
    const enrolment = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, string>;
    expect(enrolment).toMatchObject({
      format: 'congress-desk-enrolment',
      township: '测试镇',
      fingerprint: written.fingerprint,
    });

    const renamed = path.join(e.dir, 'renamed.json');
    fs.writeFileSync(renamed, JSON.stringify({ ...enrolment, township: '青山镇' }));
    expect(await e.failure('district.keys.import', { path: renamed })).toMatchObject({
      reason: 'district.enrolment_invalid',
      field: 'path',
    });
    // A forger's key with the victim's fingerprint: the fingerprint is not that key's.
    const other = laptop();
    const swapped = path.join(e.dir, 'swapped.json');
    fs.writeFileSync(swapped, JSON.stringify({ ...enrolment, publicKey: other.publicKeyRaw.toString('base64') }));
    expect((await e.failure('district.keys.import', { path: swapped })).message).toContain('fingerprint');

    const imported = await e.call('district.keys.import', { path: out });
    expect(imported.entry).toMatchObject({ source: 'enrolment', publicKey: enrolment.publicKey });
    // Kept in the data folder: a later call (a restart of the app) reads the same registry.
    expect(imported.path).toBe(path.join(e.dataDir, 'district-keys.json'));
    expect((await e.call('district.keys.list', {})).entries).toHaveLength(1);
  });

  it('add/remove: a fingerprint must be 20 digits; a second key for a township, or one key for two, is refused naming the entry; a damaged registry file is refused, never read as empty', async () => {
    const e = await exported();
    const fp = e.exportOut.fingerprint;
    expect((await e.failure('district.keys.add', { township: '青山镇', fingerprint: fp.slice(0, 10) })).reason).toBe(
      'district.fingerprint_unreadable',
    );
    await e.call('district.keys.add', { township: '青山镇', fingerprint: fp });
    const taken = await e.failure('district.keys.add', {
      township: '中共青山镇第十六次代表大会',
      fingerprint: '1111 2222 3333 4444 5555',
    });
    expect(taken).toMatchObject({ reason: 'district.township_taken' });
    expect(taken.message).toContain(fp);
    expect((await e.failure('district.keys.add', { township: '白水乡', fingerprint: fp })).message).toContain('青山镇');
    const removed = await e.call('district.keys.remove', { township: '中国共产党青山镇第十五次代表大会' });
    expect(removed.entries).toEqual([]);
    expect((await e.failure('district.keys.remove', { township: '青山镇' })).reason).toBe('district.not_registered');

    fs.writeFileSync(path.join(e.dataDir, 'district-keys.json'), '{"format":"congress-desk-district-keys",');
    expect((await e.failure('result.verify', { path: e.out, fingerprint: fp })).reason).toBe(
      'district.keys_unreadable',
    );
    expect((await e.failure('district.keys.list', {})).reason).toBe('district.keys_unreadable');
  });
});

describe('the verify report shows the chain the file pins (issue 12 items 2 and 6)', () => {
  it("a file's congress uid, the anchor's row and its signed checkpoints reach the summary, each with the key that signed it", async () => {
    const e = await exported();
    const file = JSON.parse(e.text) as ResultFile;
    const report = verifyResultText(e.text, e.exportOut.fingerprint);
    expect(report.summary!.congressUid).toBe(file.content.congress.uid ?? null);
    expect(report.summary!.audit.anchorId).toBe(file.audit.anchorId ?? null);
    expect(report.summary!.audit.checkpoints).toEqual(file.audit.checkpoints ?? []);
    // Since issue 12 the export signs a checkpoint of its own: the last one, by the file's key.
    expect(report.summary!.audit.checkpoints.at(-1)?.fingerprint).toBe(e.exportOut.fingerprint);
  });
});
