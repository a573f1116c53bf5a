/**
 * shell.print's PDF target (issue 12 item 1): a congress file renamed .pdf is never printed over,
 * and a PDF goes only into the places the user picked (a save dialog's folder, a place).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** What the person picks in the save dialog (the test sets it). */
const dialogAnswer = vi.hoisted(() => ({ filePath: '' }));
vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: () => null },
  dialog: { showSaveDialog: async () => ({ canceled: false, filePath: dialogAnswer.filePath }) },
}));
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

/** The shell's side of the places, as the store keeps them: `picked` grows only through addPlace. */
function placesOf(...picked: string[]) {
  return { documentsDir: dir(), places: async () => [...picked], addPlace: (f: string) => void picked.push(f) };
}

describe('shell.print to a PDF file', () => {
  it('refuses a .pdf path that is a SQLite database (a congress renamed), which keeps its bytes', async () => {
    const target = path.join(dir(), '大会.pdf');
    const db = new Database(target);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = fs.readFileSync(target);
    const r = await handleShell(sender, 'shell.print', { pdfPath: target }, placesOf(path.dirname(target)));
    expect(r).toMatchObject({ ok: false, error: { reason: 'file.over_congress', field: 'pdfPath', value: target } });
    expect(fs.readFileSync(target).equals(before)).toBe(true);
  });

  it('still writes a PDF over an old PDF', async () => {
    const target = path.join(dir(), 'form.pdf');
    fs.writeFileSync(target, '%PDF old');
    expect(await handleShell(sender, 'shell.print', { pdfPath: target }, placesOf(path.dirname(target)))).toEqual({
      ok: true,
      value: { done: true },
    });
    expect(fs.readFileSync(target).equals(PDF)).toBe(true);
  });

  it('attack: a renderer asks shell.print {pdfPath: "<a folder nobody picked>/anywhere.pdf"}: refused file.not_picked, nothing written', async () => {
    const elsewhere = dir();
    const target = path.join(elsewhere, 'anywhere.pdf');
    const r = await handleShell(sender, 'shell.print', { pdfPath: target }, placesOf(dir()));
    expect(r).toMatchObject({ ok: false, error: { reason: 'file.not_picked', field: 'pdfPath', value: target } });
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  it('a folder picked in the save dialog is a place: the PDF is printed there', async () => {
    const stick = dir();
    const shell = placesOf();
    dialogAnswer.filePath = path.join(stick, '选举结果.pdf');
    const chosen = await handleShell(
      sender,
      'shell.saveDialog',
      { title: '另存为', defaultPath: null, extensions: ['pdf'] },
      shell,
    );
    expect(chosen).toEqual({ ok: true, value: { path: dialogAnswer.filePath } });
    expect(await shell.places()).toEqual([stick]);
    expect(await handleShell(sender, 'shell.print', { pdfPath: dialogAnswer.filePath }, shell)).toEqual({
      ok: true,
      value: { done: true },
    });
    expect(fs.readFileSync(dialogAnswer.filePath).equals(PDF)).toBe(true);
  });
});
