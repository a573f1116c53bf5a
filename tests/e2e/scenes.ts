/**
 * The scene most specs start from: the demo congress open on screen under an operator's name,
 * and some of its 110 voting delegates checked in at the current meeting through the API.
 */
import type { Page } from '@playwright/test';
import { call } from './api.js';
import { expect, type TestHost } from './fixtures.js';

type OpenApp = (p?: Page) => Promise<Page>;

/** The app opened in `page`, the operator's name given, the demo congress open at the desk. */
export async function openDemoAs(page: Page, openApp: OpenApp, operator: string): Promise<void> {
  await openApp(page);
  await page.getByTestId('operator-name').fill(operator);
  await page.getByTestId('operator-submit').click();
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('desk')).toBeVisible();
}

/**
 * The demo congress on screen and its first `present` voting delegates checked in (89 of 110
 * is just past four fifths: the quorum holds). Returns the voting delegates and the meeting.
 */
export async function demoWithVoters(
  page: Page,
  openApp: OpenApp,
  host: TestHost,
  { operator, present = 89 }: { operator: string; present?: number },
) {
  await openDemoAs(page, openApp, operator);
  const voting = (await call(host, 'delegates.list', {})).filter((d) => d.category === 'voting');
  const meetingId = (await call(host, 'congress.get', {})).congress.currentMeetingId!;
  for (const d of voting.slice(0, present)) await call(host, 'attendance.checkIn', { meetingId, delegateId: d.id });
  return { voting, meetingId };
}
