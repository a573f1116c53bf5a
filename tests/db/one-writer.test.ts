/**
 * One writer, clear refusals (issue 12 item 7): a congress file open in one process is refused by
 * a second with 「此大会已在另一窗口或程序中打开」 instead of hundreds of writes failing as
 * 「程序内部错误 (database is locked)」; a crash leaves no stale lock; a file on read-only media is
 * refused as read-only, never reported as damaged.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_SUFFIX } from '../../db/file-lock.js';
import { congressInput, delegateFields, makeBackend, tempDir } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const holderScript = path.join(here, 'one-writer', 'holder.ts');
const IN_USE = '此大会已在另一窗口或程序中打开';

interface Holder {
  child: ChildProcess;
  /** The first line the holder printed: READY, or REFUSED with the error. */
  first: Promise<string>;
  exit: Promise<unknown>;
}

const holders: ChildProcess[] = [];
afterEach(() => {
  for (const h of holders.splice(0)) h.kill('SIGKILL');
});

/** Another process (a second copy of the app) opening `file` through a real backend. */
function holder(file: string): Holder {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, file, tempDir()], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  holders.push(child);
  child.stdout!.setEncoding('utf8');
  const first = new Promise<string>((resolve) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.includes('\n')) resolve(buffer.split('\n')[0]!);
    });
    child.on('exit', () => resolve(buffer));
  });
  const exit = new Promise((resolve) => child.on('exit', resolve));
  return { child, first, exit };
}

async function closedCongress() {
  const tb = makeBackend();
  const { path: file } = await tb.call('congress.create', congressInput(tb.dir));
  await tb.call('delegates.add', delegateFields('001'));
  await tb.call('congress.close', {});
  return { tb, file };
}

describe('one writer: a congress open in one process is refused by a second', () => {
  it('two processes on one file: the second process opening the congress the app has open is refused file.in_use, and the app keeps writing', {
    timeout: 60_000,
  }, async () => {
    const tb = makeBackend();
    const { path: file } = await tb.call('congress.create', congressInput(tb.dir));
    const second = holder(file);
    const line = await second.first;
    expect(line).toMatch(/^REFUSED /);
    const error = JSON.parse(line.slice('REFUSED '.length));
    expect(error).toMatchObject({ code: 'file_io', reason: 'file.in_use', params: { file: 'test.congress' } });
    expect(error.message).toContain(IN_USE);
    await second.exit;
    // The app's own writes are not disturbed by the refused opener.
    for (let i = 1; i <= 20; i++) await tb.call('delegates.add', delegateFields(String(i).padStart(3, '0')));
    expect(await tb.call('delegates.list', {})).toHaveLength(20);
  });

  it('the app opening a congress another process holds is refused file.in_use before anything is read; after that process is SIGKILLed the file opens (no stale lock)', {
    timeout: 60_000,
  }, async () => {
    const { file } = await closedCongress();
    const other = holder(file);
    expect(await other.first).toBe('READY');
    const app = makeBackend();
    const refused = await app.failure('congress.open', { path: file });
    expect(refused).toMatchObject({ code: 'file_io', reason: 'file.in_use', value: file });
    expect(refused.message).toContain(IN_USE);
    expect((await app.failure('congress.get', {})).code).toBe('no_congress_open');

    other.child.kill('SIGKILL');
    await other.exit;
    // The lock file the killed process left behind locks nothing.
    expect(fs.existsSync(file + LOCK_SUFFIX)).toBe(true);
    const opened = await app.call('congress.open', { path: file });
    expect(opened.path).toBe(file);
    const meetings = await app.call('meetings.list', {});
    expect(meetings.some((m) => m.name.startsWith('另一窗口的会议'))).toBe(true);
    await app.call('congress.close', {});
    expect(fs.existsSync(file + LOCK_SUFFIX)).toBe(false);
  });

  it('a second backend in the same process is refused too, until the first closes the congress', async () => {
    const { file } = await closedCongress();
    const first = makeBackend();
    const second = makeBackend();
    await first.call('congress.open', { path: file });
    expect(fs.existsSync(file + LOCK_SUFFIX)).toBe(true);
    expect(await second.failure('congress.open', { path: file })).toMatchObject({ reason: 'file.in_use' });
    // Opening it again in the session that holds it is no conflict.
    await first.call('congress.open', { path: file });
    await first.call('congress.close', {});
    expect(fs.existsSync(file + LOCK_SUFFIX)).toBe(false);
    await second.call('congress.open', { path: file });
    expect(await first.failure('congress.open', { path: file })).toMatchObject({ reason: 'file.in_use' });
    // A congress just created is held the same way.
    const created = congressInput(first.dir, 'new.congress');
    await first.call('congress.create', created);
    expect(await second.failure('congress.open', { path: created.path })).toMatchObject({ reason: 'file.in_use' });
  });

  it('a refused file leaves no lock file behind (a text file named .congress)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.congress');
    fs.writeFileSync(file, '代表名单\n');
    expect(await makeBackend().failure('congress.open', { path: file })).toMatchObject({ reason: 'file.not_congress' });
    expect(fs.readdirSync(dir)).toEqual(['notes.congress']);
  });
});

const isRoot = process.getuid?.() === 0;
const mounts: string[] = [];
afterEach(() => {
  for (const m of mounts.splice(0)) execFileSync('umount', ['-l', m]);
});

/** Makes `dir` read-only media: a tmpfs remounted read-only when we may mount, else modes (root ignores modes). */
function mountTmpfs(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    mounts.push(dir);
    return true;
  } catch {
    return false;
  }
}

describe('read-only media', () => {
  async function congressOn(dir: string) {
    const tb = makeBackend();
    const { path: file } = await tb.call('congress.create', congressInput(dir, 'stick.congress'));
    await tb.call('delegates.add', delegateFields('001'));
    await tb.call('congress.close', {});
    return file;
  }

  function expectReadOnly(error: { code: string; reason?: string; message: string }, file: string) {
    expect(error).toMatchObject({ code: 'file_io', reason: 'file.read_only', params: { file: path.basename(file) } });
    expect(error.message).toContain('只读');
    expect(error.message).not.toContain('已损坏');
  }

  it.skipIf(!isRoot)(
    'a congress on a stick mounted read-only (tmpfs remounted ro) is refused as read-only, never 「已损坏」',
    async () => {
      const stick = path.join(tempDir(), 'stick');
      fs.mkdirSync(stick);
      if (!mountTmpfs(stick)) return expect.fail('root, yet no tmpfs could be mounted here');
      const file = await congressOn(stick);
      execFileSync('mount', ['-o', 'remount,ro', stick]);
      const before = fs.readdirSync(stick).sort();
      const error = await makeBackend().failure('congress.open', { path: file });
      expectReadOnly(error, file);
      expect(fs.readdirSync(stick).sort()).toEqual(before);
      // Writable again, the same file opens: it was never damaged.
      execFileSync('mount', ['-o', 'remount,rw', stick]);
      expect((await makeBackend().call('congress.open', { path: file })).path).toBe(file);
    },
  );

  it.skipIf(isRoot)(
    'a congress in a folder and file without write permission is refused as read-only, never 「已损坏」',
    async () => {
      const folder = path.join(tempDir(), 'locked');
      fs.mkdirSync(folder);
      const file = await congressOn(folder);
      fs.chmodSync(file, 0o444);
      fs.chmodSync(folder, 0o555);
      try {
        expectReadOnly(await makeBackend().failure('congress.open', { path: file }), file);
      } finally {
        fs.chmodSync(folder, 0o755);
        fs.chmodSync(file, 0o644);
      }
    },
  );
});
