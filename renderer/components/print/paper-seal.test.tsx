/**
 * Issue 12 item 4, 「The paper pins the file」: the foot of every form prints the full result hash,
 * the audit head and the key's fingerprint, and a QR code of all three that decodes to them.
 */
import { createHash } from 'node:crypto';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formCodeText, parseFormCode } from '../../../core/form-code.js';
import { rasterQr } from '../../../tests/qr-image.js';
import { en } from '../../i18n/en.js';
import { type MessageKey, zhCN } from '../../i18n/zh-CN.js';
import { decodeQr } from '../qr-decode.js';
import { PaperFooter, type PaperSeal } from './PaperFooter.js';

const translate =
  (catalogue: Record<MessageKey, string>) =>
  (key: MessageKey, params?: Record<string, string | number>): string =>
    (catalogue[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && Object.hasOwn(params, name) ? String(params[name]) : whole,
    );

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const seal: PaperSeal = {
  fingerprint: '0482 7711 0935 2260 5188',
  hash: sha('the result content'),
  audit: { id: 212, hash: sha('audit row 212') },
  final: true,
};
const foot = (s: PaperSeal | null, t = translate(zhCN)) =>
  renderToStaticMarkup(<PaperFooter t={t} seal={s} printedAt="2026-03-20 11:00" />);
/** The text of the element with this test id (its tags dropped, its lines joined by one space). */
const textOf = (html: string, testId: string) => {
  const part = html.split(`data-testid="${testId}"`)[1]!;
  const inner = part.slice(part.indexOf('>') + 1, part.indexOf('</dd>'));
  return inner
    .replace(/<\/span><span[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .trim();
};
const svgOf = (html: string) => {
  const start = html.indexOf('<svg');
  return html.slice(start, html.indexOf('</svg>', start) + 6);
};

describe('the foot of a printed form (issue 12 item 4)', () => {
  it('attack "the printed result hash is 48 bits (ABCD-EF01-2345), a GPU finds a second preimage": all 256 bits are printed, in groups of four', () => {
    const html = foot(seal);
    const printed = textOf(html, 'paper-hash');
    expect(printed.split(' ')).toHaveLength(16);
    expect(printed.replace(/ /g, '').toLowerCase()).toBe(seal.hash);
    expect(html).not.toContain(
      seal.hash
        .slice(0, 12)
        .toUpperCase()
        .replace(/(.{4})(?=.)/g, '$1-'),
    );
  });

  it('attack "nothing on paper pins the audit head or the file": the audit head (id and hash) and the key fingerprint are printed', () => {
    const html = foot(seal);
    expect(textOf(html, 'paper-audit')).toBe(seal.audit!.hash.toUpperCase().replace(/(.{4})(?=.)/g, '$1 '));
    expect(html).toContain('审计记录末条(第 212 条):');
    expect(textOf(html, 'paper-fingerprint')).toBe(seal.fingerprint);
    const english = foot(seal, translate(en));
    expect(english).toContain('Last audit record');
    expect(english).toContain('Last audit record (no. 212)');
    expect(english).not.toContain('审计');
  });

  it('carries a QR code that decodes (jsqr, from the printed SVG) to the hash, the audit head and the fingerprint', () => {
    const svg = svgOf(foot(seal));
    expect(svg).toContain('data-testid="paper-code"');
    const image = rasterQr(svg, 4);
    const read = decodeQr(image);
    expect(read).toBe(formCodeText(seal));
    expect(parseFormCode(read!)).toEqual({
      ok: true,
      value: { hash: seal.hash, audit: seal.audit, fingerprint: seal.fingerprint },
    });
  });

  it('a QR of another result decodes to that result: the code follows the seal, not a fixed picture', () => {
    const other = { ...seal, hash: sha('35 ballots changed'), audit: null };
    const image = rasterQr(svgOf(foot(other)), 3);
    const read = decodeQr(image);
    expect(read && parseFormCode(read)).toEqual({
      ok: true,
      value: { hash: other.hash, audit: null, fingerprint: seal.fingerprint },
    });
  });

  it('prints dashes and no QR code when the backend could not say (the key could not be read)', () => {
    const html = foot(null);
    expect(textOf(html, 'paper-hash')).toBe('—');
    expect(textOf(html, 'paper-audit')).toBe('—');
    expect(html).not.toContain('<svg');
  });
});
