import { normaliseWriteInName } from './ballot.js';

/**
 * Compound surnames read as one surname (复姓). A name that is only these two characters is read
 * as a one-character surname and a one-character given name (欧阳 → 欧 + 阳).
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '令狐',
  '夏侯',
];

/** Splits a name into surname and given name, by code point (extension-B characters are two UTF-16 units). */
export function splitName(name: string): { surname: string; given: string[] } {
  const chars = Array.from(normaliseWriteInName(name));
  const two = chars.length >= 3 ? chars[0]! + chars[1]! : '';
  const n = COMPOUND_SURNAMES.includes(two) ? 2 : Math.min(1, chars.length);
  return { surname: chars.slice(0, n).join(''), given: chars.slice(n) };
}

/**
 * Rule 9. "候选人名单按姓氏笔画为序排列": the surname first — fewer strokes first, then by stroke order
 * — then a one-character given name before a longer one (田富 before 田大利), then the given name
 * character by character in the same order. Stable: identical names keep their input order.
 *
 * Strokes come from ICU's stroke collation (`zh-u-co-stroke`, Node 20 / ICU 78), which is only a
 * start (DESIGN rule 9), and is wrong in two known ways for the mainland standard (GB 13000.1):
 *  - it counts components the Taiwan way: 阝 as 3 strokes, 艹 and 辶 as 4, 黄 as 黃 — so 陈 (7)
 *    sorts after 林 (8) and 邓 (4) after 石 (5); likewise 郑 郭 陆 邱 邹 邵 范 苏 边 连 黄 …;
 *  - within one stroke count it orders by code point, not by the first stroke's 横竖撇点折.
 * Fixing either needs stroke data the project does not ship. Until then this is a suggestion the
 * secretariat checks and the presidium approves — never the stored order itself.
 */
export function suggestBallotOrder<T extends { name: string }>(items: readonly T[]): T[] {
  const collator = new Intl.Collator('zh-u-co-stroke');
  const keyed = items.map((item) => ({ item, ...splitName(item.name) }));
  keyed.sort((a, b) => {
    const s = collator.compare(a.surname, b.surname);
    if (s !== 0) return s;
    if (a.given.length !== b.given.length) return a.given.length - b.given.length;
    for (let i = 0; i < a.given.length; i++) {
      const c = collator.compare(a.given[i]!, b.given[i]!);
      if (c !== 0) return c;
    }
    return 0;
  });
  return keyed.map((k) => k.item);
}
