import type { ChangeEvent } from '../core/domain.js';
import type { Result } from '../core/result.js';
import type { BackupOptions } from './backups/scheduler.js';
import type { KeyStore } from './results/installation-key.js';

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
  /** The clock (tests move it to reach the idle lock). */
  now?: () => Date;
}
