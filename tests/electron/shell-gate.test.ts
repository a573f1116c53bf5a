/**
 * The shell's own calls are gated too (issue 12, item 1): `shell.print` writes a PDF where the
 * renderer says, and Electron's main process answered it for any window, a locked station's
 * included. Now main asks the store for the caller's sign-in (`admitShell`) before it prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { election } from '../db/election-setup.js';
import { makeBackend } from '../db/helpers.js';
import { signedIn, withOperators } from '../db/operators-setup.js';

vi.mock('electron', () => ({ BrowserWindow: { fromWebContents: () => null }, dialog: {} }));
const { admitShell, handleShell } = await import('../../electron/shell-calls.js');

const PDF = Buffer.from('%PDF-1.7 printed');
const sender = { printToPDF: async () => PDF } as never;
const locked = { operator: '路过的人', station: '无人值守的工作站' };

describe('shell calls, as the store gates its own', () => {
  it('shell.print {pdfPath} from a locked station of a congress with operators is refused station.locked and writes no PDF; a signed-in station prints', async () => {
    const e = await election();
    const ids = await withOperators(e);
    const ask = (c: string, i: unknown, x: unknown) => e.backend.invoke(c, i, x);
    const target = path.join(e.dir, 'form.pdf');
    const print = async (ctx: unknown) => {
      const gate = await admitShell('shell.print', ctx, ask);
      const shell = { documentsDir: e.dir, places: () => e.backend.places(), addPlace: e.backend.addPlace };
      return gate.ok ? handleShell(sender, 'shell.print', { pdfPath: target }, shell) : gate;
    };
    expect(await print(locked)).toMatchObject({ ok: false, error: { code: 'locked', reason: 'station.locked' } });
    // A token that has ended is no sign-in either.
    const clerk = await signedIn(e, ids, 'clerk', '报到处1');
    await e.call('station.lock', {}, clerk);
    expect(await print(clerk)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(fs.existsSync(target)).toBe(false);
    for (const channel of ['shell.saveDialog', 'shell.openDialog'] as const) {
      expect(await admitShell(channel, locked, ask), channel).toMatchObject({ ok: false, error: { code: 'locked' } });
    }

    expect(await print(await signedIn(e, ids, 'counter', '计票台1'))).toEqual({ ok: true, value: { done: true } });
    expect(fs.readFileSync(target).equals(PDF)).toBe(true);
  });

  it('with no congress open, or one without operators, the shell answers anyone as before', async () => {
    const none = makeBackend();
    expect(await admitShell('shell.print', locked, (c, i, x) => none.backend.invoke(c, i, x))).toEqual({
      ok: true,
      value: null,
    });
    const e = await election();
    expect(await admitShell('shell.print', locked, (c, i, x) => e.backend.invoke(c, i, x))).toEqual({
      ok: true,
      value: null,
    });
  });
});
