/**
 * The chief scrutineer's confirmation (总监票人当场确认), bound to the one call it confirms.
 *
 * A call that needs it is first refused `chief_required` with a nonce in `params.nonce`, issued
 * for that channel, the SHA-256 of that input (canonical JSON) and that station's sign-in, good
 * for five minutes and once (db/operators/stations.ts). The same call is then made again with
 * `ctx.confirm = { operatorId, pin, nonce }`. A confirmation captured on the wire (or left in a
 * log) therefore confirms nothing else: replayed, or sent with another call, its nonce is gone or
 * foreign and the call is refused `chief.nonce_invalid`. Every refusal after a confirmation was
 * tried carries a fresh nonce, so the modal can ask again without asking the backend twice.
 */
import type { CallContext, Channel } from '../../core/contract.js';
import { type AppError, ok, type Result, refuse } from '../../core/result.js';
import { appendAudit } from '../audit/log.js';
import type { SqliteDb } from '../open.js';
import { clearPair, hasFailures } from './attempts.js';
import { checkPin, findOperator } from './handlers.js';
import { inputDigest, type StationSession, type Stations } from './stations.js';

export interface ChiefCall {
  channel: Channel;
  /** The call's raw input, as sent: the nonce is bound to its digest. */
  input: unknown;
  ctx: CallContext;
  /** The sign-in of the station making the call. */
  station: StationSession;
  now: number;
}

/** Who the audit row names when the chief confirmed: the chief, at a station someone else opened. */
export function confirmChief(
  db: SqliteDb,
  stations: Stations,
  { channel, input, ctx, station, now }: ChiefCall,
): Result<{ operator: string; station: string }> {
  const bound = { channel, input: inputDigest(input), token: station.token };
  const again = (error: AppError): { ok: false; error: AppError } => ({
    ok: false,
    error: { ...error, params: { ...error.params, nonce: stations.issueNonce(bound, now) } },
  });
  if (!ctx.confirm) return again(refuse('chief_required', 'chief.required').error);
  const { operatorId, pin, nonce } = ctx.confirm;
  // Used up whatever follows: a confirmation is never good twice.
  if (!stations.takeNonce(nonce, bound, now)) return again(refuse('chief_required', 'chief.nonce_invalid').error);
  const named = findOperator(db, operatorId);
  // Not the chief: said before the PIN is compared, so this dialog tells nothing of others' PINs.
  if (named && named.role !== 'chief_scrutineer') {
    return again(refuse('chief_required', 'chief.not_chief', { name: named.name }).error);
  }
  const chief = checkPin(db, operatorId, pin, {
    station: ctx.station,
    now,
    action: 'chief.confirm_failed',
    operator: station.name,
    about: { channel },
  });
  if (!chief.ok) return again(chief.error);
  if (hasFailures(db, chief.value.id, ctx.station)) {
    // The right PIN here forgets the wrong ones before it; like them, with its own audit row.
    db.transaction(() => {
      clearPair(db, chief.value.id, ctx.station);
      appendAudit(db, {
        at: new Date(now).toISOString(),
        operator: chief.value.name,
        station: ctx.station,
        action: 'chief.confirm_cleared',
        payload: { operatorId: chief.value.id, name: chief.value.name, channel },
      });
    })();
  }
  // The chief made it, at a station someone else had open: the audit row names both.
  return ok({ operator: chief.value.name, station: `${ctx.station}(${station.name}登录)` });
}

/** What `confirmWithPin` needs of a backend: the dispatcher, or anything relaying to it. */
export interface Invoker {
  invoke(channel: string, input: unknown, ctx: unknown): Promise<Result<unknown>>;
}

/**
 * Makes a call that needs the chief's PIN the way the app does, in two steps: the call as it is
 * (answered `chief_required` with a nonce, or by anything else that refuses it first), then the
 * same call with `{ operatorId, pin, nonce }`. For the CLI (`congress-desk export --pin-from-tty`)
 * and the tests; the renderer does the same in renderer/api/index.ts.
 */
export async function confirmWithPin(
  backend: Invoker,
  channel: Channel,
  input: unknown,
  ctx: Omit<CallContext, 'confirm'>,
  chief: { operatorId: number; pin: string },
): Promise<Result<unknown>> {
  const asked = await backend.invoke(channel, input, ctx);
  const nonce = asked.ok ? undefined : nonceOf(asked.error);
  if (asked.ok || asked.error.code !== 'chief_required' || nonce === undefined) return asked;
  return backend.invoke(channel, input, { ...ctx, confirm: { ...chief, nonce } });
}

/** The nonce a `chief_required` (or a confirmation's) refusal carries, if any. */
export function nonceOf(error: AppError): string | undefined {
  const nonce = error.params?.nonce;
  return typeof nonce === 'string' ? nonce : undefined;
}
