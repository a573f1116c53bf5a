/**
 * Scanned ballots at the end of the count (issue 13 item 5): the round cannot close while pages
 * wait, no more papers than collected come in by scanning either, the result file carries each
 * ballot's image hash and verifies (a page counted twice is named), a crash between storing an
 * image and its row loses nothing, and issue 12's replay holds with the scan tables.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { PageOutcome } from '../../core/paper/reading.js';
import type { ResultFile } from '../../core/result-file.js';
import { verifyResultText } from '../../db/results/sign.js';
import type { PageReader, ReadJob } from '../../db/scan/queue.js';
import { election } from './election-setup.js';
import { makeBackend, rawDb } from './helpers.js';
import { resign } from './result-setup.js';

async function jpeg(shade: number): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 424, channels: 3, background: { r: shade, g: shade, b: shade } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** The reader's answer arrives when the test gives it, as the pool's callback delivers one. */
function heldReader() {
  const jobs: { job: ReadJob; answer: (o: PageOutcome) => void }[] = [];
  const reader: PageReader = { read: (job) => new Promise((answer) => jobs.push({ job, answer })) };
  return { reader, jobs };
}

const clear = (job: ReadJob, marks: string): PageOutcome => ({
  ok: true,
  reading: {
    code: {
      congressUid: job.paper.congressUid,
      contestId: job.paper.contestId,
      roundId: job.paper.roundId,
      layoutVersion: 1,
    },
    rotation: 0,
    marks: [...marks].map((c) => ({ read: c === 'o' ? 'circle' : c === 'x' ? 'cross' : 'none', why: null, ink: 0 })),
    writeIns: [],
    transform: [1, 0, 0, 0, 1, 0, 0, 0, 1],
    width: 300,
    height: 424,
  },
});

const tick = () => new Promise((r) => setTimeout(r, 30));

async function scene(voters = 4) {
  const held = heldReader();
  const e = await election({ voters }, makeBackend(undefined, { scanReader: held.reader }));
  await e.open();
  const dropped = async (name: string, shade: number) =>
    e.call('scan.addImage', {
      roundId: e.roundId,
      source: 'camera',
      name,
      data: (await jpeg(shade)).toString('base64'),
    });
  const answered = async (n: number, marks: string) => {
    for (let i = 0; i < 200 && held.jobs.length < n; i++) await tick();
    for (const j of held.jobs.splice(0)) j.answer(clear(j.job, marks));
    await tick();
  };
  return { ...e, held, dropped, answered };
}

describe('closing a round with scanned pages (issue 13 item 5)', () => {
  it('attack: the chief closes while one page is still being read and one is read but not confirmed: refused scan.pages_waiting {count}; a refused page does not block; confirmed, it closes', async () => {
    const e = await scene(3);
    // Two papers keyed, one scanned page waits; a blank back side, refused by the reader, waits for nothing.
    await e.enter('oo--');
    await e.enter('oo--');
    const { added } = await e.dropped('p1.jpg', 200);
    const back = await e.dropped('back.jpg', 201);
    const waiting = await e.failure('rounds.close', { roundId: e.roundId });
    expect(waiting).toMatchObject({ reason: 'scan.pages_waiting', params: { count: 2 } });
    for (let i = 0; i < 200 && e.held.jobs.length < 2; i++) await tick();
    const [first, second] = e.held.jobs.splice(0);
    first!.answer(clear(first!.job, 'ox--'));
    second!.answer({ ok: false, refusal: 'scan.blank_page', params: {} });
    await tick();
    expect((await e.failure('rounds.close', { roundId: e.roundId })).params).toMatchObject({ count: 1 });
    await e.enter('ox--', { pageId: added[0]!.id });
    const closed = await e.call('rounds.close', { roundId: e.roundId });
    expect(closed.result.round.status).toBe('closed');
    expect(back.added[0]!.id).toBeGreaterThan(0);
  });

  it('attack: more papers confirmed from pages than were collected: refused ballot.all_entered as in keying, the page stays read', async () => {
    const e = await scene(2);
    await e.dropped('a.jpg', 210);
    await e.dropped('b.jpg', 211);
    await e.dropped('c.jpg', 212);
    await e.answered(3, 'oo--');
    const pages = await e.call('scan.pages', { roundId: e.roundId });
    await e.enter('oo--', { pageId: pages[0]!.id });
    await e.enter('oo--', { pageId: pages[1]!.id });
    const over = await e.failure('ballots.enter', e.enterInput('oo--', { pageId: pages[2]!.id }));
    expect(over).toMatchObject({ reason: 'ballot.all_entered', params: { collected: 2, entered: 2 } });
    expect((await e.call('scan.pages', { roundId: e.roundId }))[2]).toMatchObject({ status: 'read', ballotId: null });
  });

  it('the result file carries each ballot’s image hash (null when keyed), kept through a correction, and verifies; a forged file counting one page twice is malformed', async () => {
    const e = await scene(3);
    const { added } = await e.dropped('p.jpg', 220);
    await e.answered(1, 'ox--');
    const scanned = await e.enter('ox--', { pageId: added[0]!.id });
    const corrected = await e.call('ballots.correct', {
      ballotId: scanned.id,
      marks: scanned.marks.map((m, i) => (i === 1 ? 'circle' : m)),
      writeIns: [],
      reason: '看错了',
    });
    expect(corrected).toMatchObject({ source: 'scan', pageId: added[0]!.id, imageSha256: added[0]!.sha256 });
    await e.enter('oo--');
    await e.enter('oo--');
    await e.call('rounds.close', { roundId: e.roundId });
    const out = path.join(e.dir, 'result.json');
    const exported = await e.call('result.export', { path: out, csvPath: null });
    const text = fs.readFileSync(out, 'utf8');
    const file = JSON.parse(text) as ResultFile;
    const ballots = file.content.contests[0]!.rounds[0]!.ballots;
    expect(ballots.map((b) => [b.state, b.imageSha256])).toEqual([
      ['superseded', added[0]!.sha256],
      ['counted', added[0]!.sha256],
      ['counted', null],
      ['counted', null],
    ]);
    const report = await e.call('result.verify', { path: out, fingerprint: exported.fingerprint });
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);

    const twice = verifyResultText(
      await resign(text, e.dataDir, (f) => {
        f.content.contests[0]!.rounds[0]!.ballots[2]!.imageSha256 = added[0]!.sha256;
      }),
      exported.fingerprint,
    );
    expect(twice.failures).toContainEqual(
      expect.objectContaining({ kind: 'malformed', subject: 'imageSha256', stated: added[0]!.sha256 }),
    );
  });

  it('a crash after an image was stored and before its row committed loses nothing: the leftover file (and a half-written temp) are harmless, the page received again reuses it', async () => {
    const e = await scene(2);
    const bytes = await jpeg(230);
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(bytes).digest('hex');
    // What the crash left: the image in place under its hash, a temp beside it, no row.
    const folder = `${e.path}.scans`;
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${sha}.jpg`), bytes);
    fs.writeFileSync(path.join(folder, `${sha}.jpg.999.tmp`), bytes.subarray(0, 100));
    expect(await e.call('scan.pages', { roundId: e.roundId })).toEqual([]);
    const again = await e.call('scan.addImage', {
      roundId: e.roundId,
      source: 'drop',
      name: 'again.jpg',
      data: bytes.toString('base64'),
    });
    expect(again.added).toMatchObject([{ seq: 1, sha256: sha, sourceName: 'again.jpg' }]);
    expect(fs.readFileSync(path.join(folder, `${sha}.jpg`)).equals(bytes)).toBe(true);
    const image = await e.call('scan.image', { pageId: again.added[0]!.id, maxWidth: 150 });
    expect(image).toMatchObject({ width: 150, scale: 0.5 });
    expect(Buffer.from(image.base64, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('issue 12’s replay with scan tables: a scanned count verifies; a reading rewritten behind the app is not a record (not named), a page row or a ballot’s image hash rewritten is named', async () => {
    const e = await scene(2);
    const { added } = await e.dropped('x.jpg', 240);
    await e.answered(1, 'oo--');
    const ballot = await e.enter('oo--', { pageId: added[0]!.id });
    expect(await e.call('audit.verify', {})).toMatchObject({ ok: true });

    const db = rawDb(e.path);
    db.prepare("UPDATE scan_readings SET read_at = '2020-01-01T00:00:00Z'").run();
    expect(await e.call('audit.verify', {})).toMatchObject({ ok: true });
    db.exec('DROP TRIGGER scan_pages_no_update');
    db.prepare("UPDATE scan_pages SET source_name = 'other.jpg'").run();
    const pageEdit = await e.call('audit.verify', {});
    expect(pageEdit.ok).toBe(false);
    expect(JSON.stringify(pageEdit)).toContain('scan_pages');
    db.prepare("UPDATE scan_pages SET source_name = 'x.jpg'").run();
    db.exec('DROP TRIGGER ballots_source_fixed');
    db.prepare(`UPDATE ballots SET image_sha256 = '${'0'.repeat(64)}' WHERE id = ?`).run(ballot.id);
    const hashEdit = await e.call('audit.verify', {});
    expect(hashEdit.ok).toBe(false);
    expect(JSON.stringify(hashEdit)).toContain('image_sha256');
    db.close();
  });
});
