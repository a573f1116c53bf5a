/**
 * The venue network's screens as they look (issue 14), with the venue side STAGED: the lan.*
 * answers of this laptop's store are set by the test (what a host with three stations and a
 * standby, or a station cut off from its host, would answer), every other call is the real
 * store's. What is checked is the screens' part: what they show of those answers, in both
 * languages, at the laptop's 1366×768, nothing cut off or scrolling sideways, and the calls
 * their buttons make. tests/e2e/lan.spec.ts runs the real thing across two laptops.
 */
import type { Page, Route } from '@playwright/test';
import type { Output } from '../../core/contract.js';
import { reasonText } from '../../core/reasons.js';
import { expect, test } from './fixtures.js';
import { AppFrame } from './pages/app.js';
import { Desk } from './pages/desk.js';
import { Join, LinkBanner, Venue } from './pages/lan.js';
import { congressWithOperators, OPERATORS, openDemoAs } from './scenes.js';

const LAPTOP = { width: 1366, height: 768 };
const SHOTS = process.env.LAN_SHOTS ?? '';
const HOST_FP = '3f2a91c0b4d7e8a1c2f3d4e5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f';
const STANDBY_FP = 'aa11bb22cc33dd44ee55ff66007788990a1b2c3d4e5f60718293a4b5c6d7e8f9';

type Venue_ = Output<'lan.venue'>;
type Link = Output<'lan.link'>;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** Answers the lan.* calls of the app in `page` with `answer` (undefined: the real store's). */
async function stageLan(page: Page, answer: (channel: string, input: unknown) => unknown): Promise<string[]> {
  const calls: string[] = [];
  await page.route('**/api/invoke', async (route: Route) => {
    const body = route.request().postDataJSON() as { channel?: string; input?: unknown } | null;
    if (body && typeof body.channel === 'string' && body.channel.startsWith('lan.')) {
      const value = answer(body.channel, body.input);
      if (value !== undefined) {
        calls.push(`${body.channel} ${JSON.stringify(body.input)}`);
        return route.fulfill({ json: value });
      }
    }
    return route.continue();
  });
  return calls;
}

const ok = (value: unknown) => ({ ok: true, value });

function hostVenue(open: boolean, revoked: boolean, code: string | null): Venue_ {
  return {
    open,
    address: open ? '10.0.0.1' : null,
    port: open ? 47310 : null,
    fingerprint: open ? HOST_FP : null,
    code:
      open && code
        ? {
            code,
            kind: 'desk',
            expiresAt: new Date(Date.now() + 4 * 60_000 + 35_000).toISOString(),
            address: '10.0.0.1',
            port: 47310,
            fingerprint: HOST_FP,
            qr: `CDHOST/1/10.0.0.1/47310/${HOST_FP}/${code}`,
          }
        : null,
    stations: open
      ? [
          {
            id: 1,
            name: '签到台 2',
            kind: 'desk',
            pairedAt: ago(3_600_000),
            revokedAt: revoked ? ago(1000) : null,
            lastSeen: ago(12_400),
            address: '10.0.0.12',
            operator: '报到员 李娜',
            queued: 12,
            unsafe: 3,
            pending: [],
          },
          {
            id: 2,
            name: '计票站 纪委',
            kind: 'count',
            pairedAt: ago(3_000_000),
            revokedAt: null,
            lastSeen: ago(1_000),
            address: '10.0.0.21',
            operator: '计票人 张强',
            queued: 0,
            unsafe: 0,
            pending: [{ roundId: 7, papers: 14 }],
          },
          {
            id: 3,
            name: '备用主机',
            kind: 'standby',
            pairedAt: ago(3_500_000),
            revokedAt: null,
            lastSeen: ago(2_000),
            address: '10.0.0.9',
            operator: null,
            queued: 0,
            unsafe: 0,
            pending: [],
          },
        ]
      : [],
    standby: open ? { stationId: 3, name: '备用主机', heldSeq: 1180, heldAt: ago(8_000) } : null,
    safeSeq: open ? 1180 : 0,
    headSeq: open ? 1184 : 0,
  };
}

function stationLink(overrides: Partial<Link>): Link {
  return {
    mode: 'station',
    kind: 'desk',
    name: '签到台 2',
    congress: { uid: 'c-1', name: '中国共产党青山镇第十五次代表大会' },
    host: { address: '10.0.0.1', port: 47310, fingerprint: HOST_FP },
    online: true,
    queued: 0,
    unsafe: 0,
    told: [],
    copy: null,
    ...overrides,
  };
}

/** Nothing scrolls sideways, no button spills out of its box. */
async function layoutProblems(page: Page, what: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const problems: string[] = [];
    const el = document.scrollingElement!;
    if (el.scrollWidth > el.clientWidth) problems.push(`page ${el.scrollWidth} > ${el.clientWidth}`);
    for (const b of document.querySelectorAll<HTMLElement>('button')) {
      if (b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1) problems.push(`button “${b.textContent}”`);
    }
    return problems;
  });
  return found.map((p) => `${what}: ${p}`);
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

for (const language of ['zh-CN', 'en'] as const) {
  const zh = language === 'zh-CN';

  test(`the host's 局域网 screen in ${language}: open on an address, the code big with its kind, countdown, fingerprint and QR, the stations, revoke, the standby's copy`, async ({
    page,
    openApp,
  }) => {
    await page.setViewportSize(LAPTOP);
    let open = false;
    let revoked = false;
    let code: string | null = null;
    const calls = await stageLan(page, (channel) => {
      switch (channel) {
        case 'lan.addresses':
          return ok([
            { name: 'enp3s0', address: '10.0.0.1' },
            { name: 'lo', address: '127.0.0.1' },
          ]);
        case 'lan.venue':
          return ok(hostVenue(open, revoked, code));
        case 'lan.openVenue':
          open = true;
          return ok(hostVenue(open, revoked, code));
        case 'lan.newCode':
          code = '482915';
          return ok(hostVenue(open, revoked, code).code);
        case 'lan.revoke':
          revoked = true;
          return ok(hostVenue(open, revoked, code));
        case 'lan.link':
          return ok({ ...stationLink({}), mode: 'alone', host: null, congress: null, name: null, kind: null });
        default:
          return undefined;
      }
    });
    await openDemoAs(page, openApp, '大会秘书处 周红');
    const app = new AppFrame(page);
    if (!zh) await app.language('English');
    const venue = new Venue(page);
    await venue.show();
    await expect(venue.closed).toBeVisible();
    // A laptop alone shows no link banner.
    await expect(page.getByTestId('link-banner')).toHaveCount(0);
    await shot(page, `${language}-venue-closed`);

    await venue.openAt('10.0.0.1', 47320);
    expect(calls).toContain('lan.openVenue {"address":"10.0.0.1","port":47320}');
    await expect(venue.address).toContainText('10.0.0.1:47310');
    await expect(venue.fingerprint).toHaveAttribute('data-value', '3F2A 91C0 B4D7 E8A1 C2F3 D4E5 A6B7 C8D9');
    await expect(page.getByTestId('venue-code-none')).toBeVisible();

    expect(await venue.newCode('desk')).toBe('482915');
    expect(calls).toContain('lan.newCode {"kind":"desk"}');
    // Read aloud in two groups of three, with what it is for and how long it is good for.
    await expect(venue.code).toContainText('482 915');
    await expect(venue.code).toContainText(zh ? '用于:签到台' : 'For: Check-in desk');
    await expect(venue.codeExpires).toHaveText(zh ? /^4:3\d 后失效$/ : /^expires in 4:3\d$/);
    await expect(venue.codeQr).toBeVisible();

    const desk2 = venue.station('签到台 2');
    await expect(desk2).toContainText('报到员 李娜');
    await expect(desk2).toContainText(zh ? /1[2-9] 秒前/ : /1[2-9] s ago/);
    await expect(desk2).toContainText(zh ? '暂存 12 · 待备份 3' : '12 kept · 3 not yet copied');
    await expect(venue.station('计票站 纪委')).toContainText(zh ? '第 7 号轮次 14 张' : 'round #7: 14');
    await expect(venue.standby).toContainText(
      zh ? '「备用主机」持有截至第 1180 条' : 'holds a copy up to audit row 1180',
    );
    await expect(venue.safe).toContainText(zh ? '还有 4 条只在本机' : '4 only on this laptop');
    expect(await layoutProblems(page, `${language} venue`)).toEqual([]);
    await shot(page, `${language}-venue-open`);
    await page.getByTestId('venue-stations-card').scrollIntoViewIfNeeded();
    await shot(page, `${language}-venue-stations`);

    await venue.revoke('签到台 2');
    expect(calls).toContain('lan.revoke {"stationId":1}');
    await expect(desk2).toContainText(zh ? '已撤销' : 'Revoked');
  });

  test(`a joined desk in ${language}: the quiet line online, 离线:已暂存 12 条 when cut off, the told refusals to dismiss, a kept check-in that is no error`, async ({
    page,
    openApp,
  }) => {
    await page.setViewportSize(LAPTOP);
    let link = stationLink({});
    const calls = await stageLan(page, (channel) => {
      if (channel === 'lan.link') return ok(link);
      if (channel === 'lan.dismiss') {
        link = { ...link, told: [] };
        return ok(link);
      }
      return undefined;
    });
    await openDemoAs(page, openApp, '报到员 李娜');
    if (!zh) await new AppFrame(page).language('English');
    const banner = new LinkBanner(page);
    await expect(banner.banner).toHaveAttribute('data-online', 'true');
    await expect(banner.line).toHaveText(zh ? '已连接主机 10.0.0.1' : 'Connected to the host 10.0.0.1');
    await shot(page, `${language}-desk-online`);

    // The cable is pulled: the banner says so at once (it reads the link every beat), and what waits.
    link = stationLink({
      online: false,
      queued: 12,
      told: [
        {
          at: ago(5_000),
          channel: 'attendance.checkIn',
          reason: 'attendance.excluded',
          params: { name: '张三', badge: '017' },
        },
      ],
    });
    await expect(banner.banner).toHaveAttribute('data-online', 'false', { timeout: 5_000 });
    await expect(banner.line).toHaveText(
      zh ? '离线:已暂存 12 条,恢复连接后自动上传' : 'Offline: 12 kept here, sent when the link is back',
    );
    await expect(banner.toldRows()).toHaveText([
      reasonText('attendance.excluded', { name: '张三', badge: '017' }, language)!,
    ]);

    // A check-in made now is kept, and the desk is ready for the next delegate.
    await page.route('**/api/invoke', async (route) => {
      const body = route.request().postDataJSON() as { channel?: string } | null;
      if (body?.channel === 'attendance.checkInByBadge')
        return route.fulfill({
          json: { ok: false, error: { code: 'queued', reason: 'lan.queued', params: { queued: 13 }, message: '' } },
        });
      return route.fallback();
    });
    const desk = new Desk(page);
    await desk.search.fill('001');
    await desk.search.press('Enter');
    await expect(desk.banner).toHaveAttribute('data-kind', 'kept');
    await expect(page.getByTestId('banner-kept')).toHaveText(
      zh ? '离线:已暂存 13 条,恢复连接后自动上传' : 'Offline: 13 kept here, sent when the link is back',
    );
    await expect(desk.search).toHaveValue('');
    expect(await layoutProblems(page, `${language} desk offline`)).toEqual([]);
    await shot(page, `${language}-desk-offline`);

    await banner.dismiss.click();
    await expect(banner.told).toHaveCount(0);
    expect(calls.some((c) => c.startsWith('lan.dismiss'))).toBe(true);

    // The hall's board of a station shows the link too.
    await page.goto(`${page.url().split('#')[0]}#/board`);
    await expect(banner.banner).toBeVisible();
    await shot(page, `${language}-board-offline`);
  });
}

test('a standby at its lock screen: 接管 with the chief scrutineer’s PIN', async ({ page, openApp, host }) => {
  await page.setViewportSize(LAPTOP);
  let link = stationLink({
    mode: 'standby',
    kind: 'standby',
    name: '备用主机',
    online: false,
    queued: 0,
    copy: { seq: 1180, at: ago(40_000) },
  });
  const promoted: unknown[] = [];
  await stageLan(page, (channel, input) => {
    if (channel === 'lan.link') return ok(link);
    if (channel === 'lan.promote') {
      promoted.push(input);
      link = {
        ...link,
        mode: 'promoted',
        online: true,
        host: { address: '10.0.0.9', port: 47310, fingerprint: STANDBY_FP },
      };
      return ok(link);
    }
    return undefined;
  });
  await openDemoAs(page, openApp, '大会秘书处 周红');
  // The demo congress with operators, the chief among them: the station locked.
  const operators = await congressWithOperators(host, OPERATORS);
  const chief = operators.ops.chief_scrutineer;
  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  const banner = new LinkBanner(page, page.getByTestId('lock-screen'));
  await expect(banner.line).toHaveText('离线:主机没有应答');
  await banner.promote.click();
  await expect(banner.promotePanel).toBeVisible();
  await banner.promotePin.fill('555555');
  await shot(page, 'zh-CN-standby-promote');
  await banner.promoteSubmit.click();
  await expect(banner.banner).toHaveAttribute('data-mode', 'promoted');
  await expect(banner.line).toHaveText('本机已接管为主机');
  expect(promoted).toEqual([{ operatorId: chief.id, pin: '555555' }]);
});

test('连接主机 from the start screen: the code checked as typed, the refusal said, the pinned fingerprint shown once joined', async ({
  page,
  openApp,
}) => {
  await page.setViewportSize(LAPTOP);
  const joins: unknown[] = [];
  await stageLan(page, (channel, input) => {
    if (channel === 'lan.link')
      return ok({ ...stationLink({}), mode: 'alone', host: null, congress: null, name: null, kind: null });
    if (channel !== 'lan.join') return undefined;
    joins.push(input);
    if ((input as { code: string }).code !== '482915')
      return { ok: false, error: { code: 'unauthorized', reason: 'lan.bad_code', params: { left: 4 }, message: '' } };
    return ok(stationLink({}));
  });
  await openApp(page);
  await new AppFrame(page).signIn('报到员 李娜');
  const join = new Join(page);
  await join.show();
  await shot(page, 'zh-CN-join');
  const fields = { address: '10.0.0.1', port: 47310, code: '12345', name: '签到台 2', kind: 'desk' as const };
  await join.fill(fields, '签到台');
  await join.submit.click();
  await expect(page.getByText('配对码是 6 位数字')).toBeVisible();
  expect(joins).toEqual([]);
  await join.code.fill('111 111');
  await join.submit.click();
  await expect(join.error).toContainText('站点配对码不正确(还可尝试 4 次)');
  expect(joins.at(-1)).toEqual({ address: '10.0.0.1', port: 47310, code: '111111', name: '签到台 2', kind: 'desk' });
  // The host's fingerprint, if typed, is 16 hex digits at least: fewer is said, and nothing sent.
  await join.code.fill('482 915');
  await join.fingerprintStart.fill('3F2A 91C0');
  await join.submit.click();
  await expect(page.getByText('指纹为十六进制数字(0–9、A–F),至少输入前 16 位')).toBeVisible();
  expect(joins).toHaveLength(1);
  await join.fingerprintStart.fill('3F2A 91C0 B4D7 E8A1');
  await shot(page, 'zh-CN-join-filled');
  await join.submit.click();
  await expect(join.done).toBeVisible();
  await expect(join.fingerprint).toHaveAttribute('data-value', '3F2A 91C0 B4D7 E8A1 C2F3 D4E5 A6B7 C8D9');
  expect(joins.at(-1)).toEqual({
    address: '10.0.0.1',
    port: 47310,
    code: '482915',
    fingerprint: '3f2a91c0b4d7e8a1',
    name: '签到台 2',
    kind: 'desk',
  });
  await shot(page, 'zh-CN-join-done');
});
