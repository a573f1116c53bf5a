/** Issue 15 item 1: the desk's Enter acts only on an unambiguous match. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinyinKeys } from '../../../core/pinyin.js';
import { searchDelegates, startsABadgeOf } from '../../../core/search.js';
import { badgeOf } from '../../lib/search.js';
import { digitChoice, enterChoice, moveChoice, offersDigits } from './enter.js';

const person = (badge: string, name: string) => ({ badge, name, ...pinyinKeys(name) });
// Three whose initials begin with zy, as in the demo congress (`zy` → 曾英红, 钟洋超, 张艳娜).
const roster = [
  person('055', '曾英红'),
  person('063', '钟洋超'),
  person('106', '张艳娜'),
  person('007', '朱洋'),
  person('008', '李明'),
  person('A12', '安然'),
];

/** What Enter does with `query` in the box, the clerk having chosen nothing. */
const enter = (query: string, chosen?: (typeof roster)[number]) =>
  enterChoice({
    chosen,
    badge: chosen ? null : badgeOf(query, roster as never),
    matches: searchDelegates(roster, query, Infinity),
  });

describe('Enter at the desk', () => {
  it('`zy` matches four and checks in nobody: it asks, with the count', () => {
    expect(searchDelegates(roster, 'zy').map((d) => d.name)).toEqual(['朱洋', '曾英红', '钟洋超', '张艳娜']);
    expect(enter('zy')).toEqual({ kind: 'ask', count: 4 });
    expect(enter('zyh')).toEqual({ kind: 'delegate', delegate: roster[0] });
  });

  it('a badge number checks in by badge, even where the digits begin other badges', () => {
    expect(enter('055')).toEqual({ kind: 'badge', badge: '055' });
    expect(enter('7')).toEqual({ kind: 'badge', badge: '007' });
    expect(enter('a12')).toEqual({ kind: 'badge', badge: 'A12' });
    // Digits no badge has still go to the backend, which names them "not found".
    expect(enter('999')).toEqual({ kind: 'badge', badge: '999' });
  });

  it('exactly one match checks that one in; none is nothing', () => {
    expect(enter('李明')).toEqual({ kind: 'delegate', delegate: roster[4] });
    expect(enter('钟')).toEqual({ kind: 'delegate', delegate: roster[1] });
    expect(enter('王')).toEqual({ kind: 'none' });
  });

  it('the row the clerk moved to is checked in, whatever else matches', () => {
    expect(enter('zy', roster[2])).toEqual({ kind: 'delegate', delegate: roster[2] });
  });

  it('property: Enter without a choice checks in someone only if the query is a badge or matches one alone', () => {
    const names = fc.constantFrom(
      ...roster.map((d) => d.name),
      ...roster.map((d) => d.initials),
      'z',
      'zy',
      'l',
      '张',
      '',
    );
    fc.assert(
      fc.property(names, (query) => {
        const matches = searchDelegates(roster, query, Infinity);
        const choice = enter(query);
        if (choice.kind === 'delegate') expect(matches).toEqual([choice.delegate]);
        if (choice.kind === 'ask') expect(matches.length).toBeGreaterThan(1);
        if (matches.length > 1 && badgeOf(query, roster as never) === null) expect(choice.kind).toBe('ask');
      }),
    );
  });
});

describe('choosing among several', () => {
  it('each row shows its digit, unless the query is a badge being typed', () => {
    expect(offersDigits(3, startsABadgeOf(roster, 'zy'))).toBe(true);
    expect(offersDigits(3, startsABadgeOf(roster, '0'))).toBe(false);
    expect(offersDigits(2, startsABadgeOf(roster, 'a'))).toBe(false);
    expect(offersDigits(1, false)).toBe(false);
  });

  it('a digit chooses its row, 1 the first, and none past the rows shown', () => {
    expect(digitChoice('1', 3)).toBe(0);
    expect(digitChoice('3', 3)).toBe(2);
    expect(digitChoice('4', 3)).toBeNull();
    expect(digitChoice('0', 3)).toBeNull();
    expect(digitChoice('a', 3)).toBeNull();
    expect(digitChoice('9', 12)).toBe(8);
  });

  it('no row is highlighted until ↑↓: the first ↓ is the first row, the first ↑ the last; both wrap', () => {
    expect(moveChoice(null, 1, 3)).toBe(0);
    expect(moveChoice(null, -1, 3)).toBe(2);
    expect(moveChoice(2, 1, 3)).toBe(0);
    expect(moveChoice(0, -1, 3)).toBe(2);
    expect(moveChoice(null, 1, 0)).toBeNull();
  });
});
