/**
 * A real congress file on a temp disk, driven through the backend exactly as the app
 * drives it (`invoke` with an operator), so the figures include validation, the
 * transaction, the audit row and the fsync of synchronous=FULL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electionContest } from '../core/candidates.js';
import type { Channel, Input, Output } from '../core/contract.js';
import type { Result } from '../core/result.js';
import { createBackend } from '../db/backend.js';
import type { Backend } from '../db/backend-types.js';

export const BENCH_CTX = { operator: '基准测试', station: 'bench' };

/** A call as the benches make it: the answer's value, or a thrown error naming the refusal. */
export type BenchCall = <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>;

export interface BenchCongress {
  backend: Backend;
  path: string;
  call: BenchCall;
  dispose(): void;
}

export async function openBenchCongress(label: string): Promise<BenchCongress> {
  const dir = mkdtempSync(join(tmpdir(), `congress-bench-${label}-`));
  const backend = createBackend({ dataDir: join(dir, 'data'), documentsDir: dir });
  const call: BenchCall = async (channel, input) => {
    const result = await backend.invoke(channel, input, BENCH_CTX);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as Output<typeof channel>;
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
export function loopbackCall(host: { port: number; token: string }): BenchCall {
  return async (channel, input) => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ channel, input, ctx: BENCH_CTX }),
    });
    const result = (await res.json()) as Result<Output<typeof channel>>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
}

/** A contest of the meeting with its candidates approved in the order given: the id of its first round, not yet distributed. */
export async function approvedContest(
  call: BenchCall,
  meetingId: number,
  title: string,
  seats: number,
  candidates: Omit<Input<'candidates.add'>, 'contestId'>[],
): Promise<number> {
  const contest = await call('contests.create', electionContest(meetingId, title, seats));
  const candidateIds: number[] = [];
  for (const c of candidates) candidateIds.push((await call('candidates.add', { contestId: contest.id, ...c })).id);
  await call('candidates.approveOrder', { contestId: contest.id, candidateIds });
  const round = (await call('contests.get', { contestId: contest.id })).rounds[0];
  if (!round) throw new Error(`the contest ${title} has no round`);
  return round.id;
}
