import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveItem } from './move.js';

describe('moveItem (reordering the suggested ballot order)', () => {
  it('moves one name up, down, to the top and to the end', () => {
    const names = ['丁一', '王芳', '田富', '李强'];
    expect(moveItem(names, 2, 1)).toEqual(['丁一', '田富', '王芳', '李强']);
    expect(moveItem(names, 0, 1)).toEqual(['王芳', '丁一', '田富', '李强']);
    expect(moveItem(names, 3, 0)).toEqual(['李强', '丁一', '王芳', '田富']);
    expect(moveItem(names, 0, 3)).toEqual(['王芳', '田富', '李强', '丁一']);
    expect(names).toEqual(['丁一', '王芳', '田富', '李强']);
  });

  it('leaves the list as it is for an index off the list (the top row moved up)', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('keeps every candidate exactly once, the moved one where it was put (property)', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.integer(), { minLength: 1, maxLength: 30 })
          .chain((list) => fc.tuple(fc.constant(list), fc.nat(list.length - 1), fc.nat(list.length - 1))),
        ([list, from, to]) => {
          const out = moveItem(list, from, to);
          expect([...out].sort((a, b) => a - b)).toEqual([...list].sort((a, b) => a - b));
          expect(out[to]).toBe(list[from]);
          // Moving it back restores the list.
          expect(moveItem(out, to, from)).toEqual(list);
        },
      ),
    );
  });
});
