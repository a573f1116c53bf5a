/**
 * Messages between the Electron main process and the store worker (a `utilityProcess`
 * in the app, a `child_process.fork` in tests). Types only.
 */
import type { ChangeEvent } from '../core/domain.js';
import type { Result } from '../core/result.js';
import type { KeyProtection, StoredKey } from '../db/results/installation-key.js';

/** Main → worker. */
export type ToWorker =
  | { type: 'invoke'; id: number; channel: string; input: unknown; ctx: unknown }
  /** The answer to `key-request`: the installation key, or why it could not be had. */
  | { type: 'key'; key: { stored: StoredKey; protection: KeyProtection } | null; error: string | null }
  /** The folders a write may go into now (db/places.ts), answered by `places`. */
  | { type: 'places'; id: number }
  /**
   * A folder the user picked in a dialog of the main process: a write may go there from now on.
   * Only the main process sends it, after its own dialog; the renderer reaches the worker
   * through `invoke` alone, so no call of the contract widens the places.
   */
  | { type: 'add-place'; folder: string }
  | { type: 'close' };

/** Worker → main. */
export type FromWorker =
  | { type: 'ready'; pid: number }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'places'; id: number; places: string[] }
  | { type: 'change'; event: ChangeEvent }
  | { type: 'fatal'; message: string }
  | { type: 'closed' }
  /** The store needs the installation key (to sign a result file); the main process holds it. */
  | { type: 'key-request' };

/** Environment the main process sets for the worker. */
export const WORKER_ENV = {
  dataDir: 'CONGRESS_DESK_DATA',
  documentsDir: 'CONGRESS_DESK_DOCUMENTS',
  /** Path of a better-sqlite3 binary built for Electron's ABI (see scripts/electron-native.mjs). */
  sqliteBinding: 'CONGRESS_DESK_SQLITE_BINDING',
  /** "1": ask the main process for the installation key instead of keeping a file of it. */
  keyFromParent: 'CONGRESS_DESK_KEY_FROM_PARENT',
} as const;
