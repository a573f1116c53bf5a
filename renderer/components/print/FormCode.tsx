import { create } from 'qrcode';
import { useMemo } from 'react';
import { type FormCode, formCodeText } from '../../../core/form-code.js';
import styles from './Paper.module.css';

/** The light margin a reader needs around the code, in modules (ISO/IEC 18004: four). */
export const QUIET_ZONE = 4;

/**
 * The dark modules of `text`'s QR code as one SVG path, a unit square each, drawn synchronously
 * (the print window prints what is rendered; no canvas, no data URL, nothing fetched). Level M
 * keeps a slightly smudged or folded form readable.
 */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
    }
  }
  return { size: modules.size, d: parts.join('') };
}

/**
 * The form's QR code (core/form-code.ts): the full result hash, the audit head and the key's
 * fingerprint, for the verify screen's scanner to read back from the paper.
 */
export function FormCodeImage(props: { code: FormCode; label: string }) {
  const text = formCodeText(props.code);
  const { size, d } = useMemo(() => qrPath(text), [text]);
  const box = size + 2 * QUIET_ZONE;
  return (
    <svg
      className={styles.code}
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${box} ${box}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={props.label}
      data-testid="paper-code"
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={box} height={box} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
