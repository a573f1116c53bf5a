/**
 * Issue 12: "No call writes a file … outside the places the user picked." In the browser, a
 * folder typed by hand that is outside the places is refused with a message naming it; a script
 * holding the page's token is refused the same way; a folder inside the places is taken.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { invokeRaw } from './api.js';
import { expect, test } from './fixtures.js';
import { AppFrame } from './pages/app.js';
import { openDemoAs } from './scenes.js';

test('settings › 自动备份: typing a folder outside the places (/tmp/elsewhere) → 设置 is refused 「不在本次选定的位置中」 naming it, nothing is written there; a script with the token gets file.not_picked for result.districtExport out and congress.backup path; a folder in the places is set', async ({
  page,
  openApp,
  host,
}) => {
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'congress-e2e-elsewhere-'));
  try {
    await openDemoAs(page, openApp, '大会秘书处 周红');
    await new AppFrame(page).nav('settings');
    const card = page.getByTestId('settings-auto-backup');
    await card.getByTestId('backup-dir-input').fill(elsewhere);
    await card.getByTestId('backup-dir-set').click();
    const error = card.getByTestId('backup-error');
    await expect(error).toContainText('不在本次选定的位置中');
    await expect(error).toContainText(elsewhere);
    await expect(card.getByTestId('backup-dir-none')).toBeVisible();
    await error.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join('test-results', 'places', 'backup-dir-refused.png') });

    // The same calls from a script that holds the token: refused before anything is written.
    const backup = await invokeRaw(host, 'congress.backup', { path: path.join(elsewhere, 'copy.congress') });
    expect(backup).toMatchObject({ ok: false, error: { reason: 'file.not_picked', field: 'path' } });
    const keys = await invokeRaw(host, 'keys.enrol', { township: '青山镇', out: path.join(elsewhere, 'enrol.json') });
    expect(keys).toMatchObject({ ok: false, error: { reason: 'file.not_picked', field: 'out' } });
    expect(fs.readdirSync(elsewhere)).toEqual([]);

    // Inside the places (the test's folder, as `--places DIR` makes one): taken.
    const stick = path.join(host.dir, 'U盘');
    fs.mkdirSync(stick);
    await card.getByTestId('backup-dir-input').fill(stick);
    await card.getByTestId('backup-dir-set').click();
    await expect(card.getByTestId('backup-dir')).toContainText(stick);
  } finally {
    fs.rmSync(elsewhere, { recursive: true, force: true });
  }
});
