/** shell.print's PDF target (issue 12 item 1): a congress file renamed .pdf is never printed over. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ BrowserWindow: { fromWebContents: () => null }, dialog: {} }));
const { handleShell } = await import('../../electron/shell-calls.js');

const PDF = Buffer.from('%PDF-1.7 printed');
const sender = { printToPDF: async () => PDF } as never;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function dir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'congress-desk-print-'));
  dirs.push(d);
  return d;
}

describe('shell.print to a PDF file', () => {
  it('refuses a .pdf path that is a SQLite database (a congress renamed), which keeps its bytes', async () => {
    const target = path.join(dir(), '大会.pdf');
    const db = new Database(target);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = fs.readFileSync(target);
    const r = await handleShell(sender, 'shell.print', { pdfPath: target }, dir());
    expect(r).toMatchObject({ ok: false, error: { reason: 'file.over_congress', field: 'pdfPath', value: target } });
    expect(fs.readFileSync(target).equals(before)).toBe(true);
  });

  it('still writes a PDF over an old PDF', async () => {
    const target = path.join(dir(), 'form.pdf');
    fs.writeFileSync(target, '%PDF old');
    expect(await handleShell(sender, 'shell.print', { pdfPath: target }, dir())).toEqual({
      ok: true,
      value: { done: true },
    });
    expect(fs.readFileSync(target).equals(PDF)).toBe(true);
  });
});
