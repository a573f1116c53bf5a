/**
 * Calls that only the desktop shell can answer (native dialogs, printing). The Electron
 * main process handles these itself; in a plain browser the renderer falls back to
 * `window.print()` and typed paths. They never reach the store.
 */
import { z } from 'zod';

const extensions = z.array(z.string().max(16)).max(10);
const chosenPath = z.object({ path: z.string().nullable() });

export const shellContract = {
  'shell.saveDialog': {
    input: z.object({ title: z.string().max(200), defaultPath: z.string().max(4096).nullable(), extensions }).strict(),
    output: chosenPath,
  },
  'shell.openDialog': {
    input: z.object({ title: z.string().max(200), extensions }).strict(),
    output: chosenPath,
  },
  /** Print the calling window (the print dialog), or save it as PDF to `pdfPath`. */
  'shell.print': {
    input: z.object({ pdfPath: z.string().max(4096).nullable() }).strict(),
    output: z.object({ done: z.boolean() }),
  },
} as const;
export type ShellContract = typeof shellContract;
export type ShellChannel = keyof ShellContract;
