/** The calls only the desktop shell answers (core/contract/shell.ts): native dialogs and printing. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog, type OpenDialogOptions, type SaveDialogOptions, type WebContents } from 'electron';
import type { z } from 'zod';
import { type ShellChannel, shellContract } from '../core/contract.js';
import { ok, type Result, refuse } from '../core/result.js';
import { overCongress } from '../db/file-target.js';
import { allowedIn } from '../db/places.js';

// The gate is electron-free (the loopback host's picker takes it too): kept where main imports it from.
export { admitShell } from './shell-gate.js';

export const isShellChannel = (name: string): name is ShellChannel => Object.hasOwn(shellContract, name);

function parseInput<S extends z.ZodType>(schema: S, raw: unknown): { ok: true; value: z.output<S> } | Result<never> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  return refuse('invalid_input', 'shell.input_invalid', { field, detail: issue?.message ?? '' }, { field });
}

const dialogFilters = (extensions: string[]) =>
  extensions.length === 0
    ? []
    : [{ name: extensions.join(', '), extensions: extensions.map((e) => e.replace(/^\./, '')) }];

/**
 * What the shell needs of the store for its files (db/places.ts): where dialogs start, where a
 * write may go now, and the folder the person just picked in one of its dialogs.
 */
export interface ShellPlaces {
  documentsDir: string;
  places(): Promise<string[]>;
  addPlace(folder: string): void;
}

/** A shell call of the window `sender`; dialogs start in `documentsDir`; what the person picks becomes a place. */
export async function handleShell(
  sender: WebContents,
  channel: ShellChannel,
  raw: unknown,
  shell: ShellPlaces,
): Promise<Result<unknown>> {
  const { documentsDir } = shell;
  const win = BrowserWindow.fromWebContents(sender);
  switch (channel) {
    case 'shell.saveDialog': {
      const input = parseInput(shellContract[channel].input, raw);
      if (!input.ok) return input;
      const options: SaveDialogOptions = {
        title: input.value.title,
        filters: dialogFilters(input.value.extensions),
        defaultPath: input.value.defaultPath ?? documentsDir,
      };
      const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      const file = picked.canceled || !picked.filePath ? null : picked.filePath;
      // The person chose to save there: its folder is a place from now on (a script cannot open this dialog's answer).
      if (file) shell.addPlace(path.dirname(file));
      return ok({ path: file });
    }
    case 'shell.openDialog': {
      const input = parseInput(shellContract[channel].input, raw);
      if (!input.ok) return input;
      const options: OpenDialogOptions = {
        title: input.value.title,
        defaultPath: documentsDir,
        filters: dialogFilters(input.value.extensions),
        properties: ['openFile'],
      };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return ok({ path: picked.canceled ? null : (picked.filePaths[0] ?? null) });
    }
    case 'shell.folderDialog': {
      const input = parseInput(shellContract[channel].input, raw);
      if (!input.ok) return input;
      const options: OpenDialogOptions = {
        title: input.value.title,
        defaultPath: input.value.defaultPath ?? documentsDir,
        properties: ['openDirectory', 'createDirectory'],
      };
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const folder = picked.canceled ? null : (picked.filePaths[0] ?? null);
      if (folder) shell.addPlace(folder);
      return ok({ path: folder });
    }
    case 'shell.print': {
      const input = parseInput(shellContract[channel].input, raw);
      if (!input.ok) return input;
      const { pdfPath } = input.value;
      if (pdfPath !== null) {
        if (!path.isAbsolute(pdfPath) || path.extname(pdfPath).toLowerCase() !== '.pdf') {
          return refuse('invalid_input', 'shell.pdf_path', {}, { field: 'pdfPath', value: pdfPath });
        }
        // A congress renamed .pdf (or the open one, whatever its name) is a SQLite file: never printed over.
        const over = overCongress(pdfPath, null, 'pdfPath');
        if (over) return over;
        // Only where the person picked (the save dialog just before, or a place): issue 12.
        if (!allowedIn(await shell.places(), pdfPath, shellContract[channel].writes.pdfPath)) {
          return refuse(
            'invalid_input',
            'file.not_picked',
            { path: pdfPath, field: 'pdfPath' },
            { field: 'pdfPath', value: pdfPath },
          );
        }
        const data = await sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
        try {
          await writeFile(pdfPath, data);
        } catch (error) {
          return refuse('file_io', 'shell.cannot_write', {
            path: pdfPath,
            detail: error instanceof Error ? error.message : String(error),
          });
        }
        return ok({ done: true });
      }
      const done = await new Promise<boolean>((resolve) => {
        sender.print({ silent: false, printBackground: true }, (success) => resolve(success));
      });
      return ok({ done });
    }
  }
}
