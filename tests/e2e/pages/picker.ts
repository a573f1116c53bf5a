/**
 * The browser's picker of the places (renderer/components/PlacePicker.tsx), as a clerk uses it:
 * 「浏览…」 opens it, a place and its folders are opened one by one, a file or the folder is chosen.
 */
import path from 'node:path';
import { expect } from '../fixtures.js';
import { Parts } from './parts.js';

export class PlacePicker extends Parts({
  root: 'place-picker',
  list: 'picker-list',
  up: 'picker-up',
  name: 'picker-name',
  target: 'picker-target',
  ok: 'picker-ok',
  cancel: 'picker-cancel',
  error: 'picker-error',
}) {
  /** An entry of the folder shown, by its name (a place's name is its full path). */
  entry(name: string) {
    return this.root.locator(`[data-testid="picker-entry"][data-name="${name}"]`);
  }

  /** The names shown, in order. */
  async names(): Promise<string[]> {
    return this.root
      .getByTestId('picker-entry')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name') ?? ''));
  }

  /** Opens a folder shown (a double click) and waits until the picker lists it. */
  async into(name: string): Promise<void> {
    const from = (await this.root.getAttribute('data-dir')) ?? '';
    await this.entry(name).dblclick();
    await expect(this.root).toHaveAttribute('data-dir', path.join(from, name));
  }

  /** From the places: the place `place` (its full path), then each folder in turn. */
  async walk(place: string, ...folders: string[]): Promise<void> {
    await expect(this.root).toHaveAttribute('data-dir', '');
    await this.entry(place).dblclick();
    await expect(this.root).toHaveAttribute('data-dir', place);
    for (const folder of folders) await this.into(folder);
  }

  /** Presses the picker's OK (打开 / 保存到此处 / 选择此文件夹); it closes. */
  async choose(): Promise<void> {
    await this.ok.click();
    await expect(this.root).toBeHidden();
  }
}
