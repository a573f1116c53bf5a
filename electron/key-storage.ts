/**
 * The installation key in the desktop app: sealed with Electron's `safeStorage` (the OS
 * keychain / DPAPI / libsecret) when it is available, else a file only the user can read.
 * The main process holds it and hands it to the store worker when the worker asks
 * (electron/store-protocol.ts `key-request`); it never enters a congress file.
 */
import path from 'node:path';
import type { SafeStorage } from 'electron';
import {
  KEY_FILE_NAME,
  type KeyProtection,
  readOrCreateStoredKey,
  type StoredKey,
} from '../db/results/installation-key.js';

export const SEALED_KEY_FILE_NAME = 'installation-key.sealed';

export function obtainInstallationKey(
  dataDir: string,
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
): { stored: StoredKey; protection: KeyProtection } {
  if (safeStorage.isEncryptionAvailable()) {
    const stored = readOrCreateStoredKey(path.join(dataDir, SEALED_KEY_FILE_NAME), {
      seal: (json) => safeStorage.encryptString(json),
      open: (bytes) => safeStorage.decryptString(bytes),
    });
    return { stored, protection: 'safeStorage' };
  }
  return { stored: readOrCreateStoredKey(path.join(dataDir, KEY_FILE_NAME)), protection: 'file' };
}
