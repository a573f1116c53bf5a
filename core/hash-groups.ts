/**
 * A hash as people read it off paper and type it back (issue 12: 「Every form prints the full
 * result hash (at least 128 bits, in groups a person can read aloud)」): hex digits in groups
 * of four, upper case, so "B" and "8", "D" and "0" are told apart in print and nobody has to say
 * "lower-case". The full hash, never a prefix: a 48-bit prefix is a second preimage away from a
 * forged file for one GPU.
 */

/** Digits per group: four is what a person reads aloud in one breath and finds again on paper. */
export const GROUP_SIZE = 4;

/** Groups per printed line: 64 hex digits (SHA-256) take two lines of eight groups. */
export const GROUPS_PER_LINE = 8;

/** The hex digits of a typed or scanned hash: spaces, dashes and case ignored; null if anything else is in it. */
export function hexDigits(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '').toLowerCase();
  return /^[0-9a-f]+$/.test(digits) ? digits : null;
}

/** The groups of `hex`, upper case, four digits each (the last one shorter when the length is not a multiple of four). */
export function hashGroups(hex: string): string[] {
  const digits = hex.toUpperCase();
  const groups: string[] = [];
  for (let i = 0; i < digits.length; i += GROUP_SIZE) groups.push(digits.slice(i, i + GROUP_SIZE));
  return groups;
}

/** `hex` as printed on one line: its groups separated by spaces (A1B2 C3D4 …). */
export const groupedHash = (hex: string): string => hashGroups(hex).join(' ');

/** `hex` as printed on the forms: lines of eight groups (two for a SHA-256). */
export function groupedHashLines(hex: string): string[] {
  const groups = hashGroups(hex);
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += GROUPS_PER_LINE) lines.push(groups.slice(i, i + GROUPS_PER_LINE).join(' '));
  return lines;
}
