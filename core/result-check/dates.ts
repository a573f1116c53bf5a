/** Dates and times a result file states: real ones, and no round closed after the export. */
import type { ResultContent } from '../result-file.js';
import type { Findings } from './findings.js';

const PARTIAL_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const UTC_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/;

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** 出生年月 as rosters record it: YYYY-MM, or YYYY-MM-DD; a real month and day. */
export function isPartialDate(text: string): boolean {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return false;
  const y = Number(match[1]);
  const m = Number(match[2]);
  if (m < 1 || m > 12) return false;
  return match[3] === undefined || (Number(match[3]) >= 1 && Number(match[3]) <= daysIn(y, m));
}

/** An ISO 8601 time in UTC (`2026-04-01T10:00:00.000Z`) naming a real instant: no 25:00, no 31 April. */
export function isUtcTime(text: string): boolean {
  const match = UTC_TIME.exec(text);
  if (!match) return false;
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h <= 23 && mi <= 59 && s <= 59;
}

export function checkTime(findings: Findings, subject: string, value: string | null): void {
  if (value === null || isUtcTime(value)) return;
  findings.add('malformed', subject, value, 'ISO 8601 UTC', `${subject} ${value} 不是有效的时间(应为 ISO 8601 UTC)`);
}

export function checkBirthDate(findings: Findings, who: string, value: string | null): void {
  if (value === null || isPartialDate(value)) return;
  findings.add(
    'malformed',
    `${who} birthDate`,
    value,
    'YYYY-MM 或 YYYY-MM-DD',
    `${who} 的出生年月 ${value} 不是有效的日期`,
  );
}

export function checkClosedBeforeExport(content: ResultContent, exportedAt: string, findings: Findings): void {
  const exported = Date.parse(exportedAt);
  for (const contest of content.contests) {
    for (const round of contest.rounds) {
      if (round.closedAt === null || !isUtcTime(round.closedAt) || Date.parse(round.closedAt) <= exported) continue;
      findings
        .at(contest.title, round.number)
        .add(
          'malformed',
          'closedAt',
          round.closedAt,
          `≤ ${exportedAt}`,
          `结束于 ${round.closedAt},晚于导出时间 ${exportedAt}`,
        );
    }
  }
}
