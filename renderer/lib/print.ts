import { invokeShell, isDesktop } from '../api/index.js';
import { loopbackToken } from '../api/token.js';
import { hashFor, type Page } from '../app/route.js';
import { errorTextNow } from './errors.js';

/** Print the window: Electron's print dialog through the shell, else the browser's. */
export async function printWindow(): Promise<void> {
  const r = await invokeShell('shell.print', { pdfPath: null });
  if (r === null) window.print();
}

/**
 * Save the window as PDF. Electron: a save dialog, then the shell prints to that path.
 * Browser: null, and the caller tells the user to pick "Save as PDF" in the print dialog.
 */
export async function savePdf(
  title: string,
  defaultPath: string,
): Promise<{ path: string | null; error?: string } | null> {
  if (!isDesktop()) return null;
  const chosen = await invokeShell('shell.saveDialog', { title, defaultPath, extensions: ['pdf'] });
  if (!chosen?.ok) return { path: null, error: chosen ? errorTextNow(chosen.error) : undefined };
  if (!chosen.value.path) return { path: null };
  const printed = await invokeShell('shell.print', { pdfPath: chosen.value.path });
  if (!printed?.ok) return { path: null, error: printed ? errorTextNow(printed.error) : undefined };
  return { path: chosen.value.path };
}

/** A print route: the paper form alone in its own window. */
export type PrintPage = Page & `print/${string}`;

/**
 * Opens a print route (`#/print/count?round=ID`) in a window of its own, like the board: one
 * window per kind of form, so opening another form of that kind replaces it. In a browser the
 * loopback token goes along in the hash; Electron opens the app's own URLs as app windows.
 */
export function openPrintWindow(page: PrintPage, query: Record<string, string>): void {
  const token = loopbackToken();
  const inSearch = new URLSearchParams(window.location.search).has('token');
  const q: Record<string, string> = { ...query };
  if (token && !inSearch) q.token = token;
  const url = `${window.location.pathname}${window.location.search}${hashFor(page, q)}`;
  window.open(url, `congress-desk-${page.replace('/', '-')}`, 'popup,width=960,height=1000')?.focus();
}

/** Resolves once every image inside `root` is decoded, so a PDF taken then shows them all. */
export async function imagesDecoded(root: HTMLElement | null): Promise<void> {
  if (!root) return;
  await Promise.all([...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
}
