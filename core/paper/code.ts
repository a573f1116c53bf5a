/**
 * The text of a ballot paper's QR code: which congress, contest and round the paper belongs to and
 * the layout version it was printed with. It is the same on every paper of a round and carries
 * no serial (no paper can be tied to the voter who cast it). A reader refuses a page whose code
 * names another congress, contest or round, naming what the code says.
 */
import { LAYOUT_VERSION } from './layout.js';

export interface PaperCode {
  congressUid: string;
  contestId: number;
  roundId: number;
  layoutVersion: number;
}

const PREFIX = 'CDBALLOT';

/** `CDBALLOT/1/<congress uid>/<contest>/<round>`: short, so the QR stays large-moduled and reads from a poor scan. */
export function paperCodeText(code: Omit<PaperCode, 'layoutVersion'> & { layoutVersion?: number }): string {
  return [PREFIX, code.layoutVersion ?? LAYOUT_VERSION, code.congressUid, code.contestId, code.roundId].join('/');
}

/** The code's fields, or null for a QR code that is not a Congress Desk ballot's (a badge's, a form's). */
export function parsePaperCode(text: string): PaperCode | null {
  const m = /^CDBALLOT\/(\d{1,4})\/([A-Za-z0-9-]{1,64})\/(\d{1,9})\/(\d{1,9})$/.exec(text.trim());
  if (!m) return null;
  const [, version, uid, contest, round] = m;
  return { layoutVersion: Number(version), congressUid: uid ?? '', contestId: Number(contest), roundId: Number(round) };
}

/** Why a page's code does not belong to the round being counted, or null when it does. */
export function codeMismatch(read: PaperCode, expected: PaperCode): 'congress' | 'contest' | 'round' | 'layout' | null {
  if (read.congressUid !== expected.congressUid) return 'congress';
  if (read.contestId !== expected.contestId) return 'contest';
  if (read.roundId !== expected.roundId) return 'round';
  if (read.layoutVersion !== expected.layoutVersion) return 'layout';
  return null;
}
