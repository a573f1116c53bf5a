import type { Operator } from '../../../core/model/index.js';
import type { Result } from '../../../core/result.js';
import type { Role } from '../../../core/roles.js';
import { invoke } from '../../api/index.js';
import { queryClient, queryKey } from '../../api/queries.js';
import { useStation } from './station-store.js';

export type { Operator };

/** The list as the lock screen, the chief's confirmation and the settings show it (`useCall`), read again now. */
const listAgain = () => queryClient.invalidateQueries({ queryKey: queryKey('operators.list', {}) });

/**
 * Adds an operator. The first closes the congress to sign-in: whoever added it (the
 * secretariat, with the PIN just typed) stays at work, signed in.
 */
export async function addOperator(
  input: { name: string; role: Role; pin: string },
  first: boolean,
): Promise<Result<Operator>> {
  const r = await invoke('operators.add', input);
  if (!r.ok) return r;
  await listAgain();
  if (first) await useStation.getState().signIn(r.value.id, input.pin);
  else await useStation.getState().refresh();
  return r;
}

/** A new role or PIN, or disabled: that operator is signed out, maybe at this station. */
export async function updateOperator(input: {
  operatorId: number;
  role?: Role;
  pin?: string;
  disabled?: boolean;
}): Promise<Result<Operator>> {
  const r = await invoke('operators.update', input);
  if (r.ok) {
    await listAgain();
    await useStation.getState().refresh();
  }
  return r;
}

/** Operators who may sign in (not disabled). */
export const activeOperators = (list: readonly Operator[] | undefined): Operator[] =>
  (list ?? []).filter((o) => !o.disabled);
