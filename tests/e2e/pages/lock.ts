/** The lock screen of a congress with operators: an operator's tile, the PIN, Enter. */
import { expect } from '../fixtures.js';
import { Parts } from './parts.js';

export class LockScreen extends Parts({ root: 'lock-screen', pin: 'lock-pin', error: 'lock-error' }) {
  /** Signs in as the operator named on a tile, with the PIN. */
  async signIn(name: string, pin: string): Promise<void> {
    await expect(this.root).toBeVisible();
    await this.root.locator(`[data-testid="lock-operator"][data-name="${name}"]`).click();
    await this.enterPin(pin);
  }

  /** Types the PIN again after a wrong one (the tile stays chosen). */
  async enterPin(pin: string): Promise<void> {
    await this.pin.fill(pin);
    await this.pin.press('Enter');
  }

  /** Signs in and waits until the station is open. */
  async unlock(name: string, pin: string): Promise<void> {
    await this.signIn(name, pin);
    await expect(this.root).toHaveCount(0);
  }
}
