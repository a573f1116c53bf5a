import { Tag } from 'antd';
import { memo, useEffect, useRef } from 'react';
import { reasonText } from '../../../core/reasons.js';
import { type Translate, useLanguage } from '../../app/language.js';
import type { Ballot } from '../count/types.js';
import type { ScanPage } from './api.js';
import styles from './ScanScreen.module.css';

const STATE_COLOUR = { reading: 'processing', read: 'warning', refused: 'error', confirmed: 'success' } as const;

/** Why a page was refused, in the UI's language, naming what its code says. */
export function refusalText(page: ScanPage, language: 'zh-CN' | 'en'): string {
  if (!page.refusal) return '';
  return reasonText(page.refusal.code, page.refusal.params, language) ?? page.refusal.code;
}

/**
 * The round's pages in arrival order: reading…, waiting for a person, refused (why), confirmed
 * (which paper). A click opens a read page; the page open is marked.
 */
export const PageQueue = memo(function PageQueue(props: {
  pages: ScanPage[];
  sent: readonly number[];
  openId: number | null;
  ballots: readonly Ballot[];
  onOpen(page: ScanPage): void;
  t: Translate;
}) {
  const { pages, sent, openId, ballots, onOpen, t } = props;
  const language = useLanguage((s) => s.language);
  const active = useRef<HTMLButtonElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the page open
  useEffect(() => {
    // A block, not an arrow's value: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup.
    active.current?.scrollIntoView({ block: 'nearest' });
  }, [openId]);
  if (pages.length === 0) return <div className={styles.queueEmpty}>{t('scan.queue.empty')}</div>;
  const byId = new Map(ballots.map((b) => [b.id, b]));
  return (
    <div className={styles.queue} data-testid="scan-queue">
      {pages.map((p) => {
        const isSent = sent.includes(p.id);
        const ballot = p.ballotId === null ? undefined : byId.get(p.ballotId);
        const state = isSent
          ? t('scan.page.sent')
          : p.status === 'confirmed'
            ? ballot?.state === 'set_aside'
              ? t('scan.page.setAside')
              : t('scan.page.confirmed', { no: ballot?.no ?? '' })
            : t(`scan.page.${p.status}`);
        return (
          <button
            type="button"
            tabIndex={-1}
            key={p.id}
            ref={p.id === openId ? active : undefined}
            className={`${styles.queueRow}${p.id === openId ? ` ${styles.queueRowOpen}` : ''}`}
            data-testid="scan-page"
            data-seq={p.seq}
            data-status={isSent ? 'sent' : p.status}
            data-refusal={p.refusal?.code ?? ''}
            onClick={() => onOpen(p)}
          >
            <span className={styles.queueSeq}>{t('scan.page.label', { seq: p.seq })}</span>
            <Tag color={STATE_COLOUR[p.status]}>{state}</Tag>
            <span className={styles.queueName} title={p.sourceName}>
              {t(`scan.page.source.${p.source}`)} · {p.sourceName}
            </span>
            {p.status === 'refused' && (
              <span className={styles.queueWhy} data-testid="scan-page-why">
                {refusalText(p, language)}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
});
