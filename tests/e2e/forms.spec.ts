/**
 * Issue 10, item 7: forms that stay whole. The 计票结果报告单 and the 选举结果报告单 of contests
 * with 9, 15 and 40 candidates (and names written in) are printed to A4 PDF in Chromium — the
 * engine Electron's printToPDF uses — and read back page by page: up to 15 candidates and their
 * write-ins fit one page; a longer table repeats its head on every page, and the signature
 * lines, the key fingerprint and the result hash are never on a page without a row of the table.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Input } from '../../core/contract.js';
import { orderMembers } from '../../core/elected-order.js';
import { greyPng } from '../png.js';
import { type CandidateFacts, call, type Paper, papers } from './api.js';
import { expect, type TestHost, test } from './fixtures.js';
import { checkInThroughApi, contestOf, countThroughApi, demoWithVoters } from './scenes.js';

// Each test here sets up its scene through hundreds of calls and prints a dozen PDFs.
test.describe.configure({ timeout: 360_000 });

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程'];
const GIVEN = ['建国', '丽华', '志强', '敏', '洋', '秀英', '国平', '红梅', '海涛', '春燕', '文斌', '晓东'];

/** `n` distinct candidates from outside the roster with the facts the structure counts; deterministic. */
function candidateList(n: number): CandidateFacts[] {
  return Array.from({ length: n }, (_, i) => ({
    delegateId: null,
    unit: null,
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
    gender: i % 3 === 0 ? ('female' as const) : ('male' as const),
    birthDate: `${1965 + ((i * 5) % 32)}-0${1 + (i % 9)}`,
    ethnicity: i % 5 === 0 ? '回族' : '汉族',
    education: ['大学', '大专', '研究生', '中专'][i % 4]!,
  }));
}

/** Names written in after an ×, none of them on the paper. */
const WRITE_INS = ['钱多多', '孔令辉', '葛优'];

/**
 * 89 papers for `n` candidates and `seats` seats: 60 mark the first `seats` names ○ and the
 * rest ×; 20 cross the first name and write in a name (spread over WRITE_INS); 2 write in the
 * first name itself (disregarded: it is printed on the paper); 3 blank; 4
 * mark every name ○ (invalid when there are more names than seats).
 */
function papersFor(n: number, seats: number, printedName: string): Paper[] {
  const chosen = 'o'.repeat(seats) + 'x'.repeat(n - seats);
  const crossFirst = `x${chosen.slice(1)}`;
  return [
    ...papers(chosen, 60),
    ...papers(crossFirst, 14, WRITE_INS[0]),
    ...papers(crossFirst, 4, WRITE_INS[1]),
    ...papers(crossFirst, 2, WRITE_INS[2]),
    // Rule 4: a write-in naming a printed candidate is disregarded; the printed × alone counts.
    ...papers(crossFirst, 2, printedName),
    ...papers('-'.repeat(n), 3),
    ...papers('o'.repeat(n), 4),
  ];
}

interface Scene {
  title: string;
  names: string[];
  seats: number;
  contestId: number;
  roundId: number;
}

/** Rule 13: who signs each contest's forms — voters who stand in none of them, and two counters. */
interface Officials {
  chief: number;
  scrutineers: number[];
  counters: string[];
}

/**
 * A contest set up with its officials, its 89 papers issued (95 printed, 6 spare voided),
 * collected, keyed and the round closed. A warning on the way (a short margin, a disregarded
 * write-in) is acknowledged, as the operator would.
 */
async function countedContest(
  host: TestHost,
  meetingId: number,
  title: string,
  n: number,
  seats: number,
  officials: Officials,
  /** Rule 16: instead of closing, the presidium declares the round void with this reason. */
  voidReason: string | null = null,
  /** Voters present, each given a paper: those beyond the 89 above mark the first `seats` names ○. */
  present = 89,
): Promise<Scene> {
  const list = candidateList(n);
  const { contestId, roundId, names } = await contestOf(host, { meetingId, title, seats, people: list });
  // Scrutineers are voters the congress approved by a show of hands; the counters are staff.
  const approval = '经大会举手表决通过';
  const appoint = (official: Omit<Input<'officials.appoint'>, 'contestId'>) =>
    call(host, 'officials.appoint', { contestId, ...official });
  await appoint({ role: 'chief_scrutineer', delegateId: officials.chief, name: null, approval });
  for (const id of officials.scrutineers) await appoint({ role: 'scrutineer', delegateId: id, name: null, approval });
  for (const name of officials.counters) await appoint({ role: 'counter', delegateId: null, name, approval: null });
  const ballots = [
    ...papersFor(n, seats, list[0]!.name),
    ...papers('o'.repeat(seats) + 'x'.repeat(n - seats), present - 89),
  ];
  await countThroughApi(host, roundId, { issued: present, spare: 6, papers: ballots, close: voidReason === null });
  if (voidReason !== null) await call(host, 'rounds.declareVoid', { roundId, reason: voidReason });
  return { title, names, seats, contestId, roundId };
}

/** The form printed to A4 as Electron prints it, and each page's text. */
async function printedPages(page: Page, url: string, file: string): Promise<string[]> {
  await page.goto(url);
  await expect(page.locator('[data-testid="print-page"][data-ready="true"]')).toBeVisible();
  await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
  if (keepDir) {
    fs.mkdirSync(keepDir, { recursive: true });
    fs.copyFileSync(file, path.join(keepDir, path.basename(file)));
  }
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  expect(count).toBeGreaterThan(0);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }),
  );
}

const spaced = (s: string) => s.split('').join('\\s*');
/** Where to keep the PDFs for a person to look at (`FORMS_PDF_DIR=/tmp/forms npx playwright test …`). */
const keepDir = process.env.FORMS_PDF_DIR;

const FOOT = ['总监票人', '结果校验码', '本机签名密钥指纹'];

/** A row of the count table: a name (or a written-in one) followed by its figures. */
const countRow = (names: readonly string[]) =>
  new RegExp(`(${[...names, ...WRITE_INS].map(spaced).join('|')})(\\(另选他人\\))?\\s+\\d+\\s+(\\d+|—)\\s+(\\d+|—)`);
/** A row of the elected list: the name, the round, the votes. */
const electedRow = (names: readonly string[]) =>
  new RegExp(`(${names.map(spaced).join('|')})\\s+第\\s*1\\s*轮\\s+\\d+`);
const COUNT_HEAD = /序号\s+姓名\s+赞成\s+不赞成\s+弃权\s+结果/;
const ELECTED_HEAD = /序号\s+姓名\s+当选轮次\s+赞成票/;

/** What must hold of every printed form: the foot is on the last page, with a row of the table. */
function expectWhole(pages: readonly string[], row: RegExp, head: RegExp) {
  const last = pages[pages.length - 1]!;
  for (const word of FOOT) expect(last).toContain(word);
  pages.forEach((text, i) => {
    const hasFoot = FOOT.some((w) => text.includes(w));
    if (hasFoot) expect(text, `page ${i + 1} has the foot but no row`).toMatch(row);
    if (i < pages.length - 1) expect(text, `page ${i + 1} carries no part of the foot`).not.toMatch(/结果校验码/);
    // Every page that has a row of the table has the table's head above it.
    if (row.test(text)) expect(text, `page ${i + 1} has rows but no table head`).toMatch(head);
  });
}

/**
 * 9 and 15 candidates (one page each); 22, 25 and 28, whose tables end near the foot of the first
 * page, where the signature block would fall alone onto the next page unless kept with the last
 * rows; 40, whose table runs over two pages.
 */
const SIZES = [
  { title: '党委委员', candidates: 9, seats: 7 },
  { title: '纪委委员', candidates: 15, seats: 12 },
  { title: '出席区党代会代表(一)', candidates: 22, seats: 18 },
  { title: '出席区党代会代表(二)', candidates: 25, seats: 20 },
  { title: '出席区党代会代表(三)', candidates: 28, seats: 23 },
  { title: '出席区党代会代表', candidates: 40, seats: 30 },
] as const;

test('the count and election forms of 9, 15 and 40 candidates stay whole on A4', async ({
  page,
  context,
  openApp,
  host,
}) => {
  const { voting, meetingId } = await demoWithVoters(page, openApp, host, { operator: '大会秘书处 周红' });

  // Officials: present voters whose names no candidate shares; the counters are staff.
  const standing = new Set(candidateList(Math.max(...SIZES.map((s) => s.candidates))).map((c) => c.name));
  const free = voting.slice(0, 89).filter((d) => !standing.has(d.name));
  const officials: Officials = {
    chief: free[0]!.id,
    scrutineers: [free[1]!.id, free[2]!.id],
    counters: ['工作人员甲', '工作人员乙'],
  };
  const officialNames = [free[0]!.name, free[1]!.name, free[2]!.name, ...officials.counters];

  const scenes: Scene[] = [];
  for (const size of SIZES) {
    scenes.push(await countedContest(host, meetingId, size.title, size.candidates, size.seats, officials));
  }
  const print = await context.newPage();
  const pageCounts: Record<string, [number, number]> = {};
  for (const scene of scenes) {
    const count = await printedPages(
      print,
      `${host.url}#/print/count?round=${scene.roundId}`,
      path.join(host.dir, `count-${scene.names.length}.pdf`),
    );
    const all = count.join('\n');
    expect(all).toContain('计票结果报告单');
    for (const name of [...scene.names, ...WRITE_INS]) expect(all).toMatch(new RegExp(spaced(name)));
    expectWhole(count, countRow(scene.names), COUNT_HEAD);
    // The disregarded write-in is shown, with its count and why, not as a row of its own.
    expect(all).toMatch(new RegExp(`不计票:${spaced(scene.names[0]!)}\\s*2\\s*张\\(与选票上的候选人同名`));
    expect(all).not.toMatch(new RegExp(`${spaced(scene.names[0]!)}\\(另选他人\\)`));
    // The officials named under their signature lines, on the page that has the lines.
    for (const name of officialNames) expect(count[count.length - 1]).toMatch(new RegExp(`\\(${spaced(name)}\\)`));
    expect(count[count.length - 1]).toMatch(/总监票人、监票人:经大会举手表决通过/);

    const election = await printedPages(
      print,
      `${host.url}#/print/election?contest=${scene.contestId}`,
      path.join(host.dir, `election-${scene.names.length}.pdf`),
    );
    expect(election.join('\n')).toContain('选举结果报告单');
    expectWhole(election, electedRow(scene.names), ELECTED_HEAD);
    // Rule 15: the elected listed by surname strokes (「其名单按姓氏笔划排列」), not by votes.
    const text = election.join('\n');
    const at = (name: string) => text.search(new RegExp(`${spaced(name)}\\s+第\\s*1\\s*轮`));
    const listed = scene.names.filter((name) => at(name) >= 0);
    expect(listed).toHaveLength(scene.seats);
    expect([...listed].sort((a, b) => at(a) - at(b))).toEqual(
      orderMembers(listed.map((name) => ({ name }))).map((p) => p.name),
    );
    for (const name of officialNames)
      expect(election[election.length - 1]).toMatch(new RegExp(`\\(${spaced(name)}\\)`));
    pageCounts[scene.title] = [count.length, election.length];
  }
  // Up to 15 candidates and their write-ins: one page each; 40 take more than one.
  expect(pageCounts['党委委员']).toEqual([1, 1]);
  expect(pageCounts['纪委委员']).toEqual([1, 1]);
  expect(pageCounts['出席区党代会代表']![0]).toBeGreaterThan(1);

  // Rule 16: a round the presidium declared void prints as void, with the reason, on both forms.
  const reason = '发现选票印制错误';
  const voided = await countedContest(host, meetingId, '纪委委员(重新选举)', 4, 3, officials, reason);
  const voidCount = await printedPages(
    print,
    `${host.url}#/print/count?round=${voided.roundId}`,
    path.join(host.dir, 'count-void.pdf'),
  );
  expect(voidCount).toHaveLength(1);
  expect(voidCount[0]).toMatch(new RegExp(`宣布无效\\(${reason}\\)`));
  expect(voidCount[0]).not.toMatch(/\d[ \t]+当选/); // no row marked elected
  expect(voidCount[0]).toContain('本轮无人当选');
  expectWhole(voidCount, countRow(voided.names), COUNT_HEAD);
  const voidElection = await printedPages(
    print,
    `${host.url}#/print/election?contest=${voided.contestId}`,
    path.join(host.dir, 'election-void.pdf'),
  );
  expect(voidElection).toHaveLength(1);
  expect(voidElection[0]).toMatch(new RegExp(`宣布无效:${reason}`));

  // 分发选票情况报告单 of the meeting's seven contests: whole as well.
  const ballots = await printedPages(
    print,
    `${host.url}#/print/ballots?meeting=${meetingId}`,
    path.join(host.dir, 'ballots.pdf'),
  );
  expect(ballots).toHaveLength(1);
  expect(ballots[0]).toMatch(new RegExp(spaced('主席团宣布本轮选举无效')));
  expect(ballots[0]).not.toContain('收回多于发出');
  expectWhole(ballots, /第\s*1\s*轮\s*·\s*选举\s+89\s+95\s+89\s+6\s+89/, /选举\s+轮次\s+发票时实到\s+印制/);

  // The same forms in English: every word from the English catalogue, still one page.
  await print.evaluate((key) => window.localStorage.setItem(key, 'en'), 'congressDesk.language');
  await print.goto('about:blank'); // the next form loads the app anew, in English
  const nine = scenes[0]!;
  const english = await printedPages(
    print,
    `${host.url}#/print/count?round=${nine.roundId}`,
    path.join(host.dir, 'count-9-en.pdf'),
  );
  expect(english).toHaveLength(1);
  const en = english[0]!;
  for (const words of ['Count result report', 'Chief scrutineer', 'Result hash', 'Installation key fingerprint']) {
    expect(en).toContain(words);
  }
  expect(en).toMatch(/No\.\s+Name\s+For\s+Against\s+Abstain\s+Result/);
  for (const zh of ['计票结果报告单', '总监票人', '结果校验码', '另选他人', '不计票']) expect(en).not.toContain(zh);
  const englishElection = await printedPages(
    print,
    `${host.url}#/print/election?contest=${nine.contestId}`,
    path.join(host.dir, 'election-9-en.pdf'),
  );
  expect(englishElection).toHaveLength(1);
  expect(englishElection[0]).toContain('Election result report');
  expect(englishElection[0]).not.toContain('选举结果报告单');
});

test('the attendance form keeps its statement and signature block with its last rows, however long the leave list', async ({
  page,
  context,
  openApp,
  host,
}) => {
  const { voting } = await demoWithVoters(page, openApp, host, { operator: '大会秘书处 周红', present: 0 });
  const print = await context.newPage();
  // A row of the table (the statement below it names 实到 too, so that row is left out here).
  const row = /(应到会代表|请假|缺席|列席|候补代表)\s+\d+\s*名/;
  const pageCounts: number[] = [];
  // One meeting per list: the leave row grows until the foot no longer fits on the first page.
  for (const [onLeave, length] of [
    [2, 10],
    [21, 20],
    [21, 100],
    [21, 180],
  ] as const) {
    const meeting = await call(host, 'meetings.create', { name: `会议 ${onLeave}-${length}`, date: '2026-03-21' });
    await checkInThroughApi(host, meeting.id, voting.slice(0, 89));
    for (const [i, d] of voting.slice(89, 89 + onLeave).entries()) {
      const reason = `${i + 1}号因公出差${'赴县里参加培训学习'.repeat(Math.ceil(length / 9))}`.slice(0, length);
      await call(host, 'attendance.mark', { meetingId: meeting.id, delegateId: d.id, status: 'leave', reason });
    }
    const pages = await printedPages(
      print,
      `${host.url}#/print/attendance?meeting=${meeting.id}`,
      path.join(host.dir, `attendance-${onLeave}-${length}.pdf`),
    );
    const last = pages[pages.length - 1]!;
    expect(last).toContain('结果校验码');
    pages.forEach((text, i) => {
      if (text.includes('结果校验码') || text.includes('总监票人')) {
        expect(text, `${onLeave} on leave, reasons of ${length}: page ${i + 1} has the foot but no row`).toMatch(row);
      }
    });
    pageCounts.push(pages.length);
  }
  // The short list fits one page; the longest runs over, so the keeping together was put to the test.
  expect(pageCounts[0]).toBe(1);
  expect(pageCounts.at(-1)).toBeGreaterThan(1);
});

/** A signature as the pad hands it over: a PNG of one pen stroke, dark on white, a little different per `seed`. */
function signaturePng(seed: number): string {
  const [width, height] = [180, 54];
  const stroke = (x: number) => height / 2 + (height / 3.2) * Math.sin((x + seed * 7) / (9 + (seed % 5)));
  const png = greyPng(width, height, (x, y) =>
    x >= 12 && x < width - 12 && Math.abs(y - stroke(x)) <= 1.5 ? 20 : 255,
  );
  return png.toString('base64');
}

/**
 * Issue 15 item 9: the day's forms as a secretary holds them at its end — 100 of 110 voting
 * delegates present (6 on leave, 4 absent, the 列席 and 候补 there), the oath taken with a
 * latecomer, the pledges signed, two contests counted — each printed in zh-CN and English and
 * read back page by page.
 */
test('every form of a day at the congress, in zh-CN and English: labels unbroken, signatures with the last rows, pages as expected', async ({
  page,
  context,
  openApp,
  host,
}) => {
  const { voting, meetingId } = await demoWithVoters(page, openApp, host, { operator: '大会秘书处 周红', present: 0 });
  const roster = await call(host, 'delegates.list', {});
  const apart = roster.filter((d) => d.category !== 'voting');
  // The oath starts with 99 in the hall and the 候补; the 100th arrives during it and joins late.
  await checkInThroughApi(host, meetingId, [...voting.slice(0, 99), ...apart]);
  const oath = await call(host, 'oath.start', { meetingId, leader: '大会主持人 张明' });
  await checkInThroughApi(host, meetingId, [voting[99]!]);
  await call(host, 'oath.addLatecomer', { oathId: oath.id, delegateId: voting[99]!.id });
  await call(host, 'oath.finish', { oathId: oath.id, leader: null });
  for (const [i, d] of voting.slice(100, 106).entries()) {
    const reason = ['因公出差', '因病住院', '家中有事', '参加县里培训', '因公出国', '陪护家人就医'][i]!;
    await call(host, 'attendance.mark', { meetingId, delegateId: d.id, status: 'leave', reason });
  }
  await call(host, 'attendance.mark', { meetingId, delegateId: voting[106]!.id, status: 'absent', reason: null });

  // The pledges: all present sign but two, who refuse; each signature its own stroke.
  const { pledge } = await call(host, 'discipline.texts', {});
  const due = [...voting.slice(0, 100), ...apart.filter((d) => d.category === 'alternate')];
  for (const [i, d] of due.entries()) {
    if (i === 7 || i === 40) {
      await call(host, 'pledges.refuse', { delegateId: d.id, meetingId, textId: pledge.id, note: '本人不同意' });
    } else {
      await call(host, 'pledges.sign', {
        delegateId: d.id,
        meetingId,
        textId: pledge.id,
        signaturePngBase64: signaturePng(i),
      });
    }
  }

  const standing = new Set(candidateList(15).map((c) => c.name));
  const free = voting.slice(0, 100).filter((d) => !standing.has(d.name));
  const officials: Officials = {
    chief: free[0]!.id,
    scrutineers: [free[1]!.id, free[2]!.id],
    counters: ['工作人员甲', '工作人员乙'],
  };
  const committee = await countedContest(host, meetingId, '党委委员', 9, 7, officials, null, 100);
  const discipline = await countedContest(host, meetingId, '纪委委员', 6, 5, officials, null, 100);

  const print = await context.newPage();
  const forms = (tag: string) => ({
    attendance: `attendance?meeting=${meetingId}`,
    ballots: `ballots?meeting=${meetingId}`,
    count: `count?round=${committee.roundId}`,
    countDiscipline: `count?round=${discipline.roundId}`,
    election: `election?contest=${committee.contestId}`,
    electionDiscipline: `election?contest=${discipline.contestId}`,
    oath: `oath?meeting=${meetingId}`,
    pledges: `pledges?meeting=${meetingId}`,
    tag,
  });
  const printed: Record<string, Record<string, string[]>> = {};
  for (const language of ['zh-CN', 'en'] as const) {
    await print.goto('about:blank');
    await print.evaluate((key) => window.localStorage.removeItem(key), 'congressDesk.language').catch(() => {});
    if (language === 'en') {
      await print.goto(`${host.url}#/`);
      await print.evaluate((key) => window.localStorage.setItem(key, 'en'), 'congressDesk.language');
      await print.goto('about:blank');
    }
    const { tag, ...routes } = forms(language);
    printed[language] = {};
    for (const [name, route] of Object.entries(routes)) {
      printed[language]![name] = await printedPages(
        print,
        `${host.url}#/print/${route}`,
        path.join(host.dir, `day-${name}-${tag}.pdf`),
      );
    }
  }
  const zh = printed['zh-CN']!;
  const en = printed.en!;
  const all = (pages: readonly string[]) => pages.join('\n');

  // 「实到会有选举权的代表」 and every other row's label on one line, beside its figure, in both languages.
  expect(zh.attendance).toHaveLength(1);
  for (const row of [
    /^\s*应到会代表\s+110\s*名[ \t]*$/m,
    /^\s*实到会有选举权的代表\s+100\s*名[ \t]*$/m,
    /候补代表\s+4\s*名/,
  ]) {
    expect(all(zh.attendance!)).toMatch(row);
  }
  // English labels are longer: still one line each, and a list this short still one page.
  expect(en.attendance, 'the English attendance report of 10 absent runs over a page').toHaveLength(1);
  for (const row of [/Delegates due to attend\s+110/, /Voting delegates present\s+100/, /Non-voting attendees\s+6/]) {
    expect(all(en.attendance!)).toMatch(row);
  }
  expect(all(zh.oath!)).toMatch(/参加宣誓人数\s+104\s*名/);
  expect(all(en.oath!)).toMatch(/Delegates who took the oath\s+104/);

  // A name is never broken at the end of a line: not in the elected sentence, not in a cell.
  for (const [pages, item] of [
    [zh.count!, (name: string) => `${name}\\(\\d+\\s*票\\)`],
    [en.count!, (name: string) => `${name} \\(\\d+ votes\\)`],
  ] as const) {
    for (const name of committee.names.slice(0, 7)) expect(all(pages)).toMatch(new RegExp(item(name)));
  }
  // The election form's 当选 cell of the round lists the seven, none cut (黄国 / 平).
  const rounds = all(zh.election!).split('各轮投票情况')[1]!.split('当选人名单')[0]!;
  for (const name of committee.names.slice(0, 7)) expect(rounds).toContain(name);
  // 党委委员 and 纪委委员 are not cut into 党委委 / 员 by the figures' wide English heads.
  for (const title of ['党委委员', '纪委委员']) expect(all(en.ballots!)).toContain(title);

  // Two scrutineers and two counters sign side by side (their names on one line), English too.
  for (const pages of [zh.count!, en.count!, zh.election!, en.election!]) {
    expect(pages.at(-1)).toMatch(/\(\s*熊秀静\s*\)[ \t]+\(\s*胡胜春\s*\)|\(\s*胡胜春\s*\)[ \t]+\(\s*熊秀静\s*\)/);
    expect(pages.at(-1)).toMatch(/\(工作人员甲\)[ \t]+\(工作人员乙\)/);
  }
  // In English as in Chinese the secretariat's date has room to be written in.
  expect(all(en.count!)).toMatch(/Date:\s*_{6,}/);

  // The pledge roster: the text signed above the rows, the seal never on a page without a row
  // of delegates, and its 114 rows (102 of them a signature 12 mm high) over 8 pages: at least 8
  // under the text on the first, 16 on each full page after it.
  const pledgeRow = /^\s*\d+\s+\d{3}\s+\S+\s+\S*代表团/gm;
  for (const [pages, seal] of [
    [zh.pledges!, '结果校验码'],
    [en.pledges!, 'Result hash'],
  ] as const) {
    const textAt = pages[0]!.indexOf('严禁拉票贿选');
    expect(textAt, 'the pledge text is not above the rows of the first page').toBeGreaterThanOrEqual(0);
    expect(textAt).toBeLessThan(pages[0]!.search(pledgeRow));
    const rows = pages.map((text) => text.match(pledgeRow)?.length ?? 0);
    // Every delegate due to pledge has a row, signed or not: the 110 voting delegates and the 候补.
    expect(rows.reduce((a, b) => a + b)).toBe(voting.length + apart.filter((d) => d.category === 'alternate').length);
    expect(pages.at(-1)).toContain(seal);
    expect(rows.at(-1), "the pledge roster's seal stands on a page without a delegate").toBeGreaterThan(0);
    expect(rows[0]).toBeGreaterThanOrEqual(8);
    for (const n of rows.slice(1, -1)) expect(n).toBeGreaterThanOrEqual(16);
    expect(pages).toHaveLength(8);
  }
});
