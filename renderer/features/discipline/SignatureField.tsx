import { ClearOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { type Ref, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import type { Translate } from '../../app/language.js';
import styles from './SignatureField.module.css';

export interface SignatureFieldHandle {
  isEmpty(): boolean;
  clear(): void;
  /** The signature as PNG, base64 without the `data:` prefix, cropped to the ink; null when blank. */
  toPngBase64(): string | null;
}

const PNG_PREFIX = /^data:image\/png;base64,/;
/** Blank margin kept around the ink when the image is cropped, in canvas pixels. */
const CROP_MARGIN = 12;

/**
 * A signature drawn with a mouse, a pen or a finger (signature_pad). The canvas follows its
 * box and the screen's pixel density: resizing keeps the strokes drawn so far.
 */
export function SignatureField(props: {
  ref?: Ref<SignatureFieldHandle>;
  t: Translate;
  disabled?: boolean;
  onChange?(empty: boolean): void;
}) {
  const { t } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onChangeRef = useRef(props.onChange);
  onChangeRef.current = props.onChange;
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: '#111', minWidth: 0.9, maxWidth: 2.8, throttle: 8 });
    padRef.current = pad;
    const changed = () => {
      const isEmpty = pad.isEmpty();
      setEmpty(isEmpty);
      onChangeRef.current?.(isEmpty);
    };
    pad.addEventListener('endStroke', changed);

    const resize = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const width = Math.round(canvas.offsetWidth * ratio);
      const height = Math.round(canvas.offsetHeight * ratio);
      if (width === 0 || height === 0 || (canvas.width === width && canvas.height === height)) return;
      // Changing the size wipes the bitmap: redraw the strokes (kept in CSS pixels) at the new density.
      const strokes = pad.toData();
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      if (strokes.length > 0) pad.fromData(strokes);
    };
    resize();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(canvas);
    // The pixel density changes with the browser's zoom or on another screen.
    window.addEventListener('resize', resize);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', resize);
      pad.removeEventListener('endStroke', changed);
      pad.off();
      padRef.current = null;
    };
  }, []);

  useEffect(() => {
    const pad = padRef.current;
    if (!pad) return;
    if (props.disabled) pad.off();
    else pad.on();
  }, [props.disabled]);

  const clear = useCallback(() => {
    padRef.current?.clear();
    setEmpty(true);
    onChangeRef.current?.(true);
  }, []);

  useImperativeHandle(
    props.ref,
    () => ({
      isEmpty: () => padRef.current?.isEmpty() ?? true,
      clear,
      toPngBase64: () => {
        const pad = padRef.current;
        const canvas = canvasRef.current;
        if (!pad || !canvas || pad.isEmpty()) return null;
        return cropped(canvas) ?? pad.toDataURL('image/png').replace(PNG_PREFIX, '');
      },
    }),
    [clear],
  );

  return (
    <div className={props.disabled ? `${styles.field} ${styles.disabled}` : styles.field} data-testid="signature-field">
      <canvas
        ref={canvasRef}
        className={styles.canvas}
        data-testid="signature-canvas"
        data-empty={empty}
        aria-label={t('signature.area')}
      />
      <div className={styles.baseline} aria-hidden />
      {empty && (
        <div className={styles.placeholder} aria-hidden>
          {t('signature.placeholder')}
        </div>
      )}
      <Button
        className={styles.clear}
        size="small"
        icon={<ClearOutlined />}
        disabled={empty || props.disabled}
        onClick={clear}
        data-testid="signature-clear"
      >
        {t('signature.clear')}
      </Button>
    </div>
  );
}

/** The ink with a small margin, as PNG base64: a signature prints at a useful size on the roster. */
function cropped(canvas: HTMLCanvasElement): string | null {
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const { width, height } = canvas;
  const pixels = ctx.getImageData(0, 0, width, height).data;
  let top = height;
  let left = width;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    for (let x = 0; x < width; x++) {
      if (pixels[row + x * 4 + 3]! > 0) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        bottom = y;
      }
    }
  }
  if (right < 0) return null;
  left = Math.max(0, left - CROP_MARGIN);
  top = Math.max(0, top - CROP_MARGIN);
  right = Math.min(width - 1, right + CROP_MARGIN);
  bottom = Math.min(height - 1, bottom + CROP_MARGIN);
  const out = document.createElement('canvas');
  out.width = right - left + 1;
  out.height = bottom - top + 1;
  out.getContext('2d')?.drawImage(canvas, left, top, out.width, out.height, 0, 0, out.width, out.height);
  return out.toDataURL('image/png').replace(PNG_PREFIX, '');
}
