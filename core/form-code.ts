/**
 * The QR code on every printed form (issue 12: 「a QR code of the hash, the audit head and the key
 * fingerprint」), defined once: the forms print `formCodeText`, the verify screen's scanner reads
 * it back with `parseFormCode`. One line of ASCII, fields by name:
 *
 *   congress-desk-form:1;h=<result hash, 64 hex>;a=<audit row id>:<its hash, 64 hex>;k=<fingerprint digits>
 *
 * `h` is always there; `a` and `k` are left out when the form was printed without them (an empty
 * audit log; a key that could not be read). Hex is lower case, the fingerprint digits only. A
 * reader refuses another version, an unknown or repeated field, and any value not of its form:
 * a code that half-parses must not fill the verify screen with something the paper did not say.
 */
import { GROUP_SIZE } from './hash-groups.js';
import { at, ok, type Result, refuse } from './result.js';

export const FORM_CODE_SCHEME = 'congress-desk-form';
export const FORM_CODE_VERSION = 1;

export interface FormCode {
  /** SHA-256 of the result content (the file's `contentHash`), lower-case hex. */
  hash: string;
  /** The audit log's last row when the form was printed. */
  audit: { id: number; hash: string } | null;
  /** The installation key's fingerprint, in its printed groups (0482 7711 0935 2260 5188). */
  fingerprint: string | null;
}

const HEX64 = /^[0-9a-f]{64}$/;
const FINGERPRINT = /^[0-9]{20,64}$/;
const AUDIT = /^([1-9][0-9]{0,15}):([0-9a-f]{64})$/;
const FIELDS = ['h', 'a', 'k'] as const;
type Field = (typeof FIELDS)[number];

/** How much of an unreadable code a refusal quotes: enough to recognise it, not a page of it. */
const QUOTED = 40;

/** The text of the form's QR code. */
export function formCodeText(code: FormCode): string {
  const parts = [`${FORM_CODE_SCHEME}:${FORM_CODE_VERSION}`, `h=${code.hash.toLowerCase()}`];
  if (code.audit) parts.push(`a=${code.audit.id}:${code.audit.hash.toLowerCase()}`);
  if (code.fingerprint !== null) parts.push(`k=${code.fingerprint.replace(/\D/g, '')}`);
  return parts.join(';');
}

const fingerprintGroups = (digits: string): string =>
  digits.replace(new RegExp(`(\\d{${GROUP_SIZE}})(?=\\d)`, 'g'), '$1 ');

const quote = (text: string): string => (text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text);

/** What a scanned QR code says, or why it is not a form's code (naming the field and value at fault). */
export function parseFormCode(text: string): Result<FormCode> {
  const [head = '', ...parts] = text.trim().split(';');
  const scheme = /^congress-desk-form:(\d{1,4})$/.exec(head);
  if (!scheme)
    return refuse('invalid_input', 'form_code.not_ours', { text: quote(text.trim()) }, at('code', quote(text)));
  const version = Number(scheme[1]);
  if (version !== FORM_CODE_VERSION) {
    return refuse(
      'invalid_input',
      'form_code.version',
      { version, supported: FORM_CODE_VERSION },
      at('version', version),
    );
  }
  const values = new Map<Field, string>();
  for (const part of parts) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    if (!(FIELDS as readonly string[]).includes(name)) {
      return refuse('invalid_input', 'form_code.unknown_field', { field: quote(name) }, at('field', quote(name)));
    }
    if (values.has(name as Field))
      return refuse('invalid_input', 'form_code.repeated_field', { field: name }, at(name, name));
    values.set(name as Field, eq < 0 ? '' : part.slice(eq + 1));
  }
  const bad = (field: Field, value: string) =>
    refuse('invalid_input', 'form_code.bad_field', { field, value: quote(value) }, at(field, quote(value)));
  const hash = values.get('h');
  if (hash === undefined) return refuse('invalid_input', 'form_code.missing_field', { field: 'h' }, at('h', ''));
  if (!HEX64.test(hash)) return bad('h', hash);
  const audit = values.get('a');
  const auditParts = audit === undefined ? null : AUDIT.exec(audit);
  if (audit !== undefined && !auditParts) return bad('a', audit);
  const fingerprint = values.get('k');
  if (fingerprint !== undefined && !FINGERPRINT.test(fingerprint)) return bad('k', fingerprint);
  return ok({
    hash,
    audit: auditParts ? { id: Number(auditParts[1]), hash: auditParts[2]! } : null,
    fingerprint: fingerprint === undefined ? null : fingerprintGroups(fingerprint),
  });
}
