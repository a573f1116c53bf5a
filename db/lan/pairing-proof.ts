/**
 * The host's proof at pairing (core/lan/protocol.ts `pairAnswer.proof`): it knows the code the
 * secretariat showed, and it binds that knowledge to the certificate the station saw and the
 * station's nonce. A man in the middle presents another certificate and does not know the code,
 * so it cannot answer with a proof that matches what the station saw. Both ends import this one
 * function: the host to answer, the station to check.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 (key: the code's six digits) of `<fingerprint>|<nonce>`, lowercase hex. */
export function pairProof(code: string, fingerprint: string, nonce: string): string {
  return createHmac('sha256', code).update(`${fingerprint}|${nonce}`, 'utf8').digest('hex');
}

/** Whether `proof` is the host's answer for this code, this certificate and this nonce (timing-safe). */
export function proofMatches(proof: string, code: string, fingerprint: string, nonce: string): boolean {
  const expected = Buffer.from(pairProof(code, fingerprint, nonce), 'hex');
  const given = Buffer.from(proof, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
