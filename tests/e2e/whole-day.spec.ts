/**
 * Election day at its joints, in one file (issue 10): the congress elects 7 committee members
 * (党委委员) and 5 纪委委员 on papers issued together; the new 纪委's first plenary elects its
 * 书记; the new committee's first plenary elects 书记 and 2 副书记 and approves the 纪委 plenary's
 * result. Each plenary has its own electorate — the members just elected — checked in at the
 * desk on screen, its own 应到/实到 and quorum (rule 14). The forms print, and the signed result
 * file verifies against the installation's fingerprint.
 *
 * The scene is set through the API where a person would only repeat keystrokes the other specs
 * already drive (checking in 100 delegates, keying 200 papers); the plenaries' desk and forms are
 * on screen.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Output } from '../../core/contract.js';
import { groupedHashLines } from '../../core/hash-groups.js';
import { call, type Paper, papers, refused } from './api.js';
import { expect, type TestHost, test } from './fixtures.js';
import { Desk } from './pages/desk.js';
import { pdfText } from './pages/print.js';
import { contestOf, countThroughApi, demoWithVoters } from './scenes.js';

type Delegate = Output<'delegates.list'>[number];
type Host = TestHost;

/** A contest of `people` in the order given (approved as is), its first round's id. */
const contestFor = (
  host: Host,
  meetingId: number,
  title: string,
  seats: number,
  marginPercent: number,
  people: readonly Delegate[],
  paperGroup: string | null = null,
) => contestOf(host, { meetingId, title, seats, marginPercent, people, paperGroup });

/** Papers issued to every voter present, all of `list` collected and keyed, the round closed. */
const countAndClose = async (host: Host, roundId: number, present: number, list: readonly Paper[]) =>
  (await countThroughApi(host, roundId, { issued: present, papers: list, close: true }))!;

const electedNames = (closed: Output<'rounds.close'>) => closed.result.decision.elected.map((e) => e.name);

/**
 * A first plenary (2026-12-01) whose electorate is the members `contestId` elected, made the
 * desk's meeting; waits until the desk shows its `due` members.
 */
async function plenaryAtDesk(page: Page, host: Host, name: string, contestId: number, due: number) {
  const plenary = await call(host, 'meetings.create', {
    name,
    date: '2026-12-01',
    electorate: 'members',
    electorateContestId: contestId,
  });
  await call(host, 'meetings.setCurrent', { meetingId: plenary.id });
  await page.reload();
  await new Desk(page).expectDue(due);
  return plenary;
}

/** Members checked in at the desk on screen: the desk and the plenary's summary count them present, the quorum met. */
async function checkInMembers(page: Page, host: Host, meetingId: number, members: readonly Delegate[], due: number) {
  const desk = new Desk(page);
  await desk.checkIn(members);
  await expect(desk.count('present')).toContainText(String(members.length));
  const summary = await call(host, 'attendance.summary', { meetingId });
  expect(summary.due).toBe(due);
  expect(summary.present).toBe(members.length);
  expect(summary.quorum.met).toBe(true);
}

test('the whole day: congress, the 纪委 plenary and the committee plenary elect, the forms print, the file verifies', async ({
  page,
  context,
  openApp,
  host,
}) => {
  test.setTimeout(240_000);
  // ——— 选举大会: 100 of the 110 voting delegates present ———
  const { voting, meetingId: congressMeeting } = await demoWithVoters(page, openApp, host, {
    operator: '大会秘书处 周红',
    present: 100,
  });
  expect(voting).toHaveLength(110);

  const committeeCandidates = voting.slice(0, 9);
  const disciplineCandidates = voting.slice(9, 15);
  // Rule 10: issued together on separate papers, counted separately.
  const committee = await contestFor(host, congressMeeting, '党委委员', 7, 20, committeeCandidates, '第一组');
  const discipline = await contestFor(host, congressMeeting, '纪委委员', 5, 20, disciplineCandidates, '第一组');

  // Rule 13: scrutineers are voters who are not candidates in the contest; a candidate is refused.
  const chief = voting[20]!;
  const scrutineer = voting[21]!;
  await call(host, 'officials.appoint', {
    contestId: committee.contestId,
    role: 'chief_scrutineer',
    delegateId: chief.id,
    approval: '经大会表决通过',
  });
  await call(host, 'officials.appoint', {
    contestId: committee.contestId,
    role: 'scrutineer',
    delegateId: scrutineer.id,
    approval: '经大会表决通过',
  });
  await call(host, 'officials.appoint', {
    contestId: committee.contestId,
    role: 'counter',
    delegateId: null,
    name: '钱计票',
  });
  const candidateAsScrutineer = await refused(host, 'officials.appoint', {
    contestId: committee.contestId,
    role: 'scrutineer',
    delegateId: committeeCandidates[0]!.id,
    approval: null,
  });
  expect(candidateAsScrutineer.reason).toBeTruthy();

  // 党委委员, 7 of 9: more than half of the 100 present is 51 votes. The first seven pass.
  //   c0, c1: 60 · c2…c6: 90 · c7, c8: 30.
  const committeeClosed = await countAndClose(host, committee.roundId, 100, [
    ...papers('oooooooxx', 60),
    ...papers('xxooooooo', 30),
    ...papers('---------', 10),
  ]);
  const members = committeeCandidates.slice(0, 7);
  expect(electedNames(committeeClosed).sort()).toEqual(members.map((d) => d.name).sort());
  expect(committeeClosed.next).toBeNull();

  // 纪委委员, 5 of 6: c0…c4 70, c5 30.
  const disciplineClosed = await countAndClose(host, discipline.roundId, 100, [
    ...papers('ooooox', 70),
    ...papers('-----o', 30),
  ]);
  const disciplineMembers = disciplineCandidates.slice(0, 5);
  expect(electedNames(disciplineClosed).sort()).toEqual(disciplineMembers.map((d) => d.name).sort());

  // ——— 纪委一届一次全体会议: the 5 members just elected, nobody else ———
  const disciplinePlenary = await plenaryAtDesk(page, host, '纪委第一次全体会议', discipline.contestId, 5);
  // A delegate who is no member of the new 纪委 cannot check in to its plenary.
  const desk = new Desk(page);
  await desk.search.fill(committeeCandidates[0]!.badge);
  await desk.search.press('Enter');
  await expect(desk.banner).not.toHaveAttribute('data-kind', 'checked_in');
  await expect(desk.count('present')).toContainText('0');
  await checkInMembers(page, host, disciplinePlenary.id, disciplineMembers, 5);

  // 纪委书记: 等额, one for one; elected with more than half of the members present (3 of 5).
  const disciplineSecretary = await contestFor(host, disciplinePlenary.id, '纪委书记', 1, 0, [disciplineMembers[0]!]);
  const secretaryClosed = await countAndClose(host, disciplineSecretary.roundId, 5, [
    ...papers('o', 4),
    ...papers('x', 1),
  ]);
  expect(electedNames(secretaryClosed)).toEqual([disciplineMembers[0]!.name]);
  expect(secretaryClosed.result.decision.basis).toBe(5);
  expect(secretaryClosed.result.round.votersPresent).toBe(5);

  // ——— 党委一届一次全体会议: 6 of the 7 members present (5 × 6 > 4 × 7) ———
  const committeePlenary = await plenaryAtDesk(page, host, '党委第一次全体会议', committee.contestId, 7);
  await checkInMembers(page, host, committeePlenary.id, members.slice(0, 6), 7);

  // 书记, then 2 副书记 (等额), each elected with more than half of the 6 present (4 votes).
  const secretary = await contestFor(host, committeePlenary.id, '书记', 1, 0, [members[2]!]);
  const secretaryResult = await countAndClose(host, secretary.roundId, 6, papers('o', 6));
  expect(electedNames(secretaryResult)).toEqual([members[2]!.name]);
  const deputies = await contestFor(host, committeePlenary.id, '副书记', 2, 0, [members[3]!, members[4]!]);
  const deputiesResult = await countAndClose(host, deputies.roundId, 6, [...papers('oo', 5), ...papers('ox', 1)]);
  expect(electedNames(deputiesResult)).toEqual([members[3]!.name, members[4]!.name]);
  expect(deputiesResult.result.decision.threshold).toBe(4);

  // The committee's plenary approves the 纪委 plenary's result (rule 14), on the meetings screen.
  await page.getByTestId('nav-meetings').click();
  const plenaryRow = page.locator(`tr[data-row-key="${committeePlenary.id}"]`);
  await plenaryRow.getByTestId('meeting-approve').click();
  await page.getByTestId('approve-meeting-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '纪委第一次全体会议' }).click();
  await page.getByTestId('approve-note').fill('同意纪委第一次全体会议的选举结果');
  await page.getByTestId('approve-submit').click();
  await expect(plenaryRow.getByTestId('meeting-approvals')).toContainText('纪委第一次全体会议');
  const approvals = await call(host, 'meetings.approvals', {});
  expect(approvals).toHaveLength(1);

  // ——— The forms ———
  const status = await call(host, 'result.status', {});
  expect(status.ready).toBe(true);
  const print = await context.newPage();

  await print.goto(`${host.url}#/print/count?round=${committee.roundId}`);
  let text = await pdfText(print, path.join(host.dir, 'committee-count.pdf'));
  expect(text).toContain('计票结果报告单');
  expect(text).toContain('党委委员');
  for (const d of members) expect(text).toContain(d.name);
  expect(text).toContain(chief.name);
  expect(text).toContain('钱计票');
  for (const line of groupedHashLines(status.contentHash)) expect(text).toContain(line);

  await print.goto(`${host.url}#/print/election?contest=${committee.contestId}`);
  text = await pdfText(print, path.join(host.dir, 'committee-election.pdf'));
  expect(text).toContain('选举结果报告单');
  for (const d of members) expect(text).toContain(d.name);

  // The 纪委书记's form says the committee's plenary approved the result.
  await print.goto(`${host.url}#/print/election?contest=${disciplineSecretary.contestId}`);
  text = await pdfText(print, path.join(host.dir, 'discipline-secretary.pdf'));
  expect(text).toContain('纪委书记');
  expect(text).toContain(disciplineMembers[0]!.name);
  expect(text).toMatch(/本选举结果已经党委第一次全体会议审议通过/);

  await print.goto(`${host.url}#/print/attendance?meeting=${committeePlenary.id}`);
  text = await pdfText(print, path.join(host.dir, 'plenary-attendance.pdf'));
  expect(text).toContain('清点到会人数报告单');
  expect(text).toContain('党委第一次全体会议');
  expect(text).toMatch(/7\s*名/);
  expect(text).toMatch(/6\s*名/);
  expect(text).toContain(members[6]!.name);

  await print.goto(`${host.url}#/print/count?round=${deputies.roundId}`);
  text = await pdfText(print, path.join(host.dir, 'deputies-count.pdf'));
  expect(text).toContain('副书记');
  expect(text).toContain(members[3]!.name);
  expect(text).toContain(members[4]!.name);

  // ——— The signed result file verifies, plenaries included ———
  const file = path.join(host.documentsDir, '青山镇-选举结果.json');
  const exported = await call(host, 'result.export', { path: file, csvPath: null });
  const report = await call(host, 'result.verify', { path: file, fingerprint: exported.fingerprint });
  expect(report.failures).toEqual([]);
  expect(report.ok).toBe(true);
  const titles = report.summary?.contests.map((c) => c.title) ?? [];
  for (const title of ['党委委员', '纪委委员', '纪委书记', '书记', '副书记']) expect(titles).toContain(title);
});
