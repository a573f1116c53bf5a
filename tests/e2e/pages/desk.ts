/** The check-in desk as a clerk uses it: a scanner types a badge and Enter; search, undo, leave. */
import { expect } from '../fixtures.js';
import { Parts } from './parts.js';

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
