/**
 * Scanned ballots (issue 13): pages come in from the scanner's folder, picked or dropped files
 * (JPEG, PNG, multi-page PDF and TIFF) or the document camera; the store reads them off the
 * window (a worker) and a person confirms each through `ballots.enter` with `pageId`, which
 * records the page's source and image hash on the ballot. Counters and scrutineers handle pages,
 * as they key ballots.
 */
import { z } from 'zod';
import { base64, filePath, id } from '../model/fields.js';
import { scanAdded, scanPage } from '../model/scan.js';
import { C, J, ROLES, type Section, Z } from './spec.js';

/** A 300 dpi colour A4 JPEG is 1–3 MB; a camera frame less. */
const IMAGE_BYTES = 24 * 1024 * 1024;

export const scanCalls = {
  /** The round's pages in arrival order, with each reading once the reader has one. */
  'scan.pages': { write: false, roles: ROLES, input: z.object({ roundId: id }).strict(), output: z.array(scanPage) },
  /**
   * A page's stored image for the screen, as JPEG, scaled to at most `maxWidth` pixels wide
   * (the reading's `transform` is for the stored image: scale it by `scale`).
   */
  'scan.image': {
    write: false,
    roles: ROLES,
    input: z.object({ pageId: id, maxWidth: z.number().int().min(100).max(4000) }).strict(),
    output: z.object({ base64: z.string(), width: z.number().int(), height: z.number().int(), scale: z.number() }),
  },
  /**
   * The files in the scanner's folder not yet received for this round, oldest first, and only
   * those whose size has stopped changing (a scanner writes a page over a second or two).
   */
  'scan.inbox': {
    write: false,
    roles: [C, J, Z],
    input: z.object({ roundId: id, folder: filePath }).strict(),
    output: z.object({ files: z.array(z.object({ path: z.string(), name: z.string(), size: z.number().int() })) }),
  },
  /** Files from the scanner's folder or picked: each page received and queued for reading. */
  'scan.addFiles': {
    write: true,
    roles: [C, J, Z],
    input: z
      .object({
        roundId: id,
        source: z.enum(['folder', 'file']),
        paths: z.array(filePath).min(1).max(500),
      })
      .strict(),
    output: scanAdded,
  },
  /** One image given as bytes: a dropped file in the browser, or a frame of the document camera. */
  'scan.addImage': {
    write: true,
    roles: [C, J, Z],
    input: z
      .object({
        roundId: id,
        source: z.enum(['drop', 'camera']),
        name: z.string().trim().min(1).max(200),
        data: base64(IMAGE_BYTES),
      })
      .strict(),
    output: scanAdded,
  },
} as const satisfies Section;
