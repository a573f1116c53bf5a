/**
 * The scan screen (`#/scan?round=ID`, issue 13) as a counter uses it: the scanner's folder picked
 * and watched, files dropped, the queue of pages, and the page open confirmed with the count
 * screen's keys — a doubtful box decided, a box corrected, a 另选他人 name typed from its crop.
 */
import type { Page } from '@playwright/test';
import type { PaperMark } from '../../../core/election-types.js';
import { expect } from '../fixtures.js';
import { Parts } from './parts.js';
import { PlacePicker } from './picker.js';

export class ScanScreen extends Parts({
  root: 'scan-page-screen',
  confirmArea: 'scan-confirm',
  confirmed: 'scan-confirmed',
  watching: 'scan-watching',
  queue: 'scan-queue',
  left: 'scan-left',
  undecided: 'scan-undecided',
  validity: 'validity-line',
  error: 'scan-error',
  image: 'scan-page-image',
  setAsideButton: 'scan-confirm-set-aside',
  enterButton: 'scan-confirm-enter',
  cameraStart: 'scan-camera-start',
  cameraTake: 'scan-camera-take',
  cameraTaken: 'scan-camera-taken',
}) {
  /** Opens the scan screen of a round in this window. */
  async open(host: { url: string }, roundId: number): Promise<void> {
    await this.page.goto(`${host.url}#/scan?round=${roundId}`);
    await expect(this.root).toBeVisible();
  }

  /** Picks the scanner's folder `place`/`folders…` in the picker and waits until it is watched. */
  async watchFolder(place: string, ...folders: string[]): Promise<void> {
    await this.page.getByTestId('scan-folder-pick').click();
    const picker = new PlacePicker(this.page);
    await picker.walk(place, ...folders);
    await picker.choose();
    await expect(this.watching).toBeVisible();
  }

  /** Drops files on the screen as a person drags them from the file manager. */
  async drop(files: { name: string; bytes: Buffer; type?: string }[]): Promise<void> {
    const payload = files.map((f) => ({
      name: f.name,
      data: f.bytes.toString('base64'),
      type: f.type ?? mimeOf(f.name),
    }));
    const transfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) {
        const bin = atob(f.data);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        dt.items.add(new File([bytes], f.name, { type: f.type }));
      }
      return dt;
    }, payload);
    await this.root.dispatchEvent('dragover', { dataTransfer: transfer });
    await this.root.dispatchEvent('drop', { dataTransfer: transfer });
  }

  /** A page of the queue by its number in the round (1, 2, … in arrival order). */
  pageItem(seq: number) {
    return this.page.locator(`[data-testid="scan-page"][data-seq="${seq}"]`);
  }

  /** The notice of a file or page not received (a duplicate, an unreadable file), by the file's name. */
  skip(name: string) {
    return this.page.locator('[data-testid="scan-notice"]').filter({ hasText: name }).first();
  }

  /** The id of the page open for confirming (waits until one is open). */
  async openedPageId(): Promise<number> {
    await expect(this.confirmArea).toBeVisible({ timeout: 60_000 });
    return Number(await this.confirmArea.getAttribute('data-page'));
  }

  /** Candidate `index`'s row (0-based, paper order). */
  row(index: number) {
    return this.page.locator(`[data-testid="scan-row"][data-index="${index}"]`);
  }

  /** A 另选他人 line with ink, by its line number on the paper (0-based). */
  line(index: number) {
    return this.page.locator(`[data-testid="scan-line"][data-index="${index}"]`);
  }

  /** Keys `mark` on candidate `index`'s box with the count screen's keys: the row's number moves there, then o / x / space. */
  async setMark(index: number, mark: PaperMark): Promise<void> {
    await this.row(index).click();
    await expect(this.confirmArea).toHaveAttribute('data-cursor', String(index));
    await this.page.keyboard.press(mark === 'circle' ? 'o' : mark === 'cross' ? 'x' : ' ');
    await expect(this.row(index)).toHaveAttribute('data-mark', mark);
  }

  /** Decides a box the reader left to a person (the same keys). */
  async decide(index: number, mark: PaperMark): Promise<void> {
    await expect(this.row(index)).toHaveAttribute('data-mark', 'undecided');
    await this.setMark(index, mark);
  }

  /** The crop of a 另选他人 line's name field, drawn from the page image. */
  writeInCrop(line: number) {
    return this.line(line).getByTestId('scan-line-crop');
  }

  /** Decides the mark box of a 另选他人 line (clicks its mark). */
  async decideWriteIn(line: number, mark: PaperMark): Promise<void> {
    await this.line(line).locator(`[data-testid="scan-mark"][data-mark="${mark}"]`).click();
    await expect(this.line(line)).toHaveAttribute('data-mark', mark);
  }

  /** Types the name written on a 另选他人 line, looking at its crop. */
  async typeWriteIn(line: number, name: string): Promise<void> {
    await this.line(line).getByTestId('scan-line-name').fill(name);
    await this.line(line).getByTestId('scan-line-name').blur();
  }

  /** A line with a stray stroke and no name: Delete on the line clears it. */
  async clearWriteIn(line: number): Promise<void> {
    // On the line's head: a click on its name field would give the field the key.
    await this.line(line).getByTestId('scan-line-head').click();
    await this.page.keyboard.press('Delete');
    await expect(this.line(line)).toHaveAttribute('data-cleared', 'true');
  }

  /** Enter on the page open: it commits and the next page opens (or none is left). */
  async confirm(): Promise<void> {
    const id = await this.openedPageId();
    await this.page.keyboard.press('Enter');
    await expect(this.page.locator(`[data-testid="scan-confirm"][data-page="${id}"]`)).toHaveCount(0);
  }

  /** 「送监票人」: the paper is set aside for the scrutineers. */
  async setAside(): Promise<void> {
    const id = await this.openedPageId();
    await this.setAsideButton.click();
    await expect(this.page.locator(`[data-testid="scan-confirm"][data-page="${id}"]`)).toHaveCount(0);
  }
}

const mimeOf = (name: string): string =>
  /\.png$/i.test(name)
    ? 'image/png'
    : /\.pdf$/i.test(name)
      ? 'application/pdf'
      : /\.tiff?$/i.test(name)
        ? 'image/tiff'
        : 'image/jpeg';

export type { Page };
