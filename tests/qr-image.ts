/**
 * A form's QR code as a camera or a scanner would see it, for the tests: the SVG the form prints
 * (renderer/components/print/FormCode.tsx), rasterised from its own markup, module by module,
 * into RGBA pixels (for jsqr) or into YUV frames of a Y4M file (Chromium's fake camera).
 */

export interface Image {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8ClampedArray;
}

/**
 * The pixels of the form's QR `<svg>` (its viewBox and its one path of unit squares `M x yh1v1h-1z`),
 * `scale` pixels a module, with the quiet zone of the viewBox, placed at (`left`, `top`) on a white
 * image of `width` × `height` (the SVG's own size when not given).
 */
export function rasterQr(
  svg: string,
  scale: number,
  frame?: { width: number; height: number; left: number; top: number },
): Image {
  const box = /viewBox="(-?\d+) (-?\d+) (\d+) (\d+)"/.exec(svg);
  const path = /<path d="([^"]*)"/.exec(svg);
  if (!box || !path) throw new Error('not a form QR code');
  const [x0, y0, w] = [Number(box[1]), Number(box[2]), Number(box[3])];
  const width = frame?.width ?? w * scale;
  const height = frame?.height ?? w * scale;
  const left = frame?.left ?? 0;
  const top = frame?.top ?? 0;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const m of path[1]!.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const px = left + (Number(m[1]) - x0) * scale;
    const py = top + (Number(m[2]) - y0) * scale;
    for (let y = py; y < py + scale; y++) {
      for (let x = px; x < px + scale; x++) {
        const i = (y * width + x) * 4;
        data[i] = data[i + 1] = data[i + 2] = 0;
      }
    }
  }
  return { width, height, data };
}

/**
 * A Y4M video (what `--use-file-for-fake-video-capture` plays in a loop) of `frames` copies of
 * `image`, 4:2:0: the header, then per frame `FRAME\n`, the luma plane and two grey chroma planes.
 */
export function y4m(image: Image, frames = 10, fps = 10): Buffer {
  const { width, height, data } = image;
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  const luma = Buffer.alloc(width * height);
  for (let i = 0; i < width * height; i++) luma[i] = data[i * 4]!;
  const chroma = Buffer.alloc(2 * Math.ceil(width / 2) * Math.ceil(height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}

/** A binary greyscale PGM (`pdftoppm -gray` of a printed form) as RGBA. */
export function fromPgm(file: Buffer): Image {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(file.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const grey = file.subarray(header[0].length);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = data[i * 4 + 1] = data[i * 4 + 2] = grey[i]!;
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}

/** `image` as a 24-bit BMP file: a picture file any browser opens, written without a library. */
export function bmp(image: Image): Buffer {
  const { width, height, data } = image;
  const row = Math.ceil((width * 3) / 4) * 4;
  const file = Buffer.alloc(54 + row * height);
  file.write('BM', 0, 'latin1');
  file.writeUInt32LE(file.length, 2);
  file.writeUInt32LE(54, 10);
  file.writeUInt32LE(40, 14);
  file.writeInt32LE(width, 18);
  // Negative: the rows top to bottom.
  file.writeInt32LE(-height, 22);
  file.writeUInt16LE(1, 26);
  file.writeUInt16LE(24, 28);
  file.writeUInt32LE(row * height, 34);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const o = 54 + y * row + x * 3;
      file[o] = data[i + 2]!;
      file[o + 1] = data[i + 1]!;
      file[o + 2] = data[i]!;
    }
  }
  return file;
}
