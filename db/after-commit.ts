/**
 * What follows a committed write: its change topics announced to the listeners (the window's
 * fetch layer, the hall's board), and the backup schedule told, or a copy made now when the
 * handler declared `backupAfter` (db/handler-types.ts).
 */
import type { ChangeEvent } from '../core/domain.js';
import type { Backups } from './backups/scheduler.js';
import type { Committed } from './run-handler.js';

export class ChangeFeed {
  private readonly listeners = new Set<(event: ChangeEvent) => void>();

  listen(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Announces committed changes; `audit` always, since every committed write appended a row. */
  emit(events: ChangeEvent[]): void {
    if (events.length === 0) return;
    const all = events.some((e) => e.topic === 'audit') ? events : [...events, { topic: 'audit' as const }];
    for (const event of all) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (err) {
          console.error('congress-desk: change listener failed:', err);
        }
      }
    }
  }
}

/** After a write's commit: the schedule counts the change, the feed announces it, a copy is made if declared. */
export function afterCommit(committed: Committed, feed: ChangeFeed, backups: Backups): void {
  backups.changed();
  feed.emit(committed.events);
  if (committed.backup !== null) void backups.backupNow(committed.backup);
}
