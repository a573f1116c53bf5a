import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUND_STATUSES, type RoundStatus } from '../../core/election-types.js';
import {
  canRound,
  countView,
  ROUND_ACTIONS,
  ROUND_CREATIONS,
  ROUND_TRANSITIONS,
  type RoundFacts,
  roundTransition,
} from '../../core/round-state.js';

const round = (overrides: Partial<RoundFacts> = {}): RoundFacts => ({
  id: 7,
  number: 1,
  status: 'setup',
  candidateIds: [1, 2, 3],
  issued: null,
  collected: null,
  ...overrides,
});
const voting = (overrides: Partial<RoundFacts> = {}) => round({ status: 'voting', issued: 10, ...overrides });
const counting = (overrides: Partial<RoundFacts> = {}) => voting({ collected: 10, ...overrides });

const reasonOf = (r: { ok: boolean; error?: { reason?: string } }) => (r.ok ? null : r.error!.reason);

describe('roundTransition', () => {
  it('distribution moves a round with its paper order from setup to voting, once', () => {
    expect(roundTransition(round(), '党委委员', 'rounds.distribute')).toEqual({ ok: true, value: 'voting' });
    expect(reasonOf(roundTransition(round({ candidateIds: [] }), '党委委员', 'rounds.distribute'))).toBe(
      'round.no_paper_order',
    );
    expect(reasonOf(roundTransition(voting(), '党委委员', 'rounds.distribute'))).toBe('round.already_distributed');
  });

  it('rule 2 at the boundary: collected = issued keeps voting, issued + 1 voids', () => {
    expect(roundTransition(voting(), 'c', 'rounds.collect', { collected: 10 })).toEqual({ ok: true, value: 'voting' });
    expect(roundTransition(voting(), 'c', 'rounds.collect', { collected: 11 })).toEqual({ ok: true, value: 'void' });
    expect(roundTransition(voting(), 'c', 'rounds.collect', { collected: 0 })).toEqual({ ok: true, value: 'voting' });
  });

  it('ballots are written only once the collected number is recorded', () => {
    for (const action of [
      'ballots.enter',
      'ballots.correct',
      'ballots.void',
      'ballots.decide',
      'stacks.settle',
    ] as const) {
      expect(reasonOf(roundTransition(voting(), 'c', action))).toBe('round.not_collected');
      expect(roundTransition(counting(), 'c', action)).toEqual({ ok: true, value: 'voting' });
      expect(reasonOf(roundTransition(round(), 'c', action))).toBe('round.not_distributed');
      expect(reasonOf(roundTransition(counting({ status: 'closed' }), 'c', action))).toBe('round.closed');
      expect(reasonOf(roundTransition(counting({ status: 'void' }), 'c', action))).toBe('round.void');
    }
  });

  it('the paper order changes only in setup', () => {
    expect(canRound(round(), 'c', 'candidates.approveOrder').ok).toBe(true);
    expect(reasonOf(canRound(voting(), 'c', 'candidates.approveOrder'))).toBe('round.paper_locked');
  });

  it('a presidium declares void only a round being voted on', () => {
    expect(roundTransition(voting(), 'c', 'rounds.declareVoid')).toEqual({ ok: true, value: 'void' });
    expect(roundTransition(counting(), 'c', 'rounds.declareVoid')).toEqual({ ok: true, value: 'void' });
    expect(reasonOf(roundTransition(round(), 'c', 'rounds.declareVoid'))).toBe('round.not_distributed');
    expect(reasonOf(roundTransition(counting({ status: 'closed' }), 'c', 'rounds.declareVoid'))).toBe('round.closed');
  });

  it('a refusal names the contest and round, as data, on the roundId field', () => {
    const r = roundTransition(round({ number: 3, id: 42 }), '纪委委员', 'ballots.enter');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({
      code: 'conflict',
      reason: 'round.not_distributed',
      params: { contest: '纪委委员', round: 3 },
      field: 'roundId',
      value: '42',
    });
    expect(r.error.message).toContain('纪委委员');
  });

  it('property: closed and void rounds accept nothing; every success lands on a state of the table', () => {
    const facts = fc.record({
      status: fc.constantFrom(...ROUND_STATUSES),
      candidates: fc.nat(4),
      issued: fc.option(fc.nat(20)),
      collected: fc.option(fc.nat(25)),
      newCollected: fc.nat(25),
      action: fc.constantFrom(...ROUND_ACTIONS),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const r = round({
          status: f.status,
          candidateIds: Array.from({ length: f.candidates }, (_, i) => i + 1),
          issued: f.issued,
          collected: f.collected,
        });
        const next = roundTransition(r, 'c', f.action, { collected: f.newCollected });
        if (f.status === 'closed' || f.status === 'void') return !next.ok;
        if (!next.ok) return true;
        return ROUND_TRANSITIONS.some((x) => x.from === f.status && x.action === f.action && x.to === next.value);
      }),
    );
  });
});

/** `from --> to: call [guard]` lines of the mermaid diagram. */
function diagramEdges(): { from: string; to: string; action: string; guard: string | null }[] {
  const doc = fs.readFileSync(new URL('../../docs/round-states.md', import.meta.url), 'utf8');
  const block = /```mermaid\n([\s\S]*?)```/.exec(doc);
  expect(block, 'docs/round-states.md has a mermaid block').not.toBeNull();
  expect(block![1]).toContain('stateDiagram-v2');
  const edges = [];
  for (const line of block![1]!.split('\n')) {
    const m = /^\s*(\S+)\s*-->\s*(\S+?)(?:\s*:\s*([\w.]+)(?:\s*\[([^\]]*)\])?)?\s*$/.exec(line);
    if (m) edges.push({ from: m[1]!, to: m[2]!, action: m[3] ?? '', guard: m[4] ?? null });
  }
  return edges;
}

describe('countView (issue 15 item 3)', () => {
  it('a round shows the keying sheet exactly when ballots.enter is allowed; a closed round its result', () => {
    expect(countView(round())).toBe('not_distributed');
    expect(countView(voting())).toBe('not_collected');
    expect(countView(counting())).toBe('keying');
    expect(countView(counting({ status: 'closed' }))).toBe('result');
    expect(countView(counting({ status: 'void' }))).toBe('void');
    fc.assert(
      fc.property(fc.constantFrom(...ROUND_STATUSES), fc.option(fc.nat(20)), (status, collected) => {
        const r = round({ status, issued: 20, collected });
        expect(countView(r) === 'keying').toBe(canRound(r, 'c', 'ballots.enter').ok);
      }),
    );
  });
});

describe('docs/round-states.md', () => {
  it('draws exactly the transitions of ROUND_TRANSITIONS, with their guards', () => {
    const drawn = diagramEdges()
      .filter((e) => e.from !== '[*]' && e.to !== '[*]')
      .map((e) => `${e.from} -> ${e.to}: ${e.action} [${e.guard ?? ''}]`)
      .sort();
    const coded = ROUND_TRANSITIONS.map((x) => `${x.from} -> ${x.to}: ${x.action} [${x.guard ?? ''}]`).sort();
    expect(drawn).toEqual(coded);
  });

  it('draws every call that creates a round, and only those', () => {
    const created = diagramEdges()
      .filter((e) => e.from === '[*]')
      .map((e) => {
        expect(e.to).toBe('setup');
        return e.action;
      })
      .sort();
    expect(created).toEqual([...ROUND_CREATIONS].sort());
  });

  it('ends in closed and void, and names every status', () => {
    const edges = diagramEdges();
    const final = edges.filter((e) => e.to === '[*]').map((e) => e.from as RoundStatus);
    expect(final.sort()).toEqual(['closed', 'void']);
    const named = new Set(edges.flatMap((e) => [e.from, e.to]));
    for (const s of ROUND_STATUSES) expect(named.has(s)).toBe(true);
  });
});
