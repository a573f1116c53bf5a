/**
 * The controller's side of tests/lan/proc/laptop.ts: a `Laptop` is one laptop process (in a
 * namespace of a venue, or on this machine's own loopback), called as its windows would call its
 * store. Used by the scenarios (tests/lan/lan-*.test.ts) and the bench (bench/lan.ts); no vitest
 * in here, so the bench can use it too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Channel, Input, Output } from '../../../core/contract.js';
import type { ChangeEvent } from '../../../core/domain.js';
import type { Result } from '../../../core/result.js';
import type { VenueNet } from '../netns.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const LAPTOP = path.join(here, 'laptop.ts');
const ROOT = path.resolve(here, '../../..');

/** What a call answered and when, on the laptop's clock (ms). */
export interface Timed<T = unknown> {
  result: Result<T>;
  /** When the store was asked, and when it answered (the machine's clock, comparable across laptops). */
  t0: number;
  t1: number;
}

export interface ArrivedEvent {
  event: ChangeEvent;
  /** When the laptop's store gave it to its windows. */
  at: number;
}

export interface LaptopOptions {
  /** The laptop's folder (its data folder, its congress files). */
  dir: string;
  /** A name for logs and failures (「host」, 「desk 2」). */
  name: string;
  /** Run inside laptop `index` of this venue; without it, on this machine (loopback only). */
  venue?: VenueNet;
  index?: number;
  /** Pass the laptop's stderr through (default: kept, shown when it dies unexpectedly). */
  verbose?: boolean;
  env?: Record<string, string>;
}

interface Waiting {
  resolve: (message: Answer) => void;
  reject: (error: Error) => void;
}
interface Answer {
  id: number;
  result: Result<unknown>;
  t0?: number;
  t1?: number;
}

export class Laptop {
  readonly name: string;
  readonly dir: string;
  /** The laptop's address on the venue network (127.0.0.1 when it runs outside one). */
  readonly address: string;
  readonly events: ArrivedEvent[] = [];
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, Waiting>();
  private readonly eventWaiters = new Set<() => void>();
  private nextId = 1;
  private stderr = '';
  private exitCode: number | null | undefined;
  private exitSignal: NodeJS.Signals | null = null;
  readonly exited: Promise<void>;

  private constructor(options: LaptopOptions) {
    this.name = options.name;
    this.dir = options.dir;
    fs.mkdirSync(options.dir, { recursive: true });
    const args = ['--import', 'tsx', LAPTOP, '--data', options.dir];
    const spawnOptions = {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'] as ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    };
    if (options.venue) {
      const index = options.index ?? 0;
      const net = options.venue.laptops[index];
      if (!net) throw new Error(`no laptop ${index} in the venue`);
      this.address = net.address;
      this.child = options.venue.exec(index, process.execPath, args, spawnOptions);
    } else {
      this.address = '127.0.0.1';
      this.child = spawn(process.execPath, args, spawnOptions);
    }
    const out = readline.createInterface({ input: this.child.stdout! });
    out.on('line', (line) => this.onLine(line));
    this.child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (options.verbose) process.stderr.write(`[${this.name}] ${text}`);
      this.stderr = (this.stderr + text).slice(-20_000);
    });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        const why = new Error(`${this.name} exited (${signal ?? code}) ${this.stderr.slice(-2000)}`);
        for (const w of this.waiting.values()) w.reject(why);
        this.waiting.clear();
        resolve();
      });
    });
  }

  /** Starts a laptop process and waits until its store answers. */
  static async start(options: LaptopOptions): Promise<Laptop> {
    const laptop = new Laptop(options);
    await laptop.send({ op: 'ping' });
    return laptop;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** What the process wrote on stderr lately (for a failure message). */
  get log(): string {
    return this.stderr;
  }

  /** A contract call as a window of this laptop makes it; the answer and its times. */
  async timed<C extends Channel>(channel: C, input: Input<C>, ctx: unknown): Promise<Timed<Output<C>>> {
    const answer = await this.send({ channel, input, ctx });
    return { result: answer.result as Result<Output<C>>, t0: answer.t0 ?? 0, t1: answer.t1 ?? 0 };
  }

  /** A contract call: its result, ok or refused. */
  async invoke<C extends Channel>(channel: C, input: Input<C>, ctx: unknown): Promise<Result<Output<C>>> {
    return (await this.timed(channel, input, ctx)).result;
  }

  /** A call that must succeed (setting a scene): its value, or an error naming the laptop and the refusal. */
  async call<C extends Channel>(channel: C, input: Input<C>, ctx: unknown): Promise<Output<C>> {
    const result = await this.invoke(channel, input, ctx);
    if (!result.ok) throw new Error(`${this.name}: ${channel} refused: ${JSON.stringify(result.error)}`);
    return result.value;
  }

  /** From now on, every change event the laptop's windows get is kept in `events` with its arrival time. */
  async streamEvents(): Promise<void> {
    await this.send({ op: 'events' });
  }

  /** Waits until an event kept since `from` (an index in `events`) matches, or `timeoutMs` passes. */
  async waitForEvent(
    match: (e: ArrivedEvent) => boolean,
    { from = 0, timeoutMs = 10_000 }: { from?: number; timeoutMs?: number } = {},
  ): Promise<ArrivedEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(from).find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${this.name}: no such event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.eventWaiters.add(done);
      });
    }
  }

  /** Moves the store's clock `ms` ahead (BackendOptions.now), as time passing would. */
  async advance(ms: number): Promise<void> {
    await this.send({ op: 'advance', ms });
  }

  /** Kills the process (SIGKILL: the laptop dies as if its power went). */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.alive) return;
    this.child.kill(signal);
    await this.exited;
  }

  /** Closes the store and ends the process; kills it if it does not end within `ms`. */
  async close(ms = 5_000): Promise<void> {
    if (!this.alive) return;
    const closing = this.send({ op: 'close' }).catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), ms);
    await closing;
    await this.exited;
    clearTimeout(timer);
  }

  /** How the process ended, once it has. */
  get ended(): { code: number | null; signal: NodeJS.Signals | null } | null {
    return this.exitCode === undefined ? null : { code: this.exitCode, signal: this.exitSignal };
  }

  private send(command: Record<string, unknown>): Promise<Answer> {
    if (!this.alive) return Promise.reject(new Error(`${this.name} is not running ${this.stderr.slice(-2000)}`));
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.stdin!.write(`${JSON.stringify({ id, ...command })}\n`);
    });
  }

  private onLine(line: string) {
    let message: { cd?: number; id?: number; event?: ChangeEvent; at?: number } & Partial<Answer>;
    try {
      message = JSON.parse(line);
    } catch {
      message = {};
    }
    if (message.cd !== 1) {
      // The store's own logging on stdout: keep it with stderr's.
      this.stderr = `${this.stderr}${line}\n`.slice(-20_000);
      return;
    }
    if (message.event) {
      this.events.push({ event: message.event, at: message.at ?? 0 });
      for (const wake of [...this.eventWaiters]) {
        this.eventWaiters.delete(wake);
        wake();
      }
      return;
    }
    const waiting = message.id === undefined ? undefined : this.waiting.get(message.id);
    if (!waiting) return;
    this.waiting.delete(message.id!);
    waiting.resolve(message as Answer);
  }
}
