/**
 * This laptop as a station of another laptop's host (issue 14, design.md "Offline at a station",
 * "Failover"). Every call of this laptop's windows but its own lan.* calls goes to the host:
 *
 * - a **write** is committed to the durable outbox (db/lan/station/outbox.ts) with its
 *   idempotency key before a byte of it is sent, then sent in the outbox's order, one at a time;
 *   the host's answer goes back to the window, and the row is kept (answered) until the copy off
 *   the host holds it (`safeSeq`). Cut off: the window hears `queued` and goes on; the rows
 *   replay in order when a beat gets through, and a refusal of a replayed call is kept in `told`.
 *   Two kinds of write are not held for later, since only the host's answer now means anything:
 *   the lock screen's sign-in (anyone's call: its answer is the token) and the chief scrutineer's
 *   calls (their PIN is typed for that moment, and never written to this disk). They are sent at
 *   once, past the queue, and refused `offline` when the host does not answer; a chief's call the
 *   host committed is then kept like any answered write, for a failover.
 * - a **read** is sent at once; its answer is kept in memory, and given again while cut off.
 *
 * Beats every BEAT_MS say what waits here (the host keeps a round from closing while papers of it
 * wait at a station); their answers say how far the copy off the host has reached and who the
 * standby is. After 3 × CALL_TIMEOUT_MS without the host, the standby is tried too: once it
 * answers as the host (promoted), the link turns to it for good and sends it every answered
 * write it may not hold, with the old host's receipts, then what was queued.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { LinkStatus } from '../../../core/contract/lan.js';
import { type Channel, contract, isChannel } from '../../../core/contract.js';
import type { ChangeEvent } from '../../../core/domain.js';
import {
  BEAT_MS,
  type BeatAnswer,
  beatAnswer,
  CALL_TIMEOUT_MS,
  type LanAnswer,
  lanAnswer,
  type PairRequest,
  type Peer,
  pairAnswer,
  shortFingerprint,
} from '../../../core/lan/protocol.js';
import { type AppError, ok, type Result, refuse } from '../../../core/result.js';
import { ANYONE, CHIEF } from '../../../core/roles.js';
import { canonicalJson } from '../../canonical-json.js';
import { certificateFor } from '../cert.js';
import { proofMatches } from '../pairing-proof.js';
import { type HostRequest, type StandbyCopy, startCopy } from '../standby/copy.js';
import type { JoinInput, StationLink } from '../types.js';
import { forgetPeer, type PinnedPeer, pinnedEvents, pinnedRequest, type WireAnswer } from './http.js';
import { Outbox, type OutboxRow, outboxPath, type ToldEntry } from './outbox.js';
import { PaperLimits } from './paper-limit.js';
import { readState, removeState, type StationState, statePath, writeState } from './state.js';

export interface StationLinkOptions {
  dataDir: string;
  /** Tests shorten these; the wire's constants otherwise. */
  beatMs?: number;
  callTimeoutMs?: number;
  now?: () => Date;
  /** A standby's own venue port once promoted (LAN_DEFAULT_PORT unless set: tests run several on one machine). */
  standbyPort?: number;
}

/** The station's own calls: answered by this laptop, never forwarded. */
const OWN_CHANNELS = new Set(['lan.join', 'lan.link', 'lan.dismiss', 'lan.leave', 'lan.promote']);

/** Every topic a window listens to: after a cut, everything it shows may have moved on the host. */
const REFRESH_TOPICS: ChangeEvent['topic'][] = [
  'congress',
  'roster',
  'meetings',
  'attendance',
  'audit',
  'contests',
  'ballots',
  'discipline',
  'operators',
  'backups',
  'scan',
];

/** Reads kept for answering while cut off; the oldest go first. */
const READ_CACHE_SIZE = 1_000;
/** While cut off, the host is asked this often (each try waits up to CALL_TIMEOUT_MS). */
const PROBE_MS = 500;
const PAIR_TIMEOUT_MS = 10_000;

type WriteKind = 'held' | 'chief' | 'sign_in' | 'read';

function kindOf(channel: string): WriteKind {
  if (!isChannel(channel)) return 'read';
  const spec = contract[channel as Channel];
  if (!spec.write) return 'read';
  if (spec.roles === ANYONE) return 'sign_in';
  if (spec.roles === CHIEF) return 'chief';
  return 'held';
}

/** What came back from the host, as the link acts on it. */
type Exchange =
  | { kind: 'answer'; status: number; body: unknown }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'certificate'; seen: string | null }
  | { kind: 'revoked'; error: AppError }
  | { kind: 'refused'; status: number; error: AppError };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function exchangeOf(answer: WireAnswer): Exchange {
  if (!answer.ok) {
    return answer.failure === 'pin_mismatch'
      ? { kind: 'certificate', seen: answer.fingerprint }
      : { kind: 'unreachable', detail: answer.detail };
  }
  let body: unknown = null;
  try {
    body = JSON.parse(answer.body.toString('utf8'));
  } catch {
    body = null;
  }
  if (answer.status === 200) return { kind: 'answer', status: 200, body };
  const error: AppError =
    isRecord(body) && isRecord(body.error) && typeof body.error.code === 'string'
      ? (body.error as unknown as AppError)
      : refuse('internal', 'call.internal', { detail: `host answered ${answer.status}` }).error;
  if (answer.status === 403 && error.reason === 'lan.revoked') return { kind: 'revoked', error };
  // A standby not promoted, a host with no congress open or restarting, a credential it does not
  // know (a standby's copy older than this pairing): not the host now; try again later.
  if (answer.status === 503 || answer.status === 401 || answer.status >= 500) {
    return { kind: 'unreachable', detail: `${answer.status} ${error.reason ?? error.code}` };
  }
  return { kind: 'refused', status: answer.status, error };
}

/** The `{ ok: false, error }` a venue route answered with, if the body is one. */
function refusalIn(body: Buffer): AppError | null {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    if (isRecord(parsed) && parsed.ok === false && isRecord(parsed.error) && typeof parsed.error.code === 'string') {
      return parsed.error as unknown as AppError;
    }
  } catch {
    // not JSON: no refusal of the host's
  }
  return null;
}

const paramsOf = (error: AppError): Record<string, string | number> => {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(error.params ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
    else if (v !== undefined && v !== null) out[k] = String(v);
  }
  return out;
};

const sleep = (ms: number, signal: { cancel?: () => void }) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.cancel = () => {
      clearTimeout(timer);
      resolve();
    };
  });

export function createStationLink(options: StationLinkOptions): StationLink {
  const { dataDir } = options;
  const beatMs = options.beatMs ?? BEAT_MS;
  const callTimeoutMs = options.callTimeoutMs ?? CALL_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());

  let state: StationState | null = null;
  let outbox: Outbox | null = null;
  let copyLoop: StandbyCopy | null = null;
  let online = false;
  let problem: 'sign_in' | 'revoked' | 'certificate' | null = null;
  let safeSeq = 0;
  /** When the host in use last answered (ms): the clock of the failover. */
  let lastHeard = Date.now();
  let running = false;
  let closed = false;
  let events: { close(): void } | null = null;
  const wake: { cancel?: () => void } = {};

  const listeners = new Set<(event: ChangeEvent) => void>();
  const reads = new Map<string, Result<unknown>>();
  const limits = new PaperLimits();
  /** The windows waiting for the answer to their own write, by outbox seq. */
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  /** The newest sign-in the windows used: a replay refused `locked` goes again with it. */
  let latestSession: string | null = null;
  const operatorOfSession = new Map<string, string>();

  let pumping = false;
  let pumpAgain = false;

  const emit = (event: ChangeEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        console.error('congress-desk: a change listener failed:', err);
      }
    }
  };
  const changed = () => emit({ topic: 'lan' });

  const modeOf = (): LinkStatus['mode'] => {
    if (!state) return 'alone';
    if (state.promoted) return 'promoted';
    return state.kind === 'standby' ? 'standby' : 'station';
  };

  const pinned = (p: Peer): PinnedPeer => ({ address: p.address, port: p.port, fingerprint: p.fingerprint });
  const credential = (): Record<string, string> =>
    state ? { authorization: `Station ${state.stationId}.${state.secret}` } : {};

  async function send(peer: Peer, method: 'GET' | 'POST', path: string, body: unknown, timeoutMs = callTimeoutMs) {
    const answer = await pinnedRequest(pinned(peer), {
      method,
      path,
      headers: credential(),
      body,
      timeoutMs,
    });
    return exchangeOf(answer);
  }

  function setOnline(next: boolean): void {
    if (online === next) return;
    online = next;
    if (next) {
      lastHeard = Date.now();
      openEvents();
      // What the windows show may have moved on the host meanwhile.
      for (const topic of REFRESH_TOPICS) emit({ topic });
      kick();
    } else {
      events?.close();
      events = null;
      for (const [seq, resolve] of waiting) {
        waiting.delete(seq);
        resolve(queuedRefusal());
      }
    }
    changed();
  }

  const counts = () => outbox?.counts() ?? { queued: 0, unsafe: 0 };
  const queuedRefusal = () => refuse('queued', 'lan.queued', { queued: counts().queued });

  /** The copy off the host reached `next`: the answered rows it holds go (a row answered at or below it is not kept). */
  function learnSafe(next: number): void {
    if (next <= safeSeq) return;
    safeSeq = next;
    if (outbox && outbox.pruneSafe(safeSeq) > 0) changed();
  }

  function revoked(error: AppError): void {
    if (!state || !outbox) return;
    problem = 'revoked';
    state = { ...state, revoked: true };
    writeState(dataDir, state);
    outbox.tell({
      at: now().toISOString(),
      channel: 'lan.beat',
      reason: error.reason ?? 'lan.revoked',
      params: paramsOf(error),
    });
    online = false;
    events?.close();
    events = null;
    for (const [seq, resolve] of waiting) {
      waiting.delete(seq);
      resolve({ ok: false, error });
    }
    wake.cancel?.();
    changed();
  }

  // --- the outbox, sent in order -------------------------------------------------------------

  function kick(): void {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    void pump();
  }

  async function pump(): Promise<void> {
    pumping = true;
    try {
      do {
        pumpAgain = false;
        while (online && !closed && state && outbox && !state.revoked && !state.promoted) {
          const row = outbox.nextQueued();
          if (!row) break;
          const moved = await sendRow(row);
          if (!moved) break;
        }
      } while (pumpAgain && online && !closed);
    } finally {
      pumping = false;
    }
  }

  /** Sends one queued row; false when the queue cannot move on now (cut off, or waiting for a sign-in). */
  async function sendRow(row: OutboxRow): Promise<boolean> {
    if (!state || !outbox) return false;
    const ctx: Record<string, unknown> = { ...row.ctx, callKey: row.key };
    if (row.receipt) ctx.receipt = row.receipt;
    const exchange = await send(state.host, 'POST', '/lan/invoke', { channel: row.channel, input: row.input, ctx });
    if (closed || !outbox) return false;
    const resolve = waiting.get(row.seq);
    if (exchange.kind === 'unreachable') {
      setOnline(false);
      return false;
    }
    if (exchange.kind === 'certificate') {
      problem = 'certificate';
      setOnline(false);
      return false;
    }
    if (exchange.kind === 'revoked') {
      revoked(exchange.error);
      return false;
    }
    lastHeard = Date.now();
    if (exchange.kind === 'refused') {
      // The host could not read the call at all (400): it never will; the desk is told.
      settleRefused(row, exchange.error, resolve);
      return true;
    }
    const parsed = lanAnswer.safeParse(exchange.body);
    if (!parsed.success) {
      settleRefused(
        row,
        refuse('internal', 'call.internal', { detail: 'the host answer was not understood' }).error,
        resolve,
      );
      return true;
    }
    const answer = parsed.data;
    const result = answer.result as Result<unknown>;
    if (isRecord(result) && result.ok === false) {
      const error = result.error as AppError;
      // A replay after the sign-in ended (or on a promoted standby, where nobody is signed in yet):
      // the row waits for the windows' next sign-in instead of being lost or told.
      if (error.code === 'locked' && !resolve) {
        const session = latestSession;
        if (session && row.ctx.session !== session) {
          outbox.setCtx(row.seq, { ...row.ctx, session, operator: operatorOfSession.get(session) ?? row.ctx.operator });
          return true;
        }
        if (problem !== 'sign_in') {
          problem = 'sign_in';
          changed();
        }
        return false;
      }
      settleRefused(row, error, resolve);
    } else {
      // Nothing to keep: a write with no audit row, or one the copy off the host holds already.
      if (answer.seq === null || answer.seq <= Math.max(safeSeq, answer.safeSeq)) outbox.remove(row.seq);
      else outbox.answered(row.seq, answer.seq, answer.receipt);
      if (row.channel === 'ballots.enter' && row.roundId !== null && isRecord(result) && result.ok) {
        const ballot = result.value;
        limits.entered(row.roundId, row.entry, isRecord(ballot) && typeof ballot.no === 'number' ? ballot.no : null);
        // The offline limit needs the papers collected: asked once if no screen read them here.
        if (!limits.knows(row.roundId)) void read('rounds.result', { roundId: row.roundId }, row.ctx);
      }
      if (isRecord(result) && result.ok) {
        limits.learn(row.channel, row.input, result.value);
        if (!resolve) tellAlreadyPresent(row.channel, result.value);
      }
      if (problem === 'sign_in') problem = null;
      waiting.delete(row.seq);
      resolve?.(result);
    }
    learnSafe(answer.safeSeq);
    changed();
    return true;
  }

  /**
   * A replayed check-in of a delegate another desk checked in meanwhile is no refusal (the host
   * counts the delegate once, the earlier by its order), but nobody at this desk saw the answer:
   * the desk is told who took the delegate.
   */
  function tellAlreadyPresent(channel: string, value: unknown): void {
    if (!outbox || !channel.startsWith('attendance.checkIn') || !isRecord(value)) return;
    const { outcome, delegate, record } = value;
    if (outcome !== 'already_present' || !isRecord(delegate) || !isRecord(record)) return;
    outbox.tell({
      at: now().toISOString(),
      channel,
      reason: 'lan.replayed_already_present',
      params: {
        name: String(delegate.name ?? ''),
        badge: String(delegate.badge ?? ''),
        operator: String(record.operator ?? ''),
      },
    });
  }

  /** A refusal: to the window that waits for it, or, for a replay, into `told`. Either way the row goes. */
  function settleRefused(row: OutboxRow, error: AppError, resolve: ((r: Result<unknown>) => void) | undefined): void {
    if (!outbox) return;
    if (resolve) {
      outbox.remove(row.seq);
      waiting.delete(row.seq);
      resolve({ ok: false, error });
    } else {
      outbox.removeTelling(row.seq, {
        at: now().toISOString(),
        channel: row.channel,
        reason: error.reason ?? `code.${error.code}`,
        params: paramsOf(error),
      });
    }
    if (problem === 'sign_in' && error.code !== 'locked') problem = null;
  }

  // --- beats, events, failover ---------------------------------------------------------------

  async function beatOnce(): Promise<void> {
    if (!state || !outbox || state.revoked || state.promoted) return;
    const c = outbox.counts();
    const body = {
      queued: c.queued,
      unsafe: c.unsafe,
      pending: outbox.pending(),
      operator: (latestSession && operatorOfSession.get(latestSession)) || null,
    };
    const host = state.host;
    const exchange = await send(host, 'POST', '/lan/beat', body);
    if (closed || !state || state.host !== host) return;
    if (exchange.kind === 'answer') {
      const parsed = beatAnswer.safeParse(exchange.body);
      if (parsed.success) {
        if (problem === 'certificate') problem = null;
        heard(parsed.data);
        setOnline(true);
        kick();
        return;
      }
    }
    if (exchange.kind === 'revoked') {
      revoked(exchange.error);
      return;
    }
    if (exchange.kind === 'certificate' && problem !== 'certificate') {
      problem = 'certificate';
      changed();
    }
    setOnline(false);
    await tryStandby(body);
  }

  function heard(answer: BeatAnswer): void {
    lastHeard = Date.now();
    learnSafe(answer.safeSeq);
    copyLoop?.headSeq(answer.headSeq);
    if (state && canonicalJson(answer.standby) !== canonicalJson(state.standby)) {
      state = { ...state, standby: answer.standby };
      writeState(dataDir, state);
      changed();
    }
  }

  /** The host silent for 3 × CALL_TIMEOUT_MS: is the standby the host now? */
  async function tryStandby(body: unknown): Promise<void> {
    if (!state?.standby || state.kind === 'standby') return;
    if (Date.now() - lastHeard < 3 * callTimeoutMs) return;
    const { standby, host } = state;
    const exchange = await send(standby, 'POST', '/lan/beat', body);
    // Probes overlap while cut off: only the first to hear the promoted standby switches.
    if (closed || !state || state.standby !== standby || state.host !== host || exchange.kind !== 'answer') return;
    const parsed = beatAnswer.safeParse(exchange.body);
    if (!parsed.success) return;
    switchTo(standby, parsed.data);
  }

  /** The promoted standby is the host from now on; the old one is never turned to again. */
  function switchTo(next: Peer, answer: BeatAnswer): void {
    if (!state || !outbox) return;
    forgetPeer(pinned(state.host));
    events?.close();
    events = null;
    state = { ...state, host: next, standby: answer.standby };
    writeState(dataDir, state);
    // Its copy's safe point is not the old host's: nothing is safe until it says so.
    safeSeq = 0;
    outbox.requeueAnswered();
    online = false;
    problem = null;
    heard(answer);
    setOnline(true);
  }

  function openEvents(): void {
    if (events || !state || closed || state.revoked || state.promoted) return;
    const host = state.host;
    events = pinnedEvents(pinned(host), '/lan/events', credential(), {
      onOpen: () => undefined,
      onEvent(name, data) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(data);
        } catch {
          return;
        }
        if (name === 'safe') {
          if (isRecord(parsed) && typeof parsed.safeSeq === 'number') learnSafe(parsed.safeSeq);
          return;
        }
        if (!isRecord(parsed) || typeof parsed.topic !== 'string') return;
        const event = parsed as unknown as ChangeEvent;
        // The host's own `lan` (its stations list) is not this link's state.
        if (event.topic === 'lan') return;
        copyLoop?.changed(event);
        emit(event);
      },
      onDrop() {
        events = null;
        // The next beat opens it again.
      },
    });
  }

  async function loop(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (!closed && state && !state.revoked && !state.promoted) {
        if (online) {
          await beatOnce();
          if (online && !events) openEvents();
          await sleep(beatMs, wake);
        } else {
          // Cut off: ask often, without waiting for the last try's timeout, so the replay starts
          // soon after the cable is back.
          void beatOnce();
          await sleep(Math.min(PROBE_MS, beatMs), wake);
        }
      }
    } finally {
      running = false;
    }
  }

  function start(): void {
    if (!state || state.revoked || state.promoted) return;
    outbox ??= new Outbox(outboxPath(dataDir, state.congress.uid));
    if (state.kind === 'standby' && !copyLoop) startStandbyCopy();
    lastHeard = Date.now();
    void loop();
  }

  function startStandbyCopy(): void {
    if (!state) return;
    const request: HostRequest = async (r) => {
      if (!state) return { error: 'not joined' };
      const body = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
      const answer = await pinnedRequest(pinned(state.host), {
        method: r.method,
        path: r.path,
        headers: { ...r.headers, ...credential() },
        raw: body,
        timeoutMs: r.timeoutMs ?? callTimeoutMs,
      });
      if (!answer.ok) return { error: `${answer.failure}: ${answer.detail}` };
      return { status: answer.status, body: answer.body, headers: answer.headers };
    };
    copyLoop = startCopy({
      dataDir,
      congressUid: state.congress.uid,
      request,
      address: state.localAddress ?? state.host.address,
      ...(options.standbyPort ? { port: options.standbyPort } : {}),
      fingerprintFor: async (uid) => (await certificateFor(dataDir, uid)).fingerprint,
      onHeld: (_copy, answer) => {
        heard(answer);
        changed();
      },
    });
  }

  function stop(): void {
    closed = true;
    wake.cancel?.();
    events?.close();
    events = null;
    copyLoop?.close();
    copyLoop = null;
    for (const [seq, resolve] of waiting) {
      waiting.delete(seq);
      resolve(queuedRefusal());
    }
  }

  // --- the windows' calls --------------------------------------------------------------------

  function remember(ctx: unknown): void {
    if (!isRecord(ctx) || typeof ctx.session !== 'string' || ctx.session.length === 0) return;
    if (ctx.session !== latestSession) {
      latestSession = ctx.session;
      // A replay waiting for a sign-in goes again with this one.
      if (problem === 'sign_in') kick();
    }
  }

  async function read(channel: string, input: unknown, ctx: unknown): Promise<Result<unknown>> {
    let key: string;
    try {
      key = `${channel}\n${canonicalJson(input ?? {})}`;
    } catch {
      key = `${channel}\n${String(input)}`;
    }
    const kept = () =>
      // Locking the station is this laptop's business first: the lock screen shows whether or not
      // the host heard it (its sign-in there ends by itself after the idle minutes).
      channel === 'station.lock' ? ok({}) : (reads.get(key) ?? refuse('offline', 'lan.offline'));
    if (!online || !state) return kept();
    const sent = await invokeNow(state.host, { channel, input, ctx }, kept);
    if ('refused' in sent) return sent.refused;
    learnSafe(sent.answer.safeSeq);
    const result = sent.answer.result as Result<unknown>;
    if (isRecord(result) && result.ok) {
      reads.delete(key);
      reads.set(key, result);
      if (reads.size > READ_CACHE_SIZE) reads.delete(reads.keys().next().value as string);
      limits.learn(channel, input, result.value);
      if (channel === 'station.lock' && isRecord(ctx) && typeof ctx.session === 'string') {
        operatorOfSession.delete(ctx.session);
      }
    }
    return result;
  }

  /**
   * A call sent past the outbox (a read, the sign-in, a chief's call): the host's answer, or what
   * the window hears instead — `unreachable()` when the host did not answer (the link goes
   * offline), the host's own refusal otherwise.
   */
  async function invokeNow(
    host: Peer,
    body: { channel: string; input: unknown; ctx: unknown },
    unreachable: () => Result<unknown>,
  ): Promise<{ answer: LanAnswer } | { refused: Result<unknown> }> {
    const exchange = await send(host, 'POST', '/lan/invoke', body);
    if (exchange.kind === 'unreachable' || exchange.kind === 'certificate') {
      setOnline(false);
      return { refused: unreachable() };
    }
    if (exchange.kind === 'revoked') {
      revoked(exchange.error);
      return { refused: { ok: false, error: exchange.error } };
    }
    if (exchange.kind === 'refused') return { refused: { ok: false, error: exchange.error } };
    lastHeard = Date.now();
    const parsed = lanAnswer.safeParse(exchange.body);
    if (!parsed.success) {
      return { refused: refuse('internal', 'call.internal', { detail: 'the host answer was not understood' }) };
    }
    return { answer: parsed.data };
  }

  /** The sign-in and the chief's calls: now or not at all (see the head of this file). */
  async function live(channel: string, input: unknown, ctx: unknown, keep: boolean): Promise<Result<unknown>> {
    if (!online || !state || !outbox) return refuse('offline', 'lan.offline');
    const callKey = randomUUID();
    const sent: Record<string, unknown> = { ...(isRecord(ctx) ? ctx : {}), callKey };
    const reply = await invokeNow(state.host, { channel, input, ctx: sent }, () => refuse('offline', 'lan.offline'));
    if ('refused' in reply) return reply.refused;
    const { result, seq, receipt } = reply.answer as {
      result: Result<unknown>;
      seq: number | null;
      receipt: string | null;
    };
    if (isRecord(result) && result.ok) {
      if (channel === 'station.signIn') {
        const value = result.value as { token?: unknown; operator?: { name?: unknown } };
        if (typeof value.token === 'string') {
          operatorOfSession.set(value.token, typeof value.operator?.name === 'string' ? value.operator.name : '');
          latestSession = value.token;
          if (problem === 'sign_in') kick();
        }
      }
      if (keep && seq !== null) {
        // Committed on the host: kept for a failover like any answered write, without the PIN.
        const { confirm: _pin, ...kept } = sent;
        outbox.addAnswered({
          key: callKey,
          channel,
          input,
          ctx: kept,
          hostSeq: seq,
          receipt,
          madeAt: now().toISOString(),
          roundId: null,
          entry: null,
        });
      }
      limits.learn(channel, input, result.value);
    }
    learnSafe(reply.answer.safeSeq);
    changed();
    return result;
  }

  async function held(channel: string, input: unknown, ctx: unknown): Promise<Result<unknown>> {
    if (!state || !outbox) return refuse('offline', 'lan.offline');
    const roundId =
      channel === 'ballots.enter' && isRecord(input) && typeof input.roundId === 'number' ? input.roundId : null;
    const entry = roundId !== null && isRecord(input) && typeof input.entry === 'number' ? input.entry : null;
    const before = outbox.counts();
    const answeredNow = online && before.queued === 0;
    // Cut off (or behind a queue), a counting station keys only up to the papers collected.
    if (roundId !== null && !answeredNow) {
      const limit = limits.check(roundId, entry, outbox.queuedPapers(roundId, entry));
      if (!limit.ok) return limit;
    }
    const row = outbox.add({
      key: randomUUID(),
      channel,
      input: input ?? {},
      ctx: isRecord(ctx) ? ctx : {},
      madeAt: now().toISOString(),
      roundId,
      entry,
    });
    changed();
    if (!online) return queuedRefusal();
    return new Promise<Result<unknown>>((resolve) => {
      const timer = setTimeout(() => {
        if (waiting.get(row.seq) !== settle) return;
        waiting.delete(row.seq);
        resolve(queuedRefusal());
      }, callTimeoutMs);
      const settle = (result: Result<unknown>) => {
        clearTimeout(timer);
        resolve(result);
      };
      waiting.set(row.seq, settle);
      kick();
    });
  }

  // --- the link as the store sees it ---------------------------------------------------------

  const status = (): LinkStatus => {
    const c = counts();
    const copy = copyLoop?.held() ?? null;
    return {
      mode: modeOf(),
      kind: state?.kind ?? null,
      name: state?.name ?? null,
      congress: state ? { ...state.congress } : null,
      host: state ? (state.promoted ?? state.host) : null,
      online: state?.promoted ? true : online,
      queued: c.queued,
      unsafe: c.unsafe,
      told: (outbox?.told() ?? []).map((t: ToldEntry) => ({ ...t })),
      copy: copy ? { seq: copy.seq, at: copy.at } : null,
      problem,
    };
  };

  async function join(input: JoinInput): Promise<Result<LinkStatus>> {
    if (state) return refuse('conflict', 'lan.already_joined', { name: state.congress.name });
    const nonce = randomBytes(16).toString('base64url');
    const request: PairRequest = { code: input.code, name: input.name, kind: input.kind, nonce };
    const answer = await pinnedRequest(
      { address: input.address, port: input.port, fingerprint: null, expectPrefix: input.fingerprint },
      { method: 'POST', path: '/lan/pair', body: request, timeoutMs: PAIR_TIMEOUT_MS },
    );
    // The certificate is not the one on the host's screen: the code was not sent to it.
    if (!answer.ok && answer.failure === 'pin_mismatch') {
      return refuse('forbidden', 'lan.fingerprint_mismatch', {
        fingerprint: shortFingerprint(answer.fingerprint ?? '').slice(0, 19),
      });
    }
    if (!answer.ok) return refuse('offline', 'lan.unreachable', { address: input.address, port: input.port });
    const exchange = exchangeOf(answer);
    if (exchange.kind !== 'answer') {
      // The host's own refusal (a wrong, expired or used-up code: 401; a locked address: 429), as it gave it.
      const error = refusalIn(answer.body);
      if (error) return { ok: false, error };
      return refuse('offline', 'lan.unreachable', { address: input.address, port: input.port });
    }
    const parsed = pairAnswer.safeParse(exchange.body);
    if (!parsed.success)
      return refuse('internal', 'call.internal', { detail: 'the pairing answer was not understood' });
    const paired = parsed.data;
    // The certificate this socket saw is the host's only if the host knew the code.
    if (!proofMatches(paired.proof, input.code, answer.fingerprint, nonce)) {
      return refuse('forbidden', 'lan.bad_proof', { fingerprint: answer.fingerprint.slice(0, 16) });
    }
    if (closed) closed = false;
    state = {
      version: 1,
      host: { address: input.address, port: input.port, fingerprint: answer.fingerprint },
      stationId: paired.stationId,
      secret: paired.secret,
      congress: paired.congress,
      kind: input.kind,
      name: input.name,
      standby: paired.standby,
      localAddress: answer.localAddress,
      revoked: false,
      promoted: null,
    };
    writeState(dataDir, state);
    problem = null;
    online = false;
    start();
    setOnline(true);
    return ok(status());
  }

  async function leave(): Promise<Result<LinkStatus>> {
    if (!state) return ok(status());
    const { queued } = counts();
    // A revoked station's rows can never be sent: it may leave, and they stay on this disk.
    if (queued > 0 && !state.revoked) return refuse('conflict', 'lan.outbox_not_empty', { queued });
    const file = outbox?.file ?? null;
    const empty = outbox?.isEmpty() ?? true;
    stop();
    forgetPeer(pinned(state.host));
    outbox?.close();
    outbox = null;
    // What was answered but not yet in a copy off the host stays on the disk beside it.
    if (file && empty) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    removeState(dataDir);
    state = null;
    online = false;
    problem = null;
    safeSeq = 0;
    reads.clear();
    closed = false;
    changed();
    return ok(status());
  }

  // A pairing on this disk: the laptop restarted mid-day; its outbox replays once the host answers.
  state = readState(dataDir);
  if (state?.revoked) {
    outbox = new Outbox(outboxPath(dataDir, state.congress.uid));
    problem = 'revoked';
  } else if (state && !state.promoted) {
    start();
  }

  return {
    forwards: (channel) => state !== null && !state.promoted && !OWN_CHANNELS.has(channel),
    async invoke(channel, input, ctx) {
      if (!state) return refuse('offline', 'lan.offline');
      if (state.revoked) return refuse('forbidden', 'lan.revoked', { name: state.name });
      remember(ctx);
      switch (kindOf(channel)) {
        case 'read':
          return read(channel, input, ctx);
        case 'sign_in':
          return live(channel, input, ctx, false);
        case 'chief':
          return live(channel, input, ctx, true);
        default:
          return held(channel, input, ctx);
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    status,
    join,
    dismiss(at) {
      outbox?.dismiss(at);
      changed();
      return status();
    },
    leave,
    copy: () => copyLoop?.copy() ?? null,
    promoted(self) {
      if (!state) return;
      state = { ...state, promoted: self };
      writeState(dataDir, state);
      stop();
      closed = false;
      online = false;
      changed();
    },
    async close() {
      stop();
      outbox?.close();
      outbox = null;
    },
  };
}

/** Where the pairing is kept (for the docs and the tests). */
export { statePath };
