/**
 * Signed-in stations, in the store's memory (never in the file): a random token per sign-in,
 * the operator behind it, and the time of its last call. A token stops working when the
 * station locks itself, after the congress's idle minutes, or when the congress closes.
 * Wrong PINs are counted per operator: after five in a row, that operator waits a minute.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../core/roles.js';

export interface StationSession {
  token: string;
  operatorId: number;
  name: string;
  role: Role;
  /** The congress file the sign-in belongs to. */
  path: string;
  lastActive: number;
}

const MAX_FAILURES = 5;
const LOCKOUT_MS = 60_000;

export class Stations {
  private readonly sessions = new Map<string, StationSession>();
  private readonly failures = new Map<number, { count: number; until: number }>();

  open(s: Omit<StationSession, 'token' | 'lastActive'>, now: number): StationSession {
    const session = { ...s, token: randomBytes(24).toString('base64url'), lastActive: now };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The live session of `token` on `path`, touched; null when unknown, of another file, or idle too long. */
  resolve(token: string | undefined, path: string, idleMinutes: number, now: number): StationSession | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s || s.path !== path) return null;
    if (now - s.lastActive > idleMinutes * 60_000) {
      this.sessions.delete(token);
      return null;
    }
    s.lastActive = now;
    return s;
  }

  close(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** Every sign-in ends with its congress (closed, or another opened). */
  closeAll(): void {
    this.sessions.clear();
  }

  /** Ends the sessions of an operator whose role, PIN or access changed. */
  closeOperator(operatorId: number): void {
    for (const [token, s] of this.sessions) if (s.operatorId === operatorId) this.sessions.delete(token);
  }

  /** Milliseconds this operator must still wait after too many wrong PINs (0: may try). */
  lockedFor(operatorId: number, now: number): number {
    const f = this.failures.get(operatorId);
    return f && f.count >= MAX_FAILURES && f.until > now ? f.until - now : 0;
  }

  recordFailure(operatorId: number, now: number): void {
    const f = this.failures.get(operatorId) ?? { count: 0, until: 0 };
    // A lockout that has run out starts the count again.
    const count = f.count >= MAX_FAILURES && f.until <= now ? 1 : f.count + 1;
    this.failures.set(operatorId, { count, until: count >= MAX_FAILURES ? now + LOCKOUT_MS : 0 });
  }

  recordSuccess(operatorId: number): void {
    this.failures.delete(operatorId);
  }
}
