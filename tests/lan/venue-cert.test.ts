/**
 * Issue 14: this laptop's certificate for a congress (db/lan/cert.ts) — the one thing every
 * station pins, so it must be made once and read back ever after.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLocalAddress, isLoopback, localAddresses } from '../../db/lan/addresses.js';
import { certificateFor, certificatePaths, fingerprintOf, normaliseFingerprint } from '../../db/lan/cert.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'venue-cert-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const UID = '0123456789abcdef0123456789abcdef';

describe('issue 14: the venue certificate of a congress', () => {
  it('is made on first use as a self-signed P-256 certificate for the congress, key file 0600, fingerprint the SHA-256 of its DER', async () => {
    const dataDir = tempDir();
    const made = await certificateFor(dataDir, UID);
    const paths = certificatePaths(dataDir, UID);
    expect(paths.key).toBe(path.join(dataDir, 'lan', `${UID}.key.pem`));
    expect(statSync(paths.key).mode & 0o777).toBe(0o600);
    expect(statSync(paths.cert).isFile()).toBe(true);

    const cert = new X509Certificate(made.cert);
    expect(cert.subject).toBe(`CN=Congress Desk ${UID}`);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.ca).toBe(false);
    // Back-dated a day, good for about two years: a laptop whose clock lags still accepts it.
    expect(new Date(cert.validFrom).getTime()).toBeLessThan(Date.now() - 23 * 3600_000);
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now() + 700 * 24 * 3600_000);

    const der = createHash('sha256').update(cert.raw).digest('hex');
    expect(made.fingerprint).toBe(der);
    expect(made.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf(made.cert)).toBe(der);
    expect(fingerprintOf(cert.raw)).toBe(der);
  });

  it('is read back, not made again: the same key, certificate and fingerprint on every later use', async () => {
    const dataDir = tempDir();
    const first = await certificateFor(dataDir, UID);
    const mtime = statSync(certificatePaths(dataDir, UID).cert).mtimeMs;
    const again = await certificateFor(dataDir, UID);
    expect(again).toEqual(first);
    expect(statSync(certificatePaths(dataDir, UID).cert).mtimeMs).toBe(mtime);
  });

  it('two first uses at once make one certificate (both callers get the fingerprint that is on disk)', async () => {
    const dataDir = tempDir();
    const all = await Promise.all([1, 2, 3, 4].map(() => certificateFor(dataDir, UID)));
    const onDisk = await certificateFor(dataDir, UID);
    for (const one of all) expect(one.fingerprint).toBe(onDisk.fingerprint);
  });

  it('differs per congress and per laptop (data folder)', async () => {
    const dataDir = tempDir();
    const a = await certificateFor(dataDir, UID);
    const b = await certificateFor(dataDir, 'fedcba9876543210fedcba9876543210');
    const elsewhere = await certificateFor(tempDir(), UID);
    expect(new Set([a.fingerprint, b.fingerprint, elsewhere.fingerprint]).size).toBe(3);
  });

  it('a pair whose key is gone or is not the certificate’s is made anew (a half-written pair is never served)', async () => {
    const dataDir = tempDir();
    const first = await certificateFor(dataDir, UID);
    const paths = certificatePaths(dataDir, UID);
    rmSync(paths.key);
    const remade = await certificateFor(dataDir, UID);
    expect(remade.fingerprint).not.toBe(first.fingerprint);

    const other = await certificateFor(dataDir, 'ffffffffffffffffffffffffffffffff');
    writeFileSync(paths.key, other.key);
    const mismatched = await certificateFor(dataDir, UID);
    expect(mismatched.fingerprint).not.toBe(remade.fingerprint);
    expect(new X509Certificate(mismatched.cert).checkPrivateKey(await keyOf(mismatched.key))).toBe(true);
  });

  it('refuses a congress uid that could name a file outside the folder', async () => {
    expect(() => certificatePaths(tempDir(), '../../etc/x')).toThrow();
    await expect(certificateFor(tempDir(), 'a/b')).rejects.toThrow();
  });

  it("normalises Node's AB:CD:… form to the wire's lowercase hex", () => {
    expect(normaliseFingerprint('AB:CD:0F')).toBe('abcd0f');
    expect(normaliseFingerprint('abcd0f')).toBe('abcd0f');
  });
});

describe('issue 14: the addresses the venue may open on (lan.addresses)', () => {
  it("are this laptop's IPv4 addresses with their interface names, loopback last", () => {
    const found = localAddresses();
    expect(found.some((a) => a.address === '127.0.0.1' && a.name.length > 0)).toBe(true);
    for (const a of found) expect(a.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const firstInternal = found.findIndex((a) => isLoopback(a.address));
    expect(found.slice(firstInternal).every((a) => isLoopback(a.address))).toBe(true);
  });

  it('a loopback address or one of the interfaces is local; a wildcard, another host or a name is not', () => {
    expect(isLocalAddress('127.0.0.1')).toBe(true);
    expect(isLocalAddress('127.0.0.2')).toBe(true);
    for (const a of localAddresses()) expect(isLocalAddress(a.address)).toBe(true);
    expect(isLocalAddress('0.0.0.0')).toBe(false);
    expect(isLocalAddress('192.0.2.77')).toBe(false);
    expect(isLocalAddress('localhost')).toBe(false);
    expect(isLocalAddress('::')).toBe(false);
  });
});

async function keyOf(pem: string) {
  const { createPrivateKey } = await import('node:crypto');
  return createPrivateKey(pem);
}
