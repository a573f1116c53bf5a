/**
 * Issue 13 item 1: the ballot paper's layout (core/paper/layout.ts) is the one function the
 * printer and the reader share, so it must hold for every paper a congress can print: every box
 * on the page and clear of its edges (no printer's margin cuts one off), no two boxes overlapping
 * (no mark box under a name, no QR over the title), the corner squares exactly where the reader
 * looks, A4 while the paper fits and A3 beyond. The QR text round-trips and refuses what is not a
 * ballot's, and the instructions say what the contest's convention counts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONVENTION, type MarkingConvention, MEANINGS, ROUND_KINDS } from '../../core/election-types.js';
import { codeMismatch, type PaperCode, paperCodeText, parsePaperCode } from '../../core/paper/code.js';
import { INSTRUCTION_KEYS, type InstructionSentence, paperInstructions } from '../../core/paper/instructions.js';
import {
  type Box,
  ballotLayout,
  CORNER_INSET_MM,
  CORNER_MM,
  centreOf,
  LAYOUT_VERSION,
  layoutBoxes,
  MAX_CELLS,
  PAGE_MM,
  type PaperInput,
  type PaperLayout,
  writeInLineCount,
} from '../../core/paper/layout.js';
import { papersEn } from '../../renderer/features/papers/messages.en.js';
import { papersZhCN } from '../../renderer/features/papers/messages.zh-CN.js';

const UID = '0123456789abcdef0123456789abcdef';
/** Clear of every printer's unprintable edge. */
const EDGE_MM = 5;

function paper(n: number, seats: number, roundKind: PaperInput['roundKind'] = 'first'): PaperInput {
  return {
    congressUid: UID,
    congressTitle: '中国共产党青山镇第十五次代表大会',
    contestTitle: '党委委员',
    contestId: 3,
    roundId: 7,
    roundNumber: 1,
    roundKind,
    seats,
    candidates: Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `候选人${i + 1}` })),
    convention: DEFAULT_CONVENTION,
  };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The layout's faults: boxes off the page or near its edge, boxes overlapping (sweep by top edge). */
function faults(layout: PaperLayout): string[] {
  const out: string[] = [];
  const boxes = layoutBoxes(layout);
  for (const { name, box } of boxes) {
    if (!(box.w > 0 && box.h > 0)) out.push(`${name} is empty`);
    if (box.x < EDGE_MM || box.y < EDGE_MM) out.push(`${name} within ${EDGE_MM} mm of the top/left edge`);
    if (box.x + box.w > layout.width - EDGE_MM || box.y + box.h > layout.height - EDGE_MM)
      out.push(`${name} within ${EDGE_MM} mm of the bottom/right edge`);
  }
  const byTop = [...boxes].sort((a, b) => a.box.y - b.box.y);
  for (let i = 0; i < byTop.length; i++) {
    const a = byTop[i]!;
    for (let j = i + 1; j < byTop.length; j++) {
      const b = byTop[j]!;
      if (b.box.y >= a.box.y + a.box.h) break;
      if (overlaps(a.box, b.box)) out.push(`${a.name} overlaps ${b.name}`);
    }
  }
  return out;
}

/** Where the reader looks for the corner squares: 8 mm squares, 8 mm in, TL TR BR BL; what is off. */
function cornerFaults(layout: PaperLayout): string[] {
  const out: string[] = [];
  const { width, height } = PAGE_MM[layout.size];
  if (layout.width !== width || layout.height !== height) out.push('page size');
  const c = CORNER_INSET_MM + CORNER_MM / 2;
  const expected = [
    { x: c, y: c },
    { x: width - c, y: c },
    { x: width - c, y: height - c },
    { x: c, y: height - c },
  ];
  layout.corners.forEach((b, i) => {
    const at = centreOf(b);
    if (at.x !== expected[i]!.x || at.y !== expected[i]!.y) out.push(`corner ${i} at ${at.x},${at.y}`);
    if (b.w !== CORNER_MM || b.h !== CORNER_MM) out.push(`corner ${i} size`);
  });
  // Up from down: the orientation square turned 180° about the page's centre lands on no filled
  // square, so a page fed upside down does not look like the right way up.
  const o = layout.orientation;
  const turned = { x: width - o.x - o.w, y: height - o.y - o.h, w: o.w, h: o.h };
  for (const b of [...layout.corners, o]) if (overlaps(turned, b)) out.push('orientation square symmetric');
  return out;
}

function expectCornersWhereTheReaderLooks(layout: PaperLayout) {
  expect(cornerFaults(layout)).toEqual([]);
}

describe('ballotLayout: every paper a congress can print', () => {
  it('for every candidate count 1..MAX and seats 1..candidates (each up to 40 candidates, the row boundaries beyond; and a tie revote): boxes on the page, ≥ 5 mm from its edges, none overlapping, corners where the reader looks, candidates in paper order', () => {
    const problems: string[] = [];
    let laidOut = 0;
    for (let n = 1; n <= MAX_CELLS; n++) {
      // Every seat count up to 40 candidates; beyond, the row boundaries (1, a row, a row and one…) and the most that fit.
      const seatCounts =
        n <= 40 ? Array.from({ length: n }, (_, i) => i + 1) : [1, 2, 6, 7, 8, 10, 11, 12, 22, 23, n - 1, n];
      for (const seats of new Set(seatCounts.filter((x) => x >= 1 && x <= n))) {
        for (const kind of ['first', 'tie_revote'] as const) {
          const input = paper(n, seats, kind);
          const what = `${n} candidates, ${seats} seats, ${kind}`;
          if (n + writeInLineCount(input) > MAX_CELLS) {
            // Beyond what one A3 sheet holds: refused by name, never a paper with boxes off the page.
            try {
              ballotLayout(input);
            } catch (e) {
              if (!(e instanceof RangeError) || !String(e).includes('paper.too_many_cells'))
                problems.push(`${what}: ${e}`);
              continue;
            }
          }
          const layout = ballotLayout(input);
          laidOut++;
          problems.push(...faults(layout).map((f) => `${what}: ${f}`));
          problems.push(...cornerFaults(layout).map((f) => `${what}: ${f}`));
          if (layout.version !== LAYOUT_VERSION) problems.push(`${what}: version`);
          if (layout.candidates.some((c, i) => c.candidateId !== input.candidates[i]!.id || c.index !== i))
            problems.push(`${what}: not in paper order`);
          if (layout.writeIns.length !== (kind === 'tie_revote' ? 0 : seats)) problems.push(`${what}: write-in lines`);
          if ((layout.writeInHeading === null) !== (kind === 'tie_revote')) problems.push(`${what}: 另选他人 heading`);
          // The grid reads row by row: each candidate right of the one before, or on a lower row.
          layout.candidates.slice(1).forEach((c, i) => {
            const before = layout.candidates[i]!.markBox;
            if (!(c.markBox.y > before.y || (c.markBox.y === before.y && c.markBox.x > before.x)))
              problems.push(`${what}: candidate ${i + 2} out of reading order`);
          });
          if (problems.length > 20) break;
        }
      }
    }
    expect(problems).toEqual([]);
    expect(laidOut).toBeGreaterThan(2_000);
  });

  it('A4 while the paper fits, A3 beyond: every contest of up to 15 candidates is on A4, whatever its seats; a bigger paper is never on A4 when a smaller one is on A3', () => {
    for (let n = 1; n <= 15; n++)
      for (let seats = 1; seats <= n; seats++) expect(ballotLayout(paper(n, seats)).size).toBe('A4');
    expect(ballotLayout(paper(30, 25)).size).toBe('A3');
    for (let seats = 1; seats <= 40; seats++) {
      let a3 = false;
      for (let n = seats; n + seats <= MAX_CELLS; n++) {
        const { size } = ballotLayout(paper(n, seats));
        if (size === 'A3') a3 = true;
        else expect(a3, `${n} candidates for ${seats} seats back on A4 after a smaller paper went to A3`).toBe(false);
      }
    }
  });

  it('property: random papers (any names, seats, round kind, convention) keep every box on the page and apart', () => {
    const meaning = fc.constantFrom(...MEANINGS);
    const convention: fc.Arbitrary<MarkingConvention> = fc.record({
      circle: meaning,
      cross: meaning,
      none: meaning,
      writeInNeedsMark: fc.boolean(),
      writeInNeedsAgainst: fc.boolean(),
    });
    const input = fc
      .record({
        n: fc.integer({ min: 1, max: 70 }),
        seatsShare: fc.double({ min: 0, max: 1, noNaN: true }),
        kind: fc.constantFrom(...ROUND_KINDS),
        convention,
        names: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 70, maxLength: 70 }),
      })
      .map(({ n, seatsShare, kind, convention: c, names }) => {
        // One A3 sheet holds MAX_CELLS cells: candidates and 另选他人 lines together.
        const seats = Math.max(1, Math.min(n, MAX_CELLS - n, Math.round(seatsShare * n)));
        return {
          ...paper(n, seats, kind),
          convention: c,
          candidates: Array.from({ length: n }, (_, i) => ({ id: 100 + i, name: names[i]! })),
        };
      });
    fc.assert(
      fc.property(input, (p) => {
        const layout = ballotLayout(p);
        expect(faults(layout)).toEqual([]);
        expectCornersWhereTheReaderLooks(layout);
        expect(layout.candidates.map((c) => c.name)).toEqual(p.candidates.map((c) => c.name));
      }),
      { numRuns: 300 },
    );
  });
});

describe('paperCodeText / parsePaperCode: the QR text', () => {
  it('round-trips every congress, contest and round (property), and is the same for every paper of the round', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9a-f]{32}$/),
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.integer({ min: 1, max: 999_999_999 }),
        (congressUid, contestId, roundId) => {
          const text = paperCodeText({ congressUid, contestId, roundId });
          expect(parsePaperCode(text)).toEqual({ congressUid, contestId, roundId, layoutVersion: LAYOUT_VERSION });
          // No serial: the text depends on nothing but the round.
          expect(paperCodeText({ congressUid, contestId, roundId })).toBe(text);
        },
      ),
    );
    expect(paperCodeText({ congressUid: UID, contestId: 3, roundId: 7 })).toBe(`CDBALLOT/${LAYOUT_VERSION}/${UID}/3/7`);
  });

  it('refuses what is not a ballot paper code: a badge, a form code, a truncated or padded ballot code, a code with a serial', () => {
    for (const text of [
      '',
      'D0123',
      'CDFORM/1/abc',
      `CDBALLOT/1/${UID}/3`,
      `CDBALLOT/1/${UID}/3/7/42`,
      `CDBALLOT/x/${UID}/3/7`,
      `CDBALLOT/1/${UID}/three/7`,
      `cdballot/1/${UID}/3/7`,
      `CDBALLOT/1/${UID}/3/7;DROP`,
    ]) {
      expect(parsePaperCode(text), text).toBeNull();
    }
  });

  it('codeMismatch names what differs, congress before contest before round before layout', () => {
    const expected: PaperCode = { congressUid: UID, contestId: 3, roundId: 7, layoutVersion: LAYOUT_VERSION };
    expect(codeMismatch(expected, expected)).toBeNull();
    expect(codeMismatch({ ...expected, congressUid: 'f'.repeat(32), roundId: 8 }, expected)).toBe('congress');
    expect(codeMismatch({ ...expected, contestId: 4, roundId: 8 }, expected)).toBe('contest');
    expect(codeMismatch({ ...expected, roundId: 8 }, expected)).toBe('round');
    expect(codeMismatch({ ...expected, layoutVersion: LAYOUT_VERSION + 1 }, expected)).toBe('layout');
  });
});

/** The instructions as the paper prints them in zh-CN (the renderer joins clauses the same way). */
function zh(sentences: readonly InstructionSentence[]): string {
  const texts = papersZhCN as Record<string, string>;
  return sentences
    .map(
      (s) =>
        s
          .map((c) => texts[c.key]!.replace(/\{(\w+)\}/g, (_, k: string) => String(c.params[k] ?? `{${k}}`)))
          .join(papersZhCN['papers.instr.comma']) + papersZhCN['papers.instr.stop'],
    )
    .join('');
}

const instructions = (
  convention: Partial<MarkingConvention>,
  roundKind: PaperInput['roundKind'] = 'first',
  lines = 2,
) =>
  zh(
    paperInstructions({
      convention: { ...DEFAULT_CONVENTION, ...convention },
      roundKind,
      seats: 2,
      writeInLines: lines,
    }),
  );

describe('paperInstructions: what the paper tells the voter, from the convention', () => {
  it('the default convention reads like the township ballots', () => {
    expect(instructions({})).toBe(
      '同意的在候选人姓名上方的空格内划“○”,不同意的划“×”,不划任何符号的视为弃权。' +
        '对候选人投不同意票的,可以另选他人,另选的人数不得多于投不同意票的候选人人数,' +
        '如另选他人,在另选他人栏内写上其姓名,并在姓名上方的空格内划“○”,另选栏内写候选人姓名的不计。' +
        '本次应选 2 名,所选人数等于或少于应选人数的为有效票,多于应选人数的为无效票。' +
        '请用黑色或蓝黑色笔填写,符号划在空格内。',
    );
  });

  it('a write-in that needs no against: no 不同意 condition, nor its cap', () => {
    const text = instructions({ writeInNeedsAgainst: false });
    expect(text).not.toContain('对候选人投不同意票的');
    expect(text).not.toContain('不得多于');
    expect(text).toContain('如另选他人,在另选他人栏内写上其姓名,并在姓名上方的空格内划“○”');
  });

  it('a write-in that needs no mark: the name alone', () => {
    const text = instructions({ writeInNeedsMark: false });
    expect(text).toContain('如另选他人,在另选他人栏内写上其姓名,另选栏内');
    expect(text).not.toContain('并在姓名上方');
  });

  it('a reversed convention (× for, ○ against) says × first and marks a write-in with ×', () => {
    const text = instructions({ circle: 'against', cross: 'for' });
    expect(text.startsWith('同意的在候选人姓名上方的空格内划“×”,不同意的划“○”,不划任何符号的视为弃权。')).toBe(true);
    expect(text).toContain('并在姓名上方的空格内划“×”');
  });

  it('a pre-vote where no mark means agree says so', () => {
    const text = instructions({ circle: 'for', cross: 'against', none: 'for' });
    expect(text).toContain('不划任何符号的视为同意。');
  });

  it('a tie revote says only the tied may be chosen and nobody written in; no 另选他人 instruction', () => {
    const text = instructions({}, 'tie_revote', 0);
    expect(text).toContain('本轮就得票相等的候选人再次投票,只能在以上候选人中选择,不能另选他人,本次应选 2 名。');
    expect(text).not.toContain('如另选他人');
  });

  it('a paper without write-in lines gives no write-in instruction', () => {
    expect(instructions({}, 'first', 0)).not.toContain('另选');
  });

  it('every convention (all 108) gives only known keys, each filled, in both languages', () => {
    const en = papersEn as Record<string, string>;
    const zhTexts = papersZhCN as Record<string, string>;
    for (const key of INSTRUCTION_KEYS) {
      expect(zhTexts[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
    }
    for (const circle of MEANINGS)
      for (const cross of MEANINGS)
        for (const none of MEANINGS)
          for (const writeInNeedsMark of [true, false])
            for (const writeInNeedsAgainst of [true, false])
              for (const roundKind of ROUND_KINDS) {
                const convention = { circle, cross, none, writeInNeedsMark, writeInNeedsAgainst };
                const sentences = paperInstructions({ convention, roundKind, seats: 3, writeInLines: 3 });
                for (const c of sentences.flat()) expect(INSTRUCTION_KEYS).toContain(c.key);
                expect(zh(sentences)).not.toMatch(/[{}]/);
                // What ○ and × mean is always said, and what an empty box counts as.
                expect(zh(sentences)).toContain('“○”');
                expect(zh(sentences)).toContain('“×”');
                expect(zh(sentences)).toContain('不划任何符号的视为');
              }
  });
});
