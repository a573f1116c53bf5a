/**
 * How a paper is named on screen (issue 15 item 7): by its place in the stack, the number the
 * backend gives (`ballot.no`), never by its record's `seq` — after one correction that said
 * paper 111 of 110 collected. A correction is the same paper, a later version.
 */
import type { Translate } from '../../app/language.js';
import type { Ballot } from './types.js';

type Named = Pick<Ballot, 'no' | 'version' | 'stack' | 'entry' | 'seq'>;

/** The number in a list's first column: `37`, in double entry `stack-entry-place`; a voided paper has none. */
export const paperNo = (b: Named): string =>
  b.no === null ? '—' : b.stack !== null ? `${b.stack}-${b.entry}-${b.no}` : String(b.no);

/** 「第 37 张(更正 1 次)」, for sentences and titles. */
export function paperLabel(t: Translate, b: Named): string {
  if (b.no === null) return t('count.paper.voided', { seq: b.seq });
  if (b.stack !== null) {
    const entry = t(b.entry === 2 ? 'count.entry.second' : 'count.entry.first');
    return t('count.paper.stack', { stack: b.stack, entry, n: b.no });
  }
  return b.version > 0 ? t('count.paper.corrected', { n: b.no, v: b.version }) : t('count.paper', { n: b.no });
}
