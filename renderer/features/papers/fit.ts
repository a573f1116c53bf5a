/**
 * Font sizes that keep a text whole inside its box on the ballot paper, computed from the text
 * alone (no measuring in the page): the same paper prints the same on every machine, and a long
 * name such as 阿依古丽·买买提 shrinks rather than breaks or spills into the next cell.
 */

/** Width of a character in em: CJK and full-width forms 1, everything else (Latin, digits) about 0.6. */
function charEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  // The name separator · is drawn full width by the CJK paper fonts: counted as such.
  if (c === 0xb7 || c === 0x30fb || c >= 0x2e80) return 1;
  return 0.6;
}

export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em;
}

/** The largest size (mm) ≤ `max` at which `text` fits on one line of `width` mm, but never below `min`. */
export function oneLineSize(text: string, width: number, max: number, min: number): number {
  const em = textEm(text);
  if (em === 0) return max;
  return Math.max(min, Math.min(max, width / em));
}

/**
 * A name on one line of `width` mm: at `max` when it fits, smaller down to `min`, and below that
 * at `min` drawn narrower (`scaleX` < 1) — a long name keeps a legible height and stays whole.
 */
export function nameFit(text: string, width: number, max: number, min: number): { size: number; scaleX: number } {
  const em = textEm(text);
  if (em === 0) return { size: max, scaleX: 1 };
  const size = Math.min(max, width / em);
  if (size >= min) return { size, scaleX: 1 };
  return { size: min, scaleX: width / (em * min) };
}

/**
 * The largest size (mm, in steps of 0.1) ≤ `max` at which `text` wraps into a `width` × `height`
 * box at `lineHeight`, counted conservatively (each line may lose one character's width to a
 * break that cannot fall mid-word).
 */
export function blockSize(text: string, width: number, height: number, max: number, lineHeight: number): number {
  const em = textEm(text);
  for (let size = max; size > 1.5; size = Math.round((size - 0.1) * 10) / 10) {
    const perLine = Math.floor(width / size) - 1;
    if (perLine <= 0) continue;
    const lines = Math.ceil(em / perLine);
    if (lines * size * lineHeight <= height) return size;
  }
  return 1.5;
}
