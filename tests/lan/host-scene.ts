/**
 * Set-up for the host-store tests (issue 14): a real congress file behind a real backend, its
 * dispatcher and LanHost reached through `backendParts`, stations paired through the LanHost as
 * the Venue would (the venue's own HTTPS is tested in venue-*.test.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { StationKind } from '../../core/lan/protocol.js';
import type { Result } from '../../core/result.js';
import { backendParts } from '../../db/backend.js';
import type { StationIdentity, VenueState } from '../../db/lan/types.js';
import { rawDb, type TestBackend } from '../db/helpers.js';

export function partsOf(tb: TestBackend) {
  const parts = backendParts(tb.backend);
  if (!parts) throw new Error('not a backend made by createBackend');
  return { ...parts, host: parts.lan.host };
}

/** A venue as the Venue's state says it once open (its certificate's fingerprint). */
export const VENUE: VenueState = { open: true, address: '127.0.0.1', port: 47310, fingerprint: 'ab'.repeat(32) };

export const nonce = () => randomBytes(16).toString('base64url');
export const callKey = () => randomUUID();

/** A clock the test moves: BackendOptions.now. */
export function movableClock(start = Date.now()) {
  let at = start;
  return {
    now: () => new Date(at),
    move: (ms: number) => {
      at += ms;
    },
  };
}

export function expectOk<T>(r: Result<T>): T {
  if (!r.ok) expect.fail(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

export function expectRefused<T>(r: Result<T>, reason: string) {
  if (r.ok) expect.fail(`expected ${reason}, got ${JSON.stringify(r.value)}`);
  expect(r.error.reason).toBe(reason);
  return r.error;
}

/** Pairs a station through the LanHost with a fresh code; its identity as `authenticate` answers it, and its credential. */
export async function pairStation(tb: TestBackend, kind: StationKind, name: string, from = '127.0.0.9') {
  const { host } = partsOf(tb);
  const code = expectOk(host.newCode(kind, VENUE));
  const answer = expectOk(await host.pair({ code: code.code, name, kind, nonce: nonce() }, from, VENUE.fingerprint!));
  const authorization = `Station ${answer.stationId}.${answer.secret}`;
  const identity: StationIdentity = expectOk(host.authenticate(authorization));
  return { identity, authorization, answer, code: code.code };
}

export interface AuditLine {
  id: number;
  operator: string;
  station: string;
  action: string;
  payload: string;
  changes: string | null;
}

/** The audit log as a second connection reads it. */
export function auditLines(file: string): AuditLine[] {
  const db = rawDb(file);
  try {
    return db
      .prepare('SELECT id, operator, station, action, payload, changes FROM audit_log ORDER BY id')
      .all() as AuditLine[];
  } finally {
    db.close();
  }
}

export function countRows(file: string, table: string): number {
  const db = rawDb(file);
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** audit.verify as the secretariat's window asks it: the chain and the replay of every table. */
export async function expectVerified(tb: TestBackend, ctx: unknown) {
  const verdict = await tb.call('audit.verify', {}, ctx);
  expect(verdict).toMatchObject({ ok: true });
  return verdict;
}
