/**
 * One reader thread of the store's pool (db/scan/pool.ts): reads one page at a time, as the pool
 * hands it, with `readPage` (db/scan/read.ts), and answers with the outcome. Decoding a 300 dpi
 * page and finding its marks takes tens of milliseconds of CPU; here it never holds up the
 * store's calls, so a counter confirms the first papers while the rest of a stack is read.
 *
 * A reader that throws is a page the app cannot read (`scan.unreadable_image`), not a dead
 * thread: the pool restarts a thread only when it really dies (a wasm abort, out of memory).
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { PageOutcome } from '../../core/paper/reading.js';
import type { ReaderWorkerData, ReadJob, WorkerAnswer } from './pool.js';

type ReadPage = (imagePath: string, expected: ReadJob['expected']) => PageOutcome | Promise<PageOutcome>;

const data = (workerData ?? {}) as ReaderWorkerData;
// The app's reader unless a test gives a stand-in (its pool tests are about the threads, not the marks).
const READER = './read.js';

async function loadReader(): Promise<ReadPage> {
  const mod = (await import(data.readerModule ?? READER)) as { readPage?: ReadPage };
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
    outcome = await (await reader)(job.imagePath, job.expected);
  } catch (err) {
    outcome = { ok: false, refusal: 'scan.unreadable_image', params: { detail: (err as Error).message ?? '' } };
  }
  const answer: WorkerAnswer = { pageId: job.pageId, outcome, threadId, ms: performance.now() - started };
  port.postMessage(answer);
});
