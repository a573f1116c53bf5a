/**
 * A station's writes by their idempotency key (issue 14, `lan_calls`): what the host committed for
 * a key, so that the same key again — a station that never saw the answer, or a replay of its
 * outbox — answers what the first answered and writes nothing.
 */
import type { SqliteDb } from '../../open.js';
import { statement } from '../../statements.js';

export interface KeptCall {
  key: string;
  channel: string;
  inputSha256: string;
  auditSeq: number;
  result: unknown;
  receipt: string;
}

interface Row {
  key: string;
  channel: string;
  input_sha256: string;
  audit_seq: number;
  result_json: string;
  receipt: string;
}

export function findCall(db: SqliteDb, key: string): KeptCall | null {
  const row = statement(db, 'SELECT * FROM lan_calls WHERE key = ?').get(key) as Row | undefined;
  if (!row) return null;
  return {
    key: row.key,
    channel: row.channel,
    inputSha256: row.input_sha256,
    auditSeq: row.audit_seq,
    result: JSON.parse(row.result_json) as unknown,
    receipt: row.receipt,
  };
}

/** Inside the write's transaction, right after its audit row. */
export function keepCall(db: SqliteDb, call: Omit<KeptCall, 'result'> & { result: unknown }): void {
  statement(
    db,
    'INSERT INTO lan_calls (key, channel, input_sha256, audit_seq, result_json, receipt) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(call.key, call.channel, call.inputSha256, call.auditSeq, JSON.stringify(call.result ?? null), call.receipt);
}
