import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitName, suggestBallotOrder } from '../../core/ballot-order.js';

const order = (names: string[]) => suggestBallotOrder(names.map((name) => ({ name }))).map((p) => p.name);

describe('suggestBallotOrder (rule 9: 姓氏笔画为序)', () => {
  // Each row: a rule, then names as typed → the paper order it gives them (、 between names).
  it.each([
    ['fewer surname strokes first: 王 (4) before 刘 (6) before 张 (7)', '张伟、刘洋、王芳 → 王芳、刘洋、张伟'],
    ['丁 (2) before 于 (3); 一 (1, 横) before 乙 (1, 折)', '于明、丁明 → 丁明、于明', '乙明、一明 → 一明、乙明'],
    ['a one-character given name before a longer one: 田富 before 田大利', '田大利、田富 → 田富、田大利'],
    [
      'then the given name character by character: 田大利 before 田富强 (大 3 < 富 12)',
      '田富强、田大利 → 田大利、田富强',
    ],
    ['the surname decides before the given name: 王一 after 丁富强', '王一、丁富强 → 丁富强、王一'],
    ['spaces typed inside a name do not change its place', '田 大利、田富 → 田富、田 大利'],
    // ICU's stroke collation counts components the Taiwan way (阝 = 3) and got these two wrong.
    [
      'mainland counts: 陈 (7) before 林 (8), 邓 (4) before 石 (5)',
      '林一、陈一 → 陈一、林一',
      '石一、邓一 → 邓一、石一',
    ],
    // The second: 5 strokes, 石 (横) before 田 (竖).
    [
      'equal counts by the first stroke, 横竖撇点折: 王 (横) before 毛 (撇) before 邓 (折), all 4',
      '邓一、毛一、王一 → 王一、毛一、邓一',
      '田一、石一 → 石一、田一',
    ],
    ['then stroke by stroke: 张 (𠃍一…) before 陈 (𠄎丨…), both 7 and first stroke 折', '陈一、张一 → 张一、陈一'],
    ['given-name characters the same way: 王林 before 王明 (both 8; 林 starts 横, 明 竖)', '王明、王林 → 王林、王明'],
  ])('%s', (_rule, ...cases) => {
    for (const c of cases) {
      const [typed, paper] = c.split(' → ').map((names) => names.split('、'));
      expect(order(typed!)).toEqual(paper);
    }
  });

  it('a compound surname is one surname: 司明亮 (司) before 司马光 (司马)', () => {
    // Read as 司 + 马光 the given names would compare 马 (3) < 明 (8) and put 司马光 first.
    expect(splitName('司马光')).toEqual({ surname: '司马', given: ['光'] });
    expect(order(['司马光', '司明亮'])).toEqual(['司明亮', '司马光']);
    // …and 司马 (马 3) before 司徒 (徒 10).
    expect(order(['司徒雷登', '司马光'])).toEqual(['司马光', '司徒雷登']);
  });

  it('a two-character name is never read as a bare compound surname', () => {
    expect(splitName('欧阳')).toEqual({ surname: '欧', given: ['阳'] });
  });

  it('stable: identical names keep their input order', () => {
    const items = [
      { name: '王芳', id: 1 },
      { name: '丁一', id: 2 },
      { name: '王芳', id: 3 },
      { name: '王芳', id: 4 },
    ];
    expect(suggestBallotOrder(items).map((p) => p.id)).toEqual([2, 1, 3, 4]);
  });

  it('characters missing from the stroke data (龘, 𠀀) come after those in it', () => {
    expect(order(['龘一', '鑫一', '𠀀一'])).toEqual(['鑫一', ...order(['龘一', '𠀀一'])]);
    expect(order(['王龘', '王一'])).toEqual(['王一', '王龘']);
  });

  it('property: a permutation, idempotent, and independent of the input order', () => {
    const pool = [
      '田富',
      '田大利',
      '王芳',
      '刘洋',
      '张伟',
      '丁一',
      '于明',
      '欧阳修',
      '欧明',
      '司马光',
      '司明亮',
      '李四',
      '陈一',
      '林一',
      '邓一',
      '毛一',
      '王龘',
      '𠀀一',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 15 }), (names) => {
        const sorted = order(names);
        expect([...sorted].sort()).toEqual([...names].sort());
        expect(order(sorted)).toEqual(sorted);
        expect(order([...names].reverse())).toEqual(sorted);
      }),
    );
  });
});
