/**
 * The venue network's screens as people use them (issue 14): the host's 「局域网」 page (open the
 * congress to an address, make a station code, read it, revoke a station), the station's
 * 「连接主机」 page (from the start screen), and the link banner a joined station shows.
 */
import type { Locator, Page } from '@playwright/test';
import type { StationKind } from '../../../core/lan/protocol.js';
import { expect } from '../fixtures.js';
import { Parts } from './parts.js';

/** antd's number field: the test id sits on the input itself or on its wrapper, as versions go. */
const numberInput = (field: Locator): Locator => field.locator('xpath=self::input | .//input').first();

export class Venue extends Parts({
  root: 'venue-screen',
  closed: 'venue-closed',
  open: 'venue-open',
  addressSelect: 'venue-address-select',
  port: 'venue-port',
  openSubmit: 'venue-open-submit',
  close: 'venue-close',
  fingerprint: 'venue-fingerprint',
  code: 'venue-code',
  codeQr: 'venue-code-qr',
  codeExpires: 'venue-code-expires',
  stations: 'venue-stations',
  standby: 'venue-standby-copy',
  safe: 'venue-safe',
  error: 'venue-error',
}) {
  /** From the navigation (the secretariat on the host laptop). */
  async show(): Promise<void> {
    await this.page.getByTestId('nav-lan').click();
    await expect(this.root).toBeVisible();
  }

  /** Opens the venue network on `address` (one of the laptop's, as listed) and `port`. */
  async openAt(address: string, port: number): Promise<void> {
    await this.addressSelect.click();
    await this.page.locator('.ant-select-item-option').filter({ hasText: address }).first().click();
    await numberInput(this.port).fill(String(port));
    await this.openSubmit.click();
    await expect(this.open).toBeVisible();
  }

  /** Where it is open, as the card's title says it (「已开放:10.0.0.1:47310」). */
  get address() {
    return this.open.locator('.ant-card-head-title');
  }

  /** A new code for a station of `kind`; returns its six digits as shown. */
  async newCode(kind: StationKind): Promise<string> {
    const before = (await this.code.count()) > 0 ? await this.code.getAttribute('data-code') : null;
    await this.page.getByTestId(`venue-new-code-${kind}`).click();
    await expect(this.code).toHaveAttribute('data-kind', kind);
    if (before) await expect(this.code).not.toHaveAttribute('data-code', before);
    const code = await this.code.getAttribute('data-code');
    expect(code).toMatch(/^\d{6}$/);
    return code!;
  }

  /** The row of the station named `name`. */
  station(name: string) {
    return this.stations.locator(`[data-testid="venue-station"][data-name="${name}"]`);
  }

  /** Revokes the station named `name`, confirming in the dialog. */
  async revoke(name: string): Promise<void> {
    await this.station(name).getByTestId('venue-station-revoke').click();
    await this.page.locator('.ant-modal-confirm .ant-btn-dangerous').click();
    await expect(this.station(name)).toHaveAttribute('data-revoked', 'true');
  }
}

export interface JoinFields {
  address: string;
  port: number;
  code: string;
  /** The start of the host's fingerprint as read off its screen, if typed. */
  fingerprintStart?: string;
  name: string;
  kind: StationKind;
}

export class Join extends Parts({
  root: 'join-screen',
  address: 'join-address',
  port: 'join-port',
  code: 'join-code',
  fingerprintStart: 'join-fingerprint-start',
  name: 'join-name',
  kind: 'join-kind',
  submit: 'join-submit',
  error: 'join-error',
  done: 'join-done',
  fingerprint: 'join-fingerprint',
  continue: 'join-continue',
}) {
  /** From the start screen (no congress open). */
  async show(): Promise<void> {
    await this.page.getByTestId('open-join').click();
    await expect(this.root).toBeVisible();
  }

  async fill(fields: JoinFields, kindLabel: string): Promise<void> {
    await this.address.fill(fields.address);
    await numberInput(this.port).fill(String(fields.port));
    await this.code.fill(fields.code);
    if (fields.fingerprintStart !== undefined) await this.fingerprintStart.fill(fields.fingerprintStart);
    await this.name.fill(fields.name);
    await this.kind.click();
    await this.page.locator('.ant-select-item-option').filter({ hasText: kindLabel }).first().click();
  }

  /** Joins the host; the pinned fingerprint shows. */
  async join(fields: JoinFields, kindLabel: string): Promise<void> {
    await this.fill(fields, kindLabel);
    await this.submit.click();
    await expect(this.done).toBeVisible({ timeout: 20_000 });
  }
}

/** The link banner of a joined station; `within` the lock screen when it covers the frame (whose own banner is behind it). */
export class LinkBanner {
  readonly banner: Locator;
  readonly line: Locator;
  readonly told: Locator;
  readonly dismiss: Locator;
  readonly promote: Locator;
  readonly promotePanel: Locator;
  readonly promotePin: Locator;
  readonly promoteSubmit: Locator;
  readonly problem: Locator;

  constructor(
    readonly page: Page,
    within?: Locator,
  ) {
    const root = within ?? page.locator('body');
    const part = (id: string) => root.getByTestId(id).first();
    this.banner = part('link-banner');
    this.line = part('link-line');
    this.told = part('link-told');
    this.dismiss = part('link-dismiss');
    this.promote = part('link-promote');
    this.promotePanel = part('promote-panel');
    this.promotePin = part('promote-pin');
    this.promoteSubmit = part('promote-submit');
    this.problem = part('link-problem');
  }

  toldRows(): Locator {
    return this.banner.getByTestId('link-told-row');
  }
}

/** The app of a second laptop: its own page object set on its own page. */
export const lanPages = (page: Page) => ({ venue: new Venue(page), join: new Join(page), link: new LinkBanner(page) });
