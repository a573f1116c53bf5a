import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a Chinese name: full pinyin and initials, without tones. `surname: 'head'`
 * reads the first character as a surname, so 单 is shan and 曾 is zeng, as the clerk types.
 */
export function pinyinKeys(name: string): { pinyin: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'consecutive' });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter((s) => s.length > 0);
  return { pinyin: clean.join(''), initials: clean.map((s) => s[0]).join('') };
}
