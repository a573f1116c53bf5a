/**
 * Calls that only the desktop shell can answer (native dialogs, printing). The Electron
 * main process handles these itself; in a plain browser the renderer falls back to
 * `window.print()` and typed paths. They never reach the store.
 */
import { z } from 'zod';
import { ROLES, type Role } from '../model/operators.js';

const extensions = z.array(z.string().max(16)).max(10);
const chosenPath = z.object({ path: z.string().nullable() });

/**
 * A shell call names who may make it as a store call does (core/contract/spec.ts): the Electron
 * main process asks the store for the caller's sign-in before it answers one (electron/shell-calls.ts
 * `admitShell`). Nothing behind the lock screen needs them: a locked station makes none.
 */
interface ShellSpec {
  roles: readonly Role[];
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
  /** Print the calling window (the print dialog), or save it as PDF to `pdfPath`. */
  'shell.print': {
    // Writes a PDF where asked: never for a station nobody is signed in at.
    roles: ROLES,
    input: z.object({ pdfPath: z.string().max(4096).nullable() }).strict(),
    output: z.object({ done: z.boolean() }),
  },
} as const satisfies Record<string, ShellSpec>;
export type ShellContract = typeof shellContract;
export type ShellChannel = keyof ShellContract;
