import { invokeShell, isDesktop } from '../api/index.js';

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
  if (!chosen?.ok) return { path: null, error: chosen?.error.message };
  if (!chosen.value.path) return { path: null };
  const printed = await invokeShell('shell.print', { pdfPath: chosen.value.path });
  if (!printed?.ok) return { path: null, error: printed?.error.message };
  return { path: chosen.value.path };
}
