/**
 * The scan corpus (issue 13 figures): the same seed makes the same bytes; what the truth says is
 * drawn is on the page (read back with plain pixel counts, no reader); and a small corpus read
 * end to end by the app's reader has no silent error and no good page refused — the test
 * version of `npm run bench -- scan`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONVENTION } from '../../core/election-types.js';
import { paperCodeText } from '../../core/paper/code.js';
import { type Box, ballotLayout, LAYOUT_VERSION } from '../../core/paper/layout.js';
import { readPage } from '../../db/scan/read.js';
import { type Effects, generateCorpus, scoreReading } from './corpus.js';

const uid = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const code = { congressUid: uid, contestId: 3, roundId: 5, layoutVersion: LAYOUT_VERSION };
const names = ['张伟', '王芳', '李娜', '刘强', '陈静', '杨磊', '黄敏', '赵军', '周洋'];
const layout = ballotLayout({
  congressUid: uid,
  congressTitle: '中共青山镇第五次代表大会',
  contestTitle: '党委委员',
  contestId: code.contestId,
  roundId: code.roundId,
  roundNumber: 1,
  roundKind: 'first',
  seats: 7,
  candidates: names.map((name, i) => ({ id: i + 1, name })),
  convention: DEFAULT_CONVENTION,
});
const codeText = paperCodeText(code);
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'corpus-test-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A flat scan: no geometry, no noise, so a box's pixels are where the layout says. */
const flat: Effects = {
  dpi: 150,
  device: 'scanner',
  rotate: 0,
  scale: 1,
  perspective: null,
  blur: 0,
  noise: 0,
  lighting: null,
  quality: 92,
};

describe('the scan corpus', () => {
  it('one seed, the same bytes: two corpora of 3 papers made apart are identical, another seed differs', async () => {
    const a = await generateCorpus({ seed: 42, papers: 3, layout, codeText, dir: temp() });
    const b = await generateCorpus({ seed: 42, papers: 3, layout, codeText, dir: temp() });
    const c = await generateCorpus({ seed: 43, papers: 1, layout, codeText, dir: temp() });
    expect(a.cached || b.cached).toBe(false);
    expect(a.entries.map((e) => sha(e.jpg))).toEqual(b.entries.map((e) => sha(e.jpg)));
    expect(a.entries.map((e) => e.truth)).toEqual(b.entries.map((e) => e.truth));
    expect(sha(c.entries[0]!.jpg)).not.toBe(sha(a.entries[0]!.jpg));
    // The second call reads the cache: same truth, no new drawing.
    const again = await generateCorpus({ seed: 42, papers: 3, layout, codeText, dir: a.dir });
    expect(again.cached).toBe(true);
    expect(again.entries.map((e) => e.truth)).toEqual(a.entries.map((e) => e.truth));
  }, 120_000);

  it('the truth is what is drawn: 20 flat scans, blank boxes hold no ink, ○ is hollow at its centre, × is inked there, a written name has ink', async () => {
    const corpus = await generateCorpus({
      seed: 7,
      papers: 20,
      layout,
      codeText,
      dir: temp(),
      truth: { effects: flat, doubtful: 0, tick: 0, writeIn: 0.5 },
    });
    const k = 150 / 25.4;
    let circles = 0;
    let crosses = 0;
    let nones = 0;
    let names = 0;
    for (const e of corpus.entries) {
      const { data, info } = await sharp(e.jpg).greyscale().raw().toBuffer({ resolveWithObject: true });
      const dark = (box: Box) => {
        let n = 0;
        let all = 0;
        for (let y = Math.round(box.y * k); y < Math.round((box.y + box.h) * k); y++) {
          for (let x = Math.round(box.x * k); x < Math.round((box.x + box.w) * k); x++) {
            all++;
            if (data[y * info.width + x]! < 200) n++;
          }
        }
        return n / Math.max(1, all);
      };
      // Inside the printed border (0.3 mm), where only a voter's ink can be.
      const inner = (b: Box, m = 1): Box => ({ x: b.x + m, y: b.y + m, w: b.w - 2 * m, h: b.h - 2 * m });
      for (const m of e.truth.marks) {
        const ink = dark(inner(m.box));
        const cx = m.box.x + m.box.w / 2 + m.style.dx;
        const cy = m.box.y + m.box.h / 2 + m.style.dy;
        const centre = dark({ x: cx - 0.8, y: cy - 0.8, w: 1.6, h: 1.6 });
        if (m.drawn === 'none') {
          nones++;
          expect(ink, `#${e.n} blank box`).toBe(0);
        } else if (m.drawn === 'circle') {
          circles++;
          expect(ink, `#${e.n} ○`).toBeGreaterThan(0.002);
          expect(centre, `#${e.n} ○ centre`).toBe(0);
        } else if (m.drawn === 'cross') {
          crosses++;
          expect(ink, `#${e.n} ×`).toBeGreaterThan(0.002);
          expect(centre, `#${e.n} × centre`).toBeGreaterThan(0);
        }
      }
      for (const w of e.truth.writeIns) {
        const ink = dark(inner(w.nameBox, 0.8));
        if (w.nameChars > 0) {
          names++;
          expect(ink, `#${e.n} written name`).toBeGreaterThan(0.005);
          expect(w.mark.drawn).toBe('circle');
        } else {
          expect(ink, `#${e.n} empty name field`).toBe(0);
        }
      }
    }
    // The sample holds each kind, else the checks above prove nothing.
    expect(Math.min(circles, crosses, nones, names)).toBeGreaterThan(0);
  }, 240_000);

  it('40 papers marked and scanned at random (√, scribbles, erasures, both marks, stray dots, camera shots, upside down) read by the app’s reader: no silent error, no good page refused', async () => {
    const corpus = await generateCorpus({ seed: 2026, papers: 40, layout, codeText, dir: temp() });
    const silent: string[] = [];
    let clean = 0;
    let flagged = 0;
    for (const e of corpus.entries) {
      const s = scoreReading(e.truth, await readPage(readFileSync(e.jpg), { code, layout }));
      expect(s.refused, `#${e.n} refused (${JSON.stringify(e.truth.effects)})`).toBeNull();
      for (const x of s.silent) silent.push(`#${e.n} ${x.box}: drawn ${x.drawn}, read ${x.read}`);
      if (s.namesMissed > 0) silent.push(`#${e.n}: a written name not seen`);
      clean += s.clean;
      flagged += s.cleanFlagged;
    }
    expect(silent).toEqual([]);
    // Not all sent to a person either: a reader that flags everything has no silent error.
    expect(flagged / clean).toBeLessThan(0.05);
  }, 600_000);
});
