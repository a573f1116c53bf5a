/**
 * A stand-in for db/scan/read.ts in the pool's own tests, which are about threads (order, off the
 * store's thread, restart), not marks: it decodes the image with sharp as the reader does, spends
 * some synchronous CPU on it as a real read does, and answers with the page's code. Images whose
 * names say so make the thread die (`die-once-…`, `die-always-…`) or hang (`hang-…`).
 */

import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import sharp from 'sharp';
import type { PageOutcome } from '../../core/paper/reading.js';
import type { ReadJob } from '../../db/scan/pool.js';

export async function readPage(
  bytes: Uint8Array,
  expected: ReadJob['expected'],
  { imagePath }: { imagePath: string },
): Promise<PageOutcome> {
  const name = path.basename(imagePath);
  if (name.startsWith('die-always-')) process.exit(3);
  if (name.startsWith('die-once-')) {
    const mark = `${imagePath}.died`;
    if (!existsSync(mark)) {
      writeFileSync(mark, String(threadId));
      process.exit(3);
    }
  }
  if (name.startsWith('hang-')) for (;;);
  const { info } = await sharp(bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
  // synchronous work, as OpenCV's is: a thread doing it in the store would stop the store's timers
  let digest: Uint8Array = bytes;
  for (let i = 0; i < 150; i++) digest = createHash('sha256').update(digest).update(bytes).digest();
  return {
    ok: true,
    reading: {
      code: expected.code,
      rotation: 0,
      marks: [],
      writeIns: [],
      transform: [1, 0, 0, 0, 1, 0, 0, 0, 1],
      width: info.width,
      height: info.height,
    },
  };
}
