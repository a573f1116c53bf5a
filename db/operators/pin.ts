/**
 * PINs are stored only as a slow salted hash: scrypt from Node's crypto (N = 2^15, r = 8, p = 1,
 * a 16-byte random salt, 32-byte key), compared in constant time. A 6-digit PIN has a million
 * values; at tens of milliseconds a guess, a stolen file still takes hours to search, and the
 * app itself refuses after a few wrong tries (db/stations.ts).
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
// scrypt needs 128 × N × r bytes; Node's default ceiling is exactly that, so give it room.
const MAX_MEM = 256 * N * R;

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(pin, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function verifyPin(pin: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const key = scryptSync(pin, salt, expected.length, { N: n, r, p, maxmem: 256 * n * r });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
