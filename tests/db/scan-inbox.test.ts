/**
 * The scanner's folder (issue 13 item 3): a page still being written is not received half
 * written; a file is offered once its size and mtime stood still for a second; hidden files,
 * sub-folders and other types are not offered; a file received is not offered again, but the
 * same image saved again under a new name is (the store refuses it by hash).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inbox, receivedKey, receivedKeyOf, STILL_MS } from '../../db/scan/inbox.js';
import { tempDir } from './helpers.js';
import { imageOf } from './scan-files.js';

const names = (files: { name: string }[]) => files.map((f) => f.name);

function setMtime(file: string, seconds: number) {
  fs.utimesSync(file, seconds, seconds);
}

describe('inbox', () => {
  it('a file the scanner is still writing is not listed; once its size and mtime stand still for a second it is', async () => {
    const dir = tempDir();
    const jpeg = await imageOf('jpeg', 10, 800, 1100);
    const file = path.join(dir, 'scan_0001.jpg');
    const t0 = 1_000_000;
    fs.writeFileSync(file, jpeg.subarray(0, 1000));
    expect(inbox(dir, new Set(), t0)).toEqual([]);
    // still growing a second later: its size changed, so the clock starts again
    fs.appendFileSync(file, jpeg.subarray(1000, 5000));
    expect(inbox(dir, new Set(), t0 + 1200)).toEqual([]);
    fs.appendFileSync(file, jpeg.subarray(5000));
    expect(inbox(dir, new Set(), t0 + 2400)).toEqual([]);
    // unchanged, but for less than a second
    expect(inbox(dir, new Set(), t0 + 2400 + STILL_MS - 1)).toEqual([]);
    const ready = inbox(dir, new Set(), t0 + 2400 + STILL_MS);
    expect(names(ready)).toEqual(['scan_0001.jpg']);
    expect(ready[0]?.size).toBe(jpeg.length);
  });

  it('the same size but a new mtime (the scanner rewrote the file in place) starts the wait again', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.png');
    fs.writeFileSync(file, 'x'.repeat(100));
    setMtime(file, 1_700_000_000);
    inbox(dir, new Set(), 0);
    setMtime(file, 1_700_000_005);
    expect(inbox(dir, new Set(), 5000)).toEqual([]);
    expect(names(inbox(dir, new Set(), 6000))).toEqual(['a.png']);
  });

  it('hidden files, Office lock files, sub-folders, empty files and other types are never listed; scans are, oldest first', () => {
    const dir = tempDir();
    const write = (name: string, mtime: number, body = 'data') => {
      fs.writeFileSync(path.join(dir, name), body);
      setMtime(path.join(dir, name), mtime);
    };
    write('.scan_0003.pdf', 1_700_000_001);
    write('~$名单.tif', 1_700_000_001);
    write('notes.txt', 1_700_000_001);
    write('thumbs.db', 1_700_000_001);
    write('empty.jpg', 1_700_000_001, '');
    fs.mkdirSync(path.join(dir, 'old.pdf'));
    fs.writeFileSync(path.join(dir, 'old.pdf', 'inner.pdf'), 'x');
    write('scan_0002.TIFF', 1_700_000_300);
    write('scan_0001.pdf', 1_700_000_200);
    write('photo.JPEG', 1_700_000_400);
    inbox(dir, new Set(), 0);
    expect(names(inbox(dir, new Set(), 2000))).toEqual(['scan_0001.pdf', 'scan_0002.TIFF', 'photo.JPEG']);
  });

  it('a file received is not offered again; the same bytes saved under a new name are (the hash catches them later); a file changed after receipt is offered again', () => {
    const dir = tempDir();
    const file = path.join(dir, 'stack.pdf');
    fs.writeFileSync(file, '%PDF-1.7 one');
    inbox(dir, new Set(), 0);
    const [first] = inbox(dir, new Set(), 1500);
    expect(first?.name).toBe('stack.pdf');
    const received = new Set([receivedKey(first!)]);
    expect(receivedKeyOf(file)).toBe(receivedKey(first!));
    expect(inbox(dir, received, 3000)).toEqual([]);

    fs.copyFileSync(file, path.join(dir, 'stack (1).pdf'));
    inbox(dir, received, 4000);
    expect(names(inbox(dir, received, 5000))).toEqual(['stack (1).pdf']);

    fs.writeFileSync(file, '%PDF-1.7 two, longer');
    inbox(dir, received, 6000);
    expect(names(inbox(dir, received, 7000))).toContain('stack.pdf');
  });

  it('a folder that is not there (the scanner’s share unplugged) gives no files rather than an error', () => {
    expect(inbox(path.join(tempDir(), 'gone'), new Set())).toEqual([]);
  });
});
