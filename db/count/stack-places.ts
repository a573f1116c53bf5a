/**
 * Double entry's comparison: the live ballots of a round's stacks, place by place, and whether
 * the two keyings of each place read the same.
 */
import type { StackSummary } from '../../core/model/index.js';
import type { SqliteDb } from '../open.js';
import { statement } from '../statements.js';
import { LIVE_STATES } from './ballot-rows.js';

export type { StackSummary };

interface StackRow {
  id: number;
  stack: number;
  entry: 1 | 2;
  stack_position: number;
  marks: string;
  write_ins: string;
}

export interface StackPlace {
  position: number;
  first: StackRow | undefined;
  second: StackRow | undefined;
  same: boolean;
}

const samePaper = (a: StackRow | undefined, b: StackRow | undefined) =>
  a !== undefined && b !== undefined && a.marks === b.marks && a.write_ins === b.write_ins;

/** The live ballots of a round's stacks, place by place. */
function stackPlaces(db: SqliteDb, roundId: number, stack: number | null): Map<number, StackPlace[]> {
  const rows = (
    stack === null
      ? statement(
          db,
          `SELECT id, stack, entry, stack_position, marks, write_ins FROM ballots
             WHERE round_id = ? AND stack IS NOT NULL AND state IN ${LIVE_STATES}`,
        ).all(roundId)
      : statement(
          db,
          `SELECT id, stack, entry, stack_position, marks, write_ins FROM ballots
             WHERE round_id = ? AND stack = ? AND state IN ${LIVE_STATES}`,
        ).all(roundId, stack)
  ) as StackRow[];
  const byStack = new Map<number, Map<number, StackPlace>>();
  for (const r of rows) {
    let places = byStack.get(r.stack);
    if (!places) {
      places = new Map();
      byStack.set(r.stack, places);
    }
    let place = places.get(r.stack_position);
    if (!place) {
      place = { position: r.stack_position, first: undefined, second: undefined, same: false };
      places.set(r.stack_position, place);
    }
    if (r.entry === 1) place.first = r;
    else place.second = r;
  }
  const out = new Map<number, StackPlace[]>();
  for (const [s, places] of [...byStack].sort((a, b) => a[0] - b[0])) {
    const list = [...places.values()].sort((a, b) => a.position - b.position);
    for (const p of list) p.same = samePaper(p.first, p.second);
    out.set(s, list);
  }
  return out;
}

export function stackPlacesOf(db: SqliteDb, roundId: number, stack: number): StackPlace[] {
  return stackPlaces(db, roundId, stack).get(stack) ?? [];
}

function summaryOf(stack: number, places: StackPlace[]): StackSummary {
  const first = places.filter((p) => p.first).length;
  const second = places.filter((p) => p.second).length;
  const differences = places.filter((p) => !p.same).length;
  return { stack, first, second, differences, reconciled: first === second && differences === 0 };
}

export function stackSummaries(db: SqliteDb, roundId: number): StackSummary[] {
  return [...stackPlaces(db, roundId, null)].map(([stack, places]) => summaryOf(stack, places));
}

export function stackSummary(db: SqliteDb, roundId: number, stack: number): StackSummary {
  return summaryOf(stack, stackPlacesOf(db, roundId, stack));
}
