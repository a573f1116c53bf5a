/**
 * Why a call was refused or warned, as codes with their texts in both UI languages. A handler
 * refuses with `refuse(code, reason, params)`: the wire carries the reason and its values, and
 * the UI renders them in its own language (`reasonText`). `message` stays on the wire in zh-CN
 * for the CLI, the logs and any older client.
 *
 * Placeholders are `{name}`; values are data (a contest's title, a number), never sentences.
 * Add a reason to its domain's section (core/reasons/*.ts) with both texts;
 * `tests/core/reasons.test.ts` keeps every used reason present and both languages' placeholders
 * equal, and `tests/core/reasons-sections.test.ts` refuses a key defined in two sections.
 */
import { callReasons } from './reasons/call.js';
import { contestReasons } from './reasons/contests.js';
import { countReasons } from './reasons/count.js';
import { disciplineReasons } from './reasons/discipline.js';
import { fileReasons } from './reasons/files.js';
import { meetingReasons } from './reasons/meetings.js';
import { operatorReasons } from './reasons/operators.js';
import { rosterReasons } from './reasons/roster.js';
import { terms } from './reasons/terms.js';
import type { Language, ReasonText } from './reasons/text.js';

export type { Language };
export { terms };

/** Every section of the catalogue, by domain. */
export const reasonSections = {
  call: callReasons,
  files: fileReasons,
  meetings: meetingReasons,
  roster: rosterReasons,
  discipline: disciplineReasons,
  operators: operatorReasons,
  contests: contestReasons,
  count: countReasons,
} as const;

export const reasons = {
  ...callReasons,
  ...fileReasons,
  ...meetingReasons,
  ...rosterReasons,
  ...disciplineReasons,
  ...operatorReasons,
  ...contestReasons,
  ...countReasons,
};

export type ReasonKey = keyof typeof reasons;
export type ReasonParams = Record<string, string | number>;

export const isReason = (key: string): key is ReasonKey => Object.hasOwn(reasons, key);

/**
 * The reason's sentence in `language`, its placeholders filled; unknown placeholders stay visible.
 * `{name|group}` prints the word of `terms[group][value]` (a role, a type) instead of the code.
 */
export function reasonText(reason: string, params: ReasonParams | undefined, language: Language): string | null {
  if (!isReason(reason)) return null;
  const template = (reasons[reason] as ReasonText)[language];
  return template.replace(/\{(\w+)(?:\|(\w+))?\}/g, (whole, name: string, group: string | undefined) => {
    if (!params || !Object.hasOwn(params, name)) return whole;
    const value = String(params[name]);
    if (group === undefined) return value;
    const words = (terms as Record<string, Record<string, ReasonText>>)[group];
    return words && Object.hasOwn(words, value) ? words[value]![language] : value;
  });
}

/** The placeholders of a template, without their term group: `{role|role}` is `role`. */
export const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)(?:\|\w+)?\}/g)].map((m) => m[1]!).sort();
