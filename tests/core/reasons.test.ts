/**
 * The reason catalogue (core/reasons.ts): every reason speaks both UI languages with the same
 * values, the English never falls back to Chinese, and every reason a handler refuses or warns
 * with exists — found by reading the sources, so a typo in a new handler fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReason, placeholders, type ReasonParams, reasons, reasonText, terms } from '../../core/reasons.js';
import { refuse, warning } from '../../core/result.js';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const root = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** `refuse('code', 'reason'`, `refuseCall(…`, `warning('reason'` and contract messages `'input.…'`. */
function usedReasons(): Map<string, string> {
  const used = new Map<string, string>();
  const patterns = [
    /\brefuse\w*\(\s*'[a-z_]+',\s*'([a-z_][\w.]*)'/g,
    /\bwarning\(\s*'([a-z_][\w.]*)'/g,
    /message:\s*'(input\.[\w.]+)'/g,
    /\.(?:regex|min|max)\([^)]*'(input\.[\w.]+)'\)/g,
  ];
  for (const file of [...sources('core'), ...sources('db'), ...sources('renderer'), ...sources('electron')]) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const pattern of patterns) {
      for (const m of text.matchAll(pattern)) used.set(m[1]!, file);
    }
  }
  return used;
}

const entries = Object.entries(reasons) as [string, { 'zh-CN': string; en: string }][];

describe('the reason catalogue', () => {
  it('gives every reason both languages with the same placeholders', () => {
    for (const [key, text] of entries) {
      expect(text['zh-CN'].length, key).toBeGreaterThan(0);
      expect(text.en.length, key).toBeGreaterThan(0);
      expect(placeholders(text.en), key).toEqual(placeholders(text['zh-CN']));
    }
  });

  it('keeps Chinese out of the English texts and their terms', () => {
    for (const [key, text] of entries) expect(CJK.test(text.en), `${key}: ${text.en}`).toBe(false);
    for (const [group, words] of Object.entries(terms)) {
      for (const [value, word] of Object.entries(words as Record<string, { en: string; 'zh-CN': string }>)) {
        expect(CJK.test(word.en), `${group}.${value}`).toBe(false);
        expect(word['zh-CN'].length, `${group}.${value}`).toBeGreaterThan(0);
      }
    }
  });

  it('names only term groups that exist', () => {
    for (const [key, text] of entries) {
      for (const template of [text.en, text['zh-CN']]) {
        for (const m of template.matchAll(/\{\w+\|(\w+)\}/g))
          expect(Object.hasOwn(terms, m[1]!), `${key}: ${m[1]}`).toBe(true);
      }
    }
  });

  it('has every reason the sources refuse or warn with', () => {
    const used = usedReasons();
    // The scan itself works: it finds the refusals of the dispatcher's gate and the handlers.
    expect(used.size).toBeGreaterThan(80);
    expect(used.get('station.sign_in_ended')).toBe(path.join('db', 'gate.ts'));
    for (const [reason, file] of used) expect(isReason(reason), `${reason} (${file})`).toBe(true);
  });

  it('leaves no handler refusing with a sentence of its own (fail) in db/ or electron/', () => {
    const offenders = [...sources('db'), ...sources('electron')].filter((file) =>
      /\bfail\(/.test(fs.readFileSync(path.join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe('reasonText', () => {
  it('fills the values in the language asked for', () => {
    const params = { contest: '党委委员', round: 2 };
    expect(reasonText('round.closed', params, 'zh-CN')).toBe('「党委委员」第 2 轮已结束计票');
    expect(reasonText('round.closed', params, 'en')).toContain('Round 2 of “党委委员”');
  });

  it('prints a term for a code and the code itself when the term is unknown', () => {
    const params = { role: 'counter', name: '王芳', channel: 'rounds.close' };
    expect(reasonText('role.forbidden', params, 'zh-CN')).toBe('计票人「王芳」无权进行此项操作(rounds.close)');
    expect(reasonText('role.forbidden', params, 'en')).toBe(
      '王芳 (vote counter) may not make this call (rounds.close)',
    );
    expect(reasonText('role.forbidden', { ...params, role: 'janitor' }, 'en')).toContain('(janitor)');
  });

  it('leaves a missing value visible and knows no unknown reason', () => {
    expect(reasonText('round.closed', { contest: '纪委委员' }, 'en')).toContain('{round}');
    expect(reasonText('no.such.reason', {}, 'en')).toBeNull();
    expect(isReason('toString')).toBe(false);
  });

  it('fills every placeholder of every reason, in both languages, whatever the values', () => {
    const keys = entries.map(([key]) => key);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.oneof(fc.string({ maxLength: 12 }), fc.integer()), (key, value) => {
        const text = reasons[key as keyof typeof reasons];
        const params: ReasonParams = Object.fromEntries(placeholders(text.en).map((p) => [p, value]));
        for (const language of ['zh-CN', 'en'] as const) {
          const out = reasonText(key, params, language)!;
          // No placeholder of the template survives (a value may itself contain braces).
          const rest = out.split(String(value)).join('');
          expect(rest).not.toMatch(/\{\w+(\|\w+)?\}/);
        }
        // The English sentence is English but for the values.
        expect(CJK.test(reasonText(key, params, 'en')!.split(String(value)).join(''))).toBe(false);
      }),
    );
  });
});

describe('refuse and warning', () => {
  it('carry the reason and values, with the zh-CN sentence as message', () => {
    const params = { contest: '党委委员', round: 1 };
    const r = refuse('conflict', 'round.void', params, { field: 'roundId' });
    expect(r.error).toEqual({
      code: 'conflict',
      reason: 'round.void',
      params,
      message: '「党委委员」第 1 轮已宣布无效',
      field: 'roundId',
    });
    const figures = { issued: 9, present: 10 };
    expect(warning('warning.issued_below_present', figures)).toEqual({
      reason: 'warning.issued_below_present',
      params: figures,
      message: '发出选票 9 张,少于实到会有选举权人数 10 人',
    });
  });
});
