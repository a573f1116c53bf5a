import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedHash, groupedHashLines, hashGroups, hexDigits } from '../../core/hash-groups.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const hex = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: min, maxLength: max });

describe('hash groups (issue 12 item 4: the paper carries the full hash, read aloud in groups)', () => {
  it('attack "the printed hash is 48 bits (12 hex digits)": a SHA-256 prints all 64 digits, 256 bits, in 16 groups of 4', () => {
    const h = sha('result');
    const groups = hashGroups(h);
    expect(groups).toHaveLength(16);
    expect(groups.every((g) => /^[0-9A-F]{4}$/.test(g))).toBe(true);
    expect(groups.join('').toLowerCase()).toBe(h);
    expect(groupedHash(h).replace(/ /g, '').length * 4).toBeGreaterThanOrEqual(128);
  });

  it('prints two lines of eight groups for a SHA-256', () => {
    const h = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
    expect(groupedHashLines(h)).toEqual([
      'A1B2 C3D4 E5F6 0718 293A 4B5C 6D7E 8F90',
      'A1B2 C3D4 E5F6 0718 293A 4B5C 6D7E 8F90',
    ]);
    expect(groupedHash('abcdef')).toBe('ABCD EF');
    expect(groupedHash('')).toBe('');
  });

  it('what is printed types back to the same digits, any spacing, dashes or case', () => {
    fc.assert(
      fc.property(hex(0, 128), (h) => {
        expect(hexDigits(groupedHash(h))).toBe(h.length ? h : null);
        expect(hexDigits(groupedHashLines(h).join('\n'))).toBe(h.length ? h : null);
        expect(hexDigits(h.toUpperCase().replace(/(.{3})/g, '$1-'))).toBe(h.length ? h : null);
      }),
    );
  });

  it('a typed hash with anything but hex digits, spaces and dashes is no hash', () => {
    for (const typed of ['A1B2 C3D4 G000', '0x1234', 'a1b2;c3d4', '１２３４', ''])
      expect(hexDigits(typed), typed).toBeNull();
  });
});
