/**
 * Why a call was refused or warned, as codes with their texts in both UI languages. A handler
 * refuses with `refuse(code, reason, params)`: the wire carries the reason and its values, and
 * the UI renders them in its own language (`reasonText`). `message` stays on the wire in zh-CN
 * for the CLI, the logs and any older client.
 *
 * Placeholders are `{name}`; values are data (a contest's title, a number), never sentences.
 * Add a reason here with both texts; `tests/core/reasons.test.ts` keeps every used reason
 * present and both languages' placeholders equal.
 */
export type Language = 'zh-CN' | 'en';

interface ReasonText {
  'zh-CN': string;
  en: string;
}

export const reasons = {
  // ——— generic ———
  'generic.not_found': { 'zh-CN': '{what}不存在(编号 {id})', en: '{what} not found (id {id})' },
} satisfies Record<string, ReasonText>;

export type ReasonKey = keyof typeof reasons;
export type ReasonParams = Record<string, string | number>;

export const isReason = (key: string): key is ReasonKey => Object.hasOwn(reasons, key);

/** The reason's sentence in `language`, its placeholders filled; unknown placeholders stay visible. */
export function reasonText(reason: string, params: ReasonParams | undefined, language: Language): string | null {
  if (!isReason(reason)) return null;
  const template = (reasons[reason] as ReasonText)[language];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
