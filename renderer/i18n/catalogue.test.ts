import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { zhCN, zhCNSections } from './zh-CN.js';

describe('the UI catalogue assembled from feature sections', () => {
  it('defines every key in exactly one section, so that a later section cannot overwrite an earlier one', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [section, texts] of Object.entries(zhCNSections)) {
      for (const key of Object.keys(texts)) {
        const first = seen.get(key);
        if (first) twice.push(`${key} (${first}, ${section})`);
        seen.set(key, section);
      }
    }
    expect(twice).toEqual([]);
  });

  it('has the same keys in English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    expect(Object.entries(en).filter(([, v]) => v.trim() === '')).toEqual([]);
  });
});
