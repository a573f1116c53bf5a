import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { MarkingConvention } from '../../../core/election-types.js';
import { paperInputOf } from '../../../core/paper/input.js';
import { ballotLayout, type PaperLayout } from '../../../core/paper/layout.js';
import { reasonText } from '../../../core/reasons.js';
import { countView } from '../../../core/round-state.js';
import { useCongress } from '../../app/congress.js';
import { useLanguage, useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { roundLabel } from '../contests/labels.js';
import { loadDefaultMark } from '../count/preferences.js';
import { contestConvention } from '../count/preview.js';
import { isStanding } from '../count/sheet.js';
import { sheetAction } from '../count/sheet-keys.js';
import { unlockAudio } from '../count/sound.js';
import { useCountRound } from '../count/use-count-round.js';
import { useCan } from '../operators/station-store.js';
import type { ScanPage } from './api.js';
import { ConfirmSide } from './ConfirmSide.js';
import { PageImage } from './PageImage.js';
import { PageQueue, refusalText } from './PageQueue.js';
import styles from './ScanScreen.module.css';
import { SourcesPanel } from './SourcesPanel.js';
import { useScanSession } from './session.js';
import { addDropped } from './sources.js';
import { useNextPage, usePageImage, useScanPages } from './use-scan.js';

/** The page image is asked at this width: enough for the crop of a name at about 5 px/mm. */
const IMAGE_WIDTH = 1100;

const isTextEntry = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement &&
  (el.isContentEditable ||
    ['TEXTAREA', 'SELECT'].includes(el.tagName) ||
    (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'checkbox'));

/**
 * `#/scan?round=ID`: the papers of a round read from scans (issue 13 items 3 and 5). Pages come
 * from the sources panel, are read by the store off the window, and wait in the queue; the next
 * read page opens by itself and a person confirms it with Enter, corrects it with the count
 * screen's keys, decides each doubtful box, types each written-in name from its crop, or sends
 * the paper to the scrutineers. Every paper commits through `ballots.enter` with its page.
 */
export function ScanScreen() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const navigate = useRoute((s) => s.navigate);
  const roundParam = useRoute((s) => s.query.round);
  const roundId = roundParam && /^\d+$/.test(roundParam) ? Number(roundParam) : null;
  const data = useCountRound(roundId);
  const { round, detail, candidates, context, ballots } = data;
  const contest = detail?.contest ?? null;
  const settingsMarking = useCongress((x) => x.file?.congress.settings.marking);
  const conventionKey = JSON.stringify(contestConvention(contest ?? undefined, settingsMarking));
  const convention = useMemo(() => JSON.parse(conventionKey) as MarkingConvention, [conventionKey]);
  const canEnter = useCan('ballots.enter');
  const { pages, error: pagesError } = useScanPages(roundId);
  const s = useScanSession();
  const [openId, setOpenId] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);

  const seats = round?.seats ?? null;
  const doubleEntry = contest?.doubleEntry ?? false;
  useLayoutEffect(() => {
    useScanSession
      .getState()
      .setRound(
        roundId !== null && seats !== null
          ? { roundId, seats, convention, context, doubleEntry, defaultMark: loadDefaultMark() }
          : null,
      );
  }, [roundId, seats, convention, context, doubleEntry]);
  useEffect(() => () => useScanSession.getState().setRound(null), []);

  // The layout the papers of this round were printed with: the overlay's boxes.
  const layout = useMemo<PaperLayout | null>(() => {
    if (!round || !contest || candidates.length === 0) return null;
    try {
      // The congress's uid and name are only in the QR code and the title: no box depends on them.
      return ballotLayout(
        paperInputOf(
          { uid: '', name: '' },
          { id: contest.id, title: contest.title, marking: convention },
          round,
          candidates,
        ),
      );
    } catch {
      return null;
    }
  }, [round, contest, candidates, convention]);

  // The page open: the one chosen, else the next read page nobody has sent.
  const next = useNextPage(pages, s.sent);
  const chosen = pages.find((p) => p.id === openId) ?? null;
  const page: ScanPage | null =
    chosen && !(chosen.status === 'read' && s.sent.includes(chosen.id)) && chosen.status !== 'confirmed'
      ? chosen
      : next;
  useEffect(() => {
    s.open(page?.status === 'read' ? page : null);
  }, [page, s.open]);
  const image = usePageImage(page?.reading ? page.id : null, IMAGE_WIDTH);
  const draft = s.draft && page && s.draft.pageId === page.id ? s.draft : null;

  const view = round ? countView(round) : null;
  const open = view === 'keying' && canEnter;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTextEntry(e.target)) return;
      if (e.target instanceof HTMLElement && e.target.closest('.ant-modal')) return;
      const session = useScanSession.getState();
      const d = session.draft;
      if (!d) return;
      unlockAudio();
      const action = sheetAction(e.key, { correcting: false, onWriteIn: d.cursor >= d.marks.length });
      if (!action) return;
      e.preventDefault();
      if (action.kind === 'commit') void session.commit(false);
      else if (action.kind === 'setAside') void session.commit(true);
      else if (action.kind === 'reset') {
        const p = pages.find((x) => x.id === d.pageId);
        if (p) {
          useScanSession.setState({ draft: null });
          session.open(p);
        }
      } else session.key(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, pages]);

  if (roundId === null) return <Alert type="warning" showIcon title={t('count.noRound')} />;
  if (data.error) return <ErrorAlert error={data.error} />;
  if (!round || !detail || !contest) return <Spin />;

  const standing = ballots.filter(isStanding);
  const confirmed = pages.filter((p) => p.status === 'confirmed').length;
  const folderPages = pages.filter((p) => p.source === 'folder').length;
  const lineMarks = (layout?.writeIns ?? []).map((w) => {
    const line = draft?.lines.find((l) => l.index === w.index);
    return line ? (line.cleared ? 'none' : line.mark) : undefined;
  });
  const cursorBox = draft
    ? draft.cursor < draft.marks.length
      ? ({ kind: 'mark', index: draft.cursor } as const)
      : ({ kind: 'line', index: draft.lines[draft.cursor - draft.marks.length]?.index ?? 0 } as const)
    : null;

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!open) return;
    const files = [...e.dataTransfer.files];
    if (files.length > 0) void addDropped(round.id, files);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: files dropped anywhere on the screen (also picked by the buttons)
    <div
      className={`${styles.scan}${dragging ? ` ${styles.scanDragging}` : ''}`}
      data-testid="scan-page-screen"
      data-round={round.id}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className={styles.head}>
        <Space>
          <Button
            icon={<ArrowLeftOutlined />}
            data-testid="scan-back"
            onClick={() => navigate('count', { round: String(round.id) })}
          >
            {t('scan.back')}
          </Button>
          <Typography.Text strong>
            {contest.title} · {roundLabel(t, round)}
          </Typography.Text>
          <Tag>{t('count.seats', { n: round.seats })}</Tag>
        </Space>
        <div className={styles.progress} data-testid="scan-progress">
          {t('scan.progress.confirmed')} <span data-testid="scan-confirmed">{confirmed}</span>
          {' · '}
          {t('scan.progress.counted', { n: standing.length, collected: round.collected ?? '–' })}
        </div>
        {doubleEntry && (
          <Space>
            <Typography.Text>{t('count.stack')}</Typography.Text>
            <InputNumber
              min={1}
              precision={0}
              value={s.stack}
              onChange={(v) => typeof v === 'number' && s.setStack(v)}
              onPressEnter={(e) => (e.target as HTMLElement).blur()}
              data-testid="scan-stack"
              style={{ width: 72 }}
            />
            <Segmented
              value={s.entry}
              onChange={(v) => {
                s.setEntry(v as 1 | 2);
                (document.activeElement as HTMLElement | null)?.blur();
              }}
              options={[
                { value: 1, label: t('count.entry.first') },
                { value: 2, label: t('count.entry.second') },
              ]}
              data-testid="scan-entry"
            />
          </Space>
        )}
      </div>
      {!open && (
        <Alert type="info" showIcon className="page-alert" data-testid="scan-closed" title={t('scan.notVoting')} />
      )}
      {pagesError && <ErrorAlert error={pagesError} />}
      {s.error && (
        <ErrorAlert error={s.error} testId="scan-error" onClose={() => useScanSession.setState({ error: null })} />
      )}
      {s.notices.length > 0 && (
        <div className={styles.notices} data-testid="scan-notices">
          {s.notices.slice(0, 8).map((n) => {
            const text = reasonText(n.code, n.params, language) ?? n.code;
            return (
              <Alert
                key={n.id}
                type="warning"
                showIcon
                closable={{ 'aria-label': t('scan.notice.close') }}
                onClose={() => s.dismiss(n.id)}
                data-testid="scan-notice"
                data-code={n.code}
                data-name={n.name}
                // The file is named, by the reason's own words or before them.
                title={text.includes(n.name) ? text : `${n.name}: ${text}`}
              />
            );
          })}
        </div>
      )}
      <div className={styles.main}>
        <div className={styles.left}>
          {open && <SourcesPanel roundId={round.id} folderPages={folderPages} t={t} />}
          <Typography.Text strong>{t('scan.queue')}</Typography.Text>
          <PageQueue
            pages={pages}
            sent={s.sent}
            openId={page?.id ?? null}
            ballots={ballots}
            onOpen={(p) => setOpenId(p.id)}
            t={t}
          />
        </div>
        <div className={styles.centre}>
          {page === null ? (
            <div className={styles.nothing} data-testid="scan-nothing">
              {t('scan.confirm.none')}
            </div>
          ) : page.status === 'reading' ? (
            <div className={styles.nothing}>
              <Spin /> {t('scan.confirm.waiting')}
            </div>
          ) : page.status === 'refused' ? (
            <Alert
              type="error"
              showIcon
              data-testid="scan-refused"
              title={t('scan.confirm.refused', { seq: page.seq, why: refusalText(page, language) })}
            />
          ) : image && page.reading && layout ? (
            <PageImage
              image={image}
              reading={page.reading}
              layout={layout}
              marks={draft?.marks ?? page.reading.marks.map(() => null)}
              lineMarks={lineMarks}
              cursorBox={cursorBox}
              t={t}
            />
          ) : (
            <Spin />
          )}
        </div>
        <div className={styles.right}>
          {page && draft && page.reading && layout && (
            <>
              <Typography.Text strong data-testid="scan-confirm-title">
                {t('scan.confirm.title', { seq: page.seq, name: page.sourceName })}
              </Typography.Text>
              <ConfirmSide
                draft={draft}
                reading={page.reading}
                layout={layout}
                image={image}
                candidates={candidates}
                seats={round.seats}
                convention={convention}
                context={context}
                left={s.left}
                confirming={s.confirming}
                t={t}
                onCursor={s.setCursor}
                onMark={(row, mark) => {
                  s.setCursor(row);
                  s.key({ kind: 'mark', mark });
                  s.setCursor(row);
                }}
                onName={s.typeName}
                onCommit={(setAside) => void s.commit(setAside)}
              />
            </>
          )}
          {s.last && (
            <div className={styles.last} data-testid="scan-last" data-no={s.last.no ?? ''}>
              {t('scan.confirm.last', {
                no: s.last.no ?? '',
                validity:
                  s.last.valid === null
                    ? t('count.state.setAside')
                    : s.last.valid
                      ? t('count.valid')
                      : t('count.invalid'),
              })}
            </div>
          )}
          <div className={styles.keys}>{t('scan.confirm.keys')}</div>
        </div>
      </div>
    </div>
  );
}
