/**
 * Automatic backups of the open congress to the folder its settings name (a USB stick): every
 * few minutes while it changes, and at once when a round closes. SQLite's online backup makes a
 * consistent copy while the congress stays open; the copy is written under a temporary name
 * and renamed, so the folder never holds half a copy. The latest copies are kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupReason } from '../../core/contract.js';
import { type AppWarning, warning } from '../../core/result.js';
import { auditHead } from '../audit/log.js';
import { readCongress } from '../congress/records.js';
import type { Session } from '../session.js';

export interface BackupRecord {
  path: string;
  at: string;
  reason: BackupReason;
  /** Issue 14: the last audit row the copy holds (a write up to it is also off the host: safeSeq). */
  seq: number;
}

/** The last automatic copy that failed: when, and why by reason. */
export interface BackupFailure extends AppWarning {
  at: string;
}

export interface BackupOptions {
  /** Least time between two backups of a changing congress (default 3 minutes). */
  intervalMs?: number;
  /** Copies of one congress kept in the folder (default 30). */
  keep?: number;
  now?: () => Date;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** The copies of `congressPath` in `dir`, newest first. */
export function backupCopies(dir: string, congressPath: string): { path: string; bytes: number; modifiedAt: string }[] {
  const prefix = `${path.basename(congressPath, path.extname(congressPath))}-备份-`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(prefix) && n.endsWith('.congress'))
    .map((n) => {
      const p = path.join(dir, n);
      const st = fs.statSync(p);
      return { path: p, bytes: st.size, modifiedAt: st.mtime.toISOString() };
    })
    .sort((a, b) => (a.path < b.path ? 1 : -1));
}

export class Backups {
  last: BackupRecord | null = null;
  lastError: BackupFailure | null = null;
  private dirty = false;
  private lastAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly intervalMs: number;
  private readonly keep: number;
  private readonly now: () => Date;
  private readonly copiedListeners = new Set<(record: BackupRecord) => void>();

  constructor(
    private readonly session: Session,
    /** Runs work in the store's queue, between calls, never inside one. */
    private readonly enqueue: (work: () => Promise<void>) => Promise<void>,
    options: BackupOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 3 * 60_000;
    this.keep = options.keep ?? 30;
    this.now = options.now ?? (() => new Date());
  }

  /** Starts the clock that turns "changed since the last copy" into a copy. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), Math.max(1000, Math.min(30_000, this.intervalMs)));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Issue 14: told of every copy made (the venue host's safeSeq moves on). */
  onCopied(listener: (record: BackupRecord) => void): () => void {
    this.copiedListeners.add(listener);
    return () => this.copiedListeners.delete(listener);
  }

  /** A committed write: the congress has changed since the last copy. */
  changed(): void {
    this.dirty = true;
  }

  /** Another congress was opened (or none is): its own history starts. */
  reset(): void {
    this.dirty = false;
    this.lastAt = 0;
    this.last = null;
    this.lastError = null;
  }

  async tick(): Promise<void> {
    if (this.dirty && this.now().getTime() - this.lastAt >= this.intervalMs) await this.backupNow('interval');
  }

  /** Copies the open congress to its backup folder now (no folder set: nothing to do). */
  backupNow(reason: BackupReason): Promise<void> {
    return this.enqueue(async () => {
      const open = this.session.open;
      if (!open) return;
      // A tick queued behind a copy asked for by a write (a round closed) finds nothing new to copy.
      if (reason === 'interval' && !this.dirty) return;
      const dir = readCongress(open.db).settings.backupDir;
      if (!dir) return;
      const at = this.now();
      const name = `${path.basename(open.path, path.extname(open.path))}-备份-${stamp(at)}.congress`;
      const target = path.join(dir, name);
      const temp = path.join(dir, `.${name}.${process.pid}.tmp`);
      // Queued between calls: no write lands while the copy is made.
      const seq = auditHead(open.db)?.id ?? 0;
      try {
        await open.db.backup(temp);
        fs.renameSync(temp, target);
        this.dirty = false;
        this.lastAt = at.getTime();
        this.last = { path: target, at: at.toISOString(), reason, seq };
        this.lastError = null;
        for (const listener of this.copiedListeners) listener(this.last);
        for (const old of backupCopies(dir, open.path).slice(this.keep)) fs.rmSync(old.path, { force: true });
      } catch (error) {
        // A missing stick must not stop the count: the error shows on the screen, the next tick retries.
        for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(temp + suffix, { force: true });
        const failed = warning('backup.auto_failed', { dir, detail: (error as Error).message });
        this.lastError = { at: at.toISOString(), ...failed };
      }
    });
  }
}
