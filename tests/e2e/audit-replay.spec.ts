/**
 * Issue 12 item 2 on screen: a `sqlite3` shell renames a delegate behind the app while the
 * congress is open; 核验审计链 says the chain holds but the tables are not what the log records,
 * and names the table, the row, the column and both values.
 */
import Database from 'better-sqlite3';
import { call } from './api.js';
import { expect, test } from './fixtures.js';
import { openDemoAs } from './scenes.js';

test('a delegate renamed by sqlite3 behind the app: the audit screen’s check names delegates, the row and name', async ({
  page,
  openApp,
  host,
}) => {
  await openDemoAs(page, openApp, '李明');
  const { path } = await call(host, 'congress.get', {});
  const db = new Database(path);
  const id = db.prepare('SELECT min(id) FROM delegates').pluck().get() as number;
  db.prepare("UPDATE delegates SET name = '冒名者' WHERE id = ?").run(id);
  db.close();

  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-verify').click();
  const verdict = page.getByTestId('audit-verdict');
  await expect(verdict).toHaveAttribute('data-ok', 'false');
  await expect(verdict).toContainText('审计链完整');
  await expect(verdict).toContainText(`表 delegates 第 ${id} 行的 name`);
  await expect(verdict).toContainText('"冒名者"');
  await page.screenshot({ path: test.info().outputPath('audit-replay.png'), fullPage: true });
});
