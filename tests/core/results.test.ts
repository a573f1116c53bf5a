import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeInContext } from '../../core/ballot.js';
import {
  type BallotMarks,
  DEFAULT_CONVENTION,
  PAPER_MARKS,
  type RankedChoice,
  type RoundKind,
  type RoundTally,
} from '../../core/election-types.js';
import { normaliseName } from '../../core/names.js';
import { type DecideRoundInput, decideRound } from '../../core/results.js';
import { tallyRound } from '../../core/tally.js';

/** A tally with these for-votes per candidate (against / abstain do not matter to the result). */
function tally(votes: number[], writeIns: { name: string; for: number }[] = []): RoundTally {
  return {
    counted: 0,
    valid: 0,
    invalid: 0,
    pendingSetAside: 0,
    candidates: votes.map((v) => ({ for: v, against: 0, abstain: 0 })),
    writeIns,
    disregardedWriteIns: [],
  };
}
const NAMES = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛'];
function decide(votes: number[], seats: number, over: Partial<DecideRoundInput> = {}) {
  return decideRound({
    tally: tally(votes),
    candidateNames: NAMES.slice(0, votes.length),
    seats,
    kind: 'election',
    votersPresent: 100,
    due: 120,
    ...over,
  });
}
const names = (rs: { name: string }[]) => rs.map((r) => r.name);

describe('decideRound, rule 5: 超过实到会有选举权人数的一半', () => {
  it('100 present: exactly 50 fails, 51 passes', () => {
    const d = decide([51, 50], 2);
    expect(d).toMatchObject({ threshold: 51, basis: 100, basisKind: 'present', unfilled: 1, tie: null });
    expect(names(d.elected)).toEqual(['甲']);
  });

  it('101 present: 50 fails, 51 passes (2 × 51 > 101)', () => {
    const d = decide([51, 50], 2, { votersPresent: 101 });
    expect(d.threshold).toBe(51);
    expect(names(d.elected)).toEqual(['甲']);
  });

  it('the basis is the voters present, not the ballots collected nor the valid ballots', () => {
    // 60 valid ballots of 100 present: 40 votes is two thirds of the valid ballots, and fails.
    const t = { ...tally([40, 55]), counted: 62, valid: 60, invalid: 2 };
    const d = decideRound({
      tally: t,
      candidateNames: ['甲', '乙'],
      seats: 2,
      kind: 'election',
      votersPresent: 100,
      due: 120,
    });
    expect(names(d.elected)).toEqual(['乙']);
    expect(d.unfilled).toBe(1);
  });

  it('a pre-vote uses those due to attend', () => {
    // 120 due, 100 present: 60 passes an election, fails a pre-vote; 61 passes both.
    expect(names(decide([60, 61], 2).elected)).toEqual(['乙', '甲']);
    const pre = decide([60, 61], 2, { kind: 'prevote' });
    expect(pre).toMatchObject({ basis: 120, basisKind: 'due', threshold: 61, unfilled: 1 });
    expect(names(pre.elected)).toEqual(['乙']);
  });

  it('write-ins are eligible like candidates', () => {
    const d = decideRound({
      tally: tally(
        [70, 30],
        [
          { name: '张三', for: 51 },
          { name: '李四', for: 50 },
        ],
      ),
      candidateNames: ['甲', '乙'],
      seats: 3,
      kind: 'election',
      votersPresent: 100,
      due: 100,
    });
    expect(d.elected.map((r) => r.choice)).toEqual([
      { kind: 'candidate', index: 0 },
      { kind: 'writeIn', name: '张三' },
    ]);
    expect(d.unfilled).toBe(1);
  });
});

describe('decideRound, rule 6: more pass than seats', () => {
  it('highest first until the seats are filled', () => {
    const d = decide([60, 90, 70, 80], 2);
    expect(names(d.passed)).toEqual(['乙', '丁', '丙', '甲']);
    expect(names(d.elected)).toEqual(['乙', '丁']);
    expect(d).toMatchObject({ tie: null, unfilled: 0 });
  });

  it('a tie at the cut is never broken: the tied go to a new vote for the seats left', () => {
    const d = decide([90, 80, 70, 70, 60], 3);
    expect(names(d.elected)).toEqual(['甲', '乙']);
    expect(d.tie).not.toBeNull();
    expect(names(d.tie!.tied)).toEqual(['丙', '丁']);
    expect(d.tie!.seats).toBe(1);
    expect(d.unfilled).toBe(0);
  });

  it('three tied for two seats at the top: nobody elected yet, a new vote for 2 among 3', () => {
    const d = decide([80, 80, 80], 2);
    expect(d.elected).toEqual([]);
    expect(names(d.tie!.tied)).toEqual(['甲', '乙', '丙']);
    expect(d.tie!.seats).toBe(2);
  });

  it('a tie entirely above the cut elects all of them', () => {
    const d = decide([90, 90, 80, 70], 3);
    expect(names(d.elected)).toEqual(['甲', '乙', '丙']);
    expect(d.tie).toBeNull();
  });

  it('a tie exactly filling the seats elects all of them', () => {
    const d = decide([90, 60, 60, 40], 3);
    expect(names(d.elected)).toEqual(['甲', '乙', '丙']);
    expect(d).toMatchObject({ tie: null, unfilled: 0 });
  });

  it('a tie below the cut does not matter', () => {
    const d = decide([90, 80, 60, 60], 2);
    expect(names(d.elected)).toEqual(['甲', '乙']);
    expect(d.tie).toBeNull();
  });
});

describe('decideRound, rule 6: a tie revote (「就票数相等的被选举人再次投票,得票多的当选」)', () => {
  const revote = (votes: number[], seats: number, over: Partial<DecideRoundInput> = {}) =>
    decideRound({
      tally: tally(votes),
      candidateNames: ['乙', '丙', '丁'].slice(0, votes.length),
      seats,
      kind: 'election',
      votersPresent: 10,
      due: 12,
      roundKind: 'tie_revote',
      ...over,
    });

  it('乙 4, 丙 3, 3 blank of 10, one seat: 乙 is elected, without a second more-than-half test', () => {
    const d = revote([4, 3], 1);
    expect(names(d.elected)).toEqual(['乙']);
    expect(d).toMatchObject({ tie: null, unfilled: 0, majorityTest: false, threshold: 0 });
  });

  it('a renewed tie at the cut is a tie again: another revote among those still tied', () => {
    const d = revote([4, 4], 1);
    expect(d.elected).toEqual([]);
    expect(names(d.tie!.tied)).toEqual(['乙', '丙']);
    expect(d.tie!.seats).toBe(1);
    expect(names(revote([0, 0], 1).tie!.tied)).toEqual(['乙', '丙']);
  });

  it('two seats among three tied: the top one is elected, the two still tied vote again', () => {
    const d = revote([5, 2, 2], 2);
    expect(names(d.elected)).toEqual(['乙']);
    expect(names(d.tie!.tied)).toEqual(['丙', '丁']);
    expect(d.tie!.seats).toBe(1);
  });

  it('tieRevoteNeedsMajority: the 选举办法 demands more than half again', () => {
    const d = revote([4, 3], 1, { tieRevoteNeedsMajority: true });
    expect(d.elected).toEqual([]);
    expect(d).toMatchObject({ unfilled: 1, majorityTest: true, threshold: 6 });
    expect(names(revote([6, 3], 1, { tieRevoteNeedsMajority: true }).elected)).toEqual(['乙']);
  });

  it('only a tie revote skips the test: a first, additional or rerun round keeps it', () => {
    for (const roundKind of ['first', 'additional', 'rerun'] as const) {
      expect(revote([4, 3], 1, { roundKind })).toMatchObject({ elected: [], unfilled: 1, majorityTest: true });
    }
  });
});

describe('decideRound, rule 7: fewer pass than seats', () => {
  it('the missing seats are unfilled; those at or under half are never elected by rank', () => {
    const d = decide([90, 50, 40], 3);
    expect(names(d.elected)).toEqual(['甲']);
    expect(d).toMatchObject({ tie: null, unfilled: 2 });
  });

  it('nobody passes: every seat unfilled', () => {
    expect(decide([10, 20], 2)).toMatchObject({ elected: [], passed: [], unfilled: 2 });
  });

  it('names must match the tally', () => {
    expect(() =>
      decideRound({
        tally: tally([1, 2]),
        candidateNames: ['甲'],
        seats: 1,
        kind: 'election',
        votersPresent: 3,
        due: 3,
      }),
    ).toThrow();
  });
});

describe('decideRound properties', () => {
  const input = fc.integer({ min: 0, max: 60 }).chain((present) =>
    fc.record({
      votes: fc.array(fc.integer({ min: 0, max: present }), { maxLength: 8 }),
      writeIns: fc.array(fc.integer({ min: 1, max: Math.max(1, present) }), { maxLength: 3 }),
      seats: fc.integer({ min: 1, max: 8 }),
      kind: fc.constantFrom<'election' | 'prevote'>('election', 'prevote'),
      present: fc.constant(present),
      due: fc.integer({ min: present, max: present + 20 }),
    }),
  );

  it('never elects more than the seats nor anyone at or under half; the seats always add up', () => {
    fc.assert(
      fc.property(input, ({ votes, writeIns, seats, kind, present, due }) => {
        const d = decideRound({
          tally: tally(
            votes,
            writeIns.map((f, i) => ({ name: `w${i}`, for: f })),
          ),
          candidateNames: votes.map((_, i) => `c${i}`),
          seats,
          kind,
          votersPresent: present,
          due,
        });
        const basis = kind === 'prevote' ? due : present;
        expect(d.basis).toBe(basis);
        expect(d.elected.length).toBeLessThanOrEqual(seats);
        for (const r of d.elected) expect(2 * r.votes).toBeGreaterThan(basis);
        for (const r of d.tie?.tied ?? []) expect(2 * r.votes).toBeGreaterThan(basis);
        expect(d.elected.length + (d.tie?.seats ?? 0) + d.unfilled).toBe(seats);
        // threshold is the least passing count
        expect(2 * d.threshold).toBeGreaterThan(basis);
        expect(2 * (d.threshold - 1)).toBeLessThanOrEqual(basis);
        // everyone passing is counted; nobody elected has fewer votes than someone passed over
        const all = [...votes, ...writeIns];
        expect(d.passed.length).toBe(all.filter((v) => 2 * v > basis).length);
        const out = d.passed.filter((r) => !d.elected.includes(r));
        for (const e of d.elected) for (const o of out) expect(e.votes).toBeGreaterThan(o.votes);
        if (d.tie) {
          expect(d.unfilled).toBe(0);
          expect(new Set(d.tie.tied.map((r) => r.votes)).size).toBe(1);
          expect(d.tie.seats).toBeGreaterThanOrEqual(1);
          expect(d.tie.seats).toBeLessThan(d.tie.tied.length);
        }
        if (d.unfilled > 0) expect(d.elected).toEqual(d.passed);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('a whole contest, round after round: nobody is elected twice', () => {
  // People as counters might spell them; a write-in may name a printed candidate, someone
  // elected earlier, or a new person.
  const PEOPLE = ['甲', '乙', '丙', '丁', '戊'];
  const SPELL = (name: string, variant: number) => [name, ` ${name}`, `${name}\u200b`, `\u3000${name}`][variant % 4]!;
  const ballotArb = fc.record({
    marks: fc.array(fc.constantFrom(...PAPER_MARKS), { minLength: 5, maxLength: 5 }),
    writeIns: fc.array(
      fc.record({
        who: fc.constantFrom(...PEOPLE, '己', '庚'),
        variant: fc.nat(3),
        mark: fc.constantFrom(...PAPER_MARKS),
      }),
      { maxLength: 2 },
    ),
  });
  const contestArb = fc.record({
    seats: fc.integer({ min: 1, max: 4 }),
    printed: fc.integer({ min: 1, max: 5 }),
    present: fc.integer({ min: 1, max: 9 }),
    rounds: fc.array(fc.array(ballotArb, { maxLength: 9 }), { minLength: 1, maxLength: 5 }),
  });

  it('property: across first, tie revote and 另行选举 rounds, each person is elected at most once', () => {
    fc.assert(
      fc.property(contestArb, ({ seats, printed, present, rounds }) => {
        const elected: RankedChoice[] = [];
        let paper = PEOPLE.slice(0, printed);
        let kind: RoundKind = 'first';
        let roundSeats = seats;
        for (const papers of rounds) {
          if (roundSeats < 1 || paper.length === 0) break;
          const context = writeInContext({
            printed: paper,
            excluded: elected.map((e) => e.name),
            onlyTied: kind === 'tie_revote',
          });
          const ballots = papers.slice(0, present).map((b) => ({
            status: 'counted' as const,
            marks: {
              marks: b.marks.slice(0, paper.length),
              writeIns: b.writeIns.map((w) => ({ name: SPELL(w.who, w.variant), mark: w.mark })),
            } satisfies BallotMarks,
          }));
          const t = tallyRound(paper.length, ballots, roundSeats, DEFAULT_CONVENTION, context);
          const d = decideRound({
            tally: t,
            candidateNames: paper,
            seats: roundSeats,
            kind: 'election',
            votersPresent: present,
            due: present,
            roundKind: kind,
          });
          elected.push(...d.elected);
          if (d.tie) {
            paper = d.tie.tied.map((r) => r.name);
            roundSeats = d.tie.seats;
            kind = 'tie_revote';
          } else {
            const taken = new Set(elected.map((e) => normaliseName(e.name)));
            paper = PEOPLE.filter((p) => !taken.has(p));
            roundSeats = seats - elected.length;
            kind = 'additional';
          }
        }
        const who = elected.map((e) => normaliseName(e.name));
        expect(new Set(who).size).toBe(who.length);
        expect(elected.length).toBeLessThanOrEqual(seats);
      }),
      { numRuns: 500 },
    );
  });
});
