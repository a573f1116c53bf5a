/**
 * This laptop's certificate for one congress on the venue network (issue 14): self-signed ECDSA
 * P-256, made on first use and kept in `<dataDir>/lan/<congressUid>.{key,cert}.pem`. Stations pin
 * its fingerprint at pairing, so it must stay the same for the life of the congress: it is read
 * back on every later use, never made again while a sound pair is on disk.
 *
 * No CA and no host name: a station reaches the host by IP and trusts exactly the fingerprint it
 * pinned (db/lan/client.ts), so the certificate carries no SAN and nothing beyond its key.
 */
import { createHash, createPrivateKey, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as X509 from '@peculiar/x509';
import { replaceSynced, syncFolder } from '../durable-file.js';

export interface VenueCertificate {
  /** PKCS#8 PEM: never leaves this laptop. */
  key: string;
  cert: string;
  /** SHA-256 of the certificate's DER, lowercase hex. */
  fingerprint: string;
}

/** Two years from a day ago: a laptop whose clock is a few hours behind the host's still accepts it (not that stations check dates: they pin). */
const VALID_DAYS = 2 * 365;
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
/** A congress uid names files here: nothing that could climb out of the folder. */
const SAFE_UID = /^[0-9A-Za-z_-]{1,64}$/;

/** Node writes `AB:CD:…`; the wire and the pin use lowercase hex without separators. */
export function normaliseFingerprint(value: string): string {
  return value.replace(/:/g, '').toLowerCase();
}

/** SHA-256 of the certificate's DER, lowercase hex; from a PEM string or the DER bytes. */
export function fingerprintOf(certificate: string | Buffer | Uint8Array): string {
  if (typeof certificate === 'string') return normaliseFingerprint(new X509Certificate(certificate).fingerprint256);
  return createHash('sha256').update(certificate).digest('hex');
}

export function certificatePaths(dataDir: string, congressUid: string): { dir: string; key: string; cert: string } {
  if (!SAFE_UID.test(congressUid)) throw new Error(`not a congress uid: ${JSON.stringify(congressUid)}`);
  const dir = path.join(dataDir, 'lan');
  return { dir, key: path.join(dir, `${congressUid}.key.pem`), cert: path.join(dir, `${congressUid}.cert.pem`) };
}

// Two calls at once on first use must not make two certificates (the one written last would
// differ from the fingerprint the first caller already gave a station).
const making = new Map<string, Promise<VenueCertificate>>();

/** This laptop's certificate for `congressUid`, made now if there is no sound one on disk. */
export async function certificateFor(dataDir: string, congressUid: string): Promise<VenueCertificate> {
  const paths = certificatePaths(dataDir, congressUid);
  const kept = readKept(paths);
  if (kept) return kept;
  let pending = making.get(paths.cert);
  if (!pending) {
    pending = make(paths, congressUid).finally(() => making.delete(paths.cert));
    making.set(paths.cert, pending);
  }
  return pending;
}

/** The pair on disk if both files are there and the key is the certificate's; else null (made anew: a half-written pair was never served). */
function readKept(paths: { key: string; cert: string }): VenueCertificate | null {
  if (!existsSync(paths.key) || !existsSync(paths.cert)) return null;
  try {
    const key = readFileSync(paths.key, 'utf8');
    const cert = readFileSync(paths.cert, 'utf8');
    const parsed = new X509Certificate(cert);
    if (!parsed.checkPrivateKey(createPrivateKey(key))) return null;
    return { key, cert, fingerprint: normaliseFingerprint(parsed.fingerprint256) };
  } catch {
    return null;
  }
}

async function make(paths: { dir: string; key: string; cert: string }, congressUid: string): Promise<VenueCertificate> {
  const kept = readKept(paths);
  if (kept) return kept;
  const x509 = await loadX509();
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const day = 24 * 60 * 60_000;
  const notBefore = new Date(Date.now() - day);
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f; // a positive serial, as RFC 5280 asks
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString('hex'),
    name: `CN=Congress Desk ${congressUid}`,
    notBefore,
    notAfter: new Date(notBefore.getTime() + VALID_DAYS * day),
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const key = `-----BEGIN PRIVATE KEY-----\n${pkcs8
    .toString('base64')
    .replace(/.{64}/g, '$&\n')
    .replace(/\n?$/, '\n')}-----END PRIVATE KEY-----\n`;
  const cert = certificate.toString('pem').replace(/\r\n/g, '\n').replace(/\n?$/, '\n');

  mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  // The key first, the certificate last: a pair is only ever read whole (readKept), and the
  // certificate a station pins must survive a power cut once it was served, hence the fsyncs.
  replaceSynced(paths.key, key, { mode: 0o600, syncDir: false });
  replaceSynced(paths.cert, cert, { mode: 0o644, syncDir: false });
  syncFolder(paths.dir);
  return { key, cert, fingerprint: fingerprintOf(cert) };
}

// Loaded on the first certificate made, not when the store starts: most laptops never open a venue.
// @peculiar/x509 needs a Reflect polyfill (its dependency tsyringe checks for it when loaded).
let x509Loaded: Promise<typeof X509> | null = null;
function loadX509(): Promise<typeof X509> {
  x509Loaded ??= (async () => {
    await import('reflect-metadata');
    const x509 = await import('@peculiar/x509');
    x509.cryptoProvider.set(webcrypto as unknown as Crypto);
    return x509;
  })();
  return x509Loaded;
}
