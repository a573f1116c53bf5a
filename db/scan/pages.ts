/**
 * Scanned ballot pages as rows (issue 13): a page received for a round (`scan_pages`, audited,
 * append-only), what the reader made of it (`scan_readings`, derived data outside the audit
 * replay) and the ballot a person confirmed from it (`ballots.page_id`). The image itself lies
 * beside the congress file, named by its hash: `<congress>.scans/<sha256>.<jpg|png>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ScanPage, ScanSource } from '../../core/model/scan.js';
import { pageReading } from '../../core/model/scan.js';
import { paperInputOf as paperOf } from '../../core/paper/input.js';
import type { PaperInput } from '../../core/paper/layout.js';
import { PAGE_REFUSALS, type PageOutcome, type PageRefusal } from '../../core/paper/reading.js';
import { at, ok, type Result, refuse } from '../../core/result.js';
import { readCongress } from '../congress/records.js';
import { findContest } from '../count/contest-rows.js';
import { findRound, roundCandidates } from '../count/round-rows.js';
import type { SqliteDb } from '../open.js';
import { statement } from '../statements.js';
import type { IntakePage } from './intake.js';

/** The folder the images of a congress are kept in: beside the file, so a copy of both is the whole record. */
export const scansFolder = (congressPath: string) => `${congressPath}.scans`;

export const storedImagePath = (congressPath: string, storedName: string) =>
  path.join(scansFolder(congressPath), storedName);

/**
 * Puts a page's image in place by its hash, before the row that names it commits: a crash in
 * between leaves a file no row names, which is harmless and is reused (same bytes, same name)
 * when the page is received again. Written to a temporary name and renamed, so a file under the
 * hash's name is always the whole image.
 */
export function storeImage(congressPath: string, page: IntakePage): Result<string> {
  const storedName = `${page.sha256}.${page.ext}`;
  const folder = scansFolder(congressPath);
  const target = path.join(folder, storedName);
  try {
    fs.mkdirSync(folder, { recursive: true });
    if (fs.existsSync(target) && fs.statSync(target).size === page.bytes.length) return ok(storedName);
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, page.bytes);
    fs.renameSync(temp, target);
    return ok(storedName);
  } catch (err) {
    return refuse(
      'file_io',
      'scan.image_unwritable',
      { folder, detail: (err as Error).message },
      { field: 'paths', value: page.name },
    );
  }
}

interface PageRow {
  id: number;
  round_id: number;
  seq: number;
  source: ScanSource;
  source_name: string;
  sha256: string;
  stored_name: string;
  received_at: string;
  received_by: string;
}

export interface PageRecord {
  id: number;
  roundId: number;
  seq: number;
  source: ScanSource;
  sourceName: string;
  sha256: string;
  storedName: string;
  receivedAt: string;
  receivedBy: string;
}

const recordOf = (r: PageRow): PageRecord => ({
  id: r.id,
  roundId: r.round_id,
  seq: r.seq,
  source: r.source,
  sourceName: r.source_name,
  sha256: r.sha256,
  storedName: r.stored_name,
  receivedAt: r.received_at,
  receivedBy: r.received_by,
});

export function findPage(db: SqliteDb, id: number): PageRecord | undefined {
  const row = statement(db, 'SELECT * FROM scan_pages WHERE id = ?').get(id) as PageRow | undefined;
  return row && recordOf(row);
}

export function pageWithHash(db: SqliteDb, sha256: string): PageRecord | undefined {
  const row = statement(db, 'SELECT * FROM scan_pages WHERE sha256 = ?').get(sha256) as PageRow | undefined;
  return row && recordOf(row);
}

export const pageNotFound = (pageId: number) =>
  refuse('not_found', 'scan.page_not_found', { id: pageId }, at('pageId', pageId));

export interface NewPage {
  roundId: number;
  source: ScanSource;
  sourceName: string;
  sha256: string;
  storedName: string;
  receivedAt: string;
  receivedBy: string;
}

export function insertPage(db: SqliteDb, page: NewPage): PageRecord {
  const seq = statement(db, 'SELECT coalesce(max(seq), 0) + 1 FROM scan_pages WHERE round_id = ?')
    .pluck()
    .get(page.roundId) as number;
  const info = statement(
    db,
    `INSERT INTO scan_pages (round_id, seq, source, source_name, sha256, stored_name, received_at, received_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    page.roundId,
    seq,
    page.source,
    page.sourceName,
    page.sha256,
    page.storedName,
    page.receivedAt,
    page.receivedBy,
  );
  return findPage(db, Number(info.lastInsertRowid))!;
}

/** The reader's answer, as stored: null while the page is being read (or a stored answer is not one). */
export function readingOf(db: SqliteDb, pageId: number): PageOutcome | null {
  const text = statement(db, 'SELECT outcome FROM scan_readings WHERE page_id = ?').pluck().get(pageId) as
    | string
    | undefined;
  return text === undefined ? null : parseOutcome(text);
}

const refusalCodes: readonly string[] = PAGE_REFUSALS;

function parseOutcome(text: string): PageOutcome | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const o = value as { ok?: unknown; reading?: unknown; refusal?: unknown; params?: unknown };
  if (o.ok === true) {
    const reading = pageReading.safeParse(o.reading);
    return reading.success ? { ok: true, reading: reading.data } : null;
  }
  if (o.ok === false && typeof o.refusal === 'string' && refusalCodes.includes(o.refusal)) {
    const params = (o.params && typeof o.params === 'object' ? o.params : {}) as Record<string, string | number>;
    return { ok: false, refusal: o.refusal as PageRefusal, params };
  }
  return null;
}

/**
 * The reader's answer for a page, kept (derived data: recomputable from the image, so written
 * outside any call and outside the audit replay). A later reading of the same page replaces it.
 */
export function recordReading(db: SqliteDb, pageId: number, outcome: PageOutcome, readAt: string): void {
  statement(
    db,
    `INSERT INTO scan_readings (page_id, outcome, read_at) VALUES (?, ?, ?)
       ON CONFLICT (page_id) DO UPDATE SET outcome = excluded.outcome, read_at = excluded.read_at`,
  ).run(pageId, JSON.stringify(outcome), readAt);
}

/** The latest version of the ballot confirmed from the page, if any. */
export function ballotOfPage(db: SqliteDb, pageId: number): number | null {
  return (statement(db, 'SELECT max(id) FROM ballots WHERE page_id = ?').pluck().get(pageId) as number | null) ?? null;
}

/** A page as the screen sees it: its row, its status, the reading or why it was refused, its ballot. */
export function pageOf(db: SqliteDb, record: PageRecord): ScanPage {
  const outcome = readingOf(db, record.id);
  const ballotId = ballotOfPage(db, record.id);
  const status: ScanPage['status'] =
    ballotId !== null ? 'confirmed' : outcome === null ? 'reading' : outcome.ok ? 'read' : 'refused';
  return {
    id: record.id,
    roundId: record.roundId,
    seq: record.seq,
    source: record.source,
    sourceName: record.sourceName,
    sha256: record.sha256,
    status,
    reading: outcome?.ok ? outcome.reading : null,
    refusal: outcome && !outcome.ok ? namedRefusal(db, outcome.refusal, outcome.params) : null,
    ballotId,
    receivedAt: record.receivedAt,
    receivedBy: record.receivedBy,
  };
}

/**
 * The reader knows only the ids its code carries; the screen names rounds as 「党委委员」第 1 轮, so a
 * code naming one of this congress's contests or rounds is told by title and number.
 */
function namedRefusal(
  db: SqliteDb,
  code: PageRefusal,
  params: Record<string, string | number>,
): { code: PageRefusal; params: Record<string, string | number> } {
  const found = params.found;
  if (typeof found !== 'number') return { code, params };
  if (code === 'scan.other_round') {
    const round = findRound(db, found);
    const contest = round && findContest(db, round.contestId);
    if (round && contest) {
      return { code: 'scan.other_round_named', params: { ...params, contest: contest.title, round: round.number } };
    }
  }
  if (code === 'scan.other_contest') {
    const contest = findContest(db, found);
    if (contest) return { code: 'scan.other_contest_named', params: { ...params, contest: contest.title } };
  }
  return { code, params };
}

export function roundPages(db: SqliteDb, roundId: number): PageRecord[] {
  return (statement(db, 'SELECT * FROM scan_pages WHERE round_id = ? ORDER BY seq').all(roundId) as PageRow[]).map(
    recordOf,
  );
}

/**
 * Pages of the round that still wait: being read, or read as a paper of the round and not
 * confirmed. A refused page (another round's paper, a blank back) waits for nothing.
 */
export function waitingPages(db: SqliteDb, roundId: number): number {
  return statement(
    db,
    `SELECT count(*) FROM scan_pages p LEFT JOIN scan_readings r ON r.page_id = p.id
       WHERE p.round_id = ? AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.page_id = p.id)
         AND (r.page_id IS NULL OR json_extract(r.outcome, '$.ok') = 1)`,
  )
    .pluck()
    .get(roundId) as number;
}

/** What the reader compares a page with: the round's paper as printed (core/paper/input.ts, as the print route). */
export function paperInputOf(db: SqliteDb, roundId: number): PaperInput | null {
  const round = findRound(db, roundId);
  if (!round) return null;
  const contest = findContest(db, round.contestId)!;
  return paperOf(readCongress(db), contest, round, roundCandidates(db, round.id));
}

/**
 * The page a person confirms a paper from (`ballots.enter` with `pageId`): of this round, read
 * as a paper of it, not confirmed before. The handler checks inside its transaction, so two
 * stations confirming the same page cannot both commit.
 */
export function pageToConfirm(
  db: SqliteDb,
  pageId: number,
  round: { id: number; number: number; title: string },
): Result<PageRecord> {
  const page = findPage(db, pageId);
  if (!page) return pageNotFound(pageId);
  const field = at('pageId', pageId);
  if (page.roundId !== round.id) {
    const theirs = findRound(db, page.roundId)!;
    const contest = findContest(db, theirs.contestId)!;
    return refuse(
      'conflict',
      'scan.page_other_round',
      { seq: page.seq, contest: contest.title, round: theirs.number },
      field,
    );
  }
  if (ballotOfPage(db, page.id) !== null) return refuse('conflict', 'scan.page_confirmed', { seq: page.seq }, field);
  const outcome = readingOf(db, page.id);
  if (outcome === null) return refuse('conflict', 'scan.page_reading', { seq: page.seq }, field);
  if (!outcome.ok) return refuse('conflict', 'scan.page_refused', { seq: page.seq }, field);
  return ok(page);
}
