/** Shared set-up for the store tests: real congress files in a fresh temp folder. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import type { Channel, Input, Output } from '../../core/contract.js';
import type { ChangeEvent, DelegateFields } from '../../core/domain.js';
import { reasons } from '../../core/reasons.js';
import type { AppError, Result } from '../../core/result.js';
import { createBackend } from '../../db/backend.js';
import type { Backend, BackendOptions } from '../../db/backend-types.js';

// Every handler's output is checked against the contract: drift fails the test as `internal`.
process.env.CONGRESS_DESK_VALIDATE_OUTPUT = '1';

export const desk = { operator: '李明', station: '报到处1' };

/**
 * The warnings of core/reasons.ts (`warning.*`). `call` acknowledges them by default (it sets the
 * scene and expects success); `failure` does not, so a test sees a warning by expecting it.
 */
export const ALL_WARNINGS = Object.keys(reasons).filter((key) => key.startsWith('warning.'));
const sceneContext = { ...desk, acknowledge: ALL_WARNINGS };

const tempDirs: string[] = [];
const backends: Backend[] = [];

afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congress-desk-db-'));
  tempDirs.push(dir);
  return dir;
}

export interface TestBackend {
  backend: Backend;
  dir: string;
  dataDir: string;
  events: ChangeEvent[];
  /** Calls and expects success; returns the value. */
  call<C extends Channel>(channel: C, input: Input<C>, ctx?: unknown): Promise<Output<C>>;
  /** Calls and expects a failure; returns the error. */
  failure(channel: string, input?: unknown, ctx?: unknown): Promise<AppError>;
}

/**
 * A store over `dir`. Its writes may go anywhere under the system's temp folder, where every
 * test makes its folders (`tempDir()`): the places themselves are tested in tests/db/places.test.ts
 * with the narrow places of an app (`options`).
 */
export function makeBackend(dir = tempDir(), options: Partial<BackendOptions> = {}): TestBackend {
  const dataDir = path.join(dir, 'data');
  const backend = createBackend({
    dataDir,
    documentsDir: path.join(dir, 'documents'),
    places: [os.tmpdir()],
    ...options,
  });
  backends.push(backend);
  const events: ChangeEvent[] = [];
  backend.onChange((e) => events.push(e));
  return {
    backend,
    dir,
    dataDir,
    events,
    async call<C extends Channel>(channel: C, input: Input<C>, ctx: unknown = sceneContext) {
      const r = await backend.invoke(channel, input, ctx);
      if (!r.ok) expect.fail(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.value as Output<C>;
    },
    async failure(channel, input = {}, ctx = desk) {
      const r = (await backend.invoke(channel, input, ctx)) as Result<unknown>;
      if (r.ok) expect.fail(`${channel} should have failed, returned ${JSON.stringify(r.value)}`);
      return r.error;
    },
  };
}

export const congressInput = (dir: string, name = 'test.congress') => ({
  name: '中国共产党测试镇第十五次代表大会',
  date: '2026-03-20',
  venue: '测试镇大礼堂',
  path: path.join(dir, name),
});

export function delegateFields(badge: string, overrides: Partial<DelegateFields> = {}): DelegateFields {
  return {
    badge,
    name: `代表${badge}`,
    gender: 'male',
    ethnicity: '汉族',
    birthDate: '1980-01',
    education: '大学',
    delegation: '机关代表团',
    unit: '青山镇党委',
    category: 'voting',
    ...overrides,
  };
}

/** A created congress with one meeting (current) and `delegates` added by hand. */
export async function congressWith(
  delegates: DelegateFields[],
  tb: TestBackend = makeBackend(),
): Promise<TestBackend & { path: string; meetingId: number; ids: Map<string, number> }> {
  const created = await tb.call('congress.create', congressInput(tb.dir));
  const meeting = await tb.call('meetings.create', { name: '选举大会', date: '2026-03-20' });
  const ids = new Map<string, number>();
  for (const d of delegates) ids.set(d.badge, (await tb.call('delegates.add', d)).id);
  tb.events.length = 0;
  return { ...tb, path: created.path, meetingId: meeting.id, ids };
}

export const sha256File = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every row of every table of ours, to show that a failed write changed nothing. */
export function dumpTables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
  } finally {
    db.close();
  }
}

/** A second connection to the file, as a tamperer or a test would open it. */
export function rawDb(file: string): Database.Database {
  return new Database(file);
}

export function csvBase64(rows: string[][]): string {
  const text = rows
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\n');
  return Buffer.from(`${text}\n`, 'utf8').toString('base64');
}

export const ROSTER_HEADER = ['代表证号', '姓名', '性别', '民族', '出生年月', '学历', '代表团', '工作单位', '类别'];
