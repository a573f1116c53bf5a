/**
 * The store, off the main process's event loop. In the app this module runs in an
 * Electron `utilityProcess` and talks through `process.parentPort`; under plain Node
 * (`child_process.fork`, the tests) it talks through `process.on('message')` /
 * `process.send`. Either way: one backend, `{type:'invoke', id, channel, input, ctx}` in,
 * `{type:'result', id, result}` and `{type:'change', event}` out.
 *
 * Configuration comes from the environment (see WORKER_ENV): the data and documents
 * folders, and in Electron the path of a better-sqlite3 binary built for Electron's ABI,
 * which db/open.ts passes to better-sqlite3 as `nativeBinding`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createBackend } from '../db/backend.js';
import type { Backend } from '../db/backend-types.js';
import { ProvidedKeyStore } from '../db/results/installation-key.js';
import { defaultDataDir, defaultDocumentsDir } from './paths.js';
import { type FromWorker, type ToWorker, WORKER_ENV } from './store-protocol.js';

interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

interface Channel {
  send(message: FromWorker): void;
  onMessage(listener: (message: unknown) => void): void;
}

function connect(): Channel {
  const parentPort = (process as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
    };
  }
  if (typeof process.send === 'function') {
    // Parent gone: nothing left to serve.
    process.on('disconnect', () => process.exit(0));
    return {
      send: (message) => process.send?.(message),
      onMessage: (listener) => process.on('message', listener),
    };
  }
  throw new Error('store-worker: started without a parent (use utilityProcess.fork or child_process.fork)');
}

const isInvoke = (message: unknown): message is Extract<ToWorker, { type: 'invoke' }> =>
  typeof message === 'object' &&
  message !== null &&
  (message as { type?: unknown }).type === 'invoke' &&
  typeof (message as { id?: unknown }).id === 'number' &&
  typeof (message as { channel?: unknown }).channel === 'string';

async function main(): Promise<void> {
  const channel = connect();
  const dataDir = defaultDataDir();
  const documentsDir = defaultDocumentsDir();
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(documentsDir, { recursive: true });

  // In the app the main process holds the key (safeStorage) and sends it when asked.
  const keyWaiters: ((message: Extract<ToWorker, { type: 'key' }>) => void)[] = [];
  const keyStore =
    process.env[WORKER_ENV.keyFromParent] === '1'
      ? new ProvidedKeyStore(
          () =>
            new Promise((resolve, reject) => {
              keyWaiters.push((m) => (m.key ? resolve(m.key) : reject(new Error(m.error ?? 'no key'))));
              channel.send({ type: 'key-request' });
            }),
        )
      : undefined;

  let backend: Backend;
  try {
    backend = await createBackend({ dataDir, documentsDir, ...(keyStore ? { keyStore } : {}) });
  } catch (error) {
    channel.send({ type: 'fatal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  }
  backend.onChange((event) => channel.send({ type: 'change', event }));

  channel.onMessage((message) => {
    if (isInvoke(message)) {
      const { id, channel: name, input, ctx } = message;
      Promise.resolve()
        .then(() => backend.invoke(name, input, ctx))
        .catch((error: unknown) => {
          console.error(`[store-worker] ${name} threw:`, error);
          return { ok: false as const, error: { code: 'internal' as const, message: '内部错误' } };
        })
        .then((result) => channel.send({ type: 'result', id, result }));
      return;
    }
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    if (type === 'places') {
      const { id } = message as Extract<ToWorker, { type: 'places' }>;
      void backend.places().then((places) => channel.send({ type: 'places', id, places }));
      return;
    }
    if (type === 'add-place') {
      const { folder } = message as Extract<ToWorker, { type: 'add-place' }>;
      if (typeof folder === 'string' && path.isAbsolute(folder)) backend.addPlace(folder);
      return;
    }
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'key') {
      keyWaiters.shift()?.(message as Extract<ToWorker, { type: 'key' }>);
      return;
    }
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'close') {
      try {
        backend.close();
      } finally {
        channel.send({ type: 'closed' });
        // Let the message flush before leaving.
        setTimeout(() => process.exit(0), 20);
      }
    }
  });

  channel.send({ type: 'ready', pid: process.pid });
}

void main();
