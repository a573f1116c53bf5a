import { memo } from 'react';
import type { PaperMark } from '../../../core/election-types.js';
import type { PaperLayout } from '../../../core/paper/layout.js';
import type { BoxRead, PageReading } from '../../../core/paper/reading.js';
import type { Translate } from '../../app/language.js';
import { boxCorners, polygonPoints, READ_COLOUR } from './overlay.js';
import styles from './ScanScreen.module.css';
import type { PageImage as Image } from './use-scan.js';

const MARK_READ: Record<PaperMark, BoxRead['read']> = { circle: 'circle', cross: 'cross', none: 'none' };

/**
 * The page as scanned with the reading drawn over it: each mark box of the round's layout
 * through the reading's transform, coloured by what it now says (the reader's reading, or the
 * person's decision), the box under the cursor outlined thick, and the 另选他人 name fields.
 */
export const PageImage = memo(function PageImage(props: {
  image: Image;
  reading: PageReading;
  layout: PaperLayout;
  /** What each candidate's box now says (null: undecided). */
  marks: (PaperMark | null)[];
  /** Per write-in line of the layout, what its box now says (undefined: no ink, as read). */
  lineMarks: (PaperMark | null | undefined)[];
  cursorBox: { kind: 'mark'; index: number } | { kind: 'line'; index: number } | null;
  t: Translate;
}) {
  const { image, reading, layout, marks, lineMarks, cursorBox, t } = props;
  const tf = reading.transform;
  const s = image.scale;
  const colourOf = (read: BoxRead, now: PaperMark | null | undefined) =>
    READ_COLOUR[now === undefined ? read.read : now === null ? 'uncertain' : MARK_READ[now]];
  return (
    <div className={styles.pageImage} data-testid="scan-page-image">
      <img
        src={`data:image/jpeg;base64,${image.base64}`}
        width={image.width}
        height={image.height}
        alt={t('scan.title')}
        className={styles.pageImg}
      />
      <svg
        className={styles.pageOverlay}
        viewBox={`0 0 ${image.width} ${image.height}`}
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {layout.candidates.map((c) => {
          const read = reading.marks[c.index];
          if (!read) return null;
          const on = cursorBox?.kind === 'mark' && cursorBox.index === c.index;
          return (
            <polygon
              key={`m${c.index}`}
              data-testid="scan-overlay-box"
              data-index={c.index}
              data-read={read.read}
              data-now={marks[c.index] ?? 'undecided'}
              points={polygonPoints(boxCorners(tf, s, c.markBox))}
              fill={colourOf(read, marks[c.index])}
              fillOpacity={0.18}
              stroke={colourOf(read, marks[c.index])}
              strokeWidth={on ? 5 : 2.5}
            />
          );
        })}
        {layout.writeIns.map((w) => {
          const read = reading.writeIns[w.index];
          if (!read) return null;
          const now = lineMarks[w.index];
          const on = cursorBox?.kind === 'line' && cursorBox.index === w.index;
          const colour = now === undefined && !read.nameInk ? READ_COLOUR.none : colourOf(read.mark, now);
          return (
            <g key={`w${w.index}`}>
              <polygon
                points={polygonPoints(boxCorners(tf, s, w.markBox))}
                fill={colour}
                fillOpacity={0.18}
                stroke={colour}
                strokeWidth={on ? 5 : 2.5}
              />
              <polygon
                points={polygonPoints(boxCorners(tf, s, w.nameBox))}
                fill="none"
                stroke={read.nameInk ? READ_COLOUR.uncertain : READ_COLOUR.none}
                strokeDasharray="6 4"
                strokeWidth={on ? 4 : 2}
              />
            </g>
          );
        })}
      </svg>
    </div>
  );
});
