/**
 * The one entry point of the store: validate the call against core/contract.ts, run its
 * handler, and for a write wrap the change and its audit row in one transaction.
 * Expected failures come back as values and leave the file untouched; an exception is
 * a bug, logged to stderr and answered as `internal`, and also rolls back.
 */
import { type CallContext, type Channel, callContext, contract, isChannel } from '../core/contract.js';
import type { ChangeEvent } from '../core/domain.js';
import { ok, type Result, refuse } from '../core/result.js';
import { permission, type WriteChannel } from '../core/roles.js';
import type { AuditInput } from './audit/log.js';
import type { BackendOptions } from './backend-types.js';
import { Backups } from './backups/scheduler.js';
import { commitWrite } from './commit.js';
import { noCongressOpen } from './congress/handlers.js';
import { readCongress } from './congress/records.js';
import type { CallInfo, QueryCall, SessionCall, UpdateHandler } from './handler-types.js';
import { handlers } from './handlers.js';
import { checkPin, findOperator, hasOperators } from './operators/handlers.js';
import { Stations } from './operators/stations.js';
import { FileKeyStore, type KeyStore } from './results/installation-key.js';
import type { Session } from './session.js';
import { invalidInput } from './validation-messages.js';

export interface DispatcherOptions extends BackendOptions {
  createDemo(path: string, ctx: CallContext): Promise<Result<void>>;
}

const validateOutputs = () => process.env.CONGRESS_DESK_VALIDATE_OUTPUT === '1';

export class Dispatcher {
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  /** Calls run one at a time: a backup or an import never interleaves with a check-in. */
  private queue: Promise<unknown> = Promise.resolve();

  private readonly keys: KeyStore;
  private readonly stations = new Stations();
  readonly backups: Backups;

  constructor(
    readonly session: Session,
    private readonly options: DispatcherOptions,
  ) {
    this.keys = options.keyStore ?? new FileKeyStore(options.dataDir);
    this.backups = new Backups(session, (work) => this.enqueue(work), options.backup);
    this.backups.start();
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
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  invoke(channel: string, input: unknown, ctx: unknown): Promise<Result<unknown>> {
    const run = this.queue.then(() => this.dispatch(channel, input, ctx));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async dispatch(channel: string, rawInput: unknown, rawCtx: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel))
      return refuse(
        'unknown_channel',
        'call.unknown_channel',
        { channel: String(channel) },
        { value: String(channel) },
      );
    const ctx = callContext.safeParse(rawCtx, { reportInput: true });
    if (!ctx.success) return { ok: false, error: invalidInput(ctx.error, 'context') };
    const now = this.options.now?.() ?? new Date();
    const info: CallInfo = {
      operator: ctx.data.operator,
      station: ctx.data.station,
      now: now.toISOString(),
      token: ctx.data.session,
    };
    try {
      // Who may make this call (core/roles.ts), before anything of its input is looked at.
      const gate = contract[channel].write
        ? this.admit(channel as WriteChannel, ctx.data, now.getTime(), () => this.precheck(channel, rawInput, info))
        : ok(null);
      if (!gate.ok) return gate;
      if (gate.value !== null) Object.assign(info, gate.value);
      const input = contract[channel].input.safeParse(rawInput ?? {}, { reportInput: true });
      if (!input.success) return { ok: false, error: invalidInput(input.error) };
      // A sign-in is made by the operator signing in, whatever name the station typed.
      const signingIn = channel === 'station.signIn' && this.session.open;
      if (signingIn) {
        const row = findOperator(signingIn.db, (input.data as { operatorId: number }).operatorId);
        if (row) info.operator = row.name;
      }
      if (contract[channel].write && info.operator.length === 0) {
        return refuse('operator_required', 'call.operator_required');
      }
      return await this.runHandler(channel, input.data, info, ctx.data);
    } catch (err) {
      console.error(`congress-desk: internal error in ${channel}:`, err);
      return refuse('internal', 'call.internal', { detail: (err as Error)?.message ?? String(err) });
    }
  }

  private async runHandler(
    channel: Channel,
    input: unknown,
    info: CallInfo,
    ctx: CallContext,
  ): Promise<Result<unknown>> {
    // The table is typed per channel; here the channel is only known at run time.
    const handler = handlers[channel] as unknown as
      | { kind: 'query'; run(input: unknown, call: QueryCall): Result<unknown> | Promise<Result<unknown>> }
      | UpdateHandler<Channel, unknown>
      | {
          kind: 'session';
          run(input: unknown, call: SessionCall): Result<unknown> | Promise<Result<unknown>>;
          changes?(input: unknown, output: unknown): ChangeEvent[];
        };

    if (handler.kind === 'session') {
      const call: SessionCall = {
        ...info,
        session: this.session,
        options: this.options,
        keys: this.keys,
        stations: this.stations,
        backups: this.backups,
        auditEntry: (action, payload) => ({ ...auditBase(info), action, payload }),
        createDemo: (path) => this.options.createDemo(path, ctx),
      };
      const before = this.session.open?.path ?? null;
      const result = await handler.run(input, call);
      // A sign-in belongs to the congress it was made in: another file, or none, ends them all;
      // so does the backup history.
      if ((this.session.open?.path ?? null) !== before) {
        this.stations.closeAll();
        this.backups.reset();
      }
      if (result.ok) {
        this.checkOutput(channel, result.value);
        this.emit(handler.changes?.(input, result.value) ?? []);
      }
      return result;
    }

    const open = this.session.open;
    if (!open) return noCongressOpen();
    const call: QueryCall = { ...info, db: open.db, path: open.path, keys: this.keys, stations: this.stations };

    if (handler.kind === 'query') {
      const result = await handler.run(input, call);
      if (result.ok) this.checkOutput(channel, result.value);
      return result;
    }

    let prepared: unknown;
    if (handler.prepare) {
      const prep = await handler.prepare(input as never, call);
      if (!prep.ok) return prep;
      prepared = prep.value;
    }
    const outcome = commitWrite(
      call,
      channel,
      (c) => {
        const result = handler.run(input as never, c, prepared);
        // Inside the transaction, so that a drifting output rolls the write back.
        if (result.ok) this.checkOutput(channel, result.value);
        return result;
      },
      (output) => (handler.auditPayload ? handler.auditPayload(input as never, output as never, prepared) : input),
      { acknowledge: ctx.acknowledge ?? [] },
    );
    if (outcome.ok && !('unchanged' in outcome)) {
      this.backups.changed();
      this.emit(handler.changes(input as never, outcome.value as never));
      // A round closed (and maybe its contest): a copy now, not in a few minutes.
      if (channel === 'rounds.close') void this.backups.backupNow('round_closed');
      if (channel === 'congress.updateSettings' && (input as { backupDir?: unknown }).backupDir) {
        void this.backups.backupNow('folder_set');
      }
    }
    return outcome.ok ? ok(outcome.value) : outcome;
  }

  /**
   * The role check of a write (core/roles.ts). A congress without operators is open: the name
   * typed at the station is the operator. With operators, the station must be signed in and its
   * role allowed; the chief scrutineer's calls need the chief's PIN in this call's context.
   * Answers who the audit row will name (null: the name typed at the station).
   */
  private admit(
    channel: WriteChannel,
    ctx: CallContext,
    now: number,
    precheck: () => Result<unknown>,
  ): Result<{ operator: string; station: string } | null> {
    const open = this.session.open;
    if (channel === 'congress.create' || channel === 'station.signIn' || !open || !hasOperators(open.db)) {
      return ok(null);
    }
    const { idleMinutes } = readCongress(open.db).settings;
    const station = this.stations.resolve(ctx.session, open.path, idleMinutes, now);
    if (!station) return refuse('locked', 'station.locked');
    // The file decides, not the memory: a restored copy, or an operator disabled or given another
    // role since signing in, ends that sign-in.
    const row = findOperator(open.db, station.operatorId);
    if (!row || row.disabled === 1 || row.role !== station.role || row.name !== station.name) {
      this.stations.closeOperator(station.operatorId);
      return refuse('locked', 'station.sign_in_ended');
    }
    const rule = permission(channel, station.role);
    if (rule === 'refused') {
      return refuse(
        'forbidden',
        'role.forbidden',
        { role: station.role, name: station.name, channel },
        { value: channel },
      );
    }
    if (rule === 'chief') {
      // What would refuse the call anyway is said before anyone types the chief's PIN.
      const pre = precheck();
      if (!pre.ok) return pre;
      if (!ctx.confirm) return refuse('chief_required', 'chief.required');
      const chief = checkPin(open.db, this.stations, ctx.confirm.operatorId, ctx.confirm.pin, now);
      if (!chief.ok) return chief;
      if (chief.value.role !== 'chief_scrutineer') {
        return refuse('chief_required', 'chief.not_chief', { name: chief.value.name });
      }
      // The chief made it, at a station someone else had open: the audit row names both.
      return ok({ operator: chief.value.name, station: `${ctx.station}(${station.name}登录)` });
    }
    return ok({ operator: station.name, station: ctx.station });
  }

  /**
   * An update handler's `precheck` (types.ts) on the call's input, before the chief's PIN is
   * asked for. An input that does not parse passes here: the contract refuses it after the gate.
   */
  private precheck(channel: Channel, rawInput: unknown, info: CallInfo): Result<unknown> {
    const handler = handlers[channel] as unknown as UpdateHandler<Channel, unknown>;
    const open = this.session.open;
    if (handler.kind !== 'update' || !handler.precheck || !open) return ok(null);
    const input = contract[channel].input.safeParse(rawInput ?? {});
    if (!input.success) return ok(null);
    const call: QueryCall = { ...info, db: open.db, path: open.path, keys: this.keys, stations: this.stations };
    return handler.precheck(input.data as never, call);
  }

  /** Announces committed changes; `audit` always, since every committed write appended a row. */
  emit(events: ChangeEvent[]): void {
    if (events.length === 0) return;
    const all = events.some((e) => e.topic === 'audit') ? events : [...events, { topic: 'audit' as const }];
    for (const event of all) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (err) {
          console.error('congress-desk: change listener failed:', err);
        }
      }
    }
  }

  /** Contract drift shows up in tests (CONGRESS_DESK_VALIDATE_OUTPUT=1) as `internal`. */
  private checkOutput(channel: Channel, value: unknown): void {
    if (!validateOutputs()) return;
    const checked = contract[channel].output.safeParse(value);
    if (!checked.success) {
      throw new Error(`output of ${channel} does not match the contract: ${JSON.stringify(checked.error.issues)}`);
    }
  }
}

const auditBase = (info: CallInfo): Omit<AuditInput, 'action' | 'payload'> => ({
  at: info.now,
  operator: info.operator,
  station: info.station,
});
