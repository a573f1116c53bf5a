/** Result files the current app did not write: by other software from docs/result-file.md, and by the version 1 app. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONVENTION } from '../../core/election-types.js';
import { recheckResult } from '../../core/result-check.js';
import { type ResultFileV1, upgradeContentV1 } from '../../core/result-file.js';
import { canonicalJson, sha256Hex, verifyResultText } from '../../db/results/sign.js';
import {
  attendance,
  content as base,
  candidate,
  closedRound,
  electionMeeting,
  facts,
  noStructure,
  paperOf,
  statedTally,
} from '../core/result-content.js';
import { forge, otherSoftware } from './result-setup.js';

/** 纪委委员, one seat between 甲 and 乙, as both versions of the page write it. */
const membersContest = {
  id: 7,
  meetingId: 1,
  title: '纪委委员',
  kind: 'election',
  seats: 1,
  marginPercent: 20,
  seatsReducedTo: null,
  seatsReducedNote: null,
  status: 'closed',
  candidates: [candidate(1, '甲'), candidate(2, '乙')],
};
/** The decision of a round that elected 甲 (candidate `candidateId`) with `votes`, `threshold` needed of `basis` present. */
const electsJia = (candidateId: number, votes: number, threshold: number, basis: number) => ({
  threshold,
  basis,
  basisKind: 'present',
  elected: [{ name: '甲', votes, candidateId }],
  tie: null,
  unfilled: 0,
});
/** Its three papers' figures: two ○× for 甲, one ○○ choosing two for one seat. */
const membersTally = statedTally(2, 1, [
  [2, 0, 0],
  [0, 2, 0],
]);

describe('a file written by other software, following docs/result-file.md', () => {
  it('verifies when it follows the page, and fails the recount when its figures are wrong', () => {
    const content = {
      congress: {
        name: '中国共产党某镇第一次代表大会',
        date: '2026-04-01',
        venue: '某镇礼堂',
        settings: {
          quorumAllowEqual: false,
          marking: {
            circle: 'for',
            cross: 'against',
            none: 'abstain',
            writeInNeedsMark: true,
            writeInNeedsAgainst: true,
          },
        },
      },
      delegates: { voting: 3, alternate: 0, nonvoting: 0 },
      // Version 1 knows no electorate, exclusions or approvals.
      meetings: [{ id: 1, name: '选举大会', date: '2026-04-01', attendance: attendance(3, 3), oath: null }],
      pledges: { due: 3, signed: 0, refused: 0 },
      contests: [
        {
          ...membersContest,
          rounds: [
            {
              ...closedRound(3, '2026-04-01T10:00:00.000Z'),
              candidateIds: [1, 2],
              ballots: [paperOf(1, 'ox'), paperOf(2, 'ox'), paperOf(3, 'oo')],
              tally: membersTally,
              decision: electsJia(1, 2, 2, 3),
            },
          ],
          elected: [{ name: '甲', round: 1, votes: 2, candidateId: 1, ...facts }],
          structure: noStructure(1),
        },
      ],
    };
    const { fingerprint, write } = otherSoftware(1, '2026-04-01T10:05:00.000Z');
    const good = verifyResultText(write(content), fingerprint);
    expect(good.failures).toEqual([]);
    expect(good.ok).toBe(true);

    const wrong = structuredClone(content);
    wrong.contests[0]!.rounds[0]!.tally.invalid = 0;
    wrong.contests[0]!.rounds[0]!.tally.valid = 3;
    const report = verifyResultText(write(wrong), null);
    expect(report.failures.map((f) => [f.kind, f.subject, f.stated, f.recounted])).toEqual([
      ['recount_differs', '有效票', '3', '2'],
      ['recount_differs', '无效票', '0', '1'],
    ]);
  });
});

describe('a version 2 file written by other software, following docs/result-file.md', () => {
  it('verifies with a plenary, an exclusion, officials and a disregarded write-in; fails when a figure is wrong', () => {
    const unknownOne = noStructure(1);
    const marking = DEFAULT_CONVENTION;
    const roundOf = (present: number, closedAt: string) => ({
      ...closedRound(present, closedAt),
      voidDeclaration: null,
    });
    const content = {
      // The congress of the hand-built content: no quorum at equality, the default marking.
      congress: base().congress,
      delegates: { voting: 4, alternate: 0, nonvoting: 0 },
      meetings: [
        // 4 voting delegates, one deceased: 应到 3.
        electionMeeting({ exclusions: [{ kind: 'deceased', note: null }], attendance: attendance(3, 3) }),
        electionMeeting({
          id: 2,
          name: '纪委第一次全体会议',
          electorate: { kind: 'members', contestId: 7 },
          attendance: attendance(1, 1),
        }),
      ],
      pledges: { due: 4, signed: 0, refused: 0 },
      contests: [
        {
          ...membersContest,
          marking,
          officials: [
            {
              role: 'chief_scrutineer',
              name: '丙',
              approval: '大会举手表决通过',
              appointedBy: '秘书处',
              appointedAt: '2026-04-01T08:00:00Z',
            },
            { role: 'counter', name: '丁', approval: null, appointedBy: '秘书处', appointedAt: '2026-04-01T08:00:00Z' },
          ],
          fromPrevoteId: null,
          rounds: [
            {
              ...roundOf(3, '2026-04-01T10:00:00.000Z'),
              candidateIds: [1, 2],
              // The second paper writes in 乙, who is printed: disregarded, the printed × alone counts.
              // The third chooses two for one seat: invalid.
              ballots: [paperOf(1, 'ox'), paperOf(2, 'ox', [{ name: '乙', mark: 'o' }]), paperOf(3, 'oo')],
              tally: { ...membersTally, disregardedWriteIns: [{ name: '乙', reason: 'printed', count: 1 }] },
              decision: { ...electsJia(1, 2, 2, 3), majorityTest: true },
            },
          ],
          elected: [{ name: '甲', round: 1, votes: 2, candidateId: 1, ...facts }],
          structure: unknownOne,
        },
        {
          id: 8,
          meetingId: 2,
          title: '纪委书记',
          kind: 'election',
          marking,
          seats: 1,
          marginPercent: 0,
          seatsReducedTo: null,
          seatsReducedNote: null,
          status: 'closed',
          candidates: [candidate(3, '甲')],
          officials: [],
          fromPrevoteId: null,
          rounds: [
            {
              ...roundOf(1, '2026-04-01T11:00:00.000Z'),
              candidateIds: [3],
              ballots: [paperOf(1, 'o')],
              tally: { ...statedTally(1, 0, [[1, 0, 0]]), disregardedWriteIns: [] },
              decision: { ...electsJia(3, 1, 1, 1), majorityTest: true },
            },
          ],
          elected: [{ name: '甲', round: 1, votes: 1, candidateId: 3, ...facts }],
          structure: unknownOne,
        },
      ],
    };
    const { fingerprint, write } = otherSoftware(2, '2026-04-01T12:00:00Z');
    const good = verifyResultText(write(content), fingerprint);
    expect(good.failures).toEqual([]);
    expect(good.summary!.formatVersion).toBe(2);
    expect(good.summary!.contests.map((c) => [c.title, c.elected])).toEqual([
      ['纪委委员', ['甲']],
      ['纪委书记', ['甲']],
    ]);

    // The disregarded write-in counted for 乙 instead: the recount names both lists.
    const counted = structuredClone(content);
    const tally = counted.contests[0]!.rounds[0]!.tally;
    (tally.writeIns as { name: string; for: number }[]).push({ name: '乙', for: 1 });
    tally.disregardedWriteIns = [];
    expect(verifyResultText(write(counted), null).failures.map((f) => [f.kind, f.subject])).toEqual([
      ['recount_differs', '另选他人'],
      ['recount_differs', '不予计算的另选他人'],
    ]);
    // The exclusion left out: 应到 3 no longer adds up to the 4 voting delegates.
    const noExclusion = structuredClone(content);
    noExclusion.meetings[0]!.exclusions = [];
    expect(verifyResultText(write(noExclusion), null).failures.map((f) => [f.kind, f.meeting, f.subject])).toEqual([
      ['attendance_inconsistent', '选举大会', '应到'],
    ]);
  });
});

describe('version 1 files keep verifying', () => {
  const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

  it('the demo congress exported by the version 1 app verifies, with its figures', () => {
    const text = fixture('result-v1-demo.json');
    expect((JSON.parse(text) as { formatVersion: number }).formatVersion).toBe(1);
    const file = JSON.parse(text) as ResultFileV1;
    // Pinned to the fingerprint it states: without one it would be signer_unchecked (issue 12).
    const report = verifyResultText(text, file.signature.fingerprint);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.verdict).toBe('verified');
    expect(verifyResultText(text, null).verdict).toBe('signer_unchecked');
    expect(report.summary!.formatVersion).toBe(1);
    expect(report.summary!.contests.map((c) => [c.title, c.elected.length])).toEqual([
      ['党委委员', 7],
      ['纪委委员', 3],
    ]);
  });

  it('is recounted with the rules it was counted under: a write-in naming a printed candidate still counted', () => {
    const text = fixture('result-v1-writein.json');
    const report = verifyResultText(text, null);
    expect(report.failures).toEqual([]);
    const v1 = JSON.parse(text) as ResultFileV1;
    expect(v1.content.contests[0]!.rounds[0]!.tally.writeIns.map((w) => w.name)).toEqual(['田富', '赵六']);
    // The same ballots under version 2's rules disregard the written-in 田富: the count differs.
    const asV2 = recheckResult(upgradeContentV1(v1.content), { formatVersion: 2 });
    expect(asV2.map((f) => [f.kind, f.subject])).toContainEqual(['recount_differs', '另选他人']);
  });

  it('a version 1 file changed after signing still fails', () => {
    const text = fixture('result-v1-writein.json');
    const file = JSON.parse(text) as ResultFileV1;
    file.content.contests[0]!.rounds[0]!.ballots[1]!.marks = 'oxx-';
    file.contentHash = sha256Hex(canonicalJson(file.content));
    expect(verifyResultText(JSON.stringify(file), null).failures.map((f) => f.kind)).toEqual(['bad_signature']);
    const forged = forge(text, (f) => {
      (f as unknown as ResultFileV1).content.contests[0]!.rounds[0]!.ballots[1]!.marks = 'oxx-';
    });
    const report = verifyResultText(forged, null);
    expect(report.failures.find((f) => f.subject === '田大利 赞成')).toMatchObject({ stated: '6', recounted: '5' });
  });
});
