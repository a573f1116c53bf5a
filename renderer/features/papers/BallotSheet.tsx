import { type CSSProperties, memo, useMemo } from 'react';
import { paperCodeText } from '../../../core/paper/code.js';
import { type InstructionSentence, paperInstructions } from '../../../core/paper/instructions.js';
import { type Box, type PaperInput, type PaperLayout, writeInLineCount } from '../../../core/paper/layout.js';
import type { Translate } from '../../app/language.js';
import { QUIET_ZONE, qrPath } from '../../components/print/qr-path.js';
import styles from './BallotSheet.module.css';
import { blockSize, nameFit, oneLineSize } from './fit.js';

/** The mark box's border: clear to the voter, and what the reader's box finding sees. */
const BORDER_MM = 0.5;
const INSTRUCTION_LINE_HEIGHT = 1.45;

const at = (b: Box, fontMm?: number): CSSProperties => ({
  left: `${b.x}mm`,
  top: `${b.y}mm`,
  width: `${b.w}mm`,
  height: `${b.h}mm`,
  ...(fontMm === undefined ? {} : { fontSize: `${fontMm}mm` }),
});

/** A filled square (corner, orientation): drawn, so it prints black without background printing. */
const Filled = ({ b }: { b: Box }) => <rect x={b.x} y={b.y} width={b.w} height={b.h} fill="#000" />;

/** A mark box: its border's outer edge is the layout's box. */
const MarkBox = ({ b }: { b: Box }) => (
  <rect
    x={b.x + BORDER_MM / 2}
    y={b.y + BORDER_MM / 2}
    width={b.w - BORDER_MM}
    height={b.h - BORDER_MM}
    fill="none"
    stroke="#000"
    strokeWidth={BORDER_MM}
  />
);

/** The sentences as the paper prints them: clauses joined by the language's comma, each sentence ended. */
export function instructionText(t: Translate, sentences: readonly InstructionSentence[]): string {
  return sentences
    .map((s) => {
      const text = s.map((c) => t(c.key, c.params)).join(t('papers.instr.comma'));
      return text.charAt(0).toUpperCase() + text.slice(1) + t('papers.instr.stop');
    })
    .join('')
    .trim();
}

/**
 * One ballot paper of a round, every position from `ballotLayout`: the corner and orientation
 * squares, the QR code (`paperCodeText`: the same on every paper of the round, no serial and no
 * page number, so no paper can be traced to a voter), the titles, the instructions from the
 * marking convention, the candidates in paper order, the 另选他人 cells.
 */
export const BallotSheet = memo(function BallotSheet(props: {
  input: PaperInput;
  layout: PaperLayout;
  subtitle: string;
  contestTitle: string;
  t: Translate;
}) {
  const { input, layout, t } = props;
  const code = paperCodeText(input);
  const qr = useMemo(() => qrPath(code), [code]);
  const instructions = instructionText(
    t,
    paperInstructions({
      convention: input.convention,
      roundKind: input.roundKind,
      seats: input.seats,
      writeInLines: writeInLineCount(input),
    }),
  );
  const qrBox = qr.size + 2 * QUIET_ZONE;
  const { title, subtitle } = layout;
  return (
    <section
      className={`${styles.sheet} ${layout.size === 'A3' ? styles.a3 : styles.a4}`}
      style={{ width: `${layout.width}mm`, height: `${layout.height}mm` }}
      data-testid="ballot-paper"
      data-size={layout.size}
      data-contest={input.contestId}
      data-round={input.roundId}
    >
      <svg
        className={styles.drawing}
        width={`${layout.width}mm`}
        height={`${layout.height}mm`}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        shapeRendering="crispEdges"
        aria-hidden="true"
      >
        {layout.corners.map((b) => (
          <Filled key={`${b.x},${b.y}`} b={b} />
        ))}
        <Filled b={layout.orientation} />
        {/* The quiet zone lies inside the code's box: the box is exactly what the reader crops. */}
        <svg
          x={layout.code.x}
          y={layout.code.y}
          width={layout.code.w}
          height={layout.code.h}
          viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${qrBox} ${qrBox}`}
          data-testid="ballot-code"
          data-code={code}
          role="img"
          aria-label={t('papers.code')}
        >
          <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={qrBox} height={qrBox} fill="#fff" />
          <path d={qr.d} fill="#000" />
        </svg>
        {layout.candidates.map((c) => (
          <MarkBox key={`m${c.index}`} b={c.markBox} />
        ))}
        {layout.writeIns.map((w) => (
          <g key={`w${w.index}`}>
            <MarkBox b={w.markBox} />
            {/* The empty name field: a line to write on, low in the box, clear of the mark box above. */}
            <line
              x1={w.nameBox.x + 1.5}
              x2={w.nameBox.x + w.nameBox.w - 1.5}
              y1={w.nameBox.y + w.nameBox.h - 2.5}
              y2={w.nameBox.y + w.nameBox.h - 2.5}
              stroke="#000"
              strokeWidth={0.3}
            />
          </g>
        ))}
      </svg>
      <div className={`${styles.text} ${styles.title}`} style={at(title)} data-testid="ballot-title">
        <span
          className={styles.congress}
          style={{ fontSize: `${oneLineSize(input.congressTitle, title.w, 3.6, 2.2)}mm` }}
        >
          {input.congressTitle}
        </span>
        <span
          className={styles.contest}
          style={{ fontSize: `${oneLineSize(props.contestTitle, title.w / 1.05, 5.6, 2.6)}mm` }}
        >
          {props.contestTitle}
        </span>
      </div>
      <div className={styles.text} style={at(subtitle, 3.4)} data-testid="ballot-round">
        {props.subtitle}
      </div>
      <div
        className={`${styles.text} ${styles.instructions}`}
        style={at(
          layout.instructions,
          blockSize(instructions, layout.instructions.w, layout.instructions.h, 3.3, INSTRUCTION_LINE_HEIGHT),
        )}
        data-testid="ballot-instructions"
      >
        {instructions}
      </div>
      {layout.writeInHeading && (
        <div className={`${styles.text} ${styles.heading}`} style={at(layout.writeInHeading, 3.6)}>
          {t('papers.writeInHeading')}
        </div>
      )}
      {layout.candidates.map((c) => {
        const fit = nameFit(c.name, c.nameBox.w - 1.5, 4.2, 3.6);
        return (
          <div
            key={c.index}
            className={`${styles.text} ${styles.centred} ${styles.name}`}
            style={at(c.nameBox, fit.size)}
            data-testid="ballot-name"
          >
            <span style={fit.scaleX < 1 ? { transform: `scaleX(${fit.scaleX.toFixed(3)})` } : undefined}>{c.name}</span>
          </div>
        );
      })}
    </section>
  );
});
