/**
 * What every entry of a contract section declares: whether it writes, and who may call it while
 * the open congress has operators (`roles`, reads included). An entry without `roles` does not
 * type-check (`satisfies Section`). With no congress open, or one without operators, every call
 * is open as before: the name typed at the station is the operator.
 *
 * `roles` is one of:
 * - a list of roles: a station signed in with one of them (a locked station is refused
 *   `station.locked`, another role `role.forbidden`, both before the input is read);
 * - `CHIEF` (writes only): any signed-in station, with the chief scrutineer's PIN for this call;
 * - `ANYONE`: a locked station too. Only what the lock screen needs to sign in (the congress's
 *   name, the operator picker — names and roles, never a PIN hash —, the station's status, the
 *   sign-in and the lock) and what the hall's board and tally windows show (they run with nobody
 *   signed in: a projector is watched, not worked at). Nothing else may be ANYONE.
 */
import type { z } from 'zod';
import { CHIEF, ROLES, type Role } from '../model/operators.js';

/** Who may call: the lock screen's and the hall board's calls, signed in or not. */
export const ANYONE = 'anyone' as const;

/**
 * The input fields that name a file the call writes (`file`) or a folder it writes into
 * (`folder`): the dispatcher refuses a target outside the places the user picked
 * (`file.not_picked`, db/places.ts) before the handler runs. A null field writes nothing.
 */
export type WriteTarget = 'file' | 'folder';
export type Writes = Readonly<Record<string, WriteTarget>>;

export interface ReadSpec {
  write: false;
  /** The roles whose station may make it, or ANYONE (a locked station too). */
  roles: readonly Role[] | typeof ANYONE;
  /** The files or folders this call writes, by input field (a read may write a file: an export, an enrolment). */
  writes?: Writes;
  input: z.ZodType;
  output: z.ZodType;
}

export interface WriteSpec {
  /** Runs in one transaction and appends one audit row; the dispatcher requires an operator name. */
  write: true;
  /** The roles whose station may make it, CHIEF: the chief scrutineer's PIN for this call, or ANYONE (the sign-in). */
  roles: readonly Role[] | typeof CHIEF | typeof ANYONE;
  /** The files or folders this call writes, by input field. */
  writes?: Writes;
  input: z.ZodType;
  output: z.ZodType;
}

export type Section = Record<string, ReadSpec | WriteSpec>;

export { CHIEF, ROLES };
/** 秘书处 (the secretariat). */
export const S: Role = 'secretariat';
/** 签到 clerk at the desk. */
export const K: Role = 'clerk';
/** 计票人 */
export const C: Role = 'counter';
/** 监票人 */
export const J: Role = 'scrutineer';
/** 总监票人 */
export const Z: Role = 'chief_scrutineer';
/** Those who answer for the count and its record: the secretariat and the scrutineers (监票人, 总监票人). */
export const RECORD_KEEPERS: readonly Role[] = [S, J, Z];
