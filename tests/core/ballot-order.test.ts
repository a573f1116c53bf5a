import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitName, suggestBallotOrder } from '../../core/ballot-order.js';

const order = (names: string[]) => suggestBallotOrder(names.map((name) => ({ name }))).map((p) => p.name);

describe('suggestBallotOrder (rule 9: 姓氏笔画为序)', () => {
  it('fewer surname strokes first: 王 (4) before 刘 (6) before 张 (7)', () => {
    expect(order(['张伟', '刘洋', '王芳'])).toEqual(['王芳', '刘洋', '张伟']);
  });

  it('丁 (2) before 于 (3); 一 (1) before 乙 (1, second by ICU)', () => {
    expect(order(['于明', '丁明'])).toEqual(['丁明', '于明']);
    expect(order(['乙明', '一明'])).toEqual(['一明', '乙明']);
  });

  it('a one-character given name before a longer one: 田富 before 田大利', () => {
    expect(order(['田大利', '田富'])).toEqual(['田富', '田大利']);
  });

  it('then the given name character by character: 田大利 before 田富强 (大 3 < 富 12)', () => {
    expect(order(['田富强', '田大利'])).toEqual(['田大利', '田富强']);
  });

  it('the surname decides before the given name: 王一 after 丁富强', () => {
    expect(order(['王一', '丁富强'])).toEqual(['丁富强', '王一']);
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

  it('spaces typed inside a name do not change its place', () => {
    expect(order(['田 大利', '田富'])).toEqual(['田富', '田 大利']);
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

  // Known deviation of ICU (Taiwan component counts: 阝 = 3). When the stroke data is fixed this
  // starts passing and vitest reports it: then turn it into an ordinary test.
  it.fails('mainland counts: 陈 (7) before 林 (8), 邓 (4) before 石 (5)', () => {
    expect(order(['林一', '陈一'])).toEqual(['陈一', '林一']);
    expect(order(['石一', '邓一'])).toEqual(['邓一', '石一']);
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
