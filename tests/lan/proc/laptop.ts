/**
 * One laptop of a simulated venue (issue 14): the app's store (`createBackend`, as the Electron
 * shell and the loopback host make it) in a process of its own, run inside a laptop's network
 * namespace (tests/lan/netns.ts) by tests/lan/proc/control.ts:
 *
 *   node --import tsx tests/lan/proc/laptop.ts --data DIR
 *
 * Its control channel is stdin/stdout, one JSON object a line, every line it writes tagged
 * `"cd":1` (anything else on stdout is the store's own logging, which the controller passes on):
 *
 * - `{id, channel, input, ctx}` → `{cd:1, id, result, t0, t1}`: a contract call as a window makes
 *   it; t0/t1 are when the store was asked and when it answered (ms, the machine's clock, so the
 *   times of two laptops compare).
 * - `{id, op:'events'}` → `{cd:1, id, result:{ok:true}}`, then `{cd:1, event, at}` for every change
 *   event the store gives its windows, `at` its arrival time.
 * - `{id, op:'advance', ms}`: the store's clock (BackendOptions.now) runs `ms` ahead from now on,
 *   as five minutes passing would leave it (a station code expiring) without waiting them.
 * - `{id, op:'ping'}`, `{id, op:'close'}` (closes the store and exits 0).
 *
 * Nothing else: every thing a scenario does at a laptop goes through the contract.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createBackend } from '../../../db/backend.js';

// The answers are checked against the contract, as in every store test.
process.env.CONGRESS_DESK_VALIDATE_OUTPUT ??= '1';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

const dir = arg('data');
if (!dir) {
  process.stderr.write('usage: laptop.ts --data DIR\n');
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });

/** The machine's clock in ms with sub-ms precision (Date.now() is whole ms). */
const clock = () => performance.timeOrigin + performance.now();

/** How far the store's clock is ahead of the machine's (op 'advance'). */
let ahead = 0;

const backend = createBackend({
  now: () => new Date(Date.now() + ahead),
  dataDir: path.join(dir, 'data'),
  documentsDir: path.join(dir, 'documents'),
  // A scenario's congress files and exports live in the laptop's folder (and the system temp).
  places: [dir, os.tmpdir()],
});

const say = (message: Record<string, unknown>) => {
  process.stdout.write(`${JSON.stringify({ cd: 1, ...message })}\n`);
};

let streaming = false;
backend.onChange((event) => {
  if (streaming) say({ event, at: clock() });
});

interface Command {
  id: number;
  op?: 'events' | 'ping' | 'close' | 'advance';
  ms?: number;
  channel?: string;
  input?: unknown;
  ctx?: unknown;
}

async function handle(command: Command): Promise<void> {
  const { id } = command;
  if (command.op === 'events') {
    streaming = true;
    say({ id, result: { ok: true, value: null } });
    return;
  }
  if (command.op === 'advance') {
    ahead += command.ms ?? 0;
    say({ id, result: { ok: true, value: ahead } });
    return;
  }
  if (command.op === 'ping') {
    say({ id, result: { ok: true, value: process.pid } });
    return;
  }
  if (command.op === 'close') {
    backend.close();
    say({ id, result: { ok: true, value: null } });
    // The store's own closes run on; give them their turn before leaving.
    setTimeout(() => process.exit(0), 50);
    return;
  }
  const t0 = clock();
  let result: unknown;
  try {
    result = await backend.invoke(command.channel ?? '', command.input ?? {}, command.ctx ?? {});
  } catch (e) {
    // A thrown error is a defect in the store: report it as the test's failure, not the laptop's death.
    result = { ok: false, error: { code: 'thrown', reason: 'thrown', params: { detail: String(e) } } };
  }
  say({ id, result, t0, t1: clock() });
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (!line.trim()) return;
  let command: Command;
  try {
    command = JSON.parse(line) as Command;
  } catch {
    process.stderr.write(`laptop: not JSON: ${line.slice(0, 200)}\n`);
    return;
  }
  // Calls run concurrently, as several windows of one laptop may call at once.
  void handle(command);
});
// The controller went away (its test ended or died): so does the laptop.
lines.on('close', () => {
  backend.close();
  process.exit(0);
});
process.on('SIGTERM', () => {
  backend.close();
  process.exit(0);
});
