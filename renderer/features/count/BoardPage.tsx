import { FullscreenOutlined } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { AttendanceSummary } from '../../../core/domain.js';
import type { AppError } from '../../../core/result.js';
import { useCall } from '../../api/queries.js';
import { currentMeeting, useCongress } from '../../app/congress.js';
import { type Translate, useT } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import { LinkBanner } from '../lan/LinkBanner.js';
import styles from './BoardPage.module.css';

/**
 * `#/board`: the attendance board for the hall's projector, in a window of its own. No app
 * chrome and no operator name (it only reads). It shows the congress's current meeting's
 * attendance through the fetch layer, kept up to date by the change events: no polling.
 */
export function BoardPage() {
  const t = useT();
  const status = useCongress((s) => s.status);
  const openError = useCongress((s) => s.openError);
  const path = useCongress((s) => s.file?.path ?? '');
  const congressName = useCongress((s) => s.file?.congress.name ?? '');
  const meeting = useCongress(currentMeeting);
  const meetingId = meeting?.id ?? null;
  // Read only with a congress open; the cached answers belong to that congress (forgetCongress).
  const attendance = useCall('attendance.summary', path && meetingId !== null ? { meetingId } : null);
  const summary = attendance.data ?? null;
  const loadError = attendance.error;

  const updatedAt = useUpdatedAt(summary);

  const notice = boardNotice(status, path, t);
  let body: ReactNode;
  if (notice) body = notice;
  else if (!meeting) body = <div className={styles.boardMessage}>{t('board.noMeeting')}</div>;
  else body = <BoardCounts summary={summary} t={t} />;

  const error = loadError ?? (path ? null : openError);
  return (
    <BoardFrame
      testId="board"
      ready={summary !== null}
      error={error}
      head={
        <>
          <div className={styles.boardCongress} data-testid="board-congress">
            {congressName || t('app.name')}
          </div>
          {meeting && (
            <div className={styles.boardMeeting} data-testid="board-meeting">
              {meeting.name}
              <span className={styles.boardDate}>{meeting.date}</span>
            </div>
          )}
        </>
      }
      title={t('board.title')}
      updated={summary && updatedAt ? t('board.updated', { time: updatedAt }) : null}
      t={t}
    >
      {body}
    </BoardFrame>
  );
}

/**
 * The frame both projector windows share: the red head, the body, and the foot with the
 * board's name, when its figures last changed, and its buttons (full screen last).
 */
export function BoardFrame(props: {
  testId: string;
  ready: boolean;
  error: AppError | null;
  head: ReactNode;
  /** The tally's head and body are sized for a list of candidates. */
  headClassName?: string;
  bodyClassName?: string;
  title: string;
  updated: string | null;
  buttons?: ReactNode;
  t: Translate;
  children: ReactNode;
}) {
  return (
    <main className={styles.board} data-testid={props.testId} data-ready={props.ready}>
      <header className={`${styles.boardHead}${props.headClassName ? ` ${props.headClassName}` : ''}`}>
        {props.head}
      </header>
      <LinkBanner compact overlay />
      {props.error && <ErrorAlert error={props.error} />}
      <div className={props.bodyClassName ?? styles.boardBody}>{props.children}</div>
      <footer className={styles.boardFoot}>
        <span>{props.title}</span>
        <span>{props.updated}</span>
        <span>
          {props.buttons}
          <FullscreenButton t={props.t} />
        </span>
      </footer>
    </main>
  );
}

interface Tile {
  key: string;
  label: MessageKey;
  value: number | undefined;
  tone: 'main' | 'plain' | 'apart';
}

/** The two main figures take half a row each; the others share the row below. */
const TILE: Partial<Record<string, string>> = { due: styles.boardTileDue, present: styles.boardTilePresent };
const TONE: Record<Tile['tone'], string> = { main: styles.boardMain ?? '', plain: '', apart: styles.boardApart ?? '' };

function BoardCounts(props: { summary: AttendanceSummary | null; t: Translate }) {
  const { summary: s, t } = props;
  const tiles: Tile[] = [
    { key: 'due', label: 'count.due', value: s?.due, tone: 'main' },
    { key: 'present', label: 'count.present', value: s?.present, tone: 'main' },
    { key: 'leave', label: 'count.leave', value: s?.leave, tone: 'plain' },
    // As at the desk: 未到 until the meeting starts, 缺席 from then on.
    {
      key: 'absent',
      label: s?.started ? 'desk.count.absent' : 'desk.count.notArrived',
      value: s?.absent,
      tone: 'plain',
    },
    // Rule 1: 列席 and 候补 present are shown, apart, and never counted; a plenary (rule 14) has neither.
    ...(s?.electorate === 'members'
      ? []
      : [
          { key: 'nonvoting', label: 'count.nonvoting' as const, value: s?.nonvotingPresent, tone: 'apart' as const },
          { key: 'alternate', label: 'count.alternate' as const, value: s?.alternatePresent, tone: 'apart' as const },
        ]),
  ];
  return (
    <>
      <section className={`${styles.boardCounts} ${tiles.length === 4 ? styles.boardCountsPair : ''}`}>
        {tiles.map((tile) => (
          <div key={tile.key} className={`${styles.boardTile} ${TILE[tile.key] ?? ''} ${TONE[tile.tone]}`}>
            <div className={styles.boardLabel} data-testid={`board-label-${tile.key}`}>
              {t(tile.label)}
            </div>
            <div className={styles.boardValue} data-testid={`board-${tile.key}`}>
              {tile.value ?? '–'}
            </div>
          </div>
        ))}
      </section>
      <BoardQuorum summary={s} t={t} />
    </>
  );
}

function BoardQuorum(props: { summary: AttendanceSummary | null; t: Translate }) {
  const { summary: s, t } = props;
  if (!s || s.due === 0) {
    return (
      <section
        className={`${styles.boardQuorum} ${styles.boardQuorumUnknown}`}
        data-testid="board-quorum"
        data-met="false"
      >
        <div className={styles.boardQuorumDetail}>{s ? t('quorum.noDelegates') : ' '}</div>
      </section>
    );
  }
  const { met, needed, allowEqual } = s.quorum;
  const exact = allowEqual && 5 * s.present === 4 * s.due;
  return (
    <section
      className={`${styles.boardQuorum} ${met ? styles.boardQuorumMet : styles.boardQuorumNotMet}`}
      data-testid="board-quorum"
      data-met={met}
      data-needed={met ? 0 : needed}
    >
      <div className={styles.boardQuorumMain}>{met ? t('board.quorum.met') : t('quorum.notMet', { needed })}</div>
      <div className={styles.boardQuorumDetail}>
        {met
          ? t(exact ? 'board.quorum.metEqual.detail' : 'board.quorum.met.detail', { present: s.present, due: s.due })
          : t(allowEqual ? 'quorum.notMet.detailEqual' : 'quorum.notMet.detail', { due: s.due })}
      </div>
    </section>
  );
}

/** When a projector board's answer last changed (its footer says it). */
export function useUpdatedAt(answer: unknown): string | null {
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  useEffect(() => {
    if (answer) setUpdatedAt(new Date().toLocaleTimeString('en-GB', { hour12: false }));
  }, [answer]);
  return updatedAt;
}

/** What a projector board shows instead of its figures while the host or the congress is not there. */
export function boardNotice(status: string, path: string, t: Translate): ReactNode {
  if (status === 'loading') return <Spin size="large" />;
  if (status === 'offline') return <div className={styles.boardMessage}>{t('app.offline')}</div>;
  if (!path) return <div className={styles.boardMessage}>{t('error.no_congress_open')}</div>;
  return null;
}

/** Shown until the board fills the screen; gone once it does (on the projector). */
export function FullscreenButton(props: { t: Translate }) {
  const [full, setFull] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  if (full || !document.fullscreenEnabled) return <span />;
  return (
    <Button
      type="text"
      size="small"
      className={styles.boardFullscreen}
      icon={<FullscreenOutlined />}
      data-testid="board-fullscreen"
      onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}
    >
      {props.t('board.fullscreen')}
    </Button>
  );
}
