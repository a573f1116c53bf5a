import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeInContext } from '../../core/ballot.js';
import {
  type BallotMarks,
  DEFAULT_CONVENTION,
  type MarkingConvention,
  PAPER_MARKS,
  type RoundTally,
} from '../../core/election-types.js';
import { type TallyBallot, tallyRound } from '../../core/tally.js';
import { B, conventionArb } from './marks.js';

const counted = (marks: BallotMarks): TallyBallot => ({ marks, status: 'counted' });
const D = DEFAULT_CONVENTION;

describe('tallyRound', () => {
  it('adds for / against / abstain per candidate from valid ballots', () => {
    const t = tallyRound(3, [counted(B('oxo')), counted(B('o..')), counted(B('xxx'))], 2, D);
    expect(t).toEqual({
      counted: 3,
      valid: 3,
      invalid: 0,
      pendingSetAside: 0,
      candidates: [
        { for: 2, against: 1, abstain: 0 },
        { for: 0, against: 2, abstain: 1 },
        { for: 1, against: 1, abstain: 1 },
      ],
      writeIns: [],
      disregardedWriteIns: [],
    });
  });

  it('an over-chosen ballot (rule 4) counts as invalid and for nobody', () => {
    const t = tallyRound(3, [counted(B('oo.')), counted(B('ooo'))], 2, D);
    expect(t.valid).toBe(1);
    expect(t.invalid).toBe(1);
    expect(t.counted).toBe(2);
    expect(t.candidates.map((c) => c.for)).toEqual([1, 1, 0]);
    expect(t.candidates[2]).toEqual({ for: 0, against: 0, abstain: 1 });
  });

  it('a ballot ruled invalid by the scrutineers counts as invalid, whatever its marks', () => {
    const t = tallyRound(2, [counted(B('o.')), { marks: B('o.'), status: 'invalid_by_decision' }], 2, D);
    expect(t).toMatchObject({ counted: 2, valid: 1, invalid: 1, pendingSetAside: 0 });
    expect(t.candidates[0]).toEqual({ for: 1, against: 0, abstain: 0 });
  });

  it('a set-aside ballot is in no figure but pendingSetAside', () => {
    const t = tallyRound(2, [counted(B('o.')), { marks: B('oo'), status: 'pending' }], 2, D);
    expect(t).toMatchObject({ counted: 1, valid: 1, invalid: 0, pendingSetAside: 1 });
    expect(t.candidates[0]!.for).toBe(1);
    expect(t.candidates[1]!.for).toBe(0);
  });

  it('write-ins are aggregated by normalised name, most votes first, then by name', () => {
    const t = tallyRound(
      2,
      [
        counted(B('xx', [['田富', 'circle']])),
        counted(B('x.', [[' 田 富', 'circle']])),
        counted(B('x.', [['乙', 'circle']])),
        counted(B('x.', [['甲', 'circle']])),
        counted(B('..', [['丙', 'circle']])), // no × to stand in for: ignored
        counted(B('xo', [['丁', 'circle']])), // valid (2 chosen for 2 seats)
        counted(B('ox', [['戊', 'circle']])), // 2 chosen
      ],
      2,
      D,
    );
    expect(t.writeIns).toEqual([
      { name: '田富', for: 2 },
      { name: '丁', for: 1 },
      { name: '乙', for: 1 },
      { name: '戊', for: 1 },
      { name: '甲', for: 1 },
    ]);
  });

  it('a write-in on an invalid ballot counts for nobody', () => {
    const t = tallyRound(3, [counted(B('oox', [['张三', 'circle']]))], 2, D);
    expect(t.invalid).toBe(1);
    expect(t.writeIns).toEqual([]);
  });

  it('reversed convention: unmarked rows are for-votes', () => {
    const t = tallyRound(3, [counted(B('...')), counted(B('x..'))], 3, { ...D, none: 'for' });
    expect(t.candidates.map((c) => c.for)).toEqual([1, 2, 2]);
    expect(t.candidates[0]!.against).toBe(1);
  });

  it("the issue's ballot: ○田富 ○王芳 ×李强 + 田富 ○ for 2 seats is valid; 田富 gets one vote, as printed", () => {
    const paper = writeInContext({ printed: ['田富', '王芳', '李强'] });
    const t = tallyRound(3, [counted(B('oox', [['田富', 'circle']]))], 2, D, paper);
    expect(t).toMatchObject({ counted: 1, valid: 1, invalid: 0, writeIns: [] });
    expect(t.candidates.map((c) => c.for)).toEqual([1, 1, 0]);
    expect(t.disregardedWriteIns).toEqual([{ name: '田富', reason: 'printed', count: 1 }]);
  });

  it('disregarded write-ins are reported per reason and normalised name, on valid ballots only', () => {
    const ctx = writeInContext({ printed: ['甲', '乙'], excluded: ['丙'] });
    const t = tallyRound(
      2,
      [
        counted(
          B('xx', [
            ['甲 ', 'circle'],
            ['丙', 'circle'],
          ]),
        ),
        counted(B('x.', [['\u200b甲', 'circle']])),
        counted(
          B('xx', [
            ['丙', 'circle'],
            ['丁', 'circle'],
          ]),
        ),
        counted(B('oo', [['甲', 'circle']])), // valid: the line chooses nobody
        counted(B('oo', [['丁', 'circle']])), // no × left for 丁: no_room, not disregarded
      ],
      2,
      D,
      ctx,
    );
    expect(t.valid).toBe(5);
    expect(t.writeIns).toEqual([{ name: '丁', for: 1 }]);
    expect(t.disregardedWriteIns).toEqual([
      { name: '甲', reason: 'printed', count: 3 },
      { name: '丙', reason: 'elected', count: 2 },
    ]);
  });

  it('a tie revote disregards every write-in', () => {
    const t = tallyRound(
      2,
      [counted(B('xx', [['代表5', 'circle']]))],
      1,
      D,
      writeInContext({ printed: ['乙', '丙'], onlyTied: true }),
    );
    expect(t.writeIns).toEqual([]);
    expect(t.disregardedWriteIns).toEqual([{ name: '代表5', reason: 'tie_revote', count: 1 }]);
  });

  it('a ballot with the wrong number of marks is a programming error', () => {
    expect(() => tallyRound(3, [counted(B('oo'))], 2, D)).toThrow();
    expect(() => tallyRound(3, [{ marks: B('oooo'), status: 'pending' }], 2, D)).toThrow();
  });

  it('no ballots: zeros for every candidate', () => {
    const t = tallyRound(2, [], 1, D);
    expect(t.candidates).toEqual([
      { for: 0, against: 0, abstain: 0 },
      { for: 0, against: 0, abstain: 0 },
    ]);
    expect(t.counted).toBe(0);
  });
});

// ---- properties --------------------------------------------------------------------------

/** Spellings of the same few people as counters might type them, and who they are. */
const SPELLINGS: Record<string, string> = {
  '': '',
  '  ': '',
  田富: '田富',
  '田 富': '田富',
  ' 田富 ': '田富',
  张三: '张三',
  '张　三': '张三',
  李四: '李四',
};

/** Who is printed, who was elected earlier, and whether it is a tie revote, as people (SPELLINGS' values). */
const contextArb = fc.record({
  printed: fc.subarray(['田富', '张三']),
  excluded: fc.subarray(['李四', '张三']),
  onlyTied: fc.boolean(),
});

const roundArb = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    seats: fc.integer({ min: 1, max: n + 1 }),
    convention: conventionArb,
    people: contextArb,
    ballots: fc.array(
      fc.record({
        marks: fc.record({
          marks: fc.array(fc.constantFrom(...PAPER_MARKS), { minLength: n, maxLength: n }),
          writeIns: fc.array(
            fc.record({ name: fc.constantFrom(...Object.keys(SPELLINGS)), mark: fc.constantFrom(...PAPER_MARKS) }),
            { maxLength: 3 },
          ),
        }),
        status: fc.constantFrom<TallyBallot['status']>(
          'counted',
          'counted',
          'counted',
          'invalid_by_decision',
          'pending',
        ),
      }),
      { maxLength: 40 },
    ),
  }),
);

interface People {
  printed: string[];
  excluded: string[];
  onlyTied: boolean;
}
const contextOf = (p: People) => writeInContext(p);

/** No paper at all: every figure 0. */
const emptyTally = (n: number): RoundTally => ({
  counted: 0,
  valid: 0,
  invalid: 0,
  pendingSetAside: 0,
  candidates: Array.from({ length: n }, () => ({ for: 0, against: 0, abstain: 0 })),
  writeIns: [],
  disregardedWriteIns: [],
});

/**
 * The rules written out again for one paper, without the production code: the tally of that paper
 * alone (a write-in line left out once for each time it stands).
 */
function referenceBallot(n: number, b: TallyBallot, seats: number, c: MarkingConvention, p: People): RoundTally {
  const nothing = emptyTally(n);
  if (b.status === 'pending') return { ...nothing, pendingSetAside: 1 };
  const invalidPaper = { ...nothing, counted: 1, invalid: 1 };
  if (b.status === 'invalid_by_decision') return invalidPaper;
  const meanings = b.marks.marks.map((m) => c[m]);
  let crossed = meanings.filter((m) => m === 'against').length;
  const people: string[] = [];
  const ignored: RoundTally['disregardedWriteIns'] = [];
  for (const w of b.marks.writeIns) {
    const who = SPELLINGS[w.name]!;
    if (who === '') continue;
    if (c.writeInNeedsMark && c[w.mark] !== 'for') continue;
    const why = p.printed.includes(who)
      ? 'printed'
      : p.excluded.includes(who)
        ? 'elected'
        : p.onlyTied
          ? 'tie_revote'
          : null;
    if (why !== null) {
      ignored.push({ name: who, reason: why, count: 1 });
      continue;
    }
    if (people.includes(who)) continue;
    if (c.writeInNeedsAgainst) {
      if (crossed === 0) continue;
      crossed--;
    }
    people.push(who);
  }
  const chosen = meanings.filter((m) => m === 'for').length + people.length;
  if (chosen > seats) return invalidPaper;
  meanings.forEach((m, i) => {
    nothing.candidates[i]![m]++;
  });
  return {
    ...nothing,
    counted: 1,
    valid: 1,
    writeIns: people.map((name) => ({ name, for: 1 })),
    disregardedWriteIns: ignored,
  };
}

/** The rules written out again, ballot by ballot: each paper's own tally, summed. */
const referenceTally = (n: number, ballots: TallyBallot[], seats: number, c: MarkingConvention, p: People) =>
  sumTallies(
    n,
    ballots.map((b) => referenceBallot(n, b, seats, c, p)),
  );

/** Sums per-ballot tallies: what "the tally equals the sum of its ballots" means. */
function sumTallies(n: number, parts: RoundTally[]): RoundTally {
  const writeIns = new Map<string, number>();
  const disregarded = new Map<string, RoundTally['disregardedWriteIns'][number]>();
  const sum = emptyTally(n);
  for (const t of parts) {
    sum.counted += t.counted;
    sum.valid += t.valid;
    sum.invalid += t.invalid;
    sum.pendingSetAside += t.pendingSetAside;
    t.candidates.forEach((c, i) => {
      sum.candidates[i]!.for += c.for;
      sum.candidates[i]!.against += c.against;
      sum.candidates[i]!.abstain += c.abstain;
    });
    for (const w of t.writeIns) writeIns.set(w.name, (writeIns.get(w.name) ?? 0) + w.for);
    for (const d of t.disregardedWriteIns) {
      const k = `${d.reason}|${d.name}`;
      disregarded.set(k, { ...d, count: (disregarded.get(k)?.count ?? 0) + d.count });
    }
  }
  const order = ['printed', 'elected', 'tie_revote'];
  sum.writeIns = [...writeIns]
    .map(([name, f]) => ({ name, for: f }))
    .sort((a, b) => b.for - a.for || (a.name < b.name ? -1 : 1));
  sum.disregardedWriteIns = [...disregarded.values()].sort(
    (a, b) => order.indexOf(a.reason) - order.indexOf(b.reason) || (a.name < b.name ? -1 : 1),
  );
  return sum;
}

describe('tallyRound properties', () => {
  it('equals the rules written out again, ballot by ballot', () => {
    fc.assert(
      fc.property(roundArb, ({ n, seats, convention, people, ballots }) => {
        expect(tallyRound(n, ballots, seats, convention, contextOf(people))).toEqual(
          referenceTally(n, ballots, seats, convention, people),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('equals the sum of its ballots, in any order', () => {
    fc.assert(
      fc.property(
        roundArb.chain((r) =>
          fc.record({ r: fc.constant(r), order: fc.shuffledSubarray(r.ballots, { minLength: r.ballots.length }) }),
        ),
        ({ r, order }) => {
          const ctx = contextOf(r.people);
          const whole = tallyRound(r.n, r.ballots, r.seats, r.convention, ctx);
          expect(tallyRound(r.n, order, r.seats, r.convention, ctx)).toEqual(whole);
          const each = order.map((b) => tallyRound(r.n, [b], r.seats, r.convention, ctx));
          expect(sumTallies(r.n, each)).toEqual(whole);
        },
      ),
    );
  });

  it('every valid ballot gives each candidate exactly one of for / against / abstain', () => {
    fc.assert(
      fc.property(roundArb, ({ n, seats, convention, people, ballots }) => {
        const t = tallyRound(n, ballots, seats, convention, contextOf(people));
        for (const c of t.candidates) expect(c.for + c.against + c.abstain).toBe(t.valid);
        expect(t.counted + t.pendingSetAside).toBe(ballots.length);
      }),
    );
  });

  it('ignores a disregarded write-in exactly: adding one changes nothing but the disregarded count', () => {
    fc.assert(
      fc.property(roundArb, fc.nat(), fc.nat(), (r, which, at) => {
        const ctx = contextOf(r.people);
        const target = r.ballots.length === 0 ? -1 : which % r.ballots.length;
        const pick = [...r.people.printed, ...r.people.excluded];
        // A marked line naming a printed or elected person, or anyone in a tie revote.
        const name = pick.length > 0 ? pick[which % pick.length]! : r.people.onlyTied ? '王五' : null;
        if (target < 0 || name === null) return;
        const forMark = PAPER_MARKS.find((m) => r.convention[m] === 'for');
        // Without a mark meaning "for", a marked write-in cannot exist under writeInNeedsMark.
        if (forMark === undefined && r.convention.writeInNeedsMark) return;
        const ballots = r.ballots.map((b, i) => {
          if (i !== target) return b;
          const writeIns = [...b.marks.writeIns];
          writeIns.splice(at % (writeIns.length + 1), 0, { name: ` ${name}`, mark: forMark ?? 'none' });
          return { ...b, marks: { ...b.marks, writeIns } };
        });
        const before = tallyRound(r.n, r.ballots, r.seats, r.convention, ctx);
        const after = tallyRound(r.n, ballots, r.seats, r.convention, ctx);
        const { disregardedWriteIns: d0, ...rest0 } = before;
        const { disregardedWriteIns: d1, ...rest1 } = after;
        expect(rest1).toEqual(rest0);
        const total = (ds: typeof d0) => ds.reduce((n, d) => n + d.count, 0);
        const counts = r.ballots[target]!.status === 'counted';
        const stillValid = after.valid === before.valid && counts;
        // Counted (and valid) ballots report the line; a pending or invalid one does not.
        const targetValid = counts && tallyRound(r.n, [r.ballots[target]!], r.seats, r.convention, ctx).valid === 1;
        expect(total(d1)).toBe(total(d0) + (stillValid && targetValid ? 1 : 0));
      }),
      { numRuns: 300 },
    );
  });

  it('adding an invalid ballot changes no candidate and no write-in, only invalid and counted', () => {
    fc.assert(
      fc.property(roundArb, fc.nat(), fc.boolean(), ({ n, seats, convention, people, ballots }, at, byDecision) => {
        const ctx = contextOf(people);
        const before = tallyRound(n, ballots, seats, convention, ctx);
        // Either ruled invalid by the scrutineers (any marks), or invalid by rule 4: every row
        // marked with the convention's "for" mark when that chooses more than the seats.
        const forMark = PAPER_MARKS.find((m) => convention[m] === 'for');
        const overChosen = !byDecision && forMark !== undefined && n > seats;
        const bad: TallyBallot = overChosen
          ? { marks: { marks: Array(n).fill(forMark), writeIns: [] }, status: 'counted' }
          : { marks: { marks: Array(n).fill('circle'), writeIns: [] }, status: 'invalid_by_decision' };
        const withBad = [...ballots];
        withBad.splice(at % (ballots.length + 1), 0, bad);
        const after = tallyRound(n, withBad, seats, convention, ctx);
        expect(after.candidates).toEqual(before.candidates);
        expect(after.writeIns).toEqual(before.writeIns);
        expect(after.disregardedWriteIns).toEqual(before.disregardedWriteIns);
        expect(after.valid).toBe(before.valid);
        expect(after.invalid).toBe(before.invalid + 1);
        expect(after.counted).toBe(before.counted + 1);
      }),
    );
  });
});
