/**
 * The pages waiting for the reader, for one open congress (issue 13 item 6: 「a stack of 200
 * pages is read while the counter is already confirming the first」). A page received is handed
 * to the reader (a worker pool, db/scan/pool.ts) after its row commits; the answer is kept in
 * `scan_readings` and announced as a `scan` change, so the screen draws it. Nothing here blocks a
 * call: the reader works off the store's thread and the answer lands between calls.
 *
 * What is being read lives in memory only: a page with no reading after a restart (the reader
 * was still at it when the laptop went off) is simply read again the next time its round's pages
 * are looked at or received (`pump`).
 */
import type { ChangeEvent } from '../../core/domain.js';
import { ballotLayout, LAYOUT_VERSION, type PaperInput } from '../../core/paper/layout.js';
import type { PageOutcome } from '../../core/paper/reading.js';
import type { SqliteDb } from '../open.js';
import { statement } from '../statements.js';
import { paperInputOf, recordReading, storedImagePath } from './pages.js';
import type { ReaderPool } from './pool.js';

/** One page for the reader: the stored image and the paper it should be. */
export interface ReadJob {
  pageId: number;
  /** The stored image (`<congress>.scans/<sha256>.<jpg|png>`). */
  file: string;
  paper: PaperInput;
}

/** What reads a page: the worker pool in the app, anything with the same answer in a test. */
export interface PageReader {
  read(job: ReadJob): Promise<PageOutcome>;
}

/** Set by the dispatcher (db/dispatch.ts) before any file is opened. */
export interface ScanHooks {
  /** Announces a reading landed (the window's queries and the board listen). */
  announce?: (events: ChangeEvent[]) => void;
  /** Null or absent: no reader in this backend; pages stay `reading` until one is given. */
  reader?: PageReader | null;
}

export class ScanQueue {
  /**
   * The scanner-folder files received while this file is open (db/scan/inbox.ts `receivedKey`),
   * left out of the next look at the folder. In memory only: after a restart a file offered
   * again is received again and its pages skipped by their hash (`scan.duplicate_image`).
   */
  readonly receivedFiles = new Set<string>();
  private readonly inFlight = new Set<number>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly hooks: ScanHooks) {}

  /** Whether the reader has the page now. */
  isReading(pageId: number): boolean {
    return this.inFlight.has(pageId);
  }

  /** Hands every page of the round that has no reading, and is not with the reader, to the reader. */
  pump(db: SqliteDb, congressPath: string, roundId: number): void {
    const reader = this.hooks.reader;
    if (!reader || this.closed || !db.open) return;
    const unread = statement(
      db,
      `SELECT p.id, p.stored_name AS storedName FROM scan_pages p
         WHERE p.round_id = ? AND NOT EXISTS (SELECT 1 FROM scan_readings r WHERE r.page_id = p.id)
         ORDER BY p.seq`,
    ).all(roundId) as { id: number; storedName: string }[];
    const todo = unread.filter((p) => !this.inFlight.has(p.id));
    if (todo.length === 0) return;
    const paper = paperInputOf(db, roundId);
    if (!paper) return;
    for (const page of todo) {
      this.inFlight.add(page.id);
      const job: ReadJob = { pageId: page.id, file: storedImagePath(congressPath, page.storedName), paper };
      const run = reader
        .read(job)
        .catch((err: unknown): PageOutcome => {
          // A reader that failed on the page (a worker that died on it) must not leave it
          // `reading` for ever, holding the round open: the person sees it refused, with why.
          return { ok: false, refusal: 'scan.unreadable_image', params: { detail: String(err) } };
        })
        .then((outcome) => this.land(db, page.id, paper, outcome))
        .finally(() => {
          this.inFlight.delete(page.id);
          this.running.delete(run);
        });
      this.running.add(run);
    }
  }

  /** The reading kept, between calls (never inside another call's transaction), and announced. */
  private async land(db: SqliteDb, pageId: number, paper: PaperInput, outcome: PageOutcome): Promise<void> {
    while (!this.closed && db.open && db.inTransaction) await new Promise((r) => setImmediate(r));
    if (this.closed || !db.open) return;
    recordReading(db, pageId, outcome, new Date().toISOString());
    this.hooks.announce?.([{ topic: 'scan', roundId: paper.roundId, contestId: paper.contestId }]);
  }

  /** Resolves once every page handed to the reader so far has its answer kept (tests, closing). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** The file is closed: answers still coming are dropped (they belong to a connection gone). */
  close(): void {
    this.closed = true;
  }
}

/**
 * The worker pool (db/scan/pool.ts) as a `PageReader`, started on the first page (a backend that
 * never sees a scan starts no thread). The pool outlives the files opened in it, so each read is
 * given a number of its own: an answer for a file since closed cannot pass for a page of the
 * next one with the same id.
 */
export function poolReader(start: () => ReaderPool): PageReader & { close(): Promise<void> } {
  let pool: ReaderPool | null = null;
  let next = 1;
  const waiting = new Map<number, (outcome: PageOutcome) => void>();
  return {
    read(job) {
      if (!pool) {
        pool = start();
        pool.onResult((token, outcome) => {
          waiting.get(token)?.(outcome);
          waiting.delete(token);
        });
      }
      const token = next++;
      const { paper } = job;
      return new Promise((resolve) => {
        waiting.set(token, resolve);
        pool!.submit({
          pageId: token,
          imagePath: job.file,
          expected: {
            code: {
              congressUid: paper.congressUid,
              contestId: paper.contestId,
              roundId: paper.roundId,
              layoutVersion: LAYOUT_VERSION,
            },
            layout: ballotLayout(paper),
          },
        });
      });
    },
    async close() {
      waiting.clear();
      await pool?.close();
      pool = null;
    },
  };
}
