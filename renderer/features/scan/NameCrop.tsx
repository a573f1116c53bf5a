import { useEffect, useRef } from 'react';
import type { Box } from '../../../core/paper/layout.js';
import { cropTransform } from './overlay.js';
import type { PageImage } from './use-scan.js';

/** Canvas pixels per mm of the crop: a name field of 21 mm is 210 px wide. */
const CROP_PX_PER_MM = 10;

/**
 * The 另选他人 name field as the voter wrote it, cut out of the page image through the reading's
 * transform and turned upright: the person types the name looking at this (the app never reads
 * handwriting).
 */
export function NameCrop(props: { image: PageImage; transform: number[]; box: Box; testId: string }) {
  const { image, transform, box } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const img = new Image();
    let live = true;
    img.onload = () => {
      if (!live) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, el.width, el.height);
      ctx.setTransform(...cropTransform(transform, image.scale, box, CROP_PX_PER_MM));
      ctx.drawImage(img, 0, 0);
      el.dataset.drawn = 'true';
    };
    img.src = `data:image/jpeg;base64,${image.base64}`;
    return () => {
      live = false;
    };
  }, [image, transform, box]);
  return (
    <canvas
      ref={canvas}
      width={Math.round(box.w * CROP_PX_PER_MM)}
      height={Math.round(box.h * CROP_PX_PER_MM)}
      data-testid={props.testId}
      style={{ border: '1px solid #d9d9d9', background: '#fff', alignSelf: 'flex-start', maxWidth: '100%' }}
    />
  );
}
