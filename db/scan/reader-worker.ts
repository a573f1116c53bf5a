/**
 * One reader thread of the store's pool (db/scan/pool.ts): reads one page at a time, as the pool
 * hands it, with `readPage` (db/scan/read.ts), and answers with the outcome. Decoding a 300 dpi
 * page and finding its marks takes tens of milliseconds of CPU; here it never holds up the
 * store's calls, so a counter confirms the first papers while the rest of a stack is read.
 *
 * A reader that throws is a page the app cannot read (`scan.unreadable_image`), not a dead
 * thread: the pool restarts a thread only when it really dies (a wasm abort, out of memory).
 */
import { readFileSync } from 'node:fs';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { PageOutcome } from '../../core/paper/reading.js';
import type { ReaderWorkerData, ReadJob, WorkerAnswer } from './pool.js';

/** db/scan/read.ts's `readPage`; a test's stand-in may also look at where the image lies. */
type ReadPage = (
  bytes: Uint8Array,
  expected: ReadJob['expected'],
  job: { imagePath: string },
) => PageOutcome | Promise<PageOutcome>;

const data = (workerData ?? {}) as ReaderWorkerData;

async function loadReader(): Promise<ReadPage> {
  // A literal import, so that esbuild bundles the reader into reader-worker.mjs.
  const mod = (data.readerModule ? await import(data.readerModule) : await import('./read.js')) as {
    readPage?: ReadPage;
  };
  if (typeof mod.readPage !== 'function') throw new Error('reader-worker: the reader module has no readPage');
  return mod.readPage;
}

const port = parentPort;
if (!port) throw new Error('reader-worker: started outside a worker thread');

const reader = loadReader();

port.on('message', async (job: ReadJob) => {
  const started = performance.now();
  let outcome: PageOutcome;
  try {
    // read here, not in the store: the store's thread does not wait on the disk either
    const bytes = readFileSync(job.imagePath);
    outcome = await (await reader)(bytes, job.expected, { imagePath: job.imagePath });
  } catch (err) {
    outcome = { ok: false, refusal: 'scan.unreadable_image', params: { detail: (err as Error).message ?? '' } };
  }
  const answer: WorkerAnswer = { pageId: job.pageId, outcome, threadId, ms: performance.now() - started };
  port.postMessage(answer);
});
