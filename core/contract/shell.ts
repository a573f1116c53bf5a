/**
 * Calls that only the desktop shell can answer (native dialogs, printing). The Electron
 * main process handles these itself; in a plain browser the renderer falls back to
 * `window.print()`, and to the loopback host's picker of the places (electron/host/picker.ts)
 * or a typed path. They never reach the store.
 */
import { z } from 'zod';
import { ROLES, type Role } from '../model/operators.js';
import type { Writes } from './spec.js';

const extensions = z.array(z.string().max(16)).max(10);
const chosenPath = z.object({ path: z.string().nullable() });

/**
 * A shell call names who may make it as a store call does (core/contract/spec.ts): the Electron
 * main process asks the store for the caller's sign-in before it answers one (electron/shell-calls.ts
 * `admitShell`). Nothing behind the lock screen needs them: a locked station makes none.
 */
interface ShellSpec {
  roles: readonly Role[];
  /** The files this call writes, by input field, as a store call declares them: only inside the places. */
  writes?: Writes;
  input: z.ZodType;
  output: z.ZodType;
}

export const shellContract = {
  'shell.saveDialog': {
    roles: ROLES,
    input: z.object({ title: z.string().max(200), defaultPath: z.string().max(4096).nullable(), extensions }).strict(),
    output: chosenPath,
  },
  'shell.openDialog': {
    roles: ROLES,
    input: z.object({ title: z.string().max(200), extensions }).strict(),
    output: chosenPath,
  },
  /** A folder (the automatic backups' folder, a stick): the desktop's folder dialog. */
  'shell.folderDialog': {
    roles: ROLES,
    input: z.object({ title: z.string().max(200), defaultPath: z.string().max(4096).nullable() }).strict(),
    output: chosenPath,
  },
  /** Print the calling window (the print dialog), or save it as PDF to `pdfPath`. */
  'shell.print': {
    // Writes a PDF where asked: never for a station nobody is signed in at.
    roles: ROLES,
    writes: { pdfPath: 'file' },
    input: z.object({ pdfPath: z.string().max(4096).nullable() }).strict(),
    output: z.object({ done: z.boolean() }),
  },
} as const satisfies Record<string, ShellSpec>;
export type ShellContract = typeof shellContract;
export type ShellChannel = keyof ShellContract;

/**
 * What the loopback host's picker answers (`POST /api/places/list`, electron/host/picker.ts): the
 * browser's stand-in for the dialogs above, listing only inside the places a write may go into.
 */
export interface PickerEntry {
  name: string;
  /** Absolute: the folder listed joined with the name (what the screen hands back). */
  path: string;
  kind: 'file' | 'folder';
  /** Bytes, for a file. */
  size: number | null;
  /** ISO time of the last change. */
  modified: string;
}

export interface PlacesListing {
  /** The folder listed (its real path), or null for the places themselves. */
  dir: string | null;
  /** The place `dir` is in (its real path): where the breadcrumb starts. */
  place: string | null;
  /** The folder above `dir` while that is still inside the place; null at a place's top (↑ shows the places). */
  parent: string | null;
  entries: PickerEntry[];
  /** More entries than are listed (a folder of thousands): the first ones by name. */
  truncated: boolean;
}
