/**
 * Issue 12 item 5, hostile text: one normaliser (core/names.ts) for what is stored, compared and
 * searched, and the contract's text fields (core/model/fields.ts) refusing invisible characters
 * with a reason that names the field, the character and where it is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callContext, contract } from '../../core/contract.js';
import { namedDelegate } from '../../core/domain.js';
import { checkText, findInvisible, normaliseName, searchKey, shownText, storedText } from '../../core/names.js';
import { reasonText } from '../../core/reasons.js';
import { invalidInput } from '../../db/validation-messages.js';

const refusal = (channel: keyof typeof contract, input: unknown) => {
  const parsed = contract[channel].input.safeParse(input, { reportInput: true });
  expect(parsed.success, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
  const error = invalidInput(parsed.error!);
  return {
    error,
    zh: reasonText(error.reason!, error.params, 'zh-CN'),
    en: reasonText(error.reason!, error.params, 'en'),
  };
};

/** Every character storage refuses in a one-line text, by the classes the rule names. */
const FORBIDDEN_SAMPLES = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00ad',
  '\u061c',
  '\u180e',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2028',
  '\u2029',
  '\u2060',
  '\u2062',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\ufeff',
  '\ufff9',
  '\u{e0001}',
];

describe('findInvisible / checkText: what storage refuses', () => {
  it('finds every control, bidi, zero-width and format character inside a text, with its code and place', () => {
    for (const c of FORBIDDEN_SAMPLES) {
      const found = findInvisible(`甲${c}一`);
      expect(found, `U+${c.codePointAt(0)!.toString(16)}`).not.toBeNull();
      expect(found!.at).toBe(2);
      expect(found!.code).toBe(`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    expect(findInvisible('三丙\u202e、四丁')).toEqual({ at: 3, code: 'U+202E', kind: 'U+202E' });
    expect(findInvisible('a\u0007b')).toEqual({ at: 2, code: 'U+0007', kind: 'U+0007' });
    expect(findInvisible('a\u0085b')?.kind).toBe('control');
    expect(findInvisible('a\u2062b')?.kind).toBe('format');
    expect(findInvisible('a\u2028b')?.kind).toBe('separator');
  });

  it('counts the place in characters as a person does, an astral character being one', () => {
    expect(findInvisible('𠀀𠀁\u200b')?.at).toBe(3);
  });

  it('keeps what a name or a note legitimately has: the middle dot, accents, CJK, PUA rare characters, a note’s line breaks', () => {
    for (const ok of ['阿依古丽·买买提', 'José', 'Ｌｉ　Ｍｉｎｇ', '\ue000田', '王\u3000芳', '𠀀'])
      expect(findInvisible(ok)).toBeNull();
    expect(findInvisible('第一行\n第二行')?.code).toBe('U+000A');
    expect(findInvisible('第一行\n第二行', { multiline: true })).toBeNull();
    expect(findInvisible('第一行\n\t第二行', { multiline: true })?.code).toBe('U+0009');
  });

  it('stores NFC, trimmed, line breaks as \\n in multi-line text', () => {
    expect(storedText('  Jose\u0301 ')).toBe('José');
    expect(storedText('\u3000田富\u3000')).toBe('田富');
    expect(storedText('一\r\n二\r三', { multiline: true })).toBe('一\n二\n三');
    expect(checkText(' 乙二\u202e ')).toEqual({ ok: false, invisible: { at: 3, code: 'U+202E', kind: 'U+202E' } });
  });

  it('quotes a refused text with the character written out, so the message itself reads in order', () => {
    expect(shownText('三丙\u202e、四丁')).toBe('三丙⟨U+202E⟩、四丁');
  });
});

describe('properties', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 24 });
  const risky = fc.array(
    fc.constantFrom(
      '田',
      '富',
      'A',
      'e\u0301',
      '\u0301',
      ' ',
      '\u3000',
      '\n',
      '\r',
      '\t',
      '\u200b',
      '\u202e',
      '\ufeff',
      '\u0007',
      '·',
    ),
    { maxLength: 12 },
  );

  it('accepted text is NFC, trimmed and has no forbidden character; storing it again changes nothing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          risky.map((a) => a.join('')),
        ),
        fc.boolean(),
        (s, multiline) => {
          const checked = checkText(s, { multiline });
          if (!checked.ok) {
            expect(checked.invisible.code).toMatch(/^U\+[0-9A-F]{4,6}$/);
            return;
          }
          const v = checked.value;
          expect(v).toBe(v.normalize('NFC'));
          expect(v).toBe(v.trim());
          expect(findInvisible(v, { multiline })).toBeNull();
          if (!multiline) expect(v).not.toMatch(/[\p{Cc}\p{Cf}]/u);
          expect(storedText(v, { multiline })).toBe(v);
          expect(checkText(v, { multiline })).toEqual(checked);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('normalise ∘ normalise = normalise, and the stored form compares as the raw text does', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          risky.map((a) => a.join('')),
        ),
        (s) => {
          expect(normaliseName(normaliseName(s))).toBe(normaliseName(s));
          expect(searchKey(searchKey(s))).toBe(searchKey(s));
          expect(normaliseName(storedText(s))).toBe(normaliseName(s));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the contract’s text(): accepted input comes out NFC, trimmed, with no forbidden character', () => {
    const schema = contract['meetings.create'].input;
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          risky.map((a) => a.join('')),
        ),
        (name) => {
          const parsed = schema.safeParse({ name, date: '2026-03-20' });
          if (!parsed.success) return;
          const v = (parsed.data as { name: string }).name;
          expect(v).toBe(storedText(v));
          expect(v.length).toBeGreaterThan(0);
          expect(findInvisible(v)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the contract refuses invisible characters in every text field (issue 12 item 5)', () => {
  it('operators.add with a BEL in the name → refused naming the field, the character and where it is', () => {
    const { error, zh, en } = refusal('operators.add', { name: '王\u0007敏', role: 'clerk', pin: '24681357' });
    expect(error).toMatchObject({
      code: 'invalid_input',
      reason: 'input.invisible_char',
      field: 'name',
      params: { field: 'name', at: 2, code: 'U+0007', kind: 'U+0007' },
    });
    expect(zh).toBe('字段 name: 第 2 个字符是不可见字符 U+0007(响铃符),请删除后重新输入');
    expect(en).toBe('Field name: character 2 is the invisible character U+0007 (BELL); delete it and type again');
  });

  it('contests.create with an RLO in the title → refused with U+202E (从右至左覆盖)', () => {
    const input = {
      meetingId: 1,
      title: '党委\u202e委员',
      kind: 'election',
      seats: 2,
      marginPercent: 20,
      doubleEntry: false,
      paperGroup: null,
    };
    const { error, zh } = refusal('contests.create', input);
    expect(error.field).toBe('title');
    expect(zh).toBe('字段 title: 第 3 个字符是不可见字符 U+202E(从右至左覆盖),请删除后重新输入');
  });

  it('congress.create / meetings.create / delegates.add / candidates.add with a zero-width space → refused', () => {
    const zw = '\u200b';
    expect(
      refusal('congress.create', {
        name: `青山镇${zw}代表大会`,
        date: '2026-03-20',
        venue: '礼堂',
        path: '/tmp/a.congress',
      }).error.params,
    ).toMatchObject({ field: 'name', code: 'U+200B', kind: 'U+200B' });
    expect(refusal('meetings.create', { name: `选举${zw}`, date: '2026-03-20' }).error.field).toBe('name');
    const delegate = namedDelegate('001', `张${zw}三`);
    expect(refusal('delegates.add', delegate).error.reason).toBe('input.invisible_char');
    expect(refusal('delegates.add', { ...delegate, name: '张三', unit: `青山镇\u2066党委` }).error.field).toBe('unit');
    expect(
      refusal('candidates.add', {
        contestId: 1,
        delegateId: null,
        name: `田${zw}富`,
        gender: null,
        ethnicity: null,
        birthDate: null,
        education: null,
        unit: null,
      }).error.field,
    ).toBe('name');
  });

  it('ballots.enter with a write-in "代\\u200b表1" → refused at entry: the counter retypes the name off the paper', () => {
    const { error, zh } = refusal('ballots.enter', {
      roundId: 1,
      marks: [],
      writeIns: [{ name: '代\u200b表1', mark: 'circle' }],
      setAside: false,
      stack: null,
      entry: null,
    });
    expect(error.field).toBe('writeIns.0.name');
    expect(zh).toContain('U+200B(零宽空格)');
  });

  it('reasons, notes and the oath’s text keep their line breaks; a control character in them is still refused', () => {
    const voidCall = contract['ballots.void'].input;
    expect(voidCall.parse({ ballotId: 1, reason: ' 重复录入\r\n第二张 ' })).toEqual({
      ballotId: 1,
      reason: '重复录入\n第二张',
    });
    expect(refusal('ballots.void', { ballotId: 1, reason: '重复\u0007' }).error.params).toMatchObject({
      field: 'reason',
      code: 'U+0007',
    });
    expect(contract['discipline.setText'].input.parse({ kind: 'oath', body: '我宣誓:\n遵守纪律' })).toMatchObject({
      body: '我宣誓:\n遵守纪律',
    });
    expect(
      refusal('attendance.mark', { meetingId: 1, delegateId: 1, status: 'absent', reason: '病\u202e假' }).error.field,
    ).toBe('reason');
    expect(refusal('ballots.decide', { ballotId: 1, verdict: 'invalid', note: '\u200b' }).error.field).toBe('note');
  });

  it('a one-line name with a line break in it → refused (U+000A), never stored as two lines', () => {
    expect(refusal('meetings.create', { name: '选举\n大会', date: '2026-03-20' }).error.params).toMatchObject({
      code: 'U+000A',
      kind: 'U+000A',
    });
  });

  it('the call’s operator and station, printed on the forms and kept in the audit log, are checked the same way', () => {
    expect(callContext.safeParse({ operator: '李\u202e明', station: '报到处1' }).success).toBe(false);
    expect(callContext.safeParse({ operator: '', station: '报到处1' }).success).toBe(true);
    expect(callContext.parse({ operator: ' Jose\u0301 ', station: '报到处1' }).operator).toBe('José');
  });

  it('stores the NFC form of accepted text (a decomposed é typed by one keyboard equals the composed one)', () => {
    const parsed = contract['meetings.create'].input.parse({ name: '  Jose\u0301 大会 ', date: '2026-03-20' });
    expect(parsed.name).toBe('José 大会');
  });
});
