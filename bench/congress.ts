/**
 * A real congress file on a temp disk, driven through the backend exactly as the app
 * drives it (`invoke` with an operator), so the figures include validation, the
 * transaction, the audit row and the fsync of synchronous=FULL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, Input, Output } from '../core/contract.js';
import type { Result } from '../core/result.js';
import { createBackend } from '../db/backend.js';
import type { Backend } from '../db/backend-types.js';

export const BENCH_CTX = { operator: '基准测试', station: 'bench' };

export interface BenchCongress {
  backend: Backend;
  path: string;
  call<T>(channel: string, input: unknown): Promise<T>;
  dispose(): void;
}

export async function openBenchCongress(label: string): Promise<BenchCongress> {
  const dir = mkdtempSync(join(tmpdir(), `congress-bench-${label}-`));
  const backend = createBackend({ dataDir: join(dir, 'data'), documentsDir: dir });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await backend.invoke(channel, input, BENCH_CTX);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  const path = join(dir, 'bench.congress');
  await call('congress.create', {
    name: '中国共产党青山镇第十五次代表大会',
    date: '2025-06-15',
    venue: '镇会议中心',
    path,
  });
  return {
    backend,
    path,
    call,
    dispose() {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls through a loopback host's API, as the browser benches set their scene. */
export function loopbackCall(host: { port: number; token: string }) {
  return async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ channel, input, ctx: BENCH_CTX }),
    });
    const result = (await res.json()) as Result<Output<C>>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
}
