import { describe, expect, it } from 'vitest';
import type { Delegate } from '../../../core/domain.js';
import { rosterOf } from './delegates.js';

const d = (id: number, badge: string) => ({ id, badge, name: `代表${badge}` }) as Delegate;

describe('rosterOf: the roster as the screens use it', () => {
  it('orders by badge as people count (2 before 10), then by id', () => {
    const roster = rosterOf([d(1, '10'), d(2, '2'), d(3, 'A1'), d(4, '2')]);
    expect(roster.delegates.map((x) => x.id)).toEqual([2, 4, 1, 3]);
    expect(roster.byId.get(3)?.badge).toBe('A1');
  });

  it('sorts one answer once, however many screens ask, and a new answer again', () => {
    const answer = [d(1, '002'), d(2, '001')];
    expect(rosterOf(answer)).toBe(rosterOf(answer));
    expect(rosterOf([...answer])).not.toBe(rosterOf(answer));
    expect(rosterOf(undefined).delegates).toEqual([]);
  });
});
