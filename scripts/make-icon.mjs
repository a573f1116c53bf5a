#!/usr/bin/env node
/**
 * Writes build/icon.png, a 512×512 placeholder icon (a white ballot card with a red
 * tick on a red rounded square), with nothing but node:zlib. Replace build/icon.png with real artwork when
 * there is one; electron-builder derives the Windows .ico and macOS .icns from it.
 *
 *   node scripts/make-icon.mjs [out.png]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'build', 'icon.png'));
const size = 512;
const samples = 4; // anti-aliasing: 4×4 samples per pixel

const red = [200, 16, 46];
const white = [255, 255, 255];

// The ballot card and the tick on it.
const card = { x0: 120, y0: 104, x1: 392, y1: 408, radius: 24 };
const tick = [
  [176, 262],
  [236, 322],
  [344, 190],
];
const tickWidth = 34;

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const onTick = (x, y) =>
  distanceToSegment(x, y, tick[0], tick[1]) <= tickWidth / 2 ||
  distanceToSegment(x, y, tick[1], tick[2]) <= tickWidth / 2;

function inRoundedRect(x, y, { x0, y0, x1, y1, radius }) {
  const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
  const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

const inRoundedSquare = (x, y) => inRoundedRect(x, y, { x0: 16, y0: 16, x1: size - 16, y1: size - 16, radius: 96 });

const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  const row = y * (size * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < size; x++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const px = x + (sx + 0.5) / samples;
        const py = y + (sy + 0.5) / samples;
        if (!inRoundedSquare(px, py)) continue;
        const color = inRoundedRect(px, py, card) && !onTick(px, py) ? white : red;
        r += color[0];
        g += color[1];
        b += color[2];
        a += 1;
      }
    }
    const n = samples * samples;
    const o = row + 1 + x * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((255 * a) / n);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(out, png);
console.log(`Wrote ${path.relative(root, out)} (${size}×${size}, ${png.length} bytes)`);
