/**
 * The store's reader pool (issue 13 item 6): pages are read in `worker_threads` workers, never on
 * the thread that answers the windows' calls. One worker by default: the laptop has two cores
 * and the store's own thread needs one. First in, first read, so the first paper of a stack is
 * ready for the counter while the 200th still waits.
 *
 * A worker that dies (wasm abort, out of memory) or hangs on a page is replaced and the page
 * read once more; a page that kills a second worker is reported as `scan.unreadable_image`, so
 * one poisoned image cannot stop the round's reading.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PaperCode } from '../../core/paper/code.js';
import type { PaperLayout } from '../../core/paper/layout.js';
import type { PageOutcome } from '../../core/paper/reading.js';

export interface ReadJob {
  pageId: number;
  /** The stored image (`<congress>.scans/<sha256>.<jpg|png>`). */
  imagePath: string;
  /** What the round's paper is: its code (refuse another congress, contest, round or layout) and its boxes. */
  expected: { code: PaperCode; layout: PaperLayout };
}

/** What the pool hands to each worker. */
export interface ReaderWorkerData {
  /** A module exporting `readPage` in place of db/scan/read.ts (tests of the pool itself). */
  readerModule?: string;
}

export interface WorkerAnswer {
  pageId: number;
  outcome: PageOutcome;
  /** The thread that read it: never the store's (tests check). */
  threadId: number;
  ms: number;
}

export type ResultListener = (pageId: number, outcome: PageOutcome, info: { threadId: number; ms: number }) => void;

export interface ReaderPool {
  submit(job: ReadJob): void;
  /** Called once per submitted page, in the order pages finish; returns an unsubscribe. */
  onResult(listener: ResultListener): () => void;
  /** Pages submitted and not yet answered (queued or being read). */
  pending(): number;
  /** The workers' thread ids (for tests and the crash restart). */
  threadIds(): number[];
  close(): Promise<void>;
}

export interface PoolOptions {
  size?: number;
  /** A page read longer than this is taken as a hung worker (the worker is replaced). */
  timeoutMs?: number;
  readerModule?: string;
}

/** A page that killed this many workers is not tried again. */
const ATTEMPTS = 2;
const DEFAULT_TIMEOUT_MS = 30_000;

interface Slot {
  worker: Worker;
  job: (ReadJob & { attempts: number }) | null;
  timer: NodeJS.Timeout | null;
}

/**
 * The worker's entry: the bundled .mjs beside this module in the app (scripts/build-electron.mjs
 * puts dist/electron/reader-worker.mjs beside store-worker.mjs). From the .ts sources (vitest, tsx,
 * Playwright's host) the worker is bundled here with esbuild, as the app's build does, once per
 * process: a worker does not inherit its parent's TypeScript loader, and a loader registered in
 * the thread hangs under Playwright's own. The bundle lies under node_modules/.cache so that
 * sharp and OpenCV resolve from node_modules as they do in the app.
 */
const sourceBundles = new Map<string, string>();

/** `entry` (a .ts file) bundled to an .mjs under node_modules/.cache, once per process. */
function bundledSource(entry: string): string {
  const known = sourceBundles.get(entry);
  if (known) return known;
  const { buildSync } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const cache = path.join(root, 'node_modules', '.cache', 'congress-desk-reader');
  const temp = path.join(cache, `build-${process.pid}-${sourceBundles.size}.mjs`);
  buildSync({
    entryPoints: [entry],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    external: ['sharp'],
    banner: {
      js: "import { createRequire as __cdCreateRequire } from 'node:module'; const require = __cdCreateRequire(import.meta.url);",
    },
  });
  // Named by its content: processes running the same sources share one file, and renaming is atomic.
  const outfile = path.join(cache, `${createHash('sha256').update(readFileSync(temp)).digest('hex').slice(0, 20)}.mjs`);
  renameSync(temp, outfile);
  sourceBundles.set(entry, outfile);
  return outfile;
}

function startWorker(workerData: ReaderWorkerData): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./reader-worker.mjs', here), { workerData });
  const worker = bundledSource(fileURLToPath(new URL('./reader-worker.ts', here)));
  const { readerModule } = workerData;
  const reader =
    readerModule?.endsWith('.ts') === true
      ? pathToFileURL(bundledSource(fileURLToPath(readerModule))).href
      : readerModule;
  return new Worker(worker, { workerData: reader ? { readerModule: reader } : {} });
}

export function createReaderPool(options: PoolOptions = {}): ReaderPool {
  const size = Math.max(1, options.size ?? 1);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const workerData: ReaderWorkerData = options.readerModule ? { readerModule: options.readerModule } : {};
  const queue: (ReadJob & { attempts: number })[] = [];
  const listeners = new Set<ResultListener>();
  const slots: Slot[] = [];
  let closed = false;

  const emit = (pageId: number, outcome: PageOutcome, info: { threadId: number; ms: number }) => {
    for (const listener of listeners) {
      try {
        listener(pageId, outcome, info);
      } catch (err) {
        console.error('[reader-pool] a result listener threw:', err);
      }
    }
  };

  const clearTimer = (slot: Slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
  };

  const dispatch = () => {
    if (closed) return;
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        // a hung read: the worker is killed, which takes the crash path below
        void slot.worker.terminate();
      }, timeoutMs);
      slot.worker.postMessage({ pageId: job.pageId, imagePath: job.imagePath, expected: job.expected });
    }
  };

  const spawn = (slot?: Slot): Slot => {
    const worker = startWorker(workerData);
    const s: Slot = slot ?? { worker, job: null, timer: null };
    s.worker = worker;
    worker.on('message', (answer: WorkerAnswer) => {
      if (s.worker !== worker || !s.job || answer.pageId !== s.job.pageId) return;
      clearTimer(s);
      s.job = null;
      emit(answer.pageId, answer.outcome, { threadId: answer.threadId, ms: answer.ms });
      dispatch();
    });
    // 'error' is followed by 'exit': the restart happens once, on exit.
    worker.on('error', (err) => {
      if (!closed) console.error('[reader-pool] a reader thread failed:', err);
    });
    worker.on('exit', () => {
      if (closed || s.worker !== worker) return;
      clearTimer(s);
      const job = s.job;
      s.job = null;
      if (job) {
        job.attempts += 1;
        if (job.attempts >= ATTEMPTS) {
          emit(job.pageId, { ok: false, refusal: 'scan.unreadable_image', params: {} }, { threadId: -1, ms: 0 });
        } else {
          queue.unshift(job);
        }
      }
      spawn(s);
      dispatch();
    });
    return s;
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    submit(job) {
      if (closed) throw new Error('reader pool closed');
      queue.push({ ...job, attempts: 0 });
      dispatch();
    },
    onResult(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pending: () => queue.length + slots.filter((s) => s.job).length,
    threadIds: () => slots.map((s) => s.worker.threadId),
    async close() {
      closed = true;
      queue.length = 0;
      for (const slot of slots) clearTimer(slot);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
