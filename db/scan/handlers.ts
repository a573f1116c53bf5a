/**
 * Scanned ballot pages (issue 13 item 5, the store side): received from files or bytes, stored by
 * hash beside the congress, read off the store's thread (db/scan/queue.ts), listed with their
 * readings for the counting screen, and shown scaled. A person confirms a page through
 * `ballots.enter` with `pageId` (db/count/ballots.ts), never here.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { ScanPage } from '../../core/model/scan.js';
import { andThen, at, ok, type Result, refuse } from '../../core/result.js';
import { requireCountingRound } from '../count/ballots.js';
import type { RoundContext } from '../count/round-rows.js';
import { requireRound } from '../count/round-rows.js';
import { done, type In, type QueryCall, query, unchanged, type Written, within } from '../handler-types.js';
import type { SqliteDb } from '../open.js';
import { inbox as folderInbox, receivedKeyOf } from './inbox.js';
import { type IntakePage, type IntakeSkip, pagesOfFile } from './intake.js';
import {
  findPage,
  insertPage,
  pageNotFound,
  pageOf,
  pageWithHash,
  roundPages,
  storedImagePath,
  storeImage,
} from './pages.js';

/** Pages read from the files (or bytes) and put in place by hash, before the transaction. */
interface Received {
  pages: IntakePage[];
  skipped: IntakeSkip[];
  /** The files read, as the scanner's folder knows them (path, size, time), to leave out of its next look. */
  files?: string[];
}

/** What the write noted: the round's contest (the change topic), the pages it added. */
interface ScanNote {
  contestId: number;
}

const noteOf = (ctx: RoundContext): ScanNote => ({ contestId: ctx.contest.id });

/**
 * Each page's image written beside the congress before its row commits (a leftover without a
 * row is harmless: the same bytes get the same name and are reused). A page that cannot be
 * stored is a skip like an unreadable one.
 */
function storeAll(call: QueryCall, received: Received): Received {
  const pages: IntakePage[] = [];
  const skipped = [...received.skipped];
  for (const page of received.pages) {
    const stored = storeImage(call.path, page);
    if (stored.ok) pages.push(page);
    else skipped.push({ name: page.name, code: stored.error.reason ?? 'scan.image_unwritable', params: {} });
  }
  return { pages, skipped, ...(received.files ? { files: received.files } : {}) };
}

/** The round accepts pages while its ballots may be entered (as `ballots.enter` requires). */
const countingRound = (input: { roundId: number }, db: SqliteDb) => requireCountingRound(db, input.roundId);

/**
 * The rows of the pages received, in the transaction: a page whose image is already received
 * (this round or another) is a skip naming the earlier page (「A page read twice (same image
 * hash) is refused」), the rest are received.
 */
function receive(
  ctx: RoundContext,
  input: { roundId: number; source: ScanPage['source'] },
  call: { db: SqliteDb; operator: string; now: string },
  received: Received,
) {
  const { db } = call;
  const added: ScanPage[] = [];
  const skipped = [...received.skipped];
  for (const page of received.pages) {
    const earlier = pageWithHash(db, page.sha256);
    if (earlier) {
      skipped.push({
        name: page.name,
        code: 'scan.duplicate_image',
        params: { name: page.name, seq: earlier.seq, earlier: earlier.sourceName },
      });
      continue;
    }
    const record = insertPage(db, {
      roundId: ctx.round.id,
      source: input.source,
      sourceName: page.name,
      sha256: page.sha256,
      storedName: `${page.sha256}.${page.ext}`,
      receivedAt: call.now,
      receivedBy: call.operator,
    });
    added.push(pageOf(db, record));
  }
  const output = { added, skipped };
  // Nothing received: no row, no audit line (the skips say why).
  return added.length === 0 ? unchanged(output) : done(output, noteOf(ctx));
}

/** The audit row names each page received and each skip, not the bytes. */
const auditOf = (
  input: { roundId: number; source: string; paths?: string[]; name?: string },
  output: { added: ScanPage[]; skipped: IntakeSkip[] },
) => ({
  roundId: input.roundId,
  source: input.source,
  ...(input.paths ? { paths: input.paths } : { name: input.name }),
  pages: output.added.map((p) => ({ id: p.id, seq: p.seq, name: p.sourceName, sha256: p.sha256 })),
  skipped: output.skipped.map((s) => ({ name: s.name, code: s.code })),
});

const scanChanged = (roundId: number, written: Written<ScanNote, unknown>) => [
  { topic: 'scan' as const, roundId, contestId: written.note.contestId },
];

/** Said before the files are read: a round that takes no pages reads none. */
const roundTakesPages = (input: { roundId: number }, { db }: QueryCall): Result<unknown> => countingRound(input, db);

export const addFiles = within<'scan.addFiles', RoundContext, Received, ScanNote>(countingRound, {
  precheck: roundTakesPages,
  async prepare(input, call) {
    const open = roundTakesPages(input, call);
    if (!open.ok) return open;
    const received: Received = { pages: [], skipped: [], files: [] };
    for (const file of input.paths) {
      const name = path.basename(file);
      const key = receivedKeyOf(file);
      if (key !== null) received.files!.push(key);
      let bytes: Buffer;
      try {
        bytes = await fs.promises.readFile(file);
      } catch {
        received.skipped.push({ name, code: 'scan.unreadable_file', params: { name } });
        continue;
      }
      const pages = await pagesOfFile(bytes, name);
      received.pages.push(...pages.pages);
      received.skipped.push(...pages.skipped);
    }
    return ok(storeAll(call, received));
  },
  run(ctx, input, call, received) {
    // Each file is dealt with once, received or skipped: the folder's next look leaves it out.
    for (const key of received.files ?? []) call.caches.scans.receivedFiles.add(key);
    return receive(ctx, input, call, received);
  },
  audit: (input, output) => auditOf(input, output),
  changes: (input, _output, written) => scanChanged(input.roundId, written),
});

export const addImage = within<'scan.addImage', RoundContext, Received, ScanNote>(countingRound, {
  precheck: roundTakesPages,
  async prepare(input, call) {
    const open = roundTakesPages(input, call);
    if (!open.ok) return open;
    const bytes = Buffer.from(input.data, 'base64');
    return ok(storeAll(call, await pagesOfFile(bytes, input.name)));
  },
  run: (ctx, input, call, received) => receive(ctx, input, call, received),
  audit: (input, output) => auditOf(input, output),
  changes: (input, _output, written) => scanChanged(input.roundId, written),
});

export const pages = query<'scan.pages'>((input, { db, path: congressPath, caches }) =>
  andThen(requireRound(db, input.roundId), () => {
    // A page left unread (the reader was stopped by a restart) is read again now.
    caches.scans.pump(db, congressPath, input.roundId);
    return ok(roundPages(db, input.roundId).map((record) => pageOf(db, record)));
  }),
);

/** The stored image for the screen, as JPEG, at most `maxWidth` wide; `scale` maps stored px to these. */
export const image = query<'scan.image'>(async (input: In<'scan.image'>, { db, path: congressPath }) => {
  const page = findPage(db, input.pageId);
  if (!page) return pageNotFound(input.pageId);
  const file = storedImagePath(congressPath, page.storedName);
  try {
    const stored = await sharp(file).metadata();
    const width = stored.width ?? 0;
    const scale = width > input.maxWidth ? input.maxWidth / width : 1;
    const { data, info } = await sharp(file)
      .resize({ width: Math.max(1, Math.round(width * scale)) })
      .jpeg({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    return ok({ base64: data.toString('base64'), width: info.width, height: info.height, scale: info.width / width });
  } catch {
    return refuse('file_io', 'scan.image_missing', { name: page.storedName }, at('pageId', page.id));
  }
});

/**
 * The files in the scanner's folder not yet received and no longer growing (db/scan/inbox.ts),
 * oldest first.
 */
export const inbox = query<'scan.inbox'>((input, { db, caches }) =>
  andThen(requireRound(db, input.roundId), () =>
    ok({
      files: folderInbox(input.folder, caches.scans.receivedFiles).map((f) => ({
        path: f.path,
        name: f.name,
        size: f.size,
      })),
    }),
  ),
);
