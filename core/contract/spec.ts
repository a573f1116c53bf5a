/**
 * What every entry of a contract section declares: a read, or a write with the roles whose
 * station may make it. A write without `roles` does not type-check (`satisfies Section`).
 */
import type { z } from 'zod';
import { CHIEF, ROLES, type Role } from '../model/operators.js';

export interface ReadSpec {
  write: false;
  input: z.ZodType;
  output: z.ZodType;
}

export interface WriteSpec {
  /** Runs in one transaction and appends one audit row; the dispatcher requires an operator name. */
  write: true;
  /** The roles whose station may make it, or CHIEF: the chief scrutineer's PIN for this call. */
  roles: readonly Role[] | typeof CHIEF;
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
