import { ApiOutlined, CloudSyncOutlined, DisconnectOutlined, WarningOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/language.js';
import { useErrorText } from '../../lib/errors.js';
import { agoText } from './format.js';
import styles from './LinkBanner.module.css';
import { PromotePanel } from './PromotePanel.js';
import { dismissTold, type LinkStatus, useLink, useNow } from './store.js';

/**
 * The link of a joined station, on every screen it shows (the app frame, the lock screen, the
 * board): a quiet line while the host answers, a strong one while cut off (「离线:已暂存 12 条」),
 * and the refusals its replayed calls met, to acknowledge. Nothing on a laptop alone.
 */
type LinkProblem = 'sign_in' | 'revoked' | 'certificate';

export function LinkBanner(props: { compact?: boolean; overlay?: boolean }) {
  const link = useLink();
  if (!link || link.mode === 'alone') return null;
  return <LinkLines link={link} compact={props.compact ?? false} overlay={props.overlay ?? false} />;
}

function LinkLines({ link, compact, overlay }: { link: LinkStatus; compact: boolean; overlay: boolean }) {
  const t = useT();
  const text = useErrorText();
  const now = useNow(5000);
  const [promoting, setPromoting] = useState(false);
  const [dismissing, setDismissing] = useState(false);
  const standby = link.mode === 'standby';
  const offline = link.mode !== 'promoted' && !link.online;
  // Why the outbox does not move though the host answers (db/lan/station: a sign-in, a revocation, a certificate).
  const problem = (link as LinkStatus & { problem?: LinkProblem | null }).problem ?? null;

  const line =
    link.mode === 'promoted'
      ? t('lan.link.promoted')
      : offline
        ? link.queued > 0
          ? text({ reason: 'lan.queued', params: { queued: link.queued }, message: '' })
          : t('lan.link.offline')
        : t('lan.link.online', { address: link.host?.address ?? '' });

  const dismiss = async () => {
    const newest = link.told[0];
    if (!newest) return;
    setDismissing(true);
    await dismissTold(newest.at);
    setDismissing(false);
  };

  return (
    <section
      className={`${styles.banner} ${offline || problem ? styles.offline : styles.online}${overlay ? ` ${styles.overlay}` : ''} no-print`}
      data-testid="link-banner"
      data-mode={link.mode}
      data-online={link.online}
      data-queued={link.queued}
      role="status"
      aria-live={offline ? 'assertive' : 'polite'}
    >
      <div className={styles.line}>
        <span className={styles.icon}>
          {offline ? <DisconnectOutlined /> : link.mode === 'promoted' ? <CloudSyncOutlined /> : <ApiOutlined />}
        </span>
        <span className={styles.text} data-testid="link-line">
          {line}
        </span>
        {problem && (
          <span className={styles.problem} data-testid="link-problem" data-problem={problem}>
            {t(`lan.link.problem.${problem}`)}
          </span>
        )}
        {!compact && link.name && <span className={styles.quiet}>{link.name}</span>}
        {!offline && link.unsafe > 0 && (
          <span className={styles.quiet}>{t('lan.link.unsafe', { n: link.unsafe })}</span>
        )}
        {standby && link.copy && (
          <span className={styles.quiet} data-testid="link-copy">
            {t('lan.link.copy', { seq: link.copy.seq, ago: agoText(link.copy.at, now, t) })}
          </span>
        )}
        {standby && (
          <Button
            size="small"
            danger={offline}
            type={offline ? 'primary' : 'default'}
            className={styles.promote}
            data-testid="link-promote"
            disabled={promoting}
            onClick={() => setPromoting(true)}
          >
            {t('lan.promote.button')}
          </Button>
        )}
      </div>
      {link.told.length > 0 && (
        <div className={styles.told} data-testid="link-told">
          <div className={styles.toldHead}>
            <WarningOutlined /> {t('lan.link.told')}
            <Button size="small" loading={dismissing} data-testid="link-dismiss" onClick={() => void dismiss()}>
              {t('lan.link.dismiss')}
            </Button>
          </div>
          <ul>
            {link.told.map((row) => (
              <li key={`${row.at}|${row.channel}|${row.reason}`} data-testid="link-told-row" data-reason={row.reason}>
                {text({ reason: row.reason, params: row.params, message: row.reason })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {standby && promoting && <PromotePanel onClose={() => setPromoting(false)} />}
    </section>
  );
}
