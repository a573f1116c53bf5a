/**
 * Reading a scanned ballot page (issue 13 item 4, db/scan/read.ts): real page images drawn from
 * the layout (tests/scan/render-layout.ts), turned, skewed, scaled, photographed in perspective,
 * saved as JPEG or PNG and read back by `readPage`. Each test names the page a counter might feed
 * in and what the reader must make of it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONVENTION } from '../../core/election-types.js';
import { paperCodeText } from '../../core/paper/code.js';
import { ballotLayout, centreOf } from '../../core/paper/layout.js';
import type { PageOutcome, PageReading } from '../../core/paper/reading.js';
import { readPage } from '../../db/scan/read.js';
import { type Page, renderPaper, type Scan, scanOf, type TestMark } from '../scan/render-layout.js';

const uid = '5f0c9a6e2b7d4e1f8a3c6b9d0e2f4a71';
const code = { congressUid: uid, contestId: 4, roundId: 9, layoutVersion: 1 };
const layout = ballotLayout({
  congressUid: uid,
  congressTitle: '中共某某镇第一次代表大会',
  contestTitle: '中共某某镇第一届委员会委员',
  contestId: 4,
  roundId: 9,
  roundNumber: 1,
  roundKind: 'first',
  seats: 3,
  candidates: Array.from({ length: 10 }, (_, i) => ({ id: 100 + i, name: `候选人${'甲乙丙丁戊己庚辛壬癸'[i]}` })),
  convention: DEFAULT_CONVENTION,
});
const expected = { code, layout };

/** ○ × none in the first three boxes, then the boxes each test looks at; write-in line 0 has a name and ○. */
const MARKS: Record<number, TestMark> = {
  0: { kind: 'circle' },
  1: { kind: 'cross' },
  3: { kind: 'circle', size: 0.5, width: 0.4 },
  4: { kind: 'cross', size: 0.95, width: 1.1 },
  5: { kind: 'circle', gap: 40 },
  10: { kind: 'circle' },
};
const PLAIN = ['circle', 'cross', 'none', 'circle', 'cross', 'circle', 'none', 'none', 'none', 'none'];

const pages = new Map<string, Page>();
async function paper(dpi: number, marks: Record<number, TestMark> = MARKS, text: string | null = paperCodeText(code)) {
  const key = JSON.stringify([dpi, marks, text]);
  let p = pages.get(key);
  if (!p) {
    p = await renderPaper(layout, text, dpi, marks, { 0: true });
    pages.set(key, p);
  }
  return p;
}

async function read(page: Page, scan: Scan = {}): Promise<PageOutcome> {
  return readPage(await scanOf(page, scan), expected);
}

function reading(out: PageOutcome): PageReading {
  if (!out.ok) throw new Error(`refused: ${out.refusal} ${JSON.stringify(out.params)}`);
  return out.reading;
}

const reads = (r: PageReading) => r.marks.map((m) => m.read);

let fetchSpy: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  // zxing-wasm fetches its .wasm from a CDN unless told otherwise: the app is offline.
  fetchSpy = vi.spyOn(globalThis, 'fetch');
});
afterAll(() => {
  expect(fetchSpy).not.toHaveBeenCalled();
  fetchSpy.mockRestore();
});

describe('readPage: geometry (issue 13 item 4)', () => {
  it('a 300 dpi scan, upright: every box read, the name written in 另选他人 line 1 seen, the transform lands on the boxes', async () => {
    const page = await paper(300);
    const r = reading(await read(page));
    expect(reads(r)).toEqual(PLAIN);
    expect(r.writeIns.map((w) => [w.mark.read, w.nameInk])).toEqual([
      ['circle', true],
      ['none', false],
      ['none', false],
    ]);
    expect(Math.abs(r.rotation)).toBeLessThan(0.5);
    expect([r.width, r.height]).toEqual([page.width, page.height]);
    // The stored image's px, from mm: the centre of box 1 is where it was drawn (300 dpi), to 0.3 mm.
    const t = r.transform;
    const c = centreOf(layout.candidates[1]!.markBox);
    const w = t[6]! * c.x + t[7]! * c.y + t[8]!;
    const k = 300 / 25.4;
    expect(Math.abs((t[0]! * c.x + t[1]! * c.y + t[2]!) / w - c.x * k)).toBeLessThan(0.3 * k);
    expect(Math.abs((t[3]! * c.x + t[4]! * c.y + t[5]!) / w - c.y * k)).toBeLessThan(0.3 * k);
  });

  it('a page fed upside down (180°, and 183°) is read right, rotation ≈ 180', async () => {
    for (const rotate of [180, 183]) {
      const r = reading(await read(await paper(200), { rotate }));
      expect(reads(r)).toEqual(PLAIN);
      expect(Math.abs(Math.abs(r.rotation) - 180)).toBeLessThan(4);
      expect(r.writeIns[0]?.nameInk).toBe(true);
    }
  });

  it('skewed by +5° and −5° at 150 dpi, JPEG quality 60: read right', async () => {
    for (const rotate of [5, -5]) {
      const r = reading(await read(await paper(150), { rotate, quality: 60 }));
      expect(reads(r)).toEqual(PLAIN);
      expect(r.rotation).toBeCloseTo(rotate, 0);
    }
  });

  it('scaled by ±5 % (a scanner that is not true to size): read right', async () => {
    for (const scale of [0.95, 1.05]) expect(reads(reading(await read(await paper(200), { scale })))).toEqual(PLAIN);
  });

  it('a document camera: perspective, desk around the page, light falling off by 30 %, blur, PNG: read right', async () => {
    const scan: Scan = {
      perspective: [0.03, -0.02, -0.03, 0.01, 0.025, 0.03, -0.03, -0.015],
      shade: 0.3,
      blur: 0.8,
      format: 'png',
    };
    const r = reading(await read(await paper(200), scan));
    expect(reads(r)).toEqual(PLAIN);
    expect(r.writeIns[0]?.nameInk).toBe(true);
  });
});

describe('readPage: refusals name what the page is', () => {
  it("another round's paper of the same contest → scan.other_round naming the round its code says", async () => {
    const other = paperCodeText({ ...code, roundId: 10 });
    expect(await read(await paper(200, {}, other))).toEqual({
      ok: false,
      refusal: 'scan.other_round',
      params: { found: 10 },
    });
  });

  it('another contest, another congress, another layout version → each refused naming what the code says', async () => {
    const contest = await read(await paper(150, {}, paperCodeText({ ...code, contestId: 5 })));
    expect(contest).toEqual({ ok: false, refusal: 'scan.other_contest', params: { found: 5 } });
    const stranger = 'aaaabbbbccccddddeeeeffff00001111';
    const congress = await read(await paper(150, {}, paperCodeText({ ...code, congressUid: stranger })));
    expect(congress).toEqual({ ok: false, refusal: 'scan.other_congress', params: { found: stranger } });
    const layoutV = await read(await paper(150, {}, paperCodeText({ ...code, layoutVersion: 2 })));
    expect(layoutV).toEqual({ ok: false, refusal: 'scan.other_layout', params: { found: 2, expected: 1 } });
  });

  it("a QR of something else in the code box (a badge's) → scan.not_ballot with its text", async () => {
    expect(await read(await paper(150, {}, 'CDBADGE/1/0042'))).toEqual({
      ok: false,
      refusal: 'scan.not_ballot',
      params: { text: 'CDBADGE/1/0042' },
    });
  });

  it('a page with the corner squares cut off (a photocopy trimmed, another form) → scan.no_corners', async () => {
    const page = await paper(150);
    const k = 150 / 25.4;
    const data = Uint8Array.from(page.data);
    for (const c of layout.corners) {
      for (let y = Math.floor((c.y - 1) * k); y < (c.y + c.h + 1) * k; y++) {
        for (let x = Math.floor((c.x - 1) * k); x < (c.x + c.w + 1) * k; x++) data[y * page.width + x] = 255;
      }
    }
    expect(await read({ ...page, data })).toEqual({ ok: false, refusal: 'scan.no_corners', params: {} });
  });

  it('the paper with no code printed → scan.no_code', async () => {
    expect(await read(await paper(150, {}, null))).toEqual({ ok: false, refusal: 'scan.no_code', params: {} });
  });

  it('an empty back side (a little scanner noise) → scan.blank_page', async () => {
    const width = 1240;
    const height = 1754;
    const data = new Uint8Array(width * height).fill(250);
    for (let i = 0; i < data.length; i += 97) data[i] = 235;
    expect(await read({ data, width, height })).toEqual({ ok: false, refusal: 'scan.blank_page', params: {} });
  });

  it('bytes that are no image (a cut-off file) → scan.unreadable_image', async () => {
    const jpeg = await scanOf(await paper(150));
    expect(await readPage(jpeg.subarray(0, 200), expected)).toEqual({
      ok: false,
      refusal: 'scan.unreadable_image',
      params: {},
    });
  });
});

describe('readPage: the boxes a person must decide', () => {
  const doubtful: Record<number, TestMark> = {
    0: { kind: 'circle', grey: 200 },
    1: { kind: 'both' },
    2: { kind: 'scribble' },
    3: { kind: 'erased' },
    4: { kind: 'tick' },
    5: { kind: 'circle', size: 1.1, dx: 1.2 },
    6: { kind: 'circle', size: 0.55, dx: 8.5 },
    7: { kind: 'dot' },
  };

  it('faint ○ → uncertain faint; ○ with × → both; scribbled → scribble; rubbed out → erased; √ → tick', async () => {
    for (const dpi of [300, 150]) {
      const r = reading(await read(await paper(dpi, doubtful)));
      const got = r.marks.map((m) => (m.read === 'uncertain' ? `?${m.why}` : m.read));
      expect(got.slice(0, 5), `${dpi} dpi`).toEqual(['?faint', '?both', '?scribble', '?erased', 'tick']);
    }
  });

  it('a ○ on the border, wider than the box but centred in it → circle (the box is plain; a person sees it on the screen anyway)', async () => {
    for (const dpi of [300, 150]) expect(reading(await read(await paper(dpi, doubtful))).marks[5]?.read).toBe('circle');
  });

  it('a ○ drawn beside the box, touching it → uncertain outside (whose box is in doubt)', async () => {
    for (const dpi of [300, 150]) {
      expect(reading(await read(await paper(dpi, doubtful))).marks[6]).toMatchObject({
        read: 'uncertain',
        why: 'outside',
      });
    }
  });

  it('a stray pen dot is never read as ○ or ×', async () => {
    const m = reading(await read(await paper(200, doubtful))).marks[7];
    expect(['none', 'uncertain']).toContain(m?.read);
  });
});
