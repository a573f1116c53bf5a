/**
 * The store's reader pool (issue 13 item 6, "work off the window"): a 200-page stack is read in a
 * worker thread, first page first, while the store's own thread keeps answering; a reader thread
 * that dies or hangs is replaced and its page tried once more, then reported unreadable. The
 * threads run the real worker (db/scan/reader-worker.ts) with a stand-in reader
 * (tests/db/scan-pool-reader.ts): these tests are about the threads, the reader's own are
 * tests/db/scan-read*.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId as mainThreadId, Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONVENTION } from '../../core/election-types.js';
import { ballotLayout, type PaperInput } from '../../core/paper/layout.js';
import type { PageOutcome } from '../../core/paper/reading.js';
import { createReaderPool, type ReaderPool, type ReadJob, type WorkerAnswer } from '../../db/scan/pool.js';
import { tempDir } from './helpers.js';
import { imageOf } from './scan-files.js';

const readerModule = pathToFileURL(path.resolve(import.meta.dirname, 'scan-pool-reader.ts')).href;

const paper: PaperInput = {
  congressUid: '0123456789abcdef0123456789abcdef',
  congressTitle: '中共某某镇第十五次代表大会',
  contestTitle: '委员会委员选举',
  contestId: 1,
  roundId: 1,
  roundNumber: 1,
  roundKind: 'first',
  seats: 3,
  candidates: [
    { id: 1, name: '张三' },
    { id: 2, name: '李四' },
    { id: 3, name: '王五' },
    { id: 4, name: '赵六' },
  ],
  convention: DEFAULT_CONVENTION,
};
const expected: ReadJob['expected'] = {
  code: { congressUid: paper.congressUid, contestId: 1, roundId: 1, layoutVersion: 1 },
  layout: ballotLayout(paper),
};

const pools: ReaderPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
function pool(options: Parameters<typeof createReaderPool>[0] = {}) {
  const p = createReaderPool({ readerModule, ...options });
  pools.push(p);
  return p;
}

async function images(dir: string, names: string[]): Promise<string[]> {
  const png = await imageOf('png', 10, 800, 1130);
  return names.map((name) => {
    const file = path.join(dir, name);
    writeFileSync(file, png);
    return file;
  });
}

function collect(p: ReaderPool) {
  const results: { pageId: number; outcome: PageOutcome; threadId: number; pendingThen: number }[] = [];
  p.onResult((pageId, outcome, info) =>
    results.push({ pageId, outcome, threadId: info.threadId, pendingThen: p.pending() }),
  );
  const until = (n: number) =>
    new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (results.length >= n) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
  return { results, until };
}

describe('reader pool', () => {
  it('a 200-page stack: the first pages come back first, in order, while most of the stack is still queued; read on another thread; the store’s timer keeps ticking throughout', async () => {
    const dir = tempDir();
    const [file] = await images(dir, ['page.png']);
    const p = pool();
    const { results, until } = collect(p);
    let ticks = 0;
    const ticksAtResult: number[] = [];
    p.onResult(() => ticksAtResult.push(ticks));
    const timer = setInterval(() => {
      ticks += 1;
    }, 1);
    for (let pageId = 1; pageId <= 200; pageId++) p.submit({ pageId, imagePath: file!, expected });
    expect(p.pending()).toBe(200);
    await until(200);
    clearInterval(timer);

    expect(results.map((r) => r.pageId)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // the counter has the first ten papers while at least 150 wait
    expect(results[9]?.pendingThen).toBeGreaterThanOrEqual(150);
    expect(results.every((r) => r.outcome.ok)).toBe(true);
    expect(new Set(results.map((r) => r.threadId))).toEqual(new Set(p.threadIds()));
    expect(p.threadIds()).not.toContain(mainThreadId);
    // The main thread's timer fired between results all through the read: a read done on this
    // thread would hold it until each page is done (the stand-in reader's hashing is synchronous).
    const gapsWithTicks = ticksAtResult.slice(1).filter((t, i) => t > (ticksAtResult[i] ?? 0)).length;
    expect(gapsWithTicks).toBeGreaterThanOrEqual(100);
  });

  it('a reader thread that dies on a page (wasm abort) is replaced and the page read again; the pages behind it are not lost', async () => {
    const dir = tempDir();
    const [a, bad, c] = await images(dir, ['a.png', 'die-once-b.png', 'c.png']);
    const p = pool();
    const { results, until } = collect(p);
    const before = p.threadIds();
    p.submit({ pageId: 1, imagePath: a!, expected });
    p.submit({ pageId: 2, imagePath: bad!, expected });
    p.submit({ pageId: 3, imagePath: c!, expected });
    await until(3);
    expect(results.map((r) => [r.pageId, r.outcome.ok])).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);
    expect(p.threadIds()).not.toEqual(before);
    expect(results[1]?.threadId).not.toBe(results[0]?.threadId);
  });

  it('a page that kills the thread twice is reported scan.unreadable_image, and reading goes on', async () => {
    const dir = tempDir();
    const [bad, ok] = await images(dir, ['die-always-x.png', 'y.png']);
    const p = pool();
    const { results, until } = collect(p);
    p.submit({ pageId: 7, imagePath: bad!, expected });
    p.submit({ pageId: 8, imagePath: ok!, expected });
    await until(2);
    expect(results[0]).toMatchObject({ pageId: 7, outcome: { ok: false, refusal: 'scan.unreadable_image' } });
    expect(results[1]).toMatchObject({ pageId: 8, outcome: { ok: true } });
  });

  it('a page the reader hangs on is given up after the timeout (the thread is replaced, twice), and the next page is read', async () => {
    const dir = tempDir();
    const [hang, ok] = await images(dir, ['hang-z.png', 'w.png']);
    const p = pool({ timeoutMs: 1500 });
    const { results, until } = collect(p);
    p.submit({ pageId: 1, imagePath: hang!, expected });
    p.submit({ pageId: 2, imagePath: ok!, expected });
    await until(2);
    expect(results.map((r) => [r.pageId, r.outcome.ok ? 'ok' : r.outcome.refusal])).toEqual([
      [1, 'scan.unreadable_image'],
      [2, 'ok'],
    ]);
  });

  it('an image the reader cannot decode is a refusal from a live thread, not a restart', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'garbage.png');
    writeFileSync(file, 'not an image');
    const p = pool();
    const { results, until } = collect(p);
    const before = p.threadIds();
    p.submit({ pageId: 5, imagePath: file, expected });
    await until(1);
    expect(results[0]).toMatchObject({ pageId: 5, outcome: { ok: false, refusal: 'scan.unreadable_image' } });
    expect(p.threadIds()).toEqual(before);
  });
});

describe('reader pool with the app’s reader', () => {
  it('db/scan/read.ts loads in the thread (OpenCV and zxing from local files) and answers a plain grey page with a refusal other than unreadable_image', async () => {
    const dir = tempDir();
    const [file] = await images(dir, ['plain.png']);
    const p = createReaderPool();
    pools.push(p);
    const { results, until } = collect(p);
    p.submit({ pageId: 1, imagePath: file!, expected });
    await until(1);
    expect(results[0]?.threadId).not.toBe(mainThreadId);
    expect(results[0]?.outcome.ok).toBe(false);
    const refusal = results[0]?.outcome.ok === false ? results[0].outcome.refusal : null;
    expect(['scan.blank_page', 'scan.no_corners']).toContain(refusal);
  });
});

describe('as bundled for the app (scripts/build-electron.mjs)', () => {
  it('dist/electron/reader-worker.mjs reads a page with nothing but the app’s files: the wasm beside the bundles, sharp and OpenCV from node_modules', async () => {
    const repo = path.resolve(import.meta.dirname, '..', '..');
    // The packaged app's layout: package.json, node_modules and dist/electron side by side.
    const app = tempDir();
    copyFileSync(path.join(repo, 'package.json'), path.join(app, 'package.json'));
    symlinkSync(path.join(repo, 'node_modules'), path.join(app, 'node_modules'), 'dir');
    const out = path.join(app, 'dist', 'electron');
    mkdirSync(out, { recursive: true });
    execFileSync(process.execPath, [path.join(repo, 'scripts', 'build-electron.mjs'), '--out', out], { cwd: repo });
    expect(existsSync(path.join(out, 'zxing_reader.wasm'))).toBe(true);
    // MuPDF's loader asks for its wasm beside whatever module it is bundled in: the store's bundle
    expect(existsSync(path.join(out, 'mupdf-wasm.wasm'))).toBe(true);
    expect(readFileSync(path.join(out, 'store-worker.mjs'), 'utf8')).toContain(
      'new URL("mupdf-wasm.wasm", import.meta.url)',
    );

    const [file] = await images(tempDir(), ['plain.png']);
    const worker = new Worker(path.join(out, 'reader-worker.mjs'));
    try {
      const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ pageId: 9, imagePath: file, expected });
      });
      expect(answer.pageId).toBe(9);
      expect(answer.outcome).toMatchObject({ ok: false });
      expect(answer.outcome.ok === false && answer.outcome.refusal).not.toBe('scan.unreadable_image');
    } finally {
      await worker.terminate();
    }
  }, 120_000);
});
