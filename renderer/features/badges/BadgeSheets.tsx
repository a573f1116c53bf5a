import { type CSSProperties, memo, useMemo } from 'react';
import type { DelegateCategory } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import styles from './BadgeSheets.module.css';
import { code128Image, qrImage } from './codes.js';
import {
  BADGE,
  BADGE_PARTS,
  type BadgeBox,
  type BadgeDelegate,
  badgeBox,
  badgeCodeText,
  badgeSheets,
  CUT_MARK,
  fitSize,
  nameSize,
} from './sheet.js';

/** Inside a badge, the width the lines of text may take (mm): the badge less 3 mm each side. */
const TEXT_WIDTH = BADGE.width - 6;

const CATEGORY_BAND: Record<DelegateCategory, string> = {
  voting: styles.voting!,
  alternate: styles.alternate!,
  nonvoting: styles.nonvoting!,
};

const mm = (n: number): string => `${n}mm`;
const place = (b: { x: number; y: number; width: number; height: number }): CSSProperties => ({
  left: mm(b.x),
  top: mm(b.y),
  width: mm(b.width),
  height: mm(b.height),
});

/**
 * The 代表证 sheets: A4 pages of 2 × 4 badges, each with cutting marks at its four corners.
 * `data-badge` on each badge says whose it is, for the tests and for a reader of the DOM.
 */
export function BadgeSheets(props: { delegates: readonly BadgeDelegate[]; congress: string; t: Translate }) {
  const sheets = useMemo(() => badgeSheets(props.delegates), [props.delegates]);
  return (
    <div className={styles.sheets} data-testid="badge-sheets" data-sheets={sheets.length}>
      {sheets.map((sheet, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a sheet is its place in the print
        <section key={i} className={styles.sheet} data-testid="badge-sheet">
          {sheet.map((d, slot) => (
            <Badge key={d.id} delegate={d} box={badgeBox(slot)} congress={props.congress} t={props.t} />
          ))}
          {sheet.map((d, slot) => (
            <CutMarks key={d.id} box={badgeBox(slot)} />
          ))}
        </section>
      ))}
    </div>
  );
}

const Badge = memo(function Badge(props: { delegate: BadgeDelegate; box: BadgeBox; congress: string; t: Translate }) {
  const { delegate: d, t } = props;
  const text = badgeCodeText(d.badge);
  const bars = useMemo(() => code128Image(text), [text]);
  const qr = useMemo(() => qrImage(text), [text]);
  const box = BADGE_PARTS.barcode;
  // Ten modules of quiet zone each side inside the box; a module no wider than 0.5 mm.
  const module = bars ? Math.min(0.5, box.width / (bars.modules + 20)) : 0;
  const category = t(`category.${d.category}`);
  return (
    <article
      className={styles.badge}
      style={place(props.box)}
      data-testid="badge"
      data-badge={d.badge}
      data-category={d.category}
    >
      <div className={`${styles.band} ${CATEGORY_BAND[d.category]}`} data-testid="badge-category">
        {category}
      </div>
      <div
        className={styles.congress}
        style={{ fontSize: mm(fitSize(props.congress, TEXT_WIDTH, { max: 3.6, min: 2 })) }}
      >
        {props.congress}
      </div>
      <div className={styles.kind}>{t('badges.badge')}</div>
      <div className={styles.name} style={{ fontSize: mm(nameSize(d.name, TEXT_WIDTH)) }} data-testid="badge-name">
        <bdi>{d.name}</bdi>
      </div>
      <div
        className={styles.delegation}
        style={{ fontSize: mm(fitSize(d.delegation ?? '', TEXT_WIDTH, { max: 4.2, min: 2.4 })) }}
      >
        {d.delegation ?? t('badges.noDelegation')}
      </div>
      <div className={styles.barcode} style={place(box)}>
        {bars ? (
          <img
            src={bars.src}
            alt={text}
            style={{ width: mm(module * bars.modules), height: '100%' }}
            data-testid="badge-code128"
          />
        ) : (
          <span className={styles.noBars}>{t('badges.noCode128')}</span>
        )}
      </div>
      <div className={styles.number} style={{ left: mm(box.x), width: mm(box.width) }} data-testid="badge-number">
        {t('badges.number', { badge: text })}
      </div>
      <img className={styles.qr} src={qr.src} alt={text} style={place(BADGE_PARTS.qr)} data-testid="badge-qr" />
    </article>
  );
});

/**
 * The cutting marks of one badge: at each corner a short line on the line of each edge, from
 * CUT_MARK.offset to offset + length mm outside the badge, so the cut follows them and none shows on the badge.
 */
function CutMarks(props: { box: BadgeBox }) {
  const { x, y, width, height } = props.box;
  const { offset, length } = CUT_MARK;
  const marks: CSSProperties[] = [];
  for (const cy of [y, y + height]) {
    marks.push({ left: mm(x - offset - length), top: mm(cy), width: mm(length) });
    marks.push({ left: mm(x + width + offset), top: mm(cy), width: mm(length) });
  }
  for (const cx of [x, x + width]) {
    marks.push({ left: mm(cx), top: mm(y - offset - length), height: mm(length) });
    marks.push({ left: mm(cx), top: mm(y + height + offset), height: mm(length) });
  }
  return (
    <>
      {marks.map((style, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: the eight marks are fixed and in order
          key={i}
          className={style.width ? styles.cutH : styles.cutV}
          style={style}
          data-testid="cut-mark"
        />
      ))}
    </>
  );
}
