/**
 * Sending pages to the store, without React: the scanner's folder polled while the screen is
 * open (`scan.inbox` then `scan.addFiles`), files picked by path, files dropped and camera
 * frames as bytes (`scan.addImage`). What was not received comes back as notices.
 */

import { callScan, type ScanAdded } from './api.js';
import { invalidatePages } from './invalidate.js';
import { useScanSession } from './session.js';

/** What the store answered: its skips become notices, and the page list is read again. */
function received(
  roundId: number,
  r: Awaited<ReturnType<typeof callScan<'scan.addFiles'>>>,
  name: string,
): ScanAdded | null {
  if (!r.ok) {
    useScanSession.getState().notify([{ name, code: r.error.reason ?? r.error.code, params: r.error.params ?? {} }]);
    return null;
  }
  useScanSession.getState().notify(r.value.skipped);
  invalidatePages(roundId);
  return r.value;
}

export async function addPaths(roundId: number, source: 'folder' | 'file', paths: string[]): Promise<number> {
  if (paths.length === 0) return 0;
  const r = await callScan('scan.addFiles', { roundId, source, paths });
  return received(roundId, r, paths[0] ?? '')?.added.length ?? 0;
}

/** Bytes as base64, in pieces (a 3 MB scan through one `String.fromCharCode(...)` overflows the stack). */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function addBytes(
  roundId: number,
  source: 'drop' | 'camera',
  name: string,
  bytes: Uint8Array,
): Promise<number> {
  const r = await callScan('scan.addImage', { roundId, source, name, data: base64Of(bytes) });
  return received(roundId, r, name)?.added.length ?? 0;
}

/** Dropped files, one after another in the order dropped (the pages keep that order). */
export async function addDropped(roundId: number, files: readonly File[]): Promise<void> {
  for (const file of files) await addBytes(roundId, 'drop', file.name, new Uint8Array(await file.arrayBuffer()));
}

/**
 * The scanner's folder, polled every second while watched: only files the store says are new and
 * finished (their size stopped changing), and never a file already sent by this window.
 */
export function watchFolder(
  roundId: number,
  folder: string,
  on: { received(pages: number): void; stopped(): void },
): () => void {
  const sent = new Set<string>();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const poll = async () => {
    if (stopped) return;
    const r = await callScan('scan.inbox', { roundId, folder });
    if (stopped) return;
    if (!r.ok) {
      // A folder gone or not allowed is said once, and the watch ends (not a notice a second).
      useScanSession
        .getState()
        .notify([{ name: folder, code: r.error.reason ?? r.error.code, params: r.error.params ?? {} }]);
      stopped = true;
      on.stopped();
      return;
    }
    const fresh = r.value.files
      .map((f) => f.path)
      .filter((p) => !sent.has(p))
      .slice(0, 500);
    for (const p of fresh) sent.add(p);
    const n = await addPaths(roundId, 'folder', fresh);
    if (n > 0) on.received(n);
    if (!stopped) timer = setTimeout(() => void poll(), 1000);
  };
  void poll();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
