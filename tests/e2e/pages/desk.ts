/** The check-in desk as a clerk uses it: a scanner types a badge and Enter; search, undo, leave. */
import type { Page } from '@playwright/test';
import { expect } from '../fixtures.js';
import { Parts } from './parts.js';

/** A tone the desk played: its oscillators' waveform and pitch, in order. */
export type Tone = string;

declare global {
  interface Window {
    __deskTones?: Tone[];
  }
}

/**
 * Before the app opens: every tone the desk synthesises is written down as the notes it starts
 * (`sine 1320`), so that a spec can tell the tones apart as a clerk's ear does.
 */
export async function listenToTones(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const heard: string[] = [];
    window.__deskTones = heard;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
      heard.push(`${this.type} ${Math.round(this.frequency.value)}`);
      return start.apply(this, args);
    };
  });
}

/** The notes heard so far (see `listenToTones`). */
export async function tonesHeard(page: Page): Promise<Tone[]> {
  return page.evaluate(() => [...(window.__deskTones ?? [])]);
}

export class Desk extends Parts({
  root: 'desk',
  search: 'desk-search',
  banner: 'desk-banner',
  bannerName: 'banner-name',
  results: 'desk-results',
  quorum: 'quorum-state',
}) {
  /** A figure of the desk's head: `due`, `present`, `leave`, `absent`… */
  count(key: string) {
    return this.page.getByTestId(`count-${key}`);
  }

  /** The label over a figure of the desk's head (未到 or 缺席 over `absent`). */
  countLabel(key: string) {
    return this.page.getByTestId(`count-label-${key}`);
  }

  /** The rows of the result list under the search box. */
  get resultRows() {
    return this.results.getByTestId('desk-result');
  }

  /** What a scanner does: the badge typed key by key, then Enter. */
  async scan(badge: string): Promise<void> {
    await this.search.pressSequentially(badge);
    await this.search.press('Enter');
  }

  /** A badge scanned and the delegate checked in, named on the banner. */
  async checkIn(people: readonly { badge: string; name: string }[]): Promise<void> {
    for (const d of people) {
      await this.search.fill(d.badge);
      await this.search.press('Enter');
      await expect(this.banner).toHaveAttribute('data-kind', 'checked_in');
      await expect(this.bannerName).toHaveText(d.name);
    }
  }

  /** Types into the search (a badge, a name, pinyin initials) without Enter. */
  async find(text: string): Promise<void> {
    await this.search.fill(text);
  }

  /** Undoes the last check-in with the keyboard. */
  async undo(): Promise<void> {
    await this.page.keyboard.press('Control+z');
  }

  /** Finds the delegate and records leave with its reason. */
  async recordLeave(badge: string, reason: string): Promise<void> {
    await this.find(badge);
    await this.results.getByTestId('action-leave').first().click();
    await this.page.getByTestId('leave-reason').fill(reason);
    await this.page.getByTestId('leave-submit').click();
  }

  /** Waits until the desk is on screen and shows `due` delegates due. */
  async expectDue(due: number): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.count('due')).toContainText(String(due));
  }
}
