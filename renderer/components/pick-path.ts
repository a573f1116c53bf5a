import { create } from 'zustand';
import { ok, type Result } from '../../core/result.js';
import { invokeShell, isDesktop } from '../api/index.js';

/** `open` a file to read, `save` a file to write (a folder and a name), `folder` a folder (the backups'). */
export type PickMode = 'open' | 'save' | 'folder';

export interface PickRequest {
  mode: PickMode;
  title: string;
  /** Without the dot (`json`): the files offered to open; for a save, the first is added to a name typed without one. */
  extensions?: string[];
  /** A save: the path suggested (its folder is where the picker starts, its name the name); else a folder to start in. */
  suggested?: string;
}

interface PickerStore {
  /** The request the browser's picker (PlacePicker) is answering, or none. */
  request: PickRequest | null;
  /** Counts the requests: each opens a picker of its own (where it starts, nothing chosen). */
  serial: number;
  /** The picker closes with the path chosen, or null when cancelled. */
  finish(path: string | null): void;
}

let answer: ((path: string | null) => void) | null = null;

export const usePicker = create<PickerStore>()((set) => ({
  request: null,
  serial: 0,
  finish(path) {
    const resolve = answer;
    answer = null;
    set({ request: null });
    resolve?.(path);
  },
}));

/**
 * Where a file is read from or written to, or a folder, as the person picks it (issue 15 item 4):
 * on the desktop the system's own dialog; in a browser the loopback host's picker of the places
 * (PlacePicker). The path, null when cancelled, or why the dialog could not open (a locked station).
 */
export async function pickPath(request: PickRequest): Promise<Result<string | null>> {
  if (isDesktop()) {
    const { title, suggested = null } = request;
    const extensions = request.extensions ?? [];
    const chosen =
      request.mode === 'open'
        ? await invokeShell('shell.openDialog', { title, extensions })
        : request.mode === 'save'
          ? await invokeShell('shell.saveDialog', { title, defaultPath: suggested, extensions })
          : await invokeShell('shell.folderDialog', { title, defaultPath: suggested });
    if (!chosen) return ok(null);
    return chosen.ok ? ok(chosen.value.path) : chosen;
  }
  // One picker at a time: a second request answers the first as cancelled.
  usePicker.getState().finish(null);
  return new Promise((resolve) => {
    answer = (path) => resolve(ok(path));
    usePicker.setState((s) => ({ request, serial: s.serial + 1 }));
  });
}
