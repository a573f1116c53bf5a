/**
 * The gate of every call: who may make it (core/roles.ts `permission`, declared per channel in
 * the contract, reads included), before anything of its input is looked at. With no congress
 * open, or one without operators, every call is open: the name typed at the station is the
 * operator. With operators, a locked station may make only the ANYONE calls (the lock screen's,
 * the hall board's); every other call needs a signed-in station whose role the channel names,
 * and the chief scrutineer's calls need the chief's PIN in this call's context.
 */
import { type CallContext, type Channel, contract } from '../core/contract.js';
import { ok, type Result, refuse } from '../core/result.js';
import { ANYONE, CALL_RULES, permission } from '../core/roles.js';
import { readCongress } from './congress/records.js';
import type { AnyHandler, QueryCall } from './handler-types.js';
import { confirmChief } from './operators/confirm.js';
import { findOperator, hasOperators } from './operators/handlers.js';
import type { Stations } from './operators/stations.js';
import type { OpenCongress } from './session.js';

/** Who the audit row names when the gate knows better than the name typed at the station. */
export interface Admitted {
  operator: string;
  station: string;
}

export interface GateCall {
  channel: Channel;
  ctx: CallContext;
  /** Milliseconds, taken once per call. */
  now: number;
  open: OpenCongress | null;
  stations: Stations;
  /** The call's raw input, unread here: the chief's confirmation is bound to its digest. */
  input: unknown;
  /** The handler's precheck on this call's input (`precheckOf`), run before the chief's PIN is asked for. */
  precheck(): Result<unknown>;
  /**
   * Issue 14: the operator named by a valid host receipt for exactly this call (db/dispatch.ts
   * checks it): a write the host acknowledged, replayed — on a promoted standby, nobody may be
   * signed in there yet. Null: no receipt.
   */
  receipted?: string | null;
  /** Issue 14: the call's key was committed before with this input: the chief confirmed it then. */
  repeat?: boolean;
}

/** Answers who the audit row will name (null: the name typed at the station), or the refusal. */
export function admit({
  channel,
  ctx,
  now,
  open,
  stations,
  input,
  precheck,
  receipted = null,
  repeat = false,
}: GateCall): Result<Admitted | null> {
  if (receipted !== null) return ok({ operator: receipted, station: ctx.station });
  if (!open || !hasOperators(open.db)) return ok(null);
  // The lock screen and the hall's board: open to a station nobody is signed in at.
  if (CALL_RULES[channel] === ANYONE) return ok(null);
  const { idleMinutes } = readCongress(open.db).settings;
  const station = stations.resolve(ctx.session, open.path, idleMinutes, now);
  if (!station) return refuse('locked', 'station.locked');
  // The file decides, not the memory: a restored copy, or an operator disabled or given another
  // role since signing in, ends that sign-in.
  const row = findOperator(open.db, station.operatorId);
  if (!row || row.disabled === 1 || row.role !== station.role || row.name !== station.name) {
    stations.closeOperator(station.operatorId);
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
  // A repeat answers what the first call answered, which the chief confirmed; it runs nothing.
  if (rule === 'chief' && !repeat) {
    // What would refuse the call anyway is said before anyone types the chief's PIN.
    const pre = precheck();
    if (!pre.ok) return pre;
    // The chief's PIN with a nonce bound to this very call (db/operators/confirm.ts).
    return confirmChief(open.db, stations, { channel, input, ctx, station, now });
  }
  return ok({ operator: station.name, station: ctx.station });
}

/**
 * An update handler's `precheck` (db/handler-types.ts) on the call's raw input. An input that
 * does not parse passes here: the contract refuses it after the gate.
 */
export function precheckOf(channel: Channel, handler: AnyHandler, rawInput: unknown, call: QueryCall): Result<unknown> {
  if (handler.kind !== 'update' || !handler.precheck) return ok(null);
  const input = contract[channel].input.safeParse(rawInput ?? {});
  if (!input.success) return ok(null);
  return handler.precheck(input.data as never, call);
}
