/**
 * The station's durable outbox (issue 14, 「不丢数据」): every write of this laptop's windows is
 * committed here, fsynced, before a byte of it goes to the host, and kept until the host answered
 * it AND a copy off the host holds it (`host_seq <= safeSeq`). One SQLite file per congress on the
 * station's own disk; a station that dies mid-call finds its rows on restart and replays them
 * with the same idempotency keys, so the host commits each once.
 *
 * Also kept here: what replayed calls were refused with (`told`), so a restart does not forget to
 * tell the desk.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { statement } from '../../statements.js';

export type OutboxState = 'queued' | 'answered';

export interface OutboxRow {
  seq: number;
  key: string;
  channel: string;
  input: unknown;
  ctx: Record<string, unknown>;
  state: OutboxState;
  hostSeq: number | null;
  receipt: string | null;
  madeAt: string;
  /** ballots.enter: the round (and keying) its paper counts against, for the beat's `pending` and the offline limit. */
  roundId: number | null;
  entry: number | null;
}

export interface ToldEntry {
  at: string;
  channel: string;
  reason: string;
  params: Record<string, string | number>;
}

interface RawRow {
  seq: number;
  key: string;
  channel: string;
  input: string;
  ctx: string;
  state: OutboxState;
  host_seq: number | null;
  receipt: string | null;
  made_at: string;
  round_id: number | null;
  entry: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  seq INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL,
  input TEXT NOT NULL,
  ctx TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'answered')),
  host_seq INTEGER,
  receipt TEXT,
  made_at TEXT NOT NULL,
  round_id INTEGER,
  entry INTEGER
);
-- The next to send is found without reading the answered rows kept until a copy holds them.
CREATE INDEX IF NOT EXISTS outbox_state ON outbox (state, seq);
CREATE INDEX IF NOT EXISTS outbox_answered ON outbox (state, host_seq);
CREATE TABLE IF NOT EXISTS told (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  channel TEXT NOT NULL,
  reason TEXT NOT NULL,
  params TEXT NOT NULL
);
`;

const rowOf = (r: RawRow): OutboxRow => ({
  seq: r.seq,
  key: r.key,
  channel: r.channel,
  input: JSON.parse(r.input),
  ctx: JSON.parse(r.ctx),
  state: r.state,
  hostSeq: r.host_seq,
  receipt: r.receipt,
  madeAt: r.made_at,
  roundId: r.round_id,
  entry: r.entry,
});

/** A congress uid names a file here: nothing that could climb out of the folder. */
const safeName = (uid: string) => uid.replace(/[^0-9A-Za-z_-]/g, '_').slice(0, 80);

export function outboxPath(dataDir: string, congressUid: string): string {
  return path.join(dataDir, 'lan', `outbox-${safeName(congressUid)}.sqlite`);
}

export class Outbox {
  private readonly db: Database.Database;
  /** The rows by state, kept beside the table: the desk asks at every call, a day's rows may be thousands. */
  private readonly tally = { queued: 0, unsafe: 0 };

  private counted(states: { state: OutboxState }[], by: 1 | -1): void {
    for (const { state } of states) {
      if (state === 'queued') this.tally.queued += by;
      else this.tally.unsafe += by;
    }
  }

  private statement(sql: string): Database.Statement {
    return statement(this.db, sql);
  }

  /**
   * A change whose loss in a power cut loses nothing: a row marked answered or dropped comes back
   * queued, and goes again with its call key, which the host answers as it did the first time
   * (db/dispatch.ts). Committed without waiting for the disk; the next synced commit (the next
   * `add`) carries it there too, as WAL commits are in order.
   */
  private unsynced<T>(run: () => T): T {
    this.db.pragma('synchronous = NORMAL');
    try {
      return run();
    } finally {
      this.db.pragma('synchronous = FULL');
    }
  }

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // A row the window was told is kept must be on the disk when the call returns.
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    fs.chmodSync(file, 0o600);
    this.counted(this.db.prepare('SELECT state FROM outbox').all() as { state: OutboxState }[], 1);
  }

  /** Inserts a write before it is sent; committed (and synced) when this returns. */
  add(row: Omit<OutboxRow, 'seq' | 'state' | 'hostSeq' | 'receipt'>): OutboxRow {
    const seq = this.statement(
      `INSERT INTO outbox (key, channel, input, ctx, state, made_at, round_id, entry)
         VALUES (?, ?, ?, ?, 'queued', ?, ?, ?) RETURNING seq`,
    )
      .pluck()
      .get(
        row.key,
        row.channel,
        JSON.stringify(row.input ?? {}),
        JSON.stringify(row.ctx),
        row.madeAt,
        row.roundId,
        row.entry,
      ) as number;
    this.tally.queued++;
    return { ...row, seq, state: 'queued', hostSeq: null, receipt: null };
  }

  /** A write the host committed before the outbox knew of it (a chief-confirmed call): kept until safe, for a failover. */
  addAnswered(row: Omit<OutboxRow, 'seq' | 'state'>): void {
    const { changes } = this.db
      .prepare(
        `INSERT OR IGNORE INTO outbox (key, channel, input, ctx, state, host_seq, receipt, made_at, round_id, entry)
         VALUES (?, ?, ?, ?, 'answered', ?, ?, ?, ?, ?)`,
      )
      .run(
        row.key,
        row.channel,
        JSON.stringify(row.input ?? {}),
        JSON.stringify(row.ctx),
        row.hostSeq,
        row.receipt,
        row.madeAt,
        row.roundId,
        row.entry,
      );
    this.tally.unsafe += changes;
  }

  get(seq: number): OutboxRow | null {
    const r = this.statement('SELECT * FROM outbox WHERE seq = ?').get(seq) as RawRow | undefined;
    return r ? rowOf(r) : null;
  }

  /** The oldest row the host has not answered: the next to send. */
  nextQueued(): OutboxRow | null {
    const r = this.statement(`SELECT * FROM outbox WHERE state = 'queued' ORDER BY seq LIMIT 1`).get() as
      | RawRow
      | undefined;
    return r ? rowOf(r) : null;
  }

  rows(): OutboxRow[] {
    return (this.db.prepare('SELECT * FROM outbox ORDER BY seq').all() as RawRow[]).map(rowOf);
  }

  answered(seq: number, hostSeq: number, receipt: string | null): void {
    const was = this.unsynced(
      () =>
        this.statement(
          `UPDATE outbox SET state = 'answered', host_seq = ?, receipt = ? WHERE seq = ? AND state = 'queued' RETURNING seq`,
        ).all(hostSeq, receipt, seq).length,
    );
    this.tally.queued -= was;
    this.tally.unsafe += was;
  }

  remove(seq: number): void {
    const gone = this.unsynced(() => this.statement('DELETE FROM outbox WHERE seq = ? RETURNING state').all(seq));
    this.counted(gone as { state: OutboxState }[], -1);
  }

  /** A replayed call refused for good: the row goes and the refusal is kept to be told, in one transaction. */
  removeTelling(seq: number, told: ToldEntry): void {
    const gone = this.db.transaction(() => {
      const rows = this.statement('DELETE FROM outbox WHERE seq = ? RETURNING state').all(seq);
      this.statement('INSERT INTO told (at, channel, reason, params) VALUES (?, ?, ?, ?)').run(
        told.at,
        told.channel,
        told.reason,
        JSON.stringify(told.params),
      );
      return rows as { state: OutboxState }[];
    })();
    this.counted(gone, -1);
  }

  tell(told: ToldEntry): void {
    this.db
      .prepare('INSERT INTO told (at, channel, reason, params) VALUES (?, ?, ?, ?)')
      .run(told.at, told.channel, told.reason, JSON.stringify(told.params));
  }

  setCtx(seq: number, ctx: Record<string, unknown>): void {
    this.db.prepare('UPDATE outbox SET ctx = ? WHERE seq = ?').run(JSON.stringify(ctx), seq);
  }

  /** Answered writes the copy off the host now holds: nothing of them can be lost any more. */
  pruneSafe(safeSeq: number): number {
    const gone = this.unsynced(
      () => this.statement(`DELETE FROM outbox WHERE state = 'answered' AND host_seq <= ?`).run(safeSeq).changes,
    );
    this.tally.unsafe -= gone;
    return gone;
  }

  /**
   * After a failover: every answered write the old host's copy may not hold is sent again to the
   * new host, with its receipt (the old host's word that it admitted it), in its place in order.
   */
  requeueAnswered(): number {
    const moved = this.db.prepare(`UPDATE outbox SET state = 'queued' WHERE state = 'answered'`).run().changes;
    this.tally.queued += moved;
    this.tally.unsafe -= moved;
    return moved;
  }

  counts(): { queued: number; unsafe: number } {
    return { ...this.tally };
  }

  /** ballots.enter rows not answered yet, per round (the beat's `pending`). */
  pending(): { roundId: number; papers: number }[] {
    return this.statement(
      `SELECT round_id AS roundId, count(*) AS papers FROM outbox
       WHERE state = 'queued' AND round_id IS NOT NULL GROUP BY round_id ORDER BY round_id`,
    ).all() as { roundId: number; papers: number }[];
  }

  /** Papers of a round (and keying) queued here, not yet on the host. */
  queuedPapers(roundId: number, entry: number | null): number {
    return this.statement(`SELECT count(*) FROM outbox WHERE state = 'queued' AND round_id = ? AND entry IS ?`)
      .pluck()
      .get(roundId, entry) as number;
  }

  told(): ToldEntry[] {
    return (
      this.db.prepare('SELECT at, channel, reason, params FROM told ORDER BY id DESC').all() as {
        at: string;
        channel: string;
        reason: string;
        params: string;
      }[]
    ).map((t) => ({ ...t, params: JSON.parse(t.params) }));
  }

  dismiss(at: string): void {
    this.db.prepare('DELETE FROM told WHERE at <= ?').run(at);
  }

  isEmpty(): boolean {
    return (this.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number) === 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
