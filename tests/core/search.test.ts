import { describe, expect, it } from 'vitest';
import { pinyinKeys } from '../../core/pinyin.js';
import { buildSearchIndex, search, searchDelegates, startsABadgeOf } from '../../core/search.js';

const person = (badge: string, name: string) => ({ badge, name, ...pinyinKeys(name) });
const roster = [
  person('003', '张三'),
  person('001', '赵盛'),
  person('002', '张姗'),
  person('010', '张三丰'),
  person('011', '李张三'),
  person('012', '单田芳'),
  person('013', '曾国藩'),
  person('100', '王五'),
  person('1000', '孙中山'),
  person('0101', '钟山'),
  person('A12', '安然'),
  person('020', '吕布'),
];
const names = (q: string, limit?: number) => searchDelegates(roster, q, limit).map((d) => d.name);
const badges = (q: string) => searchDelegates(roster, q).map((d) => d.badge);

describe('searchDelegates', () => {
  it('badge: exact first, then leading-zero-insensitive, then prefix, ties by badge', () => {
    expect(badges('100')).toEqual(['100', '1000']);
    expect(badges('10')).toEqual(['010', '100', '1000']);
    // 001 is badge 1 written with zeros: it outranks mere prefixes.
    expect(badges('01')).toEqual(['001', '010', '011', '012', '013', '0101']);
    expect(badges('0101')).toEqual(['0101']);
    expect(badges('999')).toEqual([]);
  });

  it('a scanner or a full-width IME typing the badge', () => {
    expect(badges('１００')).toEqual(['100', '1000']);
    expect(badges(' 003 ')[0]).toBe('003');
  });

  it('Chinese: exact name first, then names starting with it, then containing it', () => {
    expect(names('张三')).toEqual(['张三', '张三丰', '李张三']);
    expect(names('张')).toEqual(['张姗', '张三', '张三丰', '李张三']);
    expect(names('山')).toEqual(['钟山', '孙中山']); // badge 0101 before 1000
    expect(names('诸葛')).toEqual([]);
  });

  it('initials: zs finds 张三, 张姗, 赵盛, 钟山 (ties by badge), then longer initials', () => {
    expect(names('zs')).toEqual(['赵盛', '张姗', '张三', '钟山', '张三丰']);
    expect(names('ZS')).toEqual(names('zs'));
    expect(names('ｚｓ')).toEqual(names('zs'));
    expect(names('zsf')).toEqual(['张三丰']);
  });

  it('full pinyin: exact, then prefix, then contains', () => {
    expect(names('zhangsan')).toEqual(['张三', '张三丰', '李张三']);
    expect(names('zhangs')).toEqual(['张姗', '张三', '张三丰', '李张三']);
    expect(names('Zhang San')).toEqual(names('zhangsan'));
    expect(names('zhong')).toEqual(['钟山', '孙中山']);
  });

  it('surnames read as surnames: 单 is shan, 曾 is zeng', () => {
    expect(names('shan')).toContain('单田芳');
    expect(names('stf')).toEqual(['单田芳']);
    expect(names('dan')).toEqual([]);
    expect(names('zeng')).toEqual(['曾国藩']);
    expect(names('zgf')).toEqual(['曾国藩']);
  });

  it('ü is typed as v', () => {
    expect(names('lvbu')).toEqual(['吕布']);
    expect(names('lb')).toEqual(['吕布']);
  });

  it('a badge with letters', () => {
    expect(badges('a12')).toEqual(['A12']);
    expect(badges('A1')).toEqual(['A12']);
  });

  it('limit caps the result, keeping the best', () => {
    expect(names('zs', 2)).toEqual(['赵盛', '张姗']);
    expect(names('z', 1)).toHaveLength(1);
    expect(names('')).toEqual([]);
    expect(names('   ')).toEqual([]);
    expect(names('?!')).toEqual([]);
  });

  it('an explicit index gives the same answers and reflects a new roster', () => {
    const index = buildSearchIndex(roster);
    expect(search(index, 'zs').map((d) => d.name)).toEqual(names('zs'));
    const more = [...roster, person('004', '郑爽')];
    expect(searchDelegates(more, 'zs').map((d) => d.name)).toContain('郑爽');
    expect(names('zs')).not.toContain('郑爽');
  });
});

describe('a pasted query (issue 12 item 5: one normaliser for names and search)', () => {
  it('ZWSP: "张\\u200b三" pasted from a chat message finds 张三 first, as typing 张三 does', () => {
    expect(names('张\u200b三')).toEqual(names('张三'));
    expect(names('张\u200b三')[0]).toBe('张三');
  });

  it('bidi marks, BOM and word joiners around or inside a pasted name or badge are ignored', () => {
    expect(names('\u202a张三\u202c')[0]).toBe('张三');
    expect(names('\ufeff单田芳\u2060')).toEqual(['单田芳']);
    expect(badges('\u200e0101')).toEqual(['0101']);
    expect(names('zh\u200bs')).toEqual(names('zhs'));
  });

  it('a name stored with a space or full-width letters (an older file) is still found by the plain query', () => {
    const older = [person('001', '王 芳'), person('002', 'ＬＩ　Ｍｉｎｇ')];
    expect(searchDelegates(older, '王芳').map((d) => d.badge)).toEqual(['001']);
    expect(searchDelegates(older, '王\u200b芳').map((d) => d.badge)).toEqual(['001']);
  });
});

describe('whether a digit typed next belongs to a badge (issue 15 item 1: digits choose a row only otherwise)', () => {
  it('digits, and the letters a badge such as A12 begins with, are a badge being typed', () => {
    expect(startsABadgeOf(roster, '10')).toBe(true);
    expect(startsABadgeOf(roster, '１')).toBe(true);
    expect(startsABadgeOf(roster, 'a')).toBe(true);
    expect(startsABadgeOf(roster, 'A1')).toBe(true);
  });

  it('pinyin initials or a name no badge begins with are not: a digit then picks a row', () => {
    expect(startsABadgeOf(roster, 'zs')).toBe(false);
    expect(startsABadgeOf(roster, 'an')).toBe(false);
    expect(startsABadgeOf(roster, '张')).toBe(false);
    expect(startsABadgeOf(roster, '')).toBe(false);
  });
});
