/**
 * The store side of scanned ballots (issue 13 item 5): pages received into a real congress in a
 * temp folder, their images kept beside it by hash, the reader's answer landing through the
 * queue (db/scan/queue.ts) as the worker pool's callback delivers it, and a person confirming a
 * page through `ballots.enter` with `pageId` — the same tally, audit row and board as keying.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { auditSentence } from '../../core/audit/sentences.js';
import { paperCodeText } from '../../core/paper/code.js';
import { paperInputOf } from '../../core/paper/input.js';
import { ballotLayout } from '../../core/paper/layout.js';
import type { PageOutcome } from '../../core/paper/reading.js';
import type { PageReader, ReadJob } from '../../db/scan/queue.js';
import { renderPaper, scanOf } from '../scan/render-layout.js';
import { election } from './election-setup.js';
import { makeBackend, rawDb } from './helpers.js';

/** A scanner's JPEG: a plain page whose shade makes each image its own. */
async function jpeg(shade: number): Promise<Buffer> {
  return sharp({ create: { width: 420, height: 594, channels: 3, background: { r: shade, g: shade, b: shade } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/**
 * The reader as the store sees it: each page handed over waits until the test answers it, as the
 * pool's callback answers (db/scan/pool.ts `onResult`), so a test sees a page `reading`, then
 * `read`. The marks are the test's: the reader's own tests are tests/db/scan-read*.test.ts.
 */
function heldReader() {
  const jobs: { job: ReadJob; answer: (o: PageOutcome) => void }[] = [];
  const reader: PageReader = {
    read: (job) => new Promise((answer) => jobs.push({ job, answer })),
  };
  return { reader, jobs };
}

const readingOf = (job: ReadJob, marks: ('circle' | 'cross' | 'none')[]): PageOutcome => ({
  ok: true,
  reading: {
    code: {
      congressUid: job.paper.congressUid,
      contestId: job.paper.contestId,
      roundId: job.paper.roundId,
      layoutVersion: 1,
    },
    rotation: 0,
    marks: marks.map((read) => ({ read, why: null, ink: read === 'none' ? 0 : 0.1 })),
    writeIns: [],
    transform: [2, 0, 0, 0, 2, 0, 0, 0, 1],
    width: 420,
    height: 594,
  },
});

async function scene(options: { voters?: number } = {}) {
  const held = heldReader();
  const e = await election({ voters: options.voters ?? 5 }, makeBackend(undefined, { scanReader: held.reader }));
  await e.open();
  const folder = path.join(e.dir, 'scanner');
  fs.mkdirSync(folder);
  const file = async (name: string, shade: number) => {
    const f = path.join(folder, name);
    fs.writeFileSync(f, await jpeg(shade));
    return f;
  };
  /** Waits until the reader has `n` pages (the handoff happens after the commit, off the call). */
  const handed = async (n: number) => {
    for (let i = 0; i < 200 && held.jobs.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    expect(held.jobs.length).toBe(n);
  };
  const pages = () => e.call('scan.pages', { roundId: e.roundId });
  return { ...e, held, folder, file, handed, pages };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('scanned pages into ballots (issue 13 item 5)', () => {
  it('a JPEG page received, read and confirmed through ballots.enter: the tally, the ballot’s source and hash, the audit row', async () => {
    const e = await scene();
    const f = await e.file('stack-001.jpg', 250);
    const added = await e.call('scan.addFiles', { roundId: e.roundId, source: 'folder', paths: [f] });
    expect(added.skipped).toEqual([]);
    expect(added.added).toHaveLength(1);
    const page = added.added[0]!;
    expect(page).toMatchObject({ seq: 1, source: 'folder', sourceName: 'stack-001.jpg', status: 'reading' });
    // Kept as received, byte for byte, beside the congress, named by its hash.
    const bytes = fs.readFileSync(f);
    const stored = path.join(`${e.path}.scans`, `${page.sha256}.jpg`);
    expect(fs.readFileSync(stored).equals(bytes)).toBe(true);

    await e.handed(1);
    expect(e.held.jobs[0]!.job.file).toBe(stored);
    expect(e.held.jobs[0]!.job.paper).toMatchObject({ roundId: e.roundId, contestId: e.contest.id });
    e.events.length = 0;
    e.held.jobs[0]!.answer(readingOf(e.held.jobs[0]!.job, ['circle', 'cross', 'none', 'none']));
    await settle();
    expect(e.events).toContainEqual({ topic: 'scan', roundId: e.roundId, contestId: e.contest.id });
    const [read] = await e.pages();
    expect(read).toMatchObject({ id: page.id, status: 'read', ballotId: null });
    expect(read!.reading!.marks.map((m) => m.read)).toEqual(['circle', 'cross', 'none', 'none']);

    const ballot = await e.enter('ox--', { pageId: page.id });
    expect(ballot).toMatchObject({ source: 'scan', pageId: page.id, imageSha256: page.sha256, valid: true });
    const [confirmed] = await e.pages();
    expect(confirmed).toMatchObject({ status: 'confirmed', ballotId: ballot.id });
    const { tally } = await e.call('rounds.result', { roundId: e.roundId });
    expect(tally.counted).toBe(1);
    expect(tally.candidates[0]!.for).toBe(1);

    const rows = await e.call('audit.list', { limit: 5, beforeId: null });
    const entered = rows.find((r) => r.action === 'ballots.enter')!;
    expect(JSON.parse(entered.payload)).toMatchObject({ page: { seq: 1, name: 'stack-001.jpg' } });
    const names = await e.call('audit.names', {});
    expect(auditSentence(entered, names, 'zh-CN')).toContain('据扫描第 1 页(stack-001.jpg)确认');
    const received = rows.find((r) => r.action === 'scan.addFiles')!;
    expect(auditSentence(received, names, 'zh-CN')).toContain('党委委员 第 1 轮接收扫描页 1 页(1 stack-001.jpg)');
    expect(JSON.parse(received.payload)).toMatchObject({
      pages: [{ seq: 1, name: 'stack-001.jpg', sha256: page.sha256 }],
    });
    // A keyed paper says so.
    const keyed = await e.enter('xo--');
    expect(keyed).toMatchObject({ source: 'keyed', pageId: null, imageSha256: null });
  });

  it('attack: the same image received twice (again from the folder, then dropped) is skipped naming the earlier page; nothing committed', async () => {
    const e = await scene();
    const f = await e.file('a.jpg', 240);
    await e.call('scan.addFiles', { roundId: e.roundId, source: 'folder', paths: [f] });
    const copy = path.join(e.folder, 'a-again.jpg');
    fs.copyFileSync(f, copy);
    const before = rawDb(e.path).prepare('SELECT count(*) FROM audit_log').pluck().get();
    const again = await e.call('scan.addFiles', { roundId: e.roundId, source: 'folder', paths: [copy] });
    expect(again.added).toEqual([]);
    expect(again.skipped).toEqual([
      { name: 'a-again.jpg', code: 'scan.duplicate_image', params: { name: 'a-again.jpg', seq: 1, earlier: 'a.jpg' } },
    ]);
    const dropped = await e.call('scan.addImage', {
      roundId: e.roundId,
      source: 'drop',
      name: 'photo.jpg',
      data: fs.readFileSync(f).toString('base64'),
    });
    expect(dropped.skipped[0]).toMatchObject({ code: 'scan.duplicate_image', params: { seq: 1 } });
    expect(rawDb(e.path).prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
    expect(await e.pages()).toHaveLength(1);
  });

  it('attack: a page confirmed twice (two stations, or Enter pressed again) is refused scan.page_confirmed naming its seq', async () => {
    const e = await scene();
    await e.call('scan.addFiles', {
      roundId: e.roundId,
      source: 'file',
      paths: [await e.file('1.jpg', 230), await e.file('2.jpg', 231)],
    });
    await e.handed(2);
    for (const j of e.held.jobs) j.answer(readingOf(j.job, ['circle', 'circle', 'none', 'none']));
    await settle();
    const [, second] = await e.pages();
    await e.enter('oo--', { pageId: second!.id });
    const error = await e.failure('ballots.enter', e.enterInput('oo--', { pageId: second!.id }));
    expect(error).toMatchObject({ reason: 'scan.page_confirmed', params: { seq: 2 }, field: 'pageId' });
    const { tally } = await e.call('rounds.result', { roundId: e.roundId });
    expect(tally.counted).toBe(1);
  });

  it('attack: a page of another round, a page still being read, a page refused by the reader, an unknown page: each refused, nothing entered', async () => {
    const e = await scene();
    await e.call('scan.addFiles', {
      roundId: e.roundId,
      source: 'file',
      paths: [await e.file('r.jpg', 200), await e.file('refused.jpg', 201)],
    });
    const [first, second] = await e.pages();
    const reading = await e.failure('ballots.enter', e.enterInput('o---', { pageId: first!.id }));
    expect(reading).toMatchObject({ reason: 'scan.page_reading', params: { seq: 1 } });
    await e.handed(2);
    e.held.jobs[1]!.answer({ ok: false, refusal: 'scan.other_round', params: { found: 99 } });
    await settle();
    const refused = await e.failure('ballots.enter', e.enterInput('o---', { pageId: second!.id }));
    expect(refused).toMatchObject({ reason: 'scan.page_refused', params: { seq: 2 } });
    expect((await e.pages())[1]).toMatchObject({
      status: 'refused',
      refusal: { code: 'scan.other_round', params: { found: 99 } },
    });
    const unknown = await e.failure('ballots.enter', e.enterInput('o---', { pageId: 9999 }));
    expect(unknown).toMatchObject({ reason: 'scan.page_not_found' });

    // A second contest's round, open for entry: round 1's page is not its paper.
    const other = await e.call('contests.create', {
      meetingId: e.meetingId,
      title: '纪委委员',
      kind: 'election',
      seats: 1,
      marginPercent: 20,
      doubleEntry: false,
      paperGroup: null,
    });
    const ids = [];
    for (const name of ['甲', '乙']) {
      ids.push(
        (
          await e.call('candidates.add', {
            contestId: other.id,
            delegateId: null,
            name,
            gender: 'male',
            birthDate: '1970-01',
            ethnicity: '汉族',
            education: '大学',
            unit: '青山镇',
          })
        ).id,
      );
    }
    await e.call('candidates.approveOrder', { contestId: other.id, candidateIds: ids });
    const otherRound = (await e.call('contests.get', { contestId: other.id })).rounds[0]!.id;
    await e.open(otherRound);
    e.held.jobs[0]!.answer(readingOf(e.held.jobs[0]!.job, ['circle', 'none', 'none', 'none']));
    await settle();
    const wrong = await e.failure('ballots.enter', e.enterInput('o-', { pageId: first!.id }, otherRound));
    expect(wrong).toMatchObject({
      reason: 'scan.page_other_round',
      params: { seq: 1, contest: '党委委员', round: 1 },
    });
    expect((await e.call('rounds.result', { roundId: otherRound })).tally.counted).toBe(0);
    expect((await e.call('rounds.result', { roundId: e.roundId })).tally.counted).toBe(0);
  });
});

describe('the scanner’s folder (scan.inbox)', () => {
  it('a file the scanner finished writing is offered once it stood still, and not again once received', async () => {
    const e = await scene();
    const f = await e.file('feeder-0001.jpg', 199);
    const look = async () => (await e.call('scan.inbox', { roundId: e.roundId, folder: e.folder })).files;
    expect(await look()).toEqual([]);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await look()).toEqual([{ path: f, name: 'feeder-0001.jpg', size: fs.statSync(f).size }]);
    await e.call('scan.addFiles', { roundId: e.roundId, source: 'folder', paths: [f] });
    expect(await look()).toEqual([]);
  });
});

describe('with the app’s own reader (the worker pool and db/scan/read.ts, nothing stood in)', () => {
  it('a printed paper of the round marked ○ × and scanned at 150 dpi: read in the pool off the store’s thread, shown read with its marks, confirmed; another round’s paper refused scan.other_round naming it', async () => {
    const e = await election({ voters: 3 });
    await e.open();
    const { contestId, roundId } = { contestId: e.contest.id, roundId: e.roundId };
    const { congress } = await e.call('congress.get', {});
    const paper = paperInputOf(congress, e.contest, { id: roundId, number: 1, kind: 'first', seats: 2 }, e.candidates);
    const layout = ballotLayout(paper);
    const marked = await renderPaper(layout, paperCodeText({ congressUid: congress.uid, contestId, roundId }), 150, {
      0: { kind: 'circle' },
      1: { kind: 'cross' },
    });
    const { added } = await e.call('scan.addImage', {
      roundId,
      source: 'drop',
      name: 'scan-0001.jpg',
      data: (await scanOf(marked, { rotate: 180, format: 'jpeg', quality: 85 })).toString('base64'),
    });
    const other = await renderPaper(
      layout,
      paperCodeText({ congressUid: congress.uid, contestId, roundId: roundId + 100 }),
      150,
    );
    await e.call('scan.addImage', {
      roundId,
      source: 'drop',
      name: 'scan-0002.jpg',
      data: (await scanOf(other, { format: 'jpeg' })).toString('base64'),
    });
    let pages = await e.call('scan.pages', { roundId });
    for (let i = 0; i < 600 && pages.some((p) => p.status === 'reading'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      pages = await e.call('scan.pages', { roundId });
    }
    expect(pages[0]).toMatchObject({ id: added[0]!.id, status: 'read' });
    expect(pages[0]!.reading!.marks.map((m) => m.read)).toEqual(['circle', 'cross', 'none', 'none']);
    expect(Math.abs(pages[0]!.reading!.rotation)).toBeGreaterThan(170);
    expect(pages[1]).toMatchObject({ status: 'refused', refusal: { code: 'scan.other_round' } });
    expect(Object.values(pages[1]!.refusal!.params).map(String)).toContain(String(roundId + 100));
    expect(e.events.some((ev) => ev.topic === 'scan')).toBe(true);
    const ballot = await e.enter('ox--', { pageId: added[0]!.id });
    expect(ballot).toMatchObject({ source: 'scan', imageSha256: added[0]!.sha256 });
  }, 90_000);
});
