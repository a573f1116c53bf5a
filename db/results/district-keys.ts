/**
 * The district's key registry (issue 12, docs/result-file.md "The district's key registry"):
 * township → the fingerprint of the key its laptop signs with. Each township signs with its own
 * installation key, so one fingerprint for all files (as the district view took before) either
 * refuses every township but one or checks nothing.
 *
 * Kept by the district's installation, `district-keys.json` in the data folder beside its own
 * key: a district official enters thirty townships once, on the machine that checks their files,
 * and every check on that machine uses them without picking a file each time. The same file (or
 * a copy) is what `congress-desk district … --keys FILE` reads, for the district's scripts.
 *
 * An entry comes from the township's paper form (township and fingerprint typed) or from its
 * signed enrolment file (`congress-desk enrol`, `keys.enrol`): the signature proves the sender
 * holds the key, not who the sender is — that comes from how the file travels (handed over with
 * the signed paper form, read aloud on the phone), as the docs say.
 */
import { sign, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { type DistrictKeyEntry, districtKeyEntry } from '../../core/model/results.js';
import { at, ok, type Result, refuse } from '../../core/result.js';
import { townshipOf } from '../../core/township.js';
import { fingerprintOfRaw, type InstallationKey, publicKeyFromRaw } from './installation-key.js';
import { canonicalJson, normaliseFingerprint, writeFileAtomic } from './sign.js';

export const REGISTRY_FILE_NAME = 'district-keys.json';
export const REGISTRY_FORMAT = 'congress-desk-district-keys';
export const ENROLMENT_FORMAT = 'congress-desk-enrolment';

export const registryPath = (dataDir: string): string => path.join(dataDir, REGISTRY_FILE_NAME);

const registryFile = z
  .object({ format: z.literal(REGISTRY_FORMAT), formatVersion: z.literal(1), entries: z.array(districtKeyEntry) })
  .strict();

const enrolmentFile = z
  .object({
    format: z.literal(ENROLMENT_FORMAT),
    formatVersion: z.literal(1),
    township: z.string().min(1),
    publicKey: z.string(),
    fingerprint: z.string(),
    at: z.string(),
    signature: z.string(),
  })
  .strict();
export type EnrolmentFile = z.infer<typeof enrolmentFile>;

const unreadable = (file: string, detail: string) =>
  refuse('file_io', 'district.keys_unreadable', { path: file, detail }, at('keys', file));

/** The registry in `file`; a file not there yet is an empty registry, a damaged one is refused (never read as empty). */
export function readRegistry(file: string): Result<DistrictKeyEntry[]> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? ok([]) : unreadable(file, code ?? (error as Error).message);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return unreadable(file, (error as Error).message);
  }
  const parsed = registryFile.safeParse(raw);
  if (!parsed.success) return unreadable(file, parsed.error.issues[0]?.message ?? '');
  return ok(parsed.data.entries);
}

export function writeRegistry(file: string, entries: readonly DistrictKeyEntry[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, `${JSON.stringify({ format: REGISTRY_FORMAT, formatVersion: 1, entries }, null, 2)}\n`);
}

/** The 20 digits of a fingerprint in the five groups the forms print, or null. */
export function groupedFingerprint(text: string): string | null {
  const digits = normaliseFingerprint(text);
  // Only digits, spaces and dashes count as a typed fingerprint: "1234 5678 …", "1234-5678-…".
  if (digits.length !== 20 || /[^\d\s-]/.test(text)) return null;
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export interface NewEntry {
  township: string;
  fingerprint: string;
  publicKey: string | null;
  source: DistrictKeyEntry['source'];
}

/**
 * The registry with one more township. A township is registered once and a key once: a second
 * key for a township (a laptop replaced, or a forger's key) is entered only after the first is
 * removed, and one key for two townships is refused (the attack of issue 12: three townships'
 * files signed by one key).
 */
export function addEntry(
  entries: readonly DistrictKeyEntry[],
  input: NewEntry,
  now: string,
): Result<DistrictKeyEntry[]> {
  const township = input.township.normalize('NFKC').trim();
  if (township === '') return refuse('invalid_input', 'district.township_empty', {}, at('township', input.township));
  const fingerprint = groupedFingerprint(input.fingerprint);
  if (fingerprint === null) {
    return refuse(
      'invalid_input',
      'district.fingerprint_unreadable',
      { value: input.fingerprint },
      at('fingerprint', input.fingerprint),
    );
  }
  const same = entries.find((e) => townshipOf(e.township) === townshipOf(township));
  if (same) {
    if (normaliseFingerprint(same.fingerprint) === normaliseFingerprint(fingerprint) && !input.publicKey) {
      return ok([...entries]);
    }
    if (normaliseFingerprint(same.fingerprint) !== normaliseFingerprint(fingerprint)) {
      return refuse(
        'conflict',
        'district.township_taken',
        { township: same.township, fingerprint: same.fingerprint },
        at('township', township),
      );
    }
  }
  const holder = entries.find(
    (e) => normaliseFingerprint(e.fingerprint) === normaliseFingerprint(fingerprint) && e !== same,
  );
  if (holder) {
    return refuse(
      'conflict',
      'district.key_taken',
      { fingerprint, township: holder.township },
      at('fingerprint', input.fingerprint),
    );
  }
  const entry: DistrictKeyEntry = {
    township,
    fingerprint,
    publicKey: input.publicKey,
    source: input.source,
    addedAt: now,
  };
  // The same key again from its enrolment file brings the whole public key: it replaces the typed entry.
  return ok(same ? entries.map((e) => (e === same ? entry : e)) : [...entries, entry]);
}

export function removeEntry(entries: readonly DistrictKeyEntry[], township: string): Result<DistrictKeyEntry[]> {
  const key = townshipOf(township);
  if (!entries.some((e) => townshipOf(e.township) === key)) {
    return refuse('not_found', 'district.not_registered', { township }, at('township', township));
  }
  return ok(entries.filter((e) => townshipOf(e.township) !== key));
}

const signedPart = (file: Omit<EnrolmentFile, 'signature'>): Buffer => Buffer.from(canonicalJson(file), 'utf8');

/** The township's enrolment file: its name and its installation's public key, signed by that key. */
export function enrolmentText(key: InstallationKey, township: string, now: string): string {
  const body = {
    format: ENROLMENT_FORMAT,
    formatVersion: 1 as const,
    township: township.normalize('NFKC').trim(),
    publicKey: key.publicKeyRaw.toString('base64'),
    fingerprint: key.fingerprint,
    at: now,
  } satisfies Omit<EnrolmentFile, 'signature'>;
  const signature = sign(null, signedPart(body), key.privateKey).toString('base64');
  return `${canonicalJson({ ...body, signature })}\n`;
}

/**
 * The entry an enrolment file asks for, once its signature holds for the key inside and the
 * fingerprint is that key's: it proves possession of the key, nothing more.
 */
export function readEnrolment(file: string): Result<NewEntry> {
  const invalid = (detail: string) =>
    refuse('invalid_input', 'district.enrolment_invalid', { path: file, detail }, at('path', file));
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return invalid((error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
  const parsed = enrolmentFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return invalid(`${issue.path.join('.') || '(根)'} ${issue.message}`);
  }
  const { signature, ...body } = parsed.data;
  const rawKey = Buffer.from(body.publicKey, 'base64');
  const publicKey = publicKeyFromRaw(rawKey);
  if (!publicKey || rawKey.toString('base64') !== body.publicKey)
    return invalid('publicKey 不是 32 字节的 Ed25519 公钥');
  if (fingerprintOfRaw(rawKey) !== body.fingerprint)
    return invalid(`fingerprint 与公钥不符(应为 ${fingerprintOfRaw(rawKey)})`);
  if (!verify(null, signedPart(body), publicKey, Buffer.from(signature, 'base64'))) {
    return invalid('签名无效:文件在签名后被改动,或不是该密钥所签');
  }
  return ok({ township: body.township, fingerprint: body.fingerprint, publicKey: body.publicKey, source: 'enrolment' });
}
