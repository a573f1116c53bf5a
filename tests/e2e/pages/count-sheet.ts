/**
 * The count sheet as a counter keys a paper ballot: one key per mark on the cursor row (o ○,
 * x ×, space for no mark), `w` for a written-in name, Enter to commit, `s` to set a paper aside.
 */
import { expect } from '../fixtures.js';
import { Parts } from './parts.js';

const KEY = { o: 'o', x: 'x', '-': ' ' } as const;

/** A paper as the tests write it: one character per candidate in paper order (o ○, x ×, - no mark). */
export interface SheetPaper {
  marks: string;
  /** A written-in name, marked ○ as it is typed. */
  writeIn?: string;
  setAside?: boolean;
}

export class CountSheet extends Parts({ sheet: 'ballot-sheet', last: 'count-last', writeIn: 'writein-name' }) {
  /** Opens the sheet of a round in this window. */
  async open(host: { url: string }, roundId: number): Promise<void> {
    await this.page.goto(`${host.url}#/count?round=${roundId}`);
    await expect(this.sheet).toBeVisible();
  }

  /** Keys the marks of a paper (`'o o x'` or `'oox'`; spaces between marks are ignored), no commit. */
  async key(marks: string): Promise<void> {
    // One call for the paper's keys (each still its own keydown and keyup, as a counter types them).
    await this.page.keyboard.type([...marks.replaceAll(' ', '')].map((m) => KEY[m as keyof typeof KEY]).join(''));
  }

  /** Keys a paper and commits it (Enter; Enter in the write-in field; `s` to set it aside). */
  async enter(paper: SheetPaper | string): Promise<void> {
    const p = typeof paper === 'string' ? { marks: paper } : paper;
    await this.key(p.marks);
    if (p.writeIn) {
      await this.page.keyboard.press('w');
      await this.writeIn.fill(p.writeIn);
      await this.writeIn.press('Enter');
      return;
    }
    await this.page.keyboard.press(p.setAside ? 's' : 'Enter');
  }

  /** Keys one stack of a double-entry round as its first or second entry. */
  async keyStack(entry: '1' | '2', papers: readonly string[]): Promise<void> {
    await this.page
      .getByTestId('count-entry')
      .getByText(entry === '1' ? '第一次' : '第二次')
      .click();
    for (const marks of papers) await this.enter(marks);
  }
}

/**
 * A round's papers on its count page: the papers tab beside the sheet while counting, the list
 * under the result once the round is closed (issue 15), and one paper opened from it.
 */
export class CountPapers extends Parts({
  result: 'count-result',
  list: 'count-papers',
  papers: 'count-paper',
  paperView: 'paper-view',
  tab: 'count-tab-papers',
}) {
  /** The paper numbered `no` (its place in the stack), live or withdrawn. */
  paper(no: number) {
    return this.page.locator(`[data-testid="count-paper"][data-no="${no}"]`);
  }
}
