/**
 * The one entry point of the store: validate the call against core/contract.ts, run its
 * handler, and for a write wrap the change and its audit row in one transaction.
 * Expected failures come back as values and leave the file untouched; an exception is
 * a bug, logged to stderr and answered as `internal`, and also rolls back.
 */
import { type CallContext, type Channel, callContext, contract, isChannel } from '../core/contract.js';
import type { ChangeEvent } from '../core/domain.js';
import { fail, ok, type Result } from '../core/result.js';
import type { AuditInput } from './audit.js';
import type { BackendOptions } from './backend-types.js';
import { commitWrite } from './commit.js';
import { noCongressOpen } from './handlers/congress.js';
import { handlers } from './handlers/index.js';
import type { CallInfo, QueryCall, SessionCall, UpdateHandler } from './handlers/types.js';
import { FileKeyStore, type KeyStore } from './installation-key.js';
import type { Session } from './session.js';
import { invalidInput } from './validation-messages.js';

export interface DispatcherOptions extends BackendOptions {
  createDemo(path: string, ctx: CallContext): Promise<Result<void>>;
  now?: () => Date;
}

const validateOutputs = () => process.env.CONGRESS_DESK_VALIDATE_OUTPUT === '1';

export class Dispatcher {
  private readonly listeners = new Set<(event: ChangeEvent) => void>();
  /** Calls run one at a time: a backup or an import never interleaves with a check-in. */
  private queue: Promise<unknown> = Promise.resolve();

  private readonly keys: KeyStore;

  constructor(
    readonly session: Session,
    private readonly options: DispatcherOptions,
  ) {
    this.keys = options.keyStore ?? new FileKeyStore(options.dataDir);
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
    if (!isChannel(channel)) return fail('unknown_channel', `未知的调用:${channel}`, { value: String(channel) });
    const ctx = callContext.safeParse(rawCtx, { reportInput: true });
    if (!ctx.success) return { ok: false, error: invalidInput(ctx.error, '调用信息') };
    const input = contract[channel].input.safeParse(rawInput ?? {}, { reportInput: true });
    if (!input.success) return { ok: false, error: invalidInput(input.error) };
    if (contract[channel].write && ctx.data.operator.length === 0) {
      return fail('operator_required', '请先填写操作员姓名,再进行修改');
    }
    const info: CallInfo = { ...ctx.data, now: (this.options.now?.() ?? new Date()).toISOString() };
    try {
      return await this.runHandler(channel, input.data, info, ctx.data);
    } catch (err) {
      console.error(`congress-desk: internal error in ${channel}:`, err);
      return fail('internal', `程序内部错误,本次操作未保存(${(err as Error)?.message ?? String(err)})`);
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
        auditEntry: (action, payload) => ({ ...auditBase(info), action, payload }),
        createDemo: (path) => this.options.createDemo(path, ctx),
      };
      const result = await handler.run(input, call);
      if (result.ok) {
        this.checkOutput(channel, result.value);
        this.emit(handler.changes?.(input, result.value) ?? []);
      }
      return result;
    }

    const open = this.session.open;
    if (!open) return noCongressOpen();
    const call: QueryCall = { ...info, db: open.db, path: open.path, keys: this.keys };

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
    );
    if (outcome.ok && !('unchanged' in outcome)) this.emit(handler.changes(input as never, outcome.value as never));
    return outcome.ok ? ok(outcome.value) : outcome;
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
