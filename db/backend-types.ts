import type { ChangeEvent } from '../core/domain.js';
import type { Result } from '../core/result.js';
import type { BackupOptions } from './backups/scheduler.js';
import type { KeyStore } from './results/installation-key.js';
import type { PageReader } from './scan/queue.js';

/**
 * What a transport (Electron IPC relay, the store worker, the loopback host) needs from
 * the store: one entry point for every call of the contract, and change events.
 * `invoke` validates `channel`, `input` and `ctx` against the contract itself: the
 * transports pass through whatever arrived.
 */
export interface Backend {
  invoke(channel: string, input: unknown, ctx: unknown): Promise<Result<unknown>>;
  onChange(listener: (event: ChangeEvent) => void): () => void;
  close(): void;
  /**
   * The folders a write may go into right now (db/places.ts), absolute, each once: the documents
   * and data folders, `options.places`, the open congress's folder, the backup folder in its
   * settings, and those added by `addPlace` in this run.
   */
  places(): Promise<string[]>;
  /**
   * A folder the user picked (a save dialog's file → its folder; a folder dialog → that folder).
   * Only the trusted side calls it: Electron main after its own dialog, the loopback host after
   * its own picker, the CLI for its arguments. No call of the contract reaches it.
   */
  addPlace(folder: string): void;
}

export interface BackendOptions {
  /** Per-installation folder: recent files list, demo congress copies. */
  dataDir: string;
  /** Where New congress suggests saving files (e.g. ~/Documents/Congress Desk). */
  documentsDir: string;
  /**
   * Where the numbered `.sql` migrations are, when a bundler moved the store away from
   * `db/migrations/` (default: next to db/open.ts, via `import.meta.url`).
   */
  migrationsDir?: string;
  /**
   * Where the installation key comes from: in Electron the main process (safeStorage); by
   * default a file in `dataDir` that only the user can read.
   */
  keyStore?: KeyStore;
  /** Automatic backups: how often while the congress changes, how many copies (db/backups.ts). */
  backup?: BackupOptions;
  /**
   * Folders a write may go into besides the documents and data folders (db/places.ts): the
   * loopback host's `--places DIR` and the USB mounts it finds; a test's temp folder.
   */
  places?: string[];
  /** The clock (tests move it to reach the idle lock). */
  now?: () => Date;
  /**
   * What reads scanned pages (issue 13); default: the store's worker pool (db/scan/pool.ts),
   * started on the first page.
   */
  scanReader?: PageReader;
}
