/**
 * The store worker under a plain Node `child_process.fork` (the same module runs in an
 * Electron utilityProcess, which cannot start here): the message protocol, a real temp
 * data folder, and the bundled worker that the app ships.
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../../electron/store-protocol.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ctx = { operator: '王秘书', station: '秘书处' };

class WorkerHarness {
  readonly messages: FromWorker[] = [];
  private waiters: { match: (m: FromWorker) => boolean; resolve: (m: FromWorker) => void }[] = [];
  private nextId = 1;

  constructor(readonly child: ChildProcess) {
    child.on('message', (message: FromWorker) => {
      this.messages.push(message);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(message)) {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          waiter.resolve(message);
        }
      }
    });
  }

  next(match: (m: FromWorker) => boolean, timeoutMs = 20_000): Promise<FromWorker> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`worker exited (code ${code}) before answering`));
      const timer = setTimeout(() => reject(new Error('worker: no matching message')), timeoutMs);
      this.child.once('exit', onExit);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          this.child.off('exit', onExit);
          resolve(m);
        },
      });
    });
  }

  async invoke(channel: string, input: unknown) {
    const id = this.nextId++;
    const message: ToWorker = { type: 'invoke', id, channel, input, ctx };
    this.child.send(message);
    const reply = await this.next((m) => m.type === 'result' && m.id === id);
    return (reply as Extract<FromWorker, { type: 'result' }>).result;
  }

  exited(): Promise<number | null> {
    if (this.child.exitCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }
}

function startWorker(modulePath: string, execArgv: string[], dataDir: string): WorkerHarness {
  const child = fork(modulePath, [], {
    cwd: repo,
    execArgv,
    env: {
      ...process.env,
      CONGRESS_DESK_DATA: path.join(dataDir, 'data'),
      CONGRESS_DESK_DOCUMENTS: path.join(dataDir, 'documents'),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new WorkerHarness(child);
}

async function exerciseWorker(worker: WorkerHarness, dir: string) {
  await worker.next((m) => m.type === 'ready');

  const info = await worker.invoke('app.info', {});
  const { version } = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string };
  expect(info).toMatchObject({
    ok: true,
    value: { appVersion: version, open: null, defaultDirectory: path.join(dir, 'documents') },
  });
  expect(existsSync(path.join(dir, 'documents'))).toBe(true);

  const file = path.join(dir, 'documents', '十五次党代会.congress');
  const created = await worker.invoke('congress.create', {
    name: '中国共产党某某镇第十五次代表大会',
    date: '2026-03-20',
    venue: '镇政府大礼堂',
    path: file,
  });
  expect(created).toMatchObject({
    ok: true,
    value: { path: file, congress: { name: '中国共产党某某镇第十五次代表大会' } },
  });
  expect(existsSync(file)).toBe(true);
  const change = await worker.next((m) => m.type === 'change');
  expect(change).toMatchObject({ type: 'change', event: { topic: expect.any(String) } });

  const refused = await worker.invoke('congress.create', { name: '', date: 'tomorrow', venue: 'x', path: file });
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  const unknown = await worker.invoke('no.such.call', {});
  expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });

  const reopened = await worker.invoke('app.info', {});
  expect(reopened).toMatchObject({ ok: true, value: { open: { path: file } } });

  // Issue 12, places: a folder nobody picked is refused; once the main process says its dialog
  // picked it (add-place, a message no renderer call can send), the backup goes there.
  const stick = path.join(dir, 'stick');
  mkdirSync(stick);
  const copy = path.join(stick, 'copy.congress');
  expect(await worker.invoke('congress.backup', { path: copy })).toMatchObject({
    ok: false,
    error: { reason: 'file.not_picked', field: 'path' },
  });
  worker.child.send({ type: 'add-place', folder: stick } satisfies ToWorker);
  expect(await worker.invoke('congress.backup', { path: copy })).toMatchObject({ ok: true, value: { path: copy } });
  worker.child.send({ type: 'places', id: 999 } satisfies ToWorker);
  const places = await worker.next((m) => m.type === 'places' && m.id === 999);
  expect(places).toEqual({
    type: 'places',
    id: 999,
    places: [path.join(dir, 'documents'), path.join(dir, 'data'), stick],
  });

  const close: ToWorker = { type: 'close' };
  worker.child.send(close);
  await worker.next((m) => m.type === 'closed');
  expect(await worker.exited()).toBe(0);
}

describe('store worker', () => {
  const dirs: string[] = [];
  const temp = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'congress-worker-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('from source (tsx): answers calls, creates a congress file, sends change events, closes cleanly', async () => {
    const dir = temp();
    const worker = startWorker(path.join(repo, 'electron', 'store-worker.ts'), ['--import', 'tsx'], dir);
    try {
      await exerciseWorker(worker, dir);
    } finally {
      worker.child.kill();
    }
  });

  describe('as bundled for the app (dist/electron/store-worker.mjs)', () => {
    let out: string;
    beforeAll(() => {
      // The packaged app's layout: package.json, node_modules and dist/electron side by side.
      const app = temp();
      copyFileSync(path.join(repo, 'package.json'), path.join(app, 'package.json'));
      symlinkSync(path.join(repo, 'node_modules'), path.join(app, 'node_modules'), 'dir');
      out = path.join(app, 'dist', 'electron');
      execFileSync(process.execPath, [path.join(repo, 'scripts', 'build-electron.mjs'), '--out', out], { cwd: repo });
    });

    it('finds its migrations next to the bundle and works the same', async () => {
      expect(existsSync(path.join(out, 'migrations', '001_init.sql'))).toBe(true);
      const dir = temp();
      const worker = startWorker(path.join(out, 'store-worker.mjs'), [], dir);
      try {
        await exerciseWorker(worker, dir);
      } finally {
        worker.child.kill();
      }
    });
  });

  it('exits when its parent goes away', async () => {
    const dir = temp();
    const worker = startWorker(path.join(repo, 'electron', 'store-worker.ts'), ['--import', 'tsx'], dir);
    await worker.next((m) => m.type === 'ready');
    worker.child.disconnect();
    expect(await worker.exited()).toBe(0);
  });
});
