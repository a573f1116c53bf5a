import { useMemo } from 'react';
import { type FormCode, formCodeText } from '../../../core/form-code.js';
import styles from './Paper.module.css';
import { QUIET_ZONE, qrPath } from './qr-path.js';

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
