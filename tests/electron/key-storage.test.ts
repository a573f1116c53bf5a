/**
 * The installation key in the desktop app. Electron's safeStorage cannot run here, so a
 * stand-in seals with AES (what the OS keychain would do); everything else is real: files,
 * modes, and the store worker asking the main process for the key.
 */

import { fork } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE_NAME, keyFromStored } from '../../db/results/installation-key.js';
import { obtainInstallationKey, SEALED_KEY_FILE_NAME } from '../../electron/key-storage.js';
import type { FromWorker, ToWorker } from '../../electron/store-protocol.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dirs: string[] = [];
const temp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congress-key-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function fakeSafeStorage(available = true) {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    encryptString(text: string) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(bytes: Buffer) {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

describe('obtainInstallationKey', () => {
  it('seals the key with safeStorage: the file holds no key in clear, and the same key comes back', () => {
    const dir = temp();
    const storage = fakeSafeStorage();
    const first = obtainInstallationKey(dir, storage);
    expect(first.protection).toBe('safeStorage');
    const sealed = fs.readFileSync(path.join(dir, SEALED_KEY_FILE_NAME));
    expect(sealed.includes(Buffer.from(first.stored.pkcs8))).toBe(false);
    expect(fs.statSync(path.join(dir, SEALED_KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dir, KEY_FILE_NAME))).toBe(false);
    const again = obtainInstallationKey(dir, storage);
    expect(keyFromStored(again.stored, 'safeStorage').fingerprint).toBe(
      keyFromStored(first.stored, 'safeStorage').fingerprint,
    );
    // Another user's keychain cannot open it.
    expect(() => obtainInstallationKey(dir, fakeSafeStorage())).toThrow();
  });

  it('without safeStorage, falls back to a file only the user can read', () => {
    const dir = temp();
    const r = obtainInstallationKey(dir, fakeSafeStorage(false));
    expect(r.protection).toBe('file');
    expect(fs.statSync(path.join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
  });
});

describe('the store worker asks the main process for the key', () => {
  it('signs with the key it was handed, and keeps no key file of its own', async () => {
    const dir = temp();
    const dataDir = path.join(dir, 'data');
    const child = fork(path.join(repo, 'electron', 'store-worker.ts'), [], {
      cwd: repo,
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        CONGRESS_DESK_DATA: dataDir,
        CONGRESS_DESK_DOCUMENTS: path.join(dir, 'documents'),
        CONGRESS_DESK_KEY_FROM_PARENT: '1',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const keyDir = path.join(dir, 'main');
    const storage = fakeSafeStorage();
    try {
      const answer = new Promise<FromWorker>((resolve, reject) => {
        child.on('message', (m: FromWorker) => {
          if (m.type === 'key-request') {
            const reply: ToWorker = { type: 'key', key: obtainInstallationKey(keyDir, storage), error: null };
            child.send(reply);
          }
          if (m.type === 'ready') {
            const call: ToWorker = {
              type: 'invoke',
              id: 1,
              channel: 'keys.info',
              input: {},
              ctx: { operator: '', station: '' },
            };
            child.send(call);
          }
          if (m.type === 'result') resolve(m);
        });
        child.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
      });
      const result = (await answer) as Extract<FromWorker, { type: 'result' }>;
      const expected = keyFromStored(obtainInstallationKey(keyDir, storage).stored, 'safeStorage');
      expect(result.result).toMatchObject({
        ok: true,
        value: { protection: 'safeStorage', fingerprint: expected.fingerprint },
      });
      expect(fs.existsSync(path.join(dataDir, KEY_FILE_NAME))).toBe(false);
    } finally {
      child.kill();
    }
  });
});
