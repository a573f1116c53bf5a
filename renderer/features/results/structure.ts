import type { BodyStructure } from '../../../core/election-types.js';
import { sharePercent } from '../../../core/structure.js';
import type { Translate } from '../../app/language.js';
import type { MessageKey } from '../../i18n/zh-CN.js';

/** "229名,占比37.1%" in the catalogue's words (English has no 名,占比). */
export const shareText = (t: Translate, n: number, total: number): string =>
  t('results.share', { n, pct: sharePercent(n, total) });

/**
 * Rule 11's figures of an elected body as the reports write them, one item each: women, under
 * 35, ethnic minority, then each education level.
 */
export function structureItems(t: Translate, s: BodyStructure): { key: string; text: string }[] {
  const share = (n: number) => shareText(t, n, s.total);
  return [
    { key: 'women', text: t('results.structure.women', { share: share(s.women) }) },
    { key: 'under35', text: t('results.structure.under35', { share: share(s.under35) }) },
    { key: 'minority', text: t('results.structure.minority', { share: share(s.minority) }) },
    ...s.education.map((e) => ({
      key: `edu-${e.level}`,
      text: t('results.structure.education', { level: e.level, share: share(e.count) }),
    })),
  ];
}

/** Education levels in one line: "大学 2名,占比50.0%、大专 …". */
export const educationText = (t: Translate, s: BodyStructure): string =>
  s.education
    .map((e) => t('results.structure.education', { level: e.level, share: shareText(t, e.count, s.total) }))
    .join(t('list.separator'));

/** The facts missing from the roster, which make a figure possibly low; null when none is. */
export function unknownText(t: Translate, s: BodyStructure): string | null {
  const unknown = (Object.entries(s.unknown) as [string, number][]).filter(([, n]) => n > 0);
  if (unknown.length === 0) return null;
  return t('results.structure.unknown', {
    list: unknown.map(([k, n]) => `${t(`field.${k}` as MessageKey)} ${n}`).join(t('list.separator')),
  });
}
