/** The congress file this backend has open, if any: one at a time, like a document. */
import path from 'node:path';
import type { Result } from '../core/result.js';
import { ok } from '../core/result.js';
import { type CongressCaches, newCaches } from './caches.js';
import type { FileLock } from './file-lock.js';
import { createCongressFile, lockCongress, type OpenOptions, openCongressFileLocked, type SqliteDb } from './open.js';
import type { ScanHooks } from './scan/queue.js';

export interface OpenCongress {
  path: string;
  db: SqliteDb;
  /** Made with the connection and dropped with it (db/caches.ts). */
  caches: CongressCaches;
  /** Held while the congress is open: no other process or session opens it meanwhile. */
  lock: FileLock;
}

export class Session {
  private current: OpenCongress | null = null;
  /** How a file's scanned pages reach the reader and announce their readings (set by the dispatcher). */
  readonly scanHooks: ScanHooks = {};

  constructor(readonly openOptions: OpenOptions = {}) {}

  get open(): OpenCongress | null {
    return this.current;
  }

  /** Opens `filePath`; the congress open before stays open if the new one is refused. */
  openFile(filePath: string): Result<OpenCongress> {
    const absolute = path.resolve(filePath);
    if (this.current?.path === absolute) return ok(this.current);
    const opened = openCongressFileLocked(absolute, this.openOptions);
    if (!opened.ok) return opened;
    return ok(this.replace({ path: absolute, ...opened.value, caches: newCaches(this.scanHooks) }));
  }

  createFile(filePath: string, init: (db: SqliteDb) => Result<void>): Result<OpenCongress> {
    const absolute = path.resolve(filePath);
    const created = createCongressFile(absolute, init, this.openOptions);
    if (!created.ok) return created;
    const lock = lockCongress(absolute);
    if (!lock.ok) {
      created.value.close();
      return lock;
    }
    return ok(this.replace({ path: absolute, db: created.value, lock: lock.value, caches: newCaches(this.scanHooks) }));
  }

  close(): void {
    this.current?.caches.scans.close();
    this.current?.db.close();
    this.current?.lock.release();
    this.current = null;
  }

  private replace(next: OpenCongress): OpenCongress {
    this.close();
    this.current = next;
    return next;
  }
}
