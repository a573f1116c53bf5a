import { Alert, Button, Input, Space } from 'antd';
import { useEffect, useRef } from 'react';
import type { MarkingConvention, PaperMark, WriteInContext } from '../../../core/election-types.js';
import type { PaperLayout } from '../../../core/paper/layout.js';
import type { PageReading } from '../../../core/paper/reading.js';
import type { Translate } from '../../app/language.js';
import { MARK_SYMBOL } from '../contests/labels.js';
import { sheetVerdict } from '../count/preview.js';
import { rowLabel } from '../count/sheet-keys.js';
import type { Candidate } from '../count/types.js';
import { ValidityLine } from '../count/ValidityLine.js';
import { type ConfirmDraft, checkDraft } from './confirm.js';
import { NameCrop } from './NameCrop.js';
import { READ_COLOUR } from './overlay.js';
import styles from './ScanScreen.module.css';
import type { PageImage } from './use-scan.js';

const MARKS: PaperMark[] = ['circle', 'cross', 'none'];

/**
 * Beside the page: each candidate with what was read in their box (and why a box is doubtful),
 * what it now says, the 另选他人 lines with ink (the crop and a name field), the paper's validity
 * as it stands, and the two ways on: confirm (Enter) or to the scrutineers (S).
 */
export function ConfirmSide(props: {
  draft: ConfirmDraft;
  reading: PageReading;
  layout: PaperLayout;
  image: PageImage | null;
  candidates: Candidate[];
  seats: number;
  convention: MarkingConvention;
  context: WriteInContext;
  left: { undecided: number[]; unnamed: number[] } | null;
  confirming: boolean;
  t: Translate;
  onCursor(row: number): void;
  onMark(row: number, mark: PaperMark): void;
  onName(line: number, name: string): void;
  onCommit(setAside: boolean): void;
}) {
  const { draft, reading, layout, image, candidates, seats, convention, context, left, confirming, t } = props;
  const n = draft.marks.length;
  const active = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the cursor
  useEffect(() => {
    // A block, not an arrow's value: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup.
    active.current?.scrollIntoView({ block: 'nearest' });
  }, [draft.cursor]);
  const check = checkDraft(draft);
  const undecided = draft.marks.flatMap((m, i) => (m === null ? [i] : []));
  const lineNo = (row: number) => (draft.lines[row - n]?.index ?? row - n) + 1;
  const nameOf = (row: number) =>
    row < n ? (candidates[row]?.name ?? '') : t('scan.writeIn.line', { n: lineNo(row) });
  const verdict = check.ok
    ? sheetVerdict(true, { marks: check.marks, writeIns: check.writeIns }, seats, convention, context)
    : null;

  const markButtons = (row: number, now: PaperMark | null) =>
    MARKS.map((m) => (
      <button
        type="button"
        tabIndex={-1}
        key={m}
        data-testid="scan-mark"
        data-mark={m}
        className={`${styles.markButton}${now === m ? ` ${styles.markButtonOn}` : ''}`}
        onClick={() => props.onMark(row, m)}
      >
        {MARK_SYMBOL[m] || t('count.mark.none')}
      </button>
    ));

  return (
    <div className={styles.side} data-testid="scan-confirm" data-page={draft.pageId} data-cursor={draft.cursor}>
      <Space>
        <Button type="primary" data-testid="scan-confirm-enter" onClick={() => props.onCommit(false)}>
          {t('scan.confirm.enter')}
        </Button>
        <Button data-testid="scan-confirm-set-aside" onClick={() => props.onCommit(true)}>
          {t('scan.confirm.setAside')}
        </Button>
      </Space>
      {undecided.length > 0 ? (
        <div className={styles.undecided} data-testid="scan-undecided" data-n={undecided.length}>
          {t('scan.confirm.undecided', { n: undecided.length, rows: undecided.map(nameOf).join('、') })}
        </div>
      ) : verdict ? (
        <ValidityLine verdict={verdict} seats={seats} confirming={confirming} t={t} />
      ) : null}
      {left && (left.undecided.length > 0 || left.unnamed.length > 0) && (
        <Alert
          type="warning"
          showIcon
          data-testid="scan-left"
          title={t('scan.confirm.left', {
            what: [
              ...left.undecided.map((r) =>
                r < n ? t('scan.confirm.leftBox', { name: nameOf(r) }) : t('scan.confirm.leftLine', { n: lineNo(r) }),
              ),
              ...left.unnamed.map((r) => t('scan.confirm.unnamed', { n: lineNo(r) })),
            ].join(';'),
          })}
        />
      )}
      <div className={styles.rows}>
        {candidates.map((c, i) => {
          const read = reading.marks[i];
          const now = draft.marks[i] ?? null;
          const doubt = read && (read.read === 'uncertain' || read.read === 'tick');
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the screen's (↑/↓, digits)
            // biome-ignore lint/a11y/noStaticElementInteractions: a row of the paper
            <div
              key={c.id}
              ref={draft.cursor === i ? active : undefined}
              className={`${styles.row}${draft.cursor === i ? ` ${styles.rowOn}` : ''}`}
              data-testid="scan-row"
              data-index={i}
              data-read={read?.read ?? ''}
              data-mark={now ?? 'undecided'}
              onClick={() => props.onCursor(i)}
            >
              <span className={styles.rowNo}>{rowLabel(i, n)}</span>
              <span className={styles.rowName}>{c.name}</span>
              <span
                className={styles.rowRead}
                style={{ color: READ_COLOUR[read?.read ?? 'none'] }}
                title={read?.why ? t(`scan.why.${read.why}`) : undefined}
              >
                {read ? t(`scan.read.${read.read}`) : ''}
                {doubt && read?.why ? ` · ${t(`scan.why.${read.why}`)}` : ''}
              </span>
              <span className={styles.rowMarks}>{markButtons(i, now)}</span>
            </div>
          );
        })}
        {draft.lines.map((line, j) => {
          const row = n + j;
          const cell = layout.writeIns[line.index];
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the screen's (↑/↓, Delete)
            // biome-ignore lint/a11y/noStaticElementInteractions: a line of the paper
            <div
              key={line.index}
              ref={draft.cursor === row ? active : undefined}
              className={`${styles.line}${draft.cursor === row ? ` ${styles.rowOn}` : ''}`}
              data-testid="scan-line"
              data-index={line.index}
              data-mark={line.mark ?? 'undecided'}
              data-cleared={line.cleared}
              onClick={() => props.onCursor(row)}
            >
              <div className={styles.lineHead} data-testid="scan-line-head">
                <span className={styles.rowName}>{t('scan.writeIn.line', { n: line.index + 1 })}</span>
                <span className={styles.rowMarks}>{markButtons(row, line.mark)}</span>
              </div>
              {image && cell && (
                <NameCrop image={image} transform={reading.transform} box={cell.nameBox} testId="scan-line-crop" />
              )}
              {line.cleared ? (
                <span className={styles.lineCleared}>{t('scan.writeIn.cleared')}</span>
              ) : (
                <Input
                  size="small"
                  value={line.name}
                  placeholder={t('scan.writeIn.name')}
                  data-testid="scan-line-name"
                  onChange={(e) => props.onName(j, e.target.value)}
                  onPressEnter={(e) => {
                    (e.target as HTMLElement).blur();
                    props.onCommit(false);
                  }}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
