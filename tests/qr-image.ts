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
