/**
 * The district's recount of a result file (DESIGN.md "Signed results"): every closed round is
 * counted again from its ballots with the same rules the app used (tallyRound, decideRound,
 * bodyStructure), and every stated figure compared. Beyond the count, the rules the file's own
 * figures must obey: each meeting's quorum, each round's snapshot against its meeting, nobody
 * elected twice in a contest, real dates and times. Pure; the signature is checked elsewhere.
 */

import { recheckContest } from './result-check/contests.js';
import { checkClosedBeforeExport, checkTime, isUtcTime } from './result-check/dates.js';
import { type Finding, Findings } from './result-check/findings.js';
import { recheckMeeting } from './result-check/meetings.js';
import type { ResultContent, ResultFormatVersion } from './result-file.js';

export { isPartialDate, isUtcTime } from './result-check/dates.js';
export type { Finding, FindingKind } from './result-check/findings.js';

export interface RecheckOptions {
  /** The file's format version: a version 1 file is recounted with the rules it was counted under. */
  formatVersion?: ResultFormatVersion;
  /** The file's `exportedAt`: checked as a time, and no round can close after it. */
  exportedAt?: string;
}

/** Every inconsistency found; empty when the file's figures are exactly what its ballots give. */
export function recheckResult(content: ResultContent, options: RecheckOptions = {}): Finding[] {
  const version = options.formatVersion ?? 2;
  const findings = new Findings();
  if (options.exportedAt !== undefined) checkTime(findings, 'exportedAt', options.exportedAt);
  const meetings = new Map(content.meetings.map((m) => [m.id, m]));
  for (const m of content.meetings) recheckMeeting(content, m, findings.inMeeting(m.name));
  for (const contest of content.contests) {
    const meeting = meetings.get(contest.meetingId);
    if (!meeting) {
      findings
        .at(contest.title)
        .add('malformed', 'meetingId', contest.meetingId, null, `选举所属会议 ${contest.meetingId} 不在文件中`);
      continue;
    }
    recheckContest(content, contest, meeting, version, findings.inMeeting(meeting.name).at(contest.title));
  }
  if (options.exportedAt !== undefined && isUtcTime(options.exportedAt)) {
    checkClosedBeforeExport(content, options.exportedAt, findings);
  }
  checkPagesOnce(content, findings);
  return findings.list;
}

/**
 * Issue 13: 「A page read twice (same image hash) is refused」 — one scanned image is one paper.
 * Two live papers (counted or set aside) carrying the same image hash are a page counted twice;
 * the versions of one paper (a correction and the version it superseded) share it rightly.
 */
function checkPagesOnce(content: ResultContent, findings: Findings): void {
  const seen = new Map<string, string>();
  for (const contest of content.contests) {
    for (const round of contest.rounds) {
      for (const b of round.ballots) {
        const hash = b.imageSha256;
        if (!hash || (b.state !== 'counted' && b.state !== 'set_aside')) continue;
        const here = `${contest.title} 第 ${round.number} 轮第 ${b.seq} 条`;
        const earlier = seen.get(hash);
        if (earlier === undefined) {
          seen.set(hash, here);
          continue;
        }
        findings
          .at(contest.title, round.number)
          .add('malformed', 'imageSha256', hash, earlier, `同一扫描图像 ${hash} 计入两张选票:${earlier} 与 ${here}`);
      }
    }
  }
}
