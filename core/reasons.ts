/**
 * Why a call was refused or warned, as codes with their texts in both UI languages. A handler
 * refuses with `refuse(code, reason, params)`: the wire carries the reason and its values, and
 * the UI renders them in its own language (`reasonText`). `message` stays on the wire in zh-CN
 * for the CLI, the logs and any older client.
 *
 * Placeholders are `{name}`; values are data (a contest's title, a number), never sentences.
 * Add a reason to its domain's section (core/reasons/*.json) with both texts;
 * `tests/core/reasons.test.ts` keeps every used reason present and both languages' placeholders
 * equal, and `tests/core/reasons-sections.test.ts` refuses a key defined in two sections.
 */
import callReasons from './reasons/call.json' with { type: 'json' };
import contestReasons from './reasons/contests.json' with { type: 'json' };
import countReasons from './reasons/count.json' with { type: 'json' };
import disciplineReasons from './reasons/discipline.json' with { type: 'json' };
import fileReasons from './reasons/files.json' with { type: 'json' };
import lanReasons from './reasons/lan.json' with { type: 'json' };
import meetingReasons from './reasons/meetings.json' with { type: 'json' };
import operatorReasons from './reasons/operators.json' with { type: 'json' };
import rosterReasons from './reasons/roster.json' with { type: 'json' };
import scanReasons from './reasons/scan.json' with { type: 'json' };
import termWords from './reasons/terms.json' with { type: 'json' };
import type { Language, ReasonText } from './reasons/text.js';

export type { Language };

/**
 * The catalogue's sections, by domain: data only (core/reasons/*.json), one reason a key with
 * its two sentences.
 */
export const reasonSections = {
  /** The call itself: the contract's input checks, the transport, the station's sign-in, the chief's PIN, the store, the desktop shell. */
  call: callReasons,
  /** Files: open, create, back up, restore; the installation key and the signed result file. */
  files: fileReasons,
  /** The congress, its meetings (rule 14) and attendance at them (rules 1 and 16). */
  meetings: meetingReasons,
  /** The delegates and the roster file: why a row or a field is refused. */
  roster: rosterReasons,
  /** The oath of election discipline and the pledges. */
  discipline: disciplineReasons,
  /** Operators and their PINs. */
  operators: operatorReasons,
  /** Contests, candidates, pre-votes (rule 12) and officials (rule 13). */
  contests: contestReasons,
  /** Rounds, ballots and stacks, the count rules, and the warnings of the count: allowed but unusual, acknowledged and audited. */
  count: countReasons,
  /** Scanned ballot pages (issue 13): files and pages not received, pages not a paper of the round, confirming. */
  scan: scanReasons,
  /** Several laptops (issue 14): pairing, station credentials, the outbox, the standby. */
  lan: lanReasons,
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
  ...scanReasons,
  ...lanReasons,
} satisfies Record<string, ReasonText>;

/**
 * Words a placeholder may look up instead of printing its value: `{role|role}` prints the role
 * `secretariat` as 大会秘书处 / secretariat. Values are codes (data); the words are the catalogue's.
 */
export const terms = termWords satisfies Record<string, Record<string, ReasonText>>;

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
