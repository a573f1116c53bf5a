import cnchar from 'cnchar';
import cncharOrder from 'cnchar-order';
import { normaliseName } from './names.js';

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
  const chars = Array.from(normaliseName(name));
  const two = chars.length >= 3 ? chars[0]! + chars[1]! : '';
  const n = COMPOUND_SURNAMES.includes(two) ? 2 : Math.min(1, chars.length);
  return { surname: chars.slice(0, n).join(''), given: chars.slice(n) };
}

/**
 * The five stroke classes of the mainland standard (GB 13000.1 字符集汉字笔顺规范), 横 < 竖 < 撇 < 点
 * < 折, keyed by cnchar-order's stroke letters: 提 (i) counts as 横, 竖钩 (g) as 竖, 捺 (l) and the
 * left dot 点2 (d, as in 心 宀 火) as 点; every stroke with a turn (the other letters) is 折.
 */
const STROKE_CLASS: Readonly<Record<string, string>> = {
  j: '1', // 横 一
  i: '1', // 提 ㇀
  f: '2', // 竖 丨
  g: '2', // 竖钩 亅
  s: '3', // 撇 丿
  k: '4', // 点 丶
  l: '4', // 捺 ㇏
  d: '4', // 点 (左点)
};

/**
 * A character's place in stroke order: mainland stroke count and its strokes as classes 1–5
 * ("" when the data has the count but not the order); null when the data lacks the character.
 */
type StrokeKey = { count: number; classes: string } | null;

// `cnchar` and `cnchar-order` are UMD (CommonJS) modules typed with `export default`: under NodeNext
// TypeScript reads the default import as `{ default }`, while Node and Vite hand over the object itself.
type CncharApi = (typeof cnchar)['default'];
type CncharPlugin = (typeof cncharOrder)['default'];
const cncharApi = ((cnchar as { default?: CncharApi }).default ?? cnchar) as CncharApi;
cncharApi.use(((cncharOrder as { default?: CncharPlugin }).default ?? cncharOrder) as CncharPlugin);

const strokeKeys = new Map<string, StrokeKey>();

function strokeKey(char: string): StrokeKey {
  let key = strokeKeys.get(char);
  if (key !== undefined) return key;
  key = null;
  // cnchar splits by UTF-16 unit, so a character outside the BMP is never in its data.
  if (char.length === 1) {
    const count = cncharApi.stroke(char);
    const order = (cncharApi.stroke(char, 'order') as unknown[])[0];
    if (typeof order === 'string' && order.length > 0) {
      key = { count: order.length, classes: Array.from(order, (l) => STROKE_CLASS[l] ?? '5').join('') };
    } else if (typeof count === 'number' && count > 0) {
      key = { count, classes: '' };
    }
  }
  strokeKeys.set(char, key);
  return key;
}

/**
 * Compares two characters: mainland stroke count, then the strokes' classes one by one (横竖撇点折).
 * Characters the stroke data lacks (rare or extension characters, letters) come after those it has,
 * and among themselves follow ICU's stroke collation. Distinct characters never tie — left over ties
 * go to the collator, then to code points — so the order does not depend on the input order.
 */
function compareChars(a: string, b: string, collator: Intl.Collator): number {
  if (a === b) return 0;
  const ka = strokeKey(a);
  const kb = strokeKey(b);
  if (ka && !kb) return -1;
  if (!ka && kb) return 1;
  if (ka && kb) {
    if (ka.count !== kb.count) return ka.count - kb.count;
    if (!ka.classes !== !kb.classes) return ka.classes ? -1 : 1;
    if (ka.classes !== kb.classes) return ka.classes < kb.classes ? -1 : 1;
  }
  return collator.compare(a, b) || (a < b ? -1 : 1);
}

/** Character by character; when one is a prefix of the other, the shorter first. */
function compareCharLists(a: readonly string[], b: readonly string[], collator: Intl.Collator): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const c = compareChars(a[i]!, b[i]!, collator);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * Rule 9. "候选人名单按姓氏笔画为序排列": the surname first — fewer strokes first, then by stroke order
 * (横竖撇点折, stroke by stroke), a compound surname character by character — then a one-character
 * given name before a longer one (田富 before 田大利), then the given name character by character in
 * the same order. Stable: identical names keep their input order.
 *
 * Stroke counts and stroke orders are the mainland standard's, from cnchar / cnchar-order (data
 * shipped in the packages, about 6,900 characters: the 现代汉语通用字表). So 陈 (7) sorts before 林 (8)
 * and 邓 (4) before 石 (5) — ICU's `zh-u-co-stroke` counts 阝 as 3 strokes, the Taiwan way — and
 * among 4-stroke surnames 王 (横) comes before 毛 (撇) before 邓 (折). Characters outside the data come
 * last, in ICU's stroke order. This is a suggestion the secretariat checks and the presidium
 * approves — never the stored order itself.
 */
export function suggestBallotOrder<T extends { name: string }>(items: readonly T[]): T[] {
  const collator = new Intl.Collator('zh-u-co-stroke');
  const keyed = items.map((item) => ({ item, ...splitName(item.name) }));
  keyed.sort((a, b) => {
    const s = compareCharLists(Array.from(a.surname), Array.from(b.surname), collator);
    if (s !== 0) return s;
    if (a.given.length !== b.given.length) return a.given.length - b.given.length;
    return compareCharLists(a.given, b.given, collator);
  });
  return keyed.map((k) => k.item);
}
