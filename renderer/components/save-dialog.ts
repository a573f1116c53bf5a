import { ok, type Result } from '../../core/result.js';
import { invokeShell } from '../api/index.js';

/**
 * Where to save a file, asked in the desktop's save dialog: the path chosen, or null when the
 * person cancelled (or in a browser, which has no dialog); a refusal when it could not open.
 */
export async function askSavePath(
  title: string,
  defaultPath: string,
  extensions: string[],
): Promise<Result<string | null>> {
  const chosen = await invokeShell('shell.saveDialog', { title, defaultPath, extensions });
  if (!chosen) return ok(null);
  return chosen.ok ? ok(chosen.value.path) : chosen;
}
