/** Issue 13 item 2: which badges a print asks for, how they fall on A4 sheets, the 签到表's groups. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DelegateCategory } from '../../../core/domain.js';
import {
  BADGE,
  BADGE_PARTS,
  BADGES_PER_SHEET,
  type BadgeDelegate,
  badgeBox,
  badgeCodeText,
  badgeDelegates,
  badgeRequest,
  badgeSheets,
  CUT_MARK,
  fitsCode128,
  NAME_SIZE,
  nameSize,
  nameWidthEm,
  SHEET,
  signinGroups,
} from './sheet.js';

const person = (id: number, badge: string, delegation: string | null, category: DelegateCategory = 'voting') => ({
  id,
  badge,
  name: `代表${id}`,
  delegation,
  category,
});

/** A roster in badge order, its ids shuffled against it (the roster's order is the badges', not the ids'). */
const roster: BadgeDelegate[] = [
  person(7, '001', '机关代表团'),
  person(3, '002', '青山村代表团'),
  person(12, '003', '机关代表团', 'nonvoting'),
  person(1, '004', null, 'alternate'),
  person(5, '005', '青山村代表团'),
  person(9, '006', '企业代表团'),
  person(2, '007', '机关代表团', 'alternate'),
];

describe('badgeRequest: the route query', () => {
  it('reads ?delegates=all, ?ids=… and ?category=', () => {
    expect(badgeRequest({ delegates: 'all' })).toEqual({ ids: 'all', category: null });
    expect(badgeRequest({ ids: '3, 1,3,x,-2,0' })).toEqual({ ids: [3, 1], category: null });
    expect(badgeRequest({ delegates: 'all', category: 'nonvoting' })).toEqual({ ids: 'all', category: 'nonvoting' });
  });

  it('a mistyped category (?category=列席) prints nobody, not the whole roster', () => {
    expect(badgeRequest({ delegates: 'all', category: '列席' })).toEqual({ ids: [], category: null });
  });

  it('no ids and no delegates=all asks for nobody', () => {
    expect(badgeRequest({})).toEqual({ ids: [], category: null });
  });
});

describe('badgeDelegates: which badges, in which order', () => {
  it('?ids=9,7,3 in another order than the roster prints them in roster (badge) order', () => {
    const { delegates, missing } = badgeDelegates(roster, { ids: [9, 7, 3], category: null });
    expect(delegates.map((d) => d.badge)).toEqual(['001', '002', '006']);
    expect(missing).toEqual([]);
  });

  it('an id no longer on the roster is named as missing, the others printed', () => {
    const { delegates, missing } = badgeDelegates(roster, { ids: [5, 404], category: null });
    expect(delegates.map((d) => d.id)).toEqual([5]);
    expect(missing).toEqual([404]);
  });

  it('?category=alternate prints only the 候补代表 of the roster', () => {
    const { delegates } = badgeDelegates(roster, { ids: 'all', category: 'alternate' });
    expect(delegates.map((d) => d.badge)).toEqual(['004', '007']);
  });
});

describe('badgeSheets: eight to an A4 sheet', () => {
  it('17 badges make sheets of 8, 8 and 1, in order, nobody twice, nobody left out', () => {
    const many = Array.from({ length: 17 }, (_, i) => i);
    const sheets = badgeSheets(many);
    expect(sheets.map((s) => s.length)).toEqual([8, 8, 1]);
    expect(sheets.flat()).toEqual(many);
  });

  it('property: ceil(n / 8) sheets, each full but the last, concatenating back to the list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 60 }), (list) => {
        const sheets = badgeSheets(list);
        expect(sheets).toHaveLength(Math.ceil(list.length / BADGES_PER_SHEET));
        expect(sheets.flat()).toEqual(list);
        for (const s of sheets.slice(0, -1)) expect(s).toHaveLength(BADGES_PER_SHEET);
      }),
    );
  });

  it('every badge and its cutting marks lie on the sheet, no two badges and no mark on a badge overlap', () => {
    const boxes = Array.from({ length: BADGES_PER_SHEET }, (_, i) => badgeBox(i));
    const reach = CUT_MARK.offset + CUT_MARK.length;
    for (const b of boxes) {
      expect(b.x - reach).toBeGreaterThanOrEqual(5);
      expect(b.y - reach).toBeGreaterThanOrEqual(5);
      expect(b.x + b.width + reach).toBeLessThanOrEqual(SHEET.width - 5);
      expect(b.y + b.height + reach).toBeLessThanOrEqual(SHEET.height - 5);
    }
    // Two neighbours' marks lie on one line (their edges are level): the gap keeps them apart.
    expect(BADGE.gap).toBeGreaterThan(2 * reach);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart).toBe(true);
      }
  });

  it('the bars and the QR stay inside the badge and apart from each other', () => {
    const { barcode: bars, qr } = BADGE_PARTS;
    for (const p of [bars, qr]) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x + p.width).toBeLessThan(BADGE.width);
      expect(p.y + p.height).toBeLessThan(BADGE.height);
    }
    expect(bars.x + bars.width).toBeLessThanOrEqual(qr.x);
  });
});

describe('the code on a badge', () => {
  it('is the badge number as normalizeBadge keeps it: a full-width ０１２ or a spaced A 01 prints 012, A01', () => {
    expect(badgeCodeText('０１２')).toBe('012');
    expect(badgeCodeText('A 01')).toBe('A01');
  });

  it('Code 128 only for printable ASCII; a 代-prefixed number gets no bars', () => {
    expect(fitsCode128('A01-7')).toBe(true);
    expect(fitsCode128('代001')).toBe(false);
    expect(fitsCode128('')).toBe(false);
  });
});

describe('nameSize: a name stays whole on its line', () => {
  const width = BADGE.width - 6;

  it('张三 prints at the largest size', () => {
    expect(nameSize('张三', width)).toBe(NAME_SIZE.max);
  });

  it('a long ethnic name (阿卜杜热合曼·买买提明) shrinks to fit the line instead of wrapping', () => {
    const name = '阿卜杜热合曼·买买提明';
    const size = nameSize(name, width);
    expect(size).toBeLessThan(NAME_SIZE.max);
    expect(size * (nameWidthEm(name) + 0.06 * [...name].length)).toBeLessThanOrEqual(width);
  });

  it('property: the name at its size is never wider than the line, down to the smallest size', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }), (name) => {
        const size = nameSize(name, width);
        const em = nameWidthEm(name) + 0.06 * [...name].length;
        if (size > NAME_SIZE.min) expect(size * em).toBeLessThanOrEqual(width + 1e-9);
        expect(size).toBeLessThanOrEqual(NAME_SIZE.max);
      }),
    );
  });
});

describe('signinGroups: the 签到表 by delegation', () => {
  it('delegations in the order the roster first names them, those with none last, 序号 running on', () => {
    const groups = signinGroups(roster, null);
    expect(groups.map((g) => g.delegation)).toEqual(['机关代表团', '青山村代表团', '企业代表团', null]);
    expect(groups[0]!.rows.map((r) => [r.no, r.delegate.badge])).toEqual([
      [1, '001'],
      [2, '003'],
      [3, '007'],
    ]);
    expect(groups[1]!.rows.map((r) => [r.no, r.delegate.badge])).toEqual([
      [4, '002'],
      [5, '005'],
    ]);
    expect(groups.at(-1)!.rows.map((r) => [r.no, r.delegate.badge])).toEqual([[7, '004']]);
  });

  it('at a plenary only its members sign; a delegation with no member has no heading', () => {
    const groups = signinGroups(roster, [3, 5, 9]);
    expect(groups.map((g) => g.delegation)).toEqual(['青山村代表团', '企业代表团']);
    expect(groups.flatMap((g) => g.rows.map((r) => r.no))).toEqual([1, 2, 3]);
  });

  it('property: every delegate once, in roster order within each delegation', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('甲团', '乙团', '丙团', null), { maxLength: 40 }), (ds) => {
        const list = ds.map((d, i) => person(i + 1, String(i + 1).padStart(3, '0'), d));
        const groups = signinGroups(list, null);
        const ids = groups.flatMap((g) => g.rows.map((r) => r.delegate.id));
        expect([...ids].sort((a, b) => a - b)).toEqual(list.map((d) => d.id));
        for (const g of groups) {
          const inGroup = g.rows.map((r) => r.delegate.id);
          expect(inGroup).toEqual([...inGroup].sort((a, b) => a - b));
          expect(g.rows.every((r) => r.delegate.delegation === g.delegation)).toBe(true);
        }
        expect(groups.flatMap((g) => g.rows.map((r) => r.no))).toEqual(ids.map((_, i) => i + 1));
      }),
    );
  });
});
