/**
 * Scanned ballot pages (issue 13): each page received for a round, read by the reader, and
 * confirmed by a person into a ballot through `ballots.enter`. A page is known by its image's
 * SHA-256: the same image twice is refused (`scan.duplicate_image`).
 */
import { z } from 'zod';
import { BOX_READINGS, PAGE_REFUSALS, UNCERTAIN_WHY } from '../paper/reading.js';
import { id } from './fields.js';

export const SCAN_SOURCES = ['folder', 'file', 'drop', 'camera'] as const;
export type ScanSource = (typeof SCAN_SOURCES)[number];

/**
 * reading: received, the reader has not finished; read: a reading waits for a person;
 * refused: not a paper of this round (the refusal says why), nothing to confirm;
 * confirmed: committed as the ballot `ballotId` (set aside when the person sent it to the scrutineers).
 */
export const SCAN_PAGE_STATES = ['reading', 'read', 'refused', 'confirmed'] as const;

const boxRead = z.object({
  read: z.enum(BOX_READINGS),
  why: z.enum(UNCERTAIN_WHY).nullable(),
  ink: z.number(),
});

export const pageReading = z.object({
  code: z.object({
    congressUid: z.string(),
    contestId: z.number().int(),
    roundId: z.number().int(),
    layoutVersion: z.number().int(),
  }),
  rotation: z.number(),
  marks: z.array(boxRead),
  writeIns: z.array(z.object({ mark: boxRead, nameInk: z.boolean() })),
  transform: z.array(z.number()).length(9),
  width: z.number().int(),
  height: z.number().int(),
});

export const scanPage = z.object({
  id,
  roundId: id,
  /** 1, 2, … in the order pages arrived for this round: what the screen and the audit log call it. */
  seq: z.number().int(),
  source: z.enum(SCAN_SOURCES),
  /** The file's name, with the page number of a multi-page PDF or TIFF (`stack-3.pdf p.2`). */
  sourceName: z.string(),
  sha256: z.string(),
  status: z.enum(SCAN_PAGE_STATES),
  reading: pageReading.nullable(),
  refusal: z
    .object({ code: z.enum(PAGE_REFUSALS), params: z.record(z.string(), z.union([z.string(), z.number()])) })
    .nullable(),
  ballotId: id.nullable(),
  receivedAt: z.string(),
  receivedBy: z.string(),
});
export type ScanPage = z.infer<typeof scanPage>;

/** A file or page not received, and why (`scan.duplicate_image`, `scan.unreadable_file`, …). */
export const scanSkip = z.object({
  name: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const scanAdded = z.object({ added: z.array(scanPage), skipped: z.array(scanSkip) });
