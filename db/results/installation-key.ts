/**
 * The installation key: one Ed25519 key pair per installation, made on first use, that signs
 * result files. The private key never goes into a congress file. In Electron the main process
 * keeps it encrypted with `safeStorage` (electron/key-storage.ts) and hands it to the store
 * through a `KeyStore`; under plain Node (the loopback host, the CLI) it is a file in the data
 * folder that only the user may read.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fingerprintOf } from '../../core/result-file.js';

export type KeyProtection = 'safeStorage' | 'file';

export interface InstallationKey {
  privateKey: KeyObject;
  /** Raw 32-byte Ed25519 public key. */
  publicKeyRaw: Buffer;
  fingerprint: string;
  createdAt: string;
  protection: KeyProtection;
}

export interface KeyStore {
  /** The key, made and stored the first time it is asked for. */
  load(): Promise<InstallationKey>;
}

/** What is stored: the private key as PKCS#8 DER, base64, and when it was made. */
export interface StoredKey {
  version: 1;
  createdAt: string;
  pkcs8: string;
}

export function newStoredKey(now = new Date()): StoredKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    version: 1,
    createdAt: now.toISOString(),
    pkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

/** Raw public key bytes: the last 32 bytes of Ed25519's SPKI DER encoding. */
export const rawPublicKey = (key: KeyObject): Buffer =>
  createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A raw 32-byte Ed25519 public key as a Node key object; null when it is not 32 bytes. */
export function publicKeyFromRaw(raw: Buffer): KeyObject | null {
  if (raw.length !== 32) return null;
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

export const fingerprintOfRaw = (raw: Buffer): string => fingerprintOf(createHash('sha256').update(raw).digest());

export function keyFromStored(stored: StoredKey, protection: KeyProtection): InstallationKey {
  if (stored?.version !== 1 || typeof stored.pkcs8 !== 'string') throw new Error('installation key: unknown format');
  const privateKey = createPrivateKey({ key: Buffer.from(stored.pkcs8, 'base64'), format: 'der', type: 'pkcs8' });
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('installation key: not an Ed25519 key');
  const publicKeyRaw = rawPublicKey(privateKey);
  return {
    privateKey,
    publicKeyRaw,
    fingerprint: fingerprintOfRaw(publicKeyRaw),
    createdAt: stored.createdAt,
    protection,
  };
}

export const KEY_FILE_NAME = 'installation-key.json';

/** How the key file's bytes are sealed: plain JSON here, `safeStorage` in Electron. */
export interface KeySealing {
  seal(json: string): Buffer;
  open(bytes: Buffer): string;
}

const PLAIN: KeySealing = { seal: (json) => Buffer.from(json, 'utf8'), open: (bytes) => bytes.toString('utf8') };

/**
 * Reads the stored key from `file`, making it first if there is none. The file is readable only
 * by the user (mode 0600 in a 0700 folder on POSIX; on Windows the per-user profile folder's ACL
 * does that), written through a temp file and a hard link so that two processes starting at
 * once end up with the same key.
 */
export function readOrCreateStoredKey(file: string, sealing: KeySealing = PLAIN): StoredKey {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) {
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, sealing.seal(JSON.stringify(newStoredKey())), { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(temp, file);
    } catch (error) {
      // Another process made it first: theirs is the key.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
  return JSON.parse(sealing.open(fs.readFileSync(file))) as StoredKey;
}

/** The key as a plain file in the data folder (the loopback host, the CLI). */
export class FileKeyStore implements KeyStore {
  private cached: InstallationKey | null = null;
  constructor(private readonly dir: string) {}

  get file(): string {
    return path.join(this.dir, KEY_FILE_NAME);
  }

  async load(): Promise<InstallationKey> {
    this.cached ??= keyFromStored(readOrCreateStoredKey(this.file), 'file');
    return this.cached;
  }
}

/** A key handed over by another process (the Electron main process, which holds it encrypted). */
export class ProvidedKeyStore implements KeyStore {
  private cached: Promise<InstallationKey> | null = null;
  constructor(private readonly fetch: () => Promise<{ stored: StoredKey; protection: KeyProtection }>) {}
  load(): Promise<InstallationKey> {
    this.cached ??= this.fetch().then(({ stored, protection }) => keyFromStored(stored, protection));
    // A failure is not cached: the next call asks again.
    this.cached.catch(() => {
      this.cached = null;
    });
    return this.cached;
  }
}
