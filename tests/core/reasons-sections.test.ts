/** The reason catalogue is assembled from domain sections (core/reasons/*.ts): each key stands in one. */
import { describe, expect, it } from 'vitest';
import { reasonSections, reasons } from '../../core/reasons.js';

describe('the reason sections', () => {
  it('define each reason in one section only', () => {
    const seen = new Map<string, string>();
    for (const [section, entries] of Object.entries(reasonSections)) {
      for (const key of Object.keys(entries)) {
        expect(seen.get(key), `${key} in ${section}`).toBeUndefined();
        seen.set(key, section);
      }
    }
    expect(seen.size).toBe(Object.keys(reasons).length);
  });

  it('keep a reason in the section its prefix names', () => {
    const prefixes = new Map<string, string>();
    for (const [section, entries] of Object.entries(reasonSections)) {
      for (const key of Object.keys(entries)) {
        const prefix = key.split('.')[0]!;
        expect(prefixes.get(prefix) ?? section, `${key} in ${section}`).toBe(section);
        prefixes.set(prefix, section);
      }
    }
  });
});
