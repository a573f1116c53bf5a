/** A counted and exported congress, and a forger's tools, for the result-file and CLI tests. */
import { generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ResultFile } from '../../core/result-file.js';
import { FileKeyStore, fingerprintOfRaw, rawPublicKey } from '../../db/results/installation-key.js';
import { canonicalJson, sha256Hex, signResult } from '../../db/results/sign.js';
import { election } from './election-setup.js';

/**
 * A counted congress: 10 voters, 2 seats, 4 candidates; 田富 7, 田大利 6 (elected), 王芳 5 —
 * exactly half, not elected — 李强 0, and 赵六 written in once; one more ballot entered and voided.
 */
export async function countedCongress() {
  const e = await election({ voters: 10, seats: 2 });
  await e.open();
  // Keyed by mistake, voided with its reason: kept in the file as history, never counted.
  const mistake = await e.enter('ooo-');
  await e.call('ballots.void', { ballotId: mistake.id, reason: '误录' });
  const marks = ['oox-', 'oox-', 'oox-', 'oox-', 'oxo-', 'oxo-', 'oxo-', 'xoo-', 'xoo-'];
  for (const m of marks) await e.enter(m);
  await e.call('ballots.enter', { ...e.enterInput('xxx-'), writeIns: [{ name: '赵六', mark: 'circle' }] });
  return e;
}

export async function exported() {
  const e = await countedCongress();
  await e.call('rounds.close', { roundId: e.roundId });
  const out = path.join(e.dir, 'result.json');
  const csv = path.join(e.dir, 'result.csv');
  const r = await e.call('result.export', { path: out, csvPath: csv });
  return { ...e, out, csv, exportOut: r, text: fs.readFileSync(out, 'utf8') };
}

/** Re-signs a tampered file with another valid key, as a forger would. */
export function forge(text: string, edit: (file: ResultFile) => void, withContentHash = true): string {
  const file = JSON.parse(text) as ResultFile;
  edit(file);
  if (withContentHash) file.contentHash = sha256Hex(canonicalJson(file.content));
  const { privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(privateKey);
  const { signature: _old, ...unsigned } = file;
  file.signature = {
    algorithm: 'Ed25519',
    publicKey: raw.toString('base64'),
    fingerprint: fingerprintOfRaw(raw),
    value: sign(null, Buffer.from(canonicalJson(unsigned)), privateKey).toString('base64'),
  };
  return canonicalJson(file);
}

/**
 * Re-signs an edited file with the venue's own installation key (the data folder's), as a
 * forger holding the laptop would: the signature and the key hold, so only the checks of the
 * content can name the fault.
 */
export async function resign(text: string, dataDir: string, edit: (file: ResultFile) => void): Promise<string> {
  const file = JSON.parse(text) as ResultFile;
  edit(file);
  const { signature: _old, contentHash: _hash, ...unsigned } = file;
  const key = await new FileKeyStore(dataDir).load();
  return signResult(unsigned, key).text;
}

/**
 * A file as other software writes it from docs/result-file.md: its own key, the content's hash,
 * the header signed as canonical JSON, and the whole pretty-printed on purpose (a verifier
 * canonicalises what it parsed).
 */
export function otherSoftware(formatVersion: 1 | 2, exportedAt: string) {
  const { privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(privateKey);
  const fingerprint = fingerprintOfRaw(raw);
  const write = (content: unknown): string => {
    const unsigned = {
      format: 'congress-desk-result',
      formatVersion,
      app: { name: 'other', version: '1' },
      exportedAt,
      content,
      contentHash: sha256Hex(canonicalJson(content)),
      audit: { entries: 0, head: '0'.repeat(64) },
    };
    const value = sign(null, Buffer.from(canonicalJson(unsigned)), privateKey).toString('base64');
    const signature = { algorithm: 'Ed25519', publicKey: raw.toString('base64'), fingerprint, value };
    return JSON.stringify({ ...unsigned, signature }, null, 2);
  };
  return { fingerprint, write };
}
