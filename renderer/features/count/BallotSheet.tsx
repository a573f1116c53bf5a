import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { MarkingConvention, PaperMark } from '../../../core/election-types.js';
import type { Translate } from '../../app/language.js';
import { MARK_SYMBOL } from '../contests/labels.js';
import styles from './BallotSheet.module.css';
import type { SheetVerdict } from './preview.js';
import type { DraftWriteIn } from './sheet.js';
import { rowLabel } from './sheet-keys.js';
import type { Candidate } from './types.js';

const MARKS: PaperMark[] = ['circle', 'cross', 'none'];

/** The row's look by its mark: ○ green, × red, none plain. */
const ROW_MARK: Record<PaperMark, string> = {
  circle: styles.sheetRowCircle ?? '',
  cross: styles.sheetRowCross ?? '',
  none: '',
};

/**
 * The paper on screen: one row per candidate in paper order, then the write-in lines. The
 * cursor row is highlighted; its marks are set by keys (handled by the screen) or clicks.
 */
export function BallotSheet(props: {
  candidates: Candidate[];
  marks: PaperMark[];
  writeIns: DraftWriteIn[];
  cursor: number;
  convention: MarkingConvention;
  /** Idle until keyed: the sheet is neutral (no green ○, no red ×) before the first key. */
  verdict: SheetVerdict;
  /** The first digit of a two-digit row number, waiting for the second. */
  rowPending: string;
  suggestions(query: string): string[];
  t: Translate;
  onMark(row: number, mark: PaperMark): void;
  onCursor(row: number): void;
  onWriteInName(index: number, name: string): void;
  /** The name is done: `enter` true when Enter (commit the paper), false for Tab. */
  onWriteInDone(index: number, enter: boolean): void;
  onWriteInRemove(index: number): void;
}) {
  const { candidates, marks, writeIns, cursor, convention, verdict, rowPending, t } = props;
  const lines = verdict.kind === 'judged' ? verdict.judgement.lines : [];
  const active = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the cursor
  useEffect(() => {
    active.current?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  const markCells = (row: number, mark: PaperMark) =>
    MARKS.map((m) => (
      <button
        type="button"
        tabIndex={-1}
        key={m}
        className={`${styles.sheetMark}${mark === m ? ` ${styles.sheetMarkOn}` : ''}`}
        title={t(`count.meaning.${convention[m]}`)}
        onClick={() => props.onMark(row, m)}
      >
        {MARK_SYMBOL[m] || t('count.mark.none')}
      </button>
    ));

  return (
    <div
      className={`${styles.ballotSheet}${verdict.kind === 'idle' ? ` ${styles.ballotSheetIdle}` : ''}`}
      data-testid="ballot-sheet"
      data-cursor={cursor}
      data-state={verdict.kind}
      data-row-pending={rowPending}
    >
      {rowPending !== '' && (
        <div className={styles.sheetRowPending} data-testid="sheet-row-pending">
          {t('count.rowPending', { typed: rowPending })}
        </div>
      )}
      {candidates.map((c, i) => {
        const mark = marks[i] ?? 'none';
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the screen's (1/2/3, ↑/↓)
          // biome-ignore lint/a11y/noStaticElementInteractions: a row of the paper
          <div
            key={c.id}
            ref={i === cursor ? active : undefined}
            className={`${styles.sheetRow}${i === cursor ? ` ${styles.sheetRowCursor}` : ''} ${ROW_MARK[mark]}`}
            data-testid="sheet-row"
            data-mark={mark}
            data-name={c.name}
            onClick={() => props.onCursor(i)}
          >
            <span className={styles.sheetPos} data-testid="sheet-pos">
              {rowLabel(i, candidates.length)}
            </span>
            <span className={styles.sheetName}>{c.name}</span>
            <span className={styles.sheetBox}>{MARK_SYMBOL[mark]}</span>
            <span className={styles.sheetMeaning}>{t(`count.meaning.${convention[mark]}`)}</span>
            <span className={styles.sheetMarks}>{markCells(i, mark)}</span>
          </div>
        );
      })}
      {writeIns.map((w, j) => {
        const row = candidates.length + j;
        const fate = lines[j]?.fate;
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the screen's
          // biome-ignore lint/a11y/noStaticElementInteractions: a row of the paper
          <div
            key={`w${w.line}`}
            ref={row === cursor ? active : undefined}
            className={`${styles.sheetRow} ${styles.sheetWritein}${row === cursor ? ` ${styles.sheetRowCursor}` : ''} ${ROW_MARK[w.mark]}`}
            data-testid="sheet-writein"
            data-mark={w.mark}
            data-name={w.name}
            data-fate={fate ?? ''}
            onClick={() => props.onCursor(row)}
          >
            <span className={styles.sheetPos} data-testid="sheet-pos">
              +
            </span>
            <span className={styles.sheetName}>
              {w.editing ? (
                <WriteInName
                  value={w.name}
                  suggestions={props.suggestions}
                  t={t}
                  onChange={(name) => props.onWriteInName(j, name)}
                  onDone={(enter) => props.onWriteInDone(j, enter)}
                  onCancel={() => props.onWriteInRemove(j)}
                />
              ) : (
                w.name
              )}
              {fate && fate !== 'empty' && (
                <span
                  className={`${styles.writeinFate} ${fate === 'counts' ? styles.writeinFateCounts : styles.writeinFateNot}`}
                  data-testid="writein-fate"
                >
                  {t(`count.fate.${fate}`)}
                </span>
              )}
            </span>
            <span className={styles.sheetBox}>{MARK_SYMBOL[w.mark]}</span>
            <span className={styles.sheetMeaning}>{t(`count.meaning.${convention[w.mark]}`)}</span>
            <span className={styles.sheetMarks}>{markCells(row, w.mark)}</span>
          </div>
        );
      })}
    </div>
  );
}

/** The written name, with names from earlier write-ins and the roster as the counter types. */
function WriteInName(props: {
  value: string;
  suggestions(query: string): string[];
  t: Translate;
  onChange(name: string): void;
  onDone(enter: boolean): void;
  onCancel(): void;
}) {
  const [highlight, setHighlight] = useState(-1);
  const list = props.value.trim() ? props.suggestions(props.value) : [];
  return (
    <div className={styles.writeinName}>
      <Input
        autoFocus
        size="small"
        value={props.value}
        placeholder={props.t('count.writeIn.placeholder')}
        data-testid="writein-name"
        onChange={(e) => {
          props.onChange(e.target.value);
          setHighlight(-1);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          // An input method's Enter picks a character, not the name.
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setHighlight((h) => Math.min(h + 1, list.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setHighlight((h) => Math.max(h - 1, -1));
          } else if (e.key === 'Enter' || e.key === 'Tab') {
            e.preventDefault();
            const picked = list[highlight];
            if (picked) props.onChange(picked);
            const enter = e.key === 'Enter';
            // After the name is set in the store.
            queueMicrotask(() => props.onDone(enter));
          } else if (e.key === 'Escape') {
            e.preventDefault();
            props.onCancel();
          }
        }}
      />
      {list.length > 0 && (
        <ul className={styles.writeinSuggestions} data-testid="writein-suggestions">
          {list.map((name, i) => (
            <li
              key={name}
              className={i === highlight ? styles.writeinSuggestionOn : undefined}
              data-testid="writein-suggestion"
              onMouseDown={(e) => {
                e.preventDefault();
                props.onChange(name);
                queueMicrotask(() => props.onDone(false));
              }}
            >
              {name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
