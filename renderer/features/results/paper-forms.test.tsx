/**
 * The parts that keep rule 11's forms whole (issue 10, item 7): the last rows of a table go with
 * the signature block in one row group that never breaks, and the officials are named under
 * their lines. The page breaks themselves are checked in Chromium by tests/e2e/forms.spec.ts.
 */
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PaperFooter, type PaperOfficial } from '../../components/print/PaperFooter.js';
import { paper } from '../../components/print/PaperForm.js';
import { PaperTail, ROWS_KEPT_WITH_END, splitTail } from '../../components/print/PaperTail.js';
import { en } from '../../i18n/en.js';
import { type MessageKey, zhCN } from '../../i18n/zh-CN.js';

/** The app's translate, without the language store (which needs a window). */
const translate =
  (catalogue: Record<MessageKey, string>) =>
  (key: MessageKey, params?: Record<string, string | number>): string =>
    (catalogue[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
const t = translate(zhCN);

describe('splitTail', () => {
  it('keeps the last two rows with the end, all of them when there are fewer', () => {
    expect(ROWS_KEPT_WITH_END).toBe(2);
    expect(splitTail([])).toEqual({ body: [], tail: [] });
    expect(splitTail([1])).toEqual({ body: [], tail: [1] });
    expect(splitTail([1, 2])).toEqual({ body: [], tail: [1, 2] });
    expect(splitTail([1, 2, 3])).toEqual({ body: [1], tail: [2, 3] });
    expect(splitTail([1, 2, 3], 0)).toEqual({ body: [1, 2, 3], tail: [] });
  });

  it('loses no row, reorders none, and keeps min(keep, n) at the end', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 0, max: 5 }), (rows, keep) => {
        const { body, tail } = splitTail(rows, keep);
        expect([...body, ...tail]).toEqual(rows);
        expect(tail).toHaveLength(Math.min(keep, rows.length));
      }),
    );
  });
});

describe('PaperTail', () => {
  it('is the table’s last row group: the kept rows, then one cell across every column with the end', () => {
    const html = renderToStaticMarkup(
      <table>
        <PaperTail
          columns={6}
          rows={
            <tr>
              <td>last row</td>
            </tr>
          }
        >
          <p>signatures</p>
        </PaperTail>
      </table>,
    );
    expect(html).toBe(
      `<table><tbody class="${paper.keep}"><tr><td>last row</td></tr>` +
        `<tr class="${paper.tail}"><td colSpan="6"><p>signatures</p></td></tr></tbody></table>`,
    );
  });
});

describe('PaperFooter', () => {
  const hash = 'abcdef0123456789'.repeat(4);
  const seal = {
    fingerprint: '1234 5678 9012 3456 7890',
    hash,
    audit: { id: 212, hash: hash.slice(8) + hash.slice(0, 8) },
    final: true,
  };
  const printed = ['ABCD EF01 2345 6789 ABCD EF01 2345 6789', 'ABCD EF01 2345 6789 ABCD EF01 2345 6789'];
  const render = (officials?: PaperOfficial[], tr = t) =>
    renderToStaticMarkup(<PaperFooter t={tr} seal={seal} printedAt="2026-03-20 11:00" officials={officials} />);
  /** The signature slots of one role, as rendered: the names under their lines. */
  const namesOf = (html: string, role: string): string[] => {
    const part = html.split(`data-role="${role}"`)[1]!.split('data-testid="paper-sign"')[0]!;
    return [...part.matchAll(new RegExp(`class="${paper.signName}">\\(([^)]*)\\)<`, 'g'))].map((m) => m[1]!);
  };

  it('names each official under a line of their role, in the order appointed', () => {
    const html = render([
      { role: 'scrutineer', name: '熊秀静', approval: '经大会举手表决通过' },
      { role: 'chief_scrutineer', name: '蒋琳霞', approval: '经大会举手表决通过' },
      { role: 'counter', name: '工作人员甲' },
      { role: 'scrutineer', name: '胡胜春' },
      { role: 'counter', name: '工作人员乙' },
    ]);
    expect(namesOf(html, 'chief')).toEqual(['蒋琳霞']);
    expect(namesOf(html, 'scrutineer')).toEqual(['熊秀静', '胡胜春']);
    expect(namesOf(html, 'counter')).toEqual(['工作人员甲', '工作人员乙']);
    // How the meeting approved them, once.
    expect(html.match(/经大会举手表决通过/g)).toHaveLength(1);
    expect(html).toContain('总监票人、监票人:经大会举手表决通过。');
    // The role labels, in 总监票人, 监票人, 计票人 order.
    const chief = html.indexOf('总监票人(签字)');
    const scrutineer = html.indexOf('>监票人(签字)');
    const counter = html.indexOf('计票人(签字)');
    expect(chief).toBeGreaterThanOrEqual(0);
    expect(chief).toBeLessThan(scrutineer);
    expect(scrutineer).toBeLessThan(counter);
  });

  it('leaves one blank line for a role nobody was appointed to', () => {
    const html = render([{ role: 'chief_scrutineer', name: '蒋琳霞' }]);
    expect(namesOf(html, 'scrutineer')).toEqual([]);
    const scrutineer = html.split('data-role="scrutineer"')[1]!.split('data-testid="paper-sign"')[0]!;
    expect(scrutineer.match(new RegExp(`class="${paper.line}"`, 'g'))).toHaveLength(1);
    expect(render()).not.toContain(paper.signName);
  });

  it('carries the fingerprint and the result hash, in the language of the UI', () => {
    const zh = render();
    expect(zh).toContain(seal.fingerprint);
    for (const line of printed) expect(zh).toContain(line);
    expect(zh).toContain('结果校验码');
    const english = render([{ role: 'counter', name: '工作人员甲' }], translate(en));
    expect(english).toContain('Result hash');
    expect(english).toContain('Chief scrutineer');
    for (const zh of ['结果校验码', '总监票人', '签字', '本机签名密钥指纹']) expect(english).not.toContain(zh);
    for (const line of printed) expect(english).toContain(line);
  });
});
