/**
 * Bad input is refused and changes nothing (issue 6, proof 2). fast-check payloads against
 * every call of the contract: each is refused with a clear error (never `internal`), and the
 * congress file is byte for byte what it was. Then fuzzed roster files: random bytes, broken
 * xlsx zips, huge cells, formula cells, wrong encodings — no crash, no partial import, an
 * error naming what is wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type Channel, channels, contract } from '../../core/contract.js';
import { ANYONE, CALL_RULES, CHIEF, ROLES, type Role } from '../../core/roles.js';
import { election } from './election-setup.js';
import { congressWith, delegateFields, dumpTables, ROSTER_HEADER, rawDb, sha256File } from './helpers.js';
import { signedIn, withOperators } from './operators-setup.js';

/**
 * Calls whose schema-valid input would do something real: write, switch or close the open
 * congress, or write a file where the payload says. Random payloads that happen to be valid are
 * not bad input; for these they are not sent.
 */
const ACTS_WHEN_VALID = new Set<Channel>([
  ...channels.filter((c) => contract[c].write),
  'congress.open',
  'congress.openDemo',
  'congress.close',
  'result.districtExport',
]);

/** Values of every kind, and the kinds that break things: huge strings, deep nesting, odd numbers. */
const hostile = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(null, undefined, -1, 0, 2 ** 53, -(2 ** 31), Number.NaN, 1.5, '', ' ', '\u0000', '../../etc/passwd'),
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.constant('长'.repeat(70_000)),
  fc.array(fc.integer(), { maxLength: 600 }),
);

/** Objects with the call's own field names and hostile values, some keys missing, some extra. */
function payloadsFor(channel: Channel): fc.Arbitrary<unknown> {
  const schema = contract[channel].input as { shape?: Record<string, unknown> };
  const keys = Object.keys(schema.shape ?? {});
  const shaped =
    keys.length === 0
      ? fc.dictionary(fc.string({ maxLength: 8 }), hostile, { minKeys: 1, maxKeys: 3 })
      : fc.record(Object.fromEntries(keys.map((k) => [k, hostile])), { requiredKeys: [] });
  const extra = shaped.chain((o) =>
    fc.record({ [`x${keys.length}`]: hostile }).map((x) => ({ ...(o as object), ...x })),
  );
  return fc.oneof(shaped, extra, hostile);
}

describe('every call refuses bad input and leaves the file untouched', () => {
  it('fast-check payloads against all calls of the contract', { timeout: 120_000 }, async () => {
    const c = await congressWith([delegateFields('001'), delegateFields('002', { name: '李四' })]);
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    await c.call('congress.close', {});
    const bytesBefore = sha256File(c.path);
    const tablesBefore = dumpTables(c.path);
    await c.call('congress.open', { path: c.path });

    let sent = 0;
    for (const channel of channels) {
      await fc.assert(
        fc.asyncProperty(payloadsFor(channel), async (payload) => {
          const valid = contract[channel].input.safeParse(payload ?? {}).success;
          if (valid && ACTS_WHEN_VALID.has(channel)) return;
          sent++;
          const r = await c.backend.invoke(channel, payload, { operator: '模糊测试', station: 'fuzz' });
          if (r.ok) {
            // Only a read with well-formed input may answer.
            expect(contract[channel].write, `${channel} accepted ${JSON.stringify(payload)?.slice(0, 200)}`).toBe(
              false,
            );
            expect(valid).toBe(true);
            return;
          }
          expect(r.error.code, `${channel}: ${r.error.message}`).not.toBe('internal');
          expect(r.error.message.length).toBeGreaterThan(0);
          if (!valid) {
            expect(r.error.code).toBe('invalid_input');
            // A reason of the input.* family names the field (or the whole input).
            expect(r.error.reason).toMatch(/^input\./);
            expect(r.error.params?.field).toBeTruthy();
          }
        }),
        { numRuns: 100, seed: 20261122 },
      );
    }
    expect(sent).toBeGreaterThan(channels.length * 20);

    await c.call('congress.close', {});
    expect(dumpTables(c.path)).toEqual(tablesBefore);
    expect(sha256File(c.path)).toBe(bytesBefore);
  });
});

/** What the gate alone answers `who` (null: nobody signed in) for `channel`, or null: it lets the call through. */
function gateAnswer(channel: Channel, who: Role | null): string | null {
  const rule = CALL_RULES[channel];
  if (rule === ANYONE) return null;
  if (who === null) return 'locked';
  if (rule === CHIEF) return 'chief_required';
  return rule.includes(who) ? null : 'forbidden';
}

describe('every call, as a locked station and as each role, on a congress with operators', () => {
  it('fast-check payloads against all calls from every caller: only Result values, the gate before the input, no write by a refused caller', {
    timeout: 300_000,
  }, async () => {
    const e = await election();
    const ids = await withOperators(e);
    const callers: [Role | null, object][] = [[null, { operator: '无人登录', station: 'fuzz-locked' }]];
    for (const role of ROLES) callers.push([role, await signedIn(e, ids, role, `fuzz-${role}`)]);
    const tablesBefore = dumpTables(e.path);
    const audit = () => {
      const db = rawDb(e.path);
      try {
        return (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const rowsBefore = audit();
    // A valid station.lock would end the caller's own sign-in: later calls would test the lock, not the table.
    const skipWhenValid = new Set<Channel>([...ACTS_WHEN_VALID, 'station.lock']);

    let sent = 0;
    for (const channel of channels) {
      for (const [who, ctx] of callers) {
        await fc.assert(
          fc.asyncProperty(payloadsFor(channel), async (payload) => {
            const valid = contract[channel].input.safeParse(payload ?? {}).success;
            if (valid && skipWhenValid.has(channel)) return;
            sent++;
            const r = await e.backend.invoke(channel, payload, ctx);
            const label = `${channel} as ${who ?? 'a locked station'}: ${JSON.stringify(payload)?.slice(0, 120)}`;
            expect(typeof r.ok, label).toBe('boolean');
            const gate = gateAnswer(channel, who);
            if (r.ok) {
              expect(gate, label).toBeNull();
              expect(valid, label).toBe(true);
              return;
            }
            expect(r.error.code, `${label}: ${r.error.message}`).not.toBe('internal');
            expect(r.error.message.length).toBeGreaterThan(0);
            // The gate answers before the input is read, whatever the payload.
            if (gate !== null) expect(r.error.code, label).toBe(gate);
            else if (!valid) expect(r.error.code, label).toBe('invalid_input');
          }),
          { numRuns: 12, seed: 20261201 },
        );
      }
    }
    expect(sent).toBeGreaterThan(channels.length * callers.length * 5);
    // No refused caller wrote anything, not even an audit row.
    expect(audit()).toBe(rowsBefore);
    expect(dumpTables(e.path)).toEqual(tablesBefore);
  });
});

async function xlsxBytes(rows: unknown[][], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('代表名册');
  for (const r of rows) sheet.addRow(r);
  edit?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const goodRow = (i: number) => [
  String(i).padStart(3, '0'),
  `代表${i}`,
  '男',
  '汉族',
  '1980-01',
  '大学',
  '机关代表团',
  '镇党委',
  '正式代表',
];

describe('fuzzed roster files', () => {
  it('no crash, no partial import, an error naming what is wrong', { timeout: 120_000 }, async () => {
    const c = await congressWith([delegateFields('900', { name: '已有代表' })]);
    const before = dumpTables(c.path);

    const tryFile = async (fileName: string, bytes: Buffer, expectNamed: RegExp) => {
      const input = { fileName, contentBase64: bytes.toString('base64') };
      const preview = await c.backend.invoke('roster.preview', input, { operator: '秘书', station: 's' });
      const imported = await c.backend.invoke('roster.import', input, { operator: '秘书', station: 's' });
      if (preview.ok) {
        const errors = (preview.value as { errors: { message: string }[] }).errors;
        expect(errors.length, `${fileName}: preview found nothing wrong`).toBeGreaterThan(0);
        expect(errors.map((e) => e.message).join(' ')).toMatch(expectNamed);
      } else {
        expect(preview.error.code).not.toBe('internal');
      }
      expect(imported.ok, `${fileName} imported`).toBe(false);
      if (!imported.ok) {
        expect(imported.error.code).not.toBe('internal');
        expect(imported.error.reason).toMatch(/^(roster|input)\./);
      }
      expect(dumpTables(c.path)).toEqual(before);
    };

    // Random bytes under either extension.
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 4000 }),
        fc.constantFrom('a.xlsx', 'a.csv'),
        async (b, n) => {
          const input = { fileName: n, contentBase64: Buffer.from(b).toString('base64') };
          const r = await c.backend.invoke('roster.import', input, { operator: '秘书', station: 's' });
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error.code).not.toBe('internal');
        },
      ),
      { numRuns: 60, seed: 6 },
    );
    expect(dumpTables(c.path)).toEqual(before);

    // A broken zip: truncated, or bytes flipped in the middle. The workbook's third row has no
    // name, so even a flip that leaves it readable cannot import: the file is refused either way.
    const probe = await xlsxBytes([ROSTER_HEADER, goodRow(1), goodRow(2), ['003', '', '男']]);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 30, max: probe.length - 30 }), fc.boolean(), async (at, truncate) => {
        const bytes = Buffer.from(probe);
        const broken = truncate ? bytes.subarray(0, at) : bytes.fill(0x41, at, at + 16);
        const input = { fileName: 'broken.xlsx', contentBase64: broken.toString('base64') };
        const r = await c.backend.invoke('roster.import', input, { operator: '秘书', station: 's' });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).not.toBe('internal');
        // The preview says what is wrong: the file that cannot be read, or the row and column.
        const p = await c.backend.invoke('roster.preview', input, { operator: '秘书', station: 's' });
        if (p.ok) {
          const errors = (p.value as { errors: { message: string }[] }).errors;
          expect(errors.map((e) => e.message).join(' ')).toMatch(/broken\.xlsx|第 \d+ 行|文件|姓名/);
        } else expect(p.error.code).not.toBe('internal');
      }),
      { numRuns: 40, seed: 7 },
    );
    expect(dumpTables(c.path)).toEqual(before);

    await tryFile(
      'huge.xlsx',
      await xlsxBytes([
        ROSTER_HEADER,
        goodRow(1),
        [...goodRow(2).slice(0, 1), '名'.repeat(50_000), ...goodRow(2).slice(2)],
      ]),
      /第 3 行|姓名/,
    );
    await tryFile(
      'formula.xlsx',
      await xlsxBytes([ROSTER_HEADER, goodRow(1), goodRow(2)], (ws) => {
        ws.getCell('B3').value = { formula: 'CONCAT("张","三")' } as ExcelJS.CellFormulaValue;
      }),
      /=CONCAT|公式/,
    );
    const gbk = iconv.encode(`${ROSTER_HEADER.join(',')}\n${goodRow(1).join(',')}\n`, 'gbk');
    const wrongEncoding = Buffer.from(gbk.toString('latin1'), 'utf16le');
    await tryFile('utf16-garbage.csv', wrongEncoding, /二进制|文本/);
    // Text in an encoding the import does not read (Shift-JIS decodes as nonsense under GB18030).
    const sjis = iconv.encode(`代表証号,氏名\n001,山田太郎\n`, 'shift_jis');
    await tryFile('shift-jis.csv', sjis, /表头|列|姓名|代表证号|编码/);
    expect(fs.existsSync(path.join(c.dir, 'data'))).toBe(true);
  });
});
