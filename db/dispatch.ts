/**
 * The one entry point of the store: validate the call against core/contract.ts, run its
 * handler, and for a write wrap the change and its audit row in one transaction.
 * Expected failures come back as values and leave the file untouched; an exception is
 * a bug, logged to stderr and answered as `internal`, and also rolls back.
 */
import path from 'node:path';
import type { ReadSpec, WriteSpec } from '../core/contract/spec.js';
import { type CallContext, type Channel, callContext, contract, isChannel } from '../core/contract.js';
import type { ChangeEvent } from '../core/domain.js';
import { ok, type Result, refuse } from '../core/result.js';
import { afterCommit, ChangeFeed } from './after-commit.js';
import type { AuditInput } from './audit/log.js';
import type { BackendOptions } from './backend-types.js';
import { Backups } from './backups/scheduler.js';
import { commitWrite } from './commit.js';
import { noCongressOpen } from './congress/handlers.js';
import { readCongress } from './congress/records.js';
import { admit, precheckOf } from './gate.js';
import type { AnyHandler, CallInfo, QueryCall, SessionCall } from './handler-types.js';
import { handlers } from './handlers.js';
import { findCall, keepCall } from './lan/host/calls.js';
import { lanSecret, makeReceipt, receiptOperator } from './lan/host/receipts.js';
import type { LanRuntime, StationIdentity } from './lan/types.js';
import type { SqliteDb } from './open.js';
import { inputDigest, Stations } from './operators/stations.js';
import { checkOutput } from './output-check.js';
import { allowedIn, distinctPlaces, PickedPlaces } from './places.js';
import { FileKeyStore, type KeyStore } from './results/installation-key.js';
import { commitUpdate, prepareUpdate, runSession } from './run-handler.js';
import type { OpenCongress, Session } from './session.js';
import { invalidInput } from './validation-messages.js';

export interface DispatcherOptions extends BackendOptions {
  createDemo(path: string, ctx: CallContext): Promise<Result<void>>;
}

/**
 * A call's answer with what a station keeps of it (issue 14): the audit row its write committed
 * (now, or before under the same call key) and the host's receipt for it; null when nothing was
 * committed (a read, a refusal, a write that changed nothing) or the call had no key.
 */
export interface CallOutcome {
  result: Result<unknown>;
  seq: number | null;
  receipt: string | null;
}

/** An audited write of the store itself, no contract call's (a pairing try): what it did and its audit payload. */
export interface InternalWrite<T> {
  value: T;
  payload: unknown;
}

const answered = (result: Result<unknown>): CallOutcome => ({ result, seq: null, receipt: null });

/**
 * One call after another: the context and input checked against the contract, the gate
 * (db/gate.ts), the handler run by its kind (db/run-handler.ts), and what its declarations ask
 * for after the commit (db/after-commit.ts). Nothing here knows a channel by name.
 */
export class Dispatcher {
  private readonly feed = new ChangeFeed();
  /** The same listeners, for announcements that carry no `audit` (`announce`). */
  private readonly quiet = new Set<(event: ChangeEvent) => void>();
  /** Calls run one at a time: a backup or an import never interleaves with a check-in. */
  private queue: Promise<unknown> = Promise.resolve();

  private readonly keys: KeyStore;
  private readonly stations = new Stations();
  readonly backups: Backups;
  /** The folders the user picked in this run (db/places.ts): added by the trusted side only, never by a call. */
  readonly picked = new PickedPlaces();
  /** The venue network (issue 14): made by the backend right after the dispatcher (db/lan/runtime.ts). */
  private lanRuntime: LanRuntime | null = null;

  attachLan(lan: LanRuntime): void {
    this.lanRuntime = lan;
  }

  get lan(): LanRuntime {
    if (!this.lanRuntime) throw new Error('the venue network is not attached (db/backend.ts attaches it)');
    return this.lanRuntime;
  }

  constructor(
    readonly session: Session,
    private readonly options: DispatcherOptions,
  ) {
    this.keys = options.keyStore ?? new FileKeyStore(options.dataDir);
    this.backups = new Backups(session, (work) => this.enqueue(work), options.backup);
    this.backups.start();
    // Issue 13: a scanned page's reading lands between calls and is announced like a write; pages
    // received (a `scan` change) go to the reader.
    session.scanHooks.announce = (events) => this.feed.emit(events);
    session.scanHooks.reader = options.scanReader ?? null;
    this.feed.listen((event) => {
      const open = this.session.open;
      if (event.topic === 'scan' && event.roundId !== undefined && open) {
        open.caches.scans.pump(open.db, open.path, event.roundId);
      }
    });
  }

  /** Work that must not interleave with a call (a backup): queued like one. */
  enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.backups.stop();
    this.stations.closeAll();
  }

  onChange(listener: (event: ChangeEvent) => void): () => void {
    const unlisten = this.feed.listen(listener);
    this.quiet.add(listener);
    return () => {
      unlisten();
      this.quiet.delete(listener);
    };
  }

  /**
   * Issue 14: a change of what the screens show that appended no audit row (a station's beat:
   * who is signed in there, what waits in its outbox), announced without `audit`.
   */
  announce(events: ChangeEvent[]): void {
    for (const event of events) {
      for (const listener of this.quiet) {
        try {
          listener(event);
        } catch (err) {
          console.error('congress-desk: change listener failed:', err);
        }
      }
    }
  }

  /** Announces committed changes; `audit` always, since every committed write appended a row. */
  emit(events: ChangeEvent[]): void {
    this.feed.emit(events);
  }

  /** Where a write may go now (db/backend-types.ts `places`). */
  places(): string[] {
    const open = this.session.open;
    return distinctPlaces([
      this.options.documentsDir,
      this.options.dataDir,
      ...(this.options.places ?? []),
      open ? path.dirname(open.path) : null,
      open ? readCongress(open.db).settings.backupDir : null,
      ...this.picked.list(),
    ]);
  }

  /**
   * The refusal for a declared write target (core/contract/spec.ts `writes`) outside the places
   * (issue 12: 「不在用户选定的位置之外写文件」), the first one named with its field; null when all are in.
   */
  private notPicked(channel: Channel, input: unknown): Result<never> | null {
    const writes = (contract[channel] as ReadSpec | WriteSpec).writes;
    if (!writes) return null;
    const places = this.places();
    for (const [field, kind] of Object.entries(writes)) {
      const target = (input as Record<string, unknown>)[field];
      if (typeof target !== 'string' || allowedIn(places, target, kind)) continue;
      return refuse(
        'invalid_input',
        'file.not_picked',
        { path: path.resolve(target), field },
        { field, value: target },
      );
    }
    return null;
  }

  invoke(channel: string, input: unknown, ctx: unknown): Promise<Result<unknown>> {
    return this.queued(() => this.dispatch(channel, input, ctx, null)).then((outcome) => outcome.result);
  }

  /**
   * Issue 14: a paired station's call (db/lan/host/store.ts), gated and run as any call, with the
   * audit row and receipt of the write it committed. A session call (open, close, create, back up,
   * restore, export a file on the host) is refused from a station unless its handler says otherwise.
   */
  invokeStation(channel: string, input: unknown, ctx: unknown, from: StationIdentity): Promise<CallOutcome> {
    return this.queued(() => this.dispatch(channel, input, ctx, from));
  }

  /**
   * Issue 14: an audited write no contract call makes (a pairing try, a standby's new address),
   * queued like a call: `run` inside the transaction with its audit row `action` (operator
   * `system`), its refusal rolling both back; `events` announced after the commit.
   */
  internalWrite<T>(
    action: string,
    run: (db: SqliteDb, now: string) => Result<InternalWrite<T>>,
    events: ChangeEvent[] = [],
    by: { operator?: string; station?: string } = {},
  ): Promise<Result<T>> {
    return this.queued(async () => {
      const open = this.session.open;
      if (!open) return noCongressOpen();
      const now = (this.options.now?.() ?? new Date()).toISOString();
      const call = {
        ...this.storeCall(
          { operator: by.operator ?? 'system', station: by.station ?? 'venue', now, token: undefined },
          open,
        ),
      };
      let value: T | undefined;
      const outcome = commitWrite(
        call,
        action,
        (c) => {
          const done = run(c.db, now);
          if (!done.ok) return done;
          value = done.value.value;
          return ok(done.value.payload);
        },
        (payload) => payload,
      );
      if (!outcome.ok) return outcome;
      afterCommit({ events, backup: null }, this.feed, this.backups);
      return ok(value as T);
    });
  }

  private queued<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async dispatch(
    channel: string,
    rawInput: unknown,
    rawCtx: unknown,
    from: StationIdentity | null,
  ): Promise<CallOutcome> {
    if (!isChannel(channel))
      return answered(
        refuse('unknown_channel', 'call.unknown_channel', { channel: String(channel) }, { value: String(channel) }),
      );
    const ctx = callContext.safeParse(rawCtx, { reportInput: true });
    if (!ctx.success) return answered({ ok: false, error: invalidInput(ctx.error, 'context') });
    const now = this.options.now?.() ?? new Date();
    const info: CallInfo = {
      operator: ctx.data.operator,
      station: ctx.data.station,
      now: now.toISOString(),
      token: ctx.data.session,
    };
    // The table is typed per channel; here the channel is only known at run time.
    const handler = handlers[channel] as unknown as AnyHandler;
    const write = contract[channel].write;
    if (from && handler.kind === 'session' && handler.stations !== true)
      return answered(refuse('forbidden', 'lan.host_only', { channel }, { value: channel }));
    try {
      const open = this.session.open;
      const keyed = write && handler.kind === 'update' && open ? this.keyed(channel, rawInput, ctx.data, open) : null;
      if (keyed && !keyed.ok) return answered(keyed);
      const { receipted = null, kept = null, reused = false, digest = null } = keyed?.value ?? {};
      if (!keyed && ctx.data.receipt !== undefined) return answered(refuse('forbidden', 'lan.bad_receipt'));
      // Who may make this call, read or write (core/roles.ts), before anything of its input is looked at.
      const gate = admit({
        channel,
        ctx: ctx.data,
        now: now.getTime(),
        open,
        stations: this.stations,
        input: rawInput,
        receipted,
        repeat: kept !== null,
        precheck: () =>
          this.notPickedRaw(channel, rawInput) ??
          (open ? precheckOf(channel, handler, rawInput, this.storeCall(info, open)) : ok(null)),
      });
      if (!gate.ok) return answered(gate);
      // Said only to whom the gate admits: which keys this file holds is nobody else's business.
      if (reused) return answered(refuse('conflict', 'lan.key_reused', {}, { value: ctx.data.callKey ?? '' }));
      // The same key again: what the first answered, nothing run.
      if (kept) return { result: ok(kept.result), seq: kept.auditSeq, receipt: kept.receipt };
      if (gate.value !== null) Object.assign(info, gate.value);
      const input = contract[channel].input.safeParse(rawInput ?? {}, { reportInput: true });
      if (!input.success) return answered({ ok: false, error: invalidInput(input.error) });
      const outside = this.notPicked(channel, input.data);
      if (outside) return answered(outside);
      const madeBy =
        handler.kind === 'update' && open
          ? handler.madeBy?.(input.data as never, this.storeCall(info, open))
          : undefined;
      if (madeBy) info.operator = madeBy;
      if (write && info.operator.length === 0) return answered(refuse('operator_required', 'call.operator_required'));
      return await this.run(handler, channel, input.data, info, ctx.data, digest);
    } catch (err) {
      console.error(`congress-desk: internal error in ${channel}:`, err);
      return answered(refuse('internal', 'call.internal', { detail: (err as Error)?.message ?? String(err) }));
    }
  }

  /**
   * Issue 14: a write's call key and receipt. A key committed before answers its first answer
   * (`kept`), but only for the same channel and input (else `reused`, refused after the gate); a receipt admits the call as the operator
   * it names, only when it is this file's receipt for exactly this call (db/lan/host/receipts.ts).
   */
  private keyed(
    channel: Channel,
    rawInput: unknown,
    ctx: CallContext,
    open: OpenCongress,
  ): Result<{ receipted: string | null; kept: KeptCallOf | null; reused: boolean; digest: string | null }> {
    const key = ctx.callKey;
    // No key, no receipt: the digest names a kept call only (a window's own call has none).
    if (key === undefined) {
      if (ctx.receipt !== undefined) return refuse('forbidden', 'lan.bad_receipt');
      return ok({ receipted: null, kept: null, reused: false, digest: null });
    }
    const digest = inputDigest(rawInput);
    const found = findCall(open.db, key);
    const reused = found !== null && (found.channel !== channel || found.inputSha256 !== digest);
    const kept = reused ? null : found;
    let receipted: string | null = null;
    if (ctx.receipt !== undefined) {
      const secret = lanSecret(open.db);
      receipted = secret
        ? receiptOperator(secret, ctx.receipt, { key, channel, inputSha256: digest, station: ctx.station })
        : null;
      if (receipted === null || receipted.length === 0) return refuse('forbidden', 'lan.bad_receipt');
    }
    return ok({ receipted, kept, reused, digest });
  }

  private async run(
    handler: AnyHandler,
    channel: keyof typeof handlers,
    input: unknown,
    info: CallInfo,
    ctx: CallContext,
    /** The input's digest when the call has a key (its receipt and kept answer name it). */
    digest: string | null,
  ): Promise<CallOutcome> {
    if (handler.kind === 'session') {
      const call: SessionCall = {
        ...info,
        session: this.session,
        options: this.options,
        keys: this.keys,
        stations: this.stations,
        backups: this.backups,
        lan: this.lan,
        auditEntry: (action, payload) => ({ ...auditBase(info), action, payload }),
        createDemo: (path) => this.options.createDemo(path, ctx),
      };
      const run = await runSession(handler as never, channel, input, call, checkOutput, () => {
        // A sign-in belongs to the congress it was made in: another file, or none, ends them all;
        // so does the backup history.
        this.stations.closeAll();
        this.backups.reset();
      });
      this.feed.emit(run.events);
      return answered(run.result);
    }

    const open = this.session.open;
    if (!open) return answered(noCongressOpen());
    const call = this.storeCall(info, open);
    if (handler.kind === 'query') {
      const result = await handler.run(input as never, call);
      if (result.ok) checkOutput(channel, result.value);
      return answered(result);
    }
    const prepared = await prepareUpdate(handler, input, call);
    if (!prepared.ok) return answered(prepared);
    let seq: number | null = null;
    let receipt: string | null = null;
    const key = ctx.callKey;
    const { result, committed } = commitUpdate(
      handler,
      channel,
      input,
      call,
      prepared.value,
      ctx.acknowledge ?? [],
      checkOutput,
      (entry, output) => {
        seq = entry.id;
        if (key === undefined || digest === null) return;
        const secret = lanSecret(open.db);
        if (!secret) return;
        const fields = { key, channel, inputSha256: digest, operator: call.operator, station: call.station };
        receipt = makeReceipt(secret, fields);
        // In the write's transaction: the key is committed exactly when the write is.
        if (!handler.secretAnswer) keepCall(open.db, { ...fields, auditSeq: entry.id, result: output, receipt });
      },
    );
    if (committed) afterCommit(committed, this.feed, this.backups);
    return committed ? { result, seq, receipt } : answered(result);
  }

  /** The same before the chief's PIN is asked for: a target outside the places is said first. */
  private notPickedRaw(channel: Channel, rawInput: unknown): Result<never> | null {
    const input = contract[channel].input.safeParse(rawInput ?? {});
    return input.success ? this.notPicked(channel, input.data) : null;
  }

  private storeCall(info: CallInfo, open: OpenCongress): QueryCall {
    return {
      ...info,
      db: open.db,
      path: open.path,
      caches: open.caches,
      keys: this.keys,
      stations: this.stations,
      lan: this.lan,
    };
  }
}

type KeptCallOf = NonNullable<ReturnType<typeof findCall>>;

const auditBase = (info: CallInfo): Omit<AuditInput, 'action' | 'payload'> => ({
  at: info.now,
  operator: info.operator,
  station: info.station,
});
