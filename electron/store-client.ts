/**
 * The store, in a utility process (electron/store-worker.ts), so that an import or a recount
 * never freezes a window: started on the first call, its calls answered by id, its change
 * events relayed, closed (WAL checkpointed) before the app quits.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, safeStorage, type UtilityProcess, utilityProcess } from 'electron';
import type { ChangeEvent } from '../core/domain.js';
import { type Result, refuse } from '../core/result.js';
import { obtainInstallationKey } from './key-storage.js';
import { type FromWorker, type ToWorker, WORKER_ENV } from './store-protocol.js';

/**
 * The better-sqlite3 binary for Electron's ABI: in a packaged app the one
 * electron-builder put in resources/native; from a checkout the one
 * scripts/electron-native.mjs built into .electron-native/. db/open.ts passes it to
 * better-sqlite3 as `nativeBinding`.
 */
function sqliteBinding(appRoot: string): string | undefined {
  const fromEnv = process.env[WORKER_ENV.sqliteBinding];
  if (fromEnv) return fromEnv;
  const candidate = app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(
        appRoot,
        '.electron-native',
        'node_modules',
        'better-sqlite3',
        'build',
        'Release',
        'better_sqlite3.node',
      );
  return existsSync(candidate) ? candidate : undefined;
}

/** Where the store process is and which folders it serves. */
export interface StoreSetup {
  appRoot: string;
  workerPath: string;
  dataDir: string;
  documentsDir: string;
}

/** The main process's side of the store: one utility process, calls by id, restarted on demand. */
export class StoreClient {
  private worker: UtilityProcess | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private nextId = 1;
  private closing = false;
  /** The folders picked in this run: sent again to a worker started anew, so a restart forgets none. */
  private readonly picked: string[] = [];
  private readonly placesAsked = new Map<number, (places: string[]) => void>();

  constructor(
    private readonly setup: StoreSetup,
    private readonly onChange: (event: ChangeEvent) => void,
    private readonly onFatal: (message: string) => void,
  ) {}

  start(): Promise<void> {
    if (this.ready) return this.ready;
    const { appRoot, workerPath, dataDir, documentsDir } = this.setup;
    const binding = sqliteBinding(appRoot);
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    env[WORKER_ENV.dataDir] = dataDir;
    env[WORKER_ENV.documentsDir] = documentsDir;
    if (binding) env[WORKER_ENV.sqliteBinding] = binding;
    env[WORKER_ENV.keyFromParent] = '1';

    const worker = utilityProcess.fork(workerPath, [], { serviceName: 'Congress Desk store', env, stdio: 'inherit' });
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            started = true;
            // Before any call is sent: the worker handles its messages in order.
            for (const folder of this.picked) worker.postMessage({ type: 'add-place', folder } satisfies ToWorker);
            resolve();
            break;
          case 'places':
            this.placesAsked.get(message.id)?.(message.places);
            this.placesAsked.delete(message.id);
            break;
          case 'result':
            this.pending.get(message.id)?.(message.result);
            this.pending.delete(message.id);
            break;
          case 'change':
            this.onChange(message.event);
            break;
          case 'fatal':
            this.onFatal(message.message);
            reject(new Error(message.message));
            break;
          case 'closed':
            break;
          case 'key-request': {
            // The key stays sealed on disk; only the store process ever holds it in clear.
            let reply: ToWorker;
            try {
              reply = { type: 'key', key: obtainInstallationKey(dataDir, safeStorage), error: null };
            } catch (error) {
              reply = { type: 'key', key: null, error: error instanceof Error ? error.message : String(error) };
            }
            worker.postMessage(reply);
            break;
          }
        }
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) {
          this.worker = null;
          this.ready = null;
        }
        for (const settle of this.pending.values()) settle(refuse('internal', 'store.worker_exited'));
        this.pending.clear();
        for (const settle of this.placesAsked.values()) settle([]);
        this.placesAsked.clear();
        if (!started) reject(new Error(`store worker exited with code ${code}`));
        else if (!this.closing) this.onChange({ topic: 'congress' });
      });
    });
    this.ready.catch(() => undefined);
    return this.ready;
  }

  async invoke(channel: string, input: unknown, ctx: unknown): Promise<Result<unknown>> {
    if (this.closing) return refuse('internal', 'store.quitting');
    try {
      await this.start();
    } catch (error) {
      return refuse('internal', 'store.worker_failed', {
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    const worker = this.worker;
    if (!worker) return refuse('internal', 'store.unavailable');
    const id = this.nextId++;
    return new Promise<Result<unknown>>((resolve) => {
      this.pending.set(id, resolve);
      const message: ToWorker = { type: 'invoke', id, channel, input, ctx };
      try {
        worker.postMessage(message);
      } catch (error) {
        this.pending.delete(id);
        resolve(
          refuse('invalid_input', 'store.input_not_transferable', {
            detail: error instanceof Error ? error.message : String(error),
          }),
        );
      }
    });
  }

  /** The folders a write may go into now (db/backend-types.ts `places`); none if the store cannot start. */
  async places(): Promise<string[]> {
    try {
      await this.start();
    } catch {
      return [];
    }
    const worker = this.worker;
    if (!worker) return [];
    const id = this.nextId++;
    return new Promise<string[]>((resolve) => {
      this.placesAsked.set(id, resolve);
      worker.postMessage({ type: 'places', id } satisfies ToWorker);
    });
  }

  /** A folder the user picked in one of this process's dialogs (never asked for by the renderer). */
  addPlace(folder: string): void {
    this.picked.push(folder);
    // A worker not started yet gets it with the others when it is ready.
    if (this.worker && this.ready)
      void this.ready.then(() => this.worker?.postMessage({ type: 'add-place', folder } satisfies ToWorker));
  }

  /** Ask the worker to close the database (checkpointing the WAL), then make sure it is gone. */
  async close(): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        worker.kill();
        resolve();
      }, 3000);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      const message: ToWorker = { type: 'close' };
      worker.postMessage(message);
    });
  }
}
