/** A round on the contests screen: papers distributed and collected, the round closed. */
import { expect } from '../fixtures.js';
import { Parts } from './parts.js';

export class RoundPanel extends Parts({ closed: 'round-closed', chiefPin: 'chief-pin' }) {
  /** Opens a contest on the contests screen. */
  async open(host: { url: string }, contestId: number): Promise<void> {
    await this.page.goto(`${host.url}#/contests?contest=${contestId}`);
  }

  /** Fills the distribution form (printed, issued, spare voided) and submits it. */
  async distribute(papers: { printed: number; issued: number; spare: number }): Promise<void> {
    await this.page.getByTestId('distribute-printed').fill(String(papers.printed));
    await this.page.getByTestId('distribute-issued').fill(String(papers.issued));
    await this.page.getByTestId('distribute-spare').fill(String(papers.spare));
    await this.page.getByTestId('distribute-submit').click();
  }

  /** Asks to close the round and confirms; with `chiefPin`, the chief scrutineer's PIN too. */
  async close(chiefPin?: string): Promise<void> {
    await this.page.getByTestId('round-close').click();
    await this.page.getByTestId('round-close-confirm').click();
    if (chiefPin !== undefined) {
      await expect(this.chiefPin).toBeVisible();
      await this.chiefPin.fill(chiefPin);
      await this.page.getByTestId('chief-submit').click();
    }
    await expect(this.closed).toBeVisible();
  }
}
