/**
 * Signing and verifying result files: RFC 8785 canonical JSON (the `canonicalize` library),
 * SHA-256 and Ed25519 from Node's crypto. Verification needs no congress file and no
 * database: the CLI and the district view use it on files from anywhere.
 */
import { createHash, sign, verify } from 'node:crypto';
import fs from 'node:fs';
import canonicalize from 'canonicalize';
import type { DistrictKeyEntry, VerifyReport } from '../../core/model/index.js';
import { recheckResult } from '../../core/result-check.js';
import {
  RESULT_FORMAT,
  RESULT_FORMAT_VERSION,
  RESULT_FORMAT_VERSIONS,
  type ResultContent,
  type ResultFile,
  type ResultFileV1,
  resultFileSchema,
  resultFileSchemaV1,
  type UnsignedResultFile,
  upgradeContentV1,
} from '../../core/result-file.js';
import { firstDuplicateMember } from '../../core/strict-json.js';
import { bodyStructure } from '../../core/structure.js';
import { townshipOf } from '../../core/township.js';
import { StagedFiles } from '../staged-files.js';
import { fingerprintOfRaw, type InstallationKey, publicKeyFromRaw } from './installation-key.js';

export type { VerifyReport };

type Failure = VerifyReport['failures'][number];

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonicalize: value has no JSON form');
  return text;
}

export const sha256Hex = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/**
 * RFC 8785 of an object whose members are already canonical JSON texts: members sorted by
 * their names' UTF-16 code units, as the RFC orders them. It lets the 10 MB `content` be made
 * canonical once and reused for its hash, the signed body and the file.
 */
function canonicalMembers(members: Record<string, string>): string {
  const names = Object.keys(members).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${names.map((n) => `${canonicalJson(n)}:${members[n]}`).join(',')}}`;
}

/** Canonical members of a file (or its unsigned part) whose `content` is already canonical text. */
function membersOf(file: Record<string, unknown>, contentText: string): Record<string, string> {
  const members: Record<string, string> = {};
  for (const [name, value] of Object.entries(file)) {
    members[name] = name === 'content' ? contentText : canonicalJson(value);
  }
  return members;
}

/** The signed file's text (canonical JSON of the whole file, the signature over everything else) and its content hash. */
export function signResult(
  unsigned: Omit<UnsignedResultFile, 'contentHash'>,
  key: InstallationKey,
): { text: string; contentHash: string } {
  const contentText = canonicalJson(unsigned.content);
  const contentHash = sha256Hex(contentText);
  const members = membersOf(unsigned, contentText);
  members.contentHash = canonicalJson(contentHash);
  const body = canonicalMembers(members);
  const value = sign(null, Buffer.from(body, 'utf8'), key.privateKey).toString('base64');
  const signature: ResultFile['signature'] = {
    algorithm: 'Ed25519',
    publicKey: key.publicKeyRaw.toString('base64'),
    fingerprint: key.fingerprint,
    value,
  };
  return { text: canonicalMembers({ ...members, signature: canonicalJson(signature) }), contentHash };
}

/**
 * Writes through a temp file in the same folder and a rename, so that a reader (or a power cut)
 * sees the old file or the new one, never half of one.
 */
export function writeFileAtomic(target: string, data: string | Buffer): number {
  // A unit of one file (db/staged-files.ts): a write that fails (a full stick) removes its temp file.
  const file = new StagedFiles();
  const bytes = file.stage(target, data);
  file.publish();
  return bytes;
}

const failure = (kind: Failure['kind'], message: string, extra: Partial<Failure> = {}): Failure => ({
  kind,
  message,
  meeting: null,
  contest: null,
  round: null,
  subject: null,
  stated: null,
  recounted: null,
  ...extra,
});

/** The fingerprint as people type it: digits only, any spacing. */
export const normaliseFingerprint = (fp: string): string => fp.replace(/\D/g, '');

/** Fewer hex digits than this (128 bits) is not a pin: a second preimage of 48 bits is one GPU's work (issue 12). */
export const MIN_HASH_DIGITS = 32;

/**
 * The content hash as people type or scan it: spaces, dashes, colons and dots between groups
 * taken out, any case; null unless 32 to 64 hex digits remain (a prefix of at least 128 bits of
 * the SHA-256 is accepted: the forms may print it in part).
 */
export function normaliseHash(text: string): string | null {
  const hex = text.replace(/[\s\-:._]/g, '').toLowerCase();
  return /^[0-9a-f]+$/.test(hex) && hex.length >= MIN_HASH_DIGITS && hex.length <= 64 ? hex : null;
}

/** What a verifier is told to expect, besides the file's own claims. */
export interface VerifyOptions {
  /** The signer's fingerprint (typed from the paper, or scanned), any spacing. */
  fingerprint?: string | null;
  /** The content hash from the paper, as `normaliseHash` reads it (callers refuse one it cannot read). */
  expectHash?: string | null;
  /** The district's key registry: the file's township's entry pins its signer. */
  registry?: readonly DistrictKeyEntry[] | null;
}

const optionsOf = (o: string | null | VerifyOptions): VerifyOptions =>
  typeof o === 'string' || o === null ? { fingerprint: o } : o;

function summaryOf(file: ResultFile, formatVersion: number): NonNullable<VerifyReport['summary']> {
  const c: ResultContent = file.content;
  const meetingDate = new Map(c.meetings.map((m) => [m.id, m.date]));
  const allElected = c.contests.flatMap((k) => k.elected);
  // The body of all elected of the congress, on the first contest's meeting day (one election day).
  const day = meetingDate.get(c.contests[0]?.meetingId ?? -1) ?? c.congress.date;
  return {
    congress: { name: c.congress.name, date: c.congress.date, venue: c.congress.venue },
    exportedAt: file.exportedAt,
    appVersion: file.app.version,
    formatVersion,
    contentHash: file.contentHash,
    audit: {
      entries: file.audit.entries,
      head: file.audit.head,
      anchorId: file.audit.anchorId ?? null,
      checkpoints: file.audit.checkpoints ?? [],
    },
    congressUid: c.congress.uid ?? null,
    fingerprint: file.signature.fingerprint,
    contests: c.contests.map((k) => ({
      title: k.title,
      kind: k.kind,
      seats: k.seatsReducedTo ?? k.seats,
      elected: k.elected.map((e) => e.name),
      structure: k.structure,
    })),
    seats: c.contests.reduce((n, k) => n + (k.seatsReducedTo ?? k.seats), 0),
    elected: allElected.length,
    structure: bodyStructure(allElected, day),
    meetings: c.meetings.map((m) => ({
      name: m.name,
      date: m.date,
      due: m.attendance.due,
      present: m.attendance.present,
      oathParticipants: m.oath ? m.oath.participants + m.oath.latecomers : null,
    })),
    pledges: c.pledges,
  };
}

/**
 * Everything the district checks, in order: the file parses, names no member twice, and has our
 * format and version; the signature is valid for the key inside; the key is the expected one —
 * the fingerprint given, or the registry's key for the file's township; the content hash
 * matches, and the hash from the paper when one is given; every closed round recounts to the
 * stated figures. All of that with no fingerprint and no registry entry is `signer_unchecked`,
 * never `verified`: a forger re-signs with a fresh key of their own (issue 12).
 */
export function verifyResultText(text: string, expected: string | null | VerifyOptions): VerifyReport {
  const options = optionsOf(expected);
  const expectedFingerprint = options.fingerprint?.trim() || null;
  const expectedHash = options.expectHash ?? null;
  /** The version the file was written in (a version 1 file is checked in the version 2 shape). */
  let writtenVersion: number = RESULT_FORMAT_VERSION;
  let signerCheckedBy: VerifyReport['signerCheckedBy'] = null;
  const report = (failures: Failure[], file: ResultFile | null, signatureValid: boolean): VerifyReport => {
    const verdict = failures.length > 0 || !file ? 'failed' : signerCheckedBy ? 'verified' : 'signer_unchecked';
    return {
      ok: verdict === 'verified',
      verdict,
      failures,
      signerCheckedBy,
      township: file ? townshipOf(file.content.congress.name) : null,
      expectedHash,
      signatureValid,
      fingerprint: file?.signature.fingerprint ?? null,
      summary: file ? summaryOf(file, writtenVersion) : null,
    };
  };

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const where = error instanceof SyntaxError ? error.message : '';
    return report([failure('malformed', `文件不是完整的 JSON(可能被截断或损坏):${where}`)], null, false);
  }
  const duplicate = firstDuplicateMember(text);
  if (duplicate !== null) {
    return report(
      [
        failure(
          'malformed',
          `JSON 成员重复:${duplicate} 在同一对象中出现两次(只能有一个,否则不同的读者会读到不同的内容)`,
          {
            subject: duplicate,
          },
        ),
      ],
      null,
      false,
    );
  }
  const head = raw as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== RESULT_FORMAT) {
    return report([failure('unknown_format', `不是选举结果文件(format 应为 ${RESULT_FORMAT})`)], null, false);
  }
  const version = RESULT_FORMAT_VERSIONS.find((v) => v === head.formatVersion);
  if (version === undefined) {
    return report(
      [
        failure(
          'unknown_format',
          `结果文件格式版本 ${String(head.formatVersion)} 不受支持(支持 ${RESULT_FORMAT_VERSIONS.join('、')})`,
          { stated: String(head.formatVersion), recounted: RESULT_FORMAT_VERSIONS.join(',') },
        ),
      ],
      null,
      false,
    );
  }
  // Each version is read by its own schema; a version 1 file is then checked in the version 2
  // shape with the rules it was counted under (upgradeContentV1), its signed bytes untouched.
  const parsed = version === 1 ? resultFileSchemaV1.safeParse(raw) : resultFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.join('.');
    return report(
      [failure('malformed', `文件结构不符合格式:${at || '(根)'} ${issue.message}`, { subject: at })],
      null,
      false,
    );
  }
  const signedFile: ResultFile | ResultFileV1 = parsed.data;
  writtenVersion = signedFile.formatVersion;
  const file: ResultFile =
    signedFile.formatVersion === 1
      ? { ...signedFile, formatVersion: 2, content: upgradeContentV1(signedFile.content) }
      : signedFile;

  const { signature, ...unsigned } = signedFile;
  // Base64 has spare bits in its last character: "Q==" and "R==" decode alike. Only the one
  // canonical spelling is accepted, so that no byte of a signed file can change unnoticed.
  for (const field of ['publicKey', 'value'] as const) {
    const text = signature[field];
    if (Buffer.from(text, 'base64').toString('base64') !== text) {
      return report([failure('bad_signature', `signature.${field} 不是规范的 base64 编码`)], file, false);
    }
  }
  const publicKeyRaw = Buffer.from(signature.publicKey, 'base64');
  const publicKey = publicKeyFromRaw(publicKeyRaw);
  if (!publicKey) return report([failure('bad_signature', '公钥长度不对(应为 32 字节)')], file, false);
  const signatureBytes = Buffer.from(signature.value, 'base64');
  // The content is most of the file: made canonical once, for the signature and for its hash.
  const contentText = canonicalJson(signedFile.content);
  const signedText = canonicalMembers(membersOf(unsigned, contentText));
  const signatureValid =
    signatureBytes.length === 64 && verify(null, Buffer.from(signedText, 'utf8'), publicKey, signatureBytes);
  if (!signatureValid) {
    return report([failure('bad_signature', '签名无效:文件在签名后被改动,或签名不属于文件中的公钥')], file, false);
  }
  const failures: Failure[] = [];
  const actualFingerprint = fingerprintOfRaw(publicKeyRaw);
  if (signature.fingerprint !== actualFingerprint) {
    failures.push(
      failure('bad_signature', `文件写明的指纹 ${signature.fingerprint} 与公钥不符(应为 ${actualFingerprint})`),
    );
  }
  if (expectedFingerprint !== null) {
    if (normaliseFingerprint(expectedFingerprint) === normaliseFingerprint(actualFingerprint)) {
      signerCheckedBy = 'fingerprint';
    } else {
      failures.push(
        failure('unknown_key', `签名密钥不是预期的密钥:文件的指纹为 ${actualFingerprint},预期 ${expectedFingerprint}`, {
          stated: actualFingerprint,
          recounted: expectedFingerprint,
        }),
      );
    }
  }
  const township = townshipOf(file.content.congress.name);
  const entry = options.registry?.find((e) => townshipOf(e.township) === township);
  if (entry) {
    // An enrolment file brought the whole key: compared byte for byte, not only its 20 digits.
    const sameKey = entry.publicKey
      ? entry.publicKey === signature.publicKey
      : normaliseFingerprint(entry.fingerprint) === normaliseFingerprint(actualFingerprint);
    if (sameKey) signerCheckedBy ??= 'registry';
    else {
      failures.push(
        failure(
          'unknown_key',
          `签名密钥不是「${entry.township}」登记的密钥:文件的指纹为 ${actualFingerprint},登记的为 ${entry.fingerprint}`,
          { subject: entry.township, stated: actualFingerprint, recounted: entry.fingerprint },
        ),
      );
    }
  }
  const contentHash = sha256Hex(contentText);
  if (contentHash !== file.contentHash) {
    failures.push(
      failure('malformed', `contentHash 与内容不符(应为 ${contentHash})`, {
        stated: file.contentHash,
        recounted: contentHash,
      }),
    );
  }
  if (expectedHash !== null && !contentHash.startsWith(expectedHash)) {
    failures.push(
      failure('hash_mismatch', `结果校验码与预期不符:文件的为 ${contentHash},预期 ${expectedHash}`, {
        stated: contentHash,
        recounted: expectedHash,
      }),
    );
  }
  try {
    for (const f of recheckResult(file.content, { formatVersion: version, exportedAt: file.exportedAt }))
      failures.push(failure(f.kind, f.message, f));
  } catch (error) {
    // The schema admits it, yet a rule cannot count it: malformed, never a crash of the verifier.
    failures.push(failure('malformed', `文件内容无法重新计票:${(error as Error).message}`));
  }
  return report(failures, file, true);
}

/** Reads and verifies a result file; an unreadable file is named as such. */
export function verifyResultFile(filePath: string, expected: string | null | VerifyOptions): VerifyReport {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return {
      ok: false,
      verdict: 'failed',
      failures: [failure('malformed', `无法读取文件 ${filePath}(${code})`)],
      signerCheckedBy: null,
      township: null,
      expectedHash: optionsOf(expected).expectHash ?? null,
      signatureValid: false,
      fingerprint: null,
      summary: null,
    };
  }
  return verifyResultText(text, expected);
}
