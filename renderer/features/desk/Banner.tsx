import { memo } from 'react';
import type { Delegate } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import { CategoryTag } from '../../components/Tags.js';
import { errorTitleKey, useErrorText } from '../../lib/errors.js';
import styles from './Banner.module.css';
import type { Banner } from './store.js';

const TONE: Record<Banner['kind'], string | undefined> = {
  checked_in: styles.bannerGreen,
  already_present: styles.bannerAmber,
  not_found: styles.bannerRed,
  ask: styles.bannerAmber,
  error: styles.bannerRed,
  undone: styles.bannerBlue,
  marked: styles.bannerGrey,
  kept: styles.bannerBlue,
};

/** The confirmation after each action: the delegate's name large enough to read from a step away. */
export const DeskBanner = memo(function DeskBanner(props: { banner: Banner | null; t: Translate }) {
  const { banner, t } = props;
  if (!banner) {
    return (
      <section className={`${styles.deskBanner} ${styles.bannerIdle}`} data-testid="desk-banner" data-kind="idle">
        <div className={styles.bannerStatus}>{t('desk.banner.idle')}</div>
      </section>
    );
  }
  const tone = TONE[banner.kind];
  return (
    // key: a new answer replays the flash even for the same person
    <section
      key={banner.seq}
      className={`${styles.deskBanner} ${tone}`}
      data-testid="desk-banner"
      data-kind={banner.kind}
      role="status"
      aria-live="assertive"
    >
      <BannerBody banner={banner} t={t} />
    </section>
  );
});

function BannerBody({ banner, t }: { banner: Banner; t: Translate }) {
  const text = useErrorText();
  switch (banner.kind) {
    case 'checked_in':
    case 'already_present':
      return (
        <DelegateLines
          status={t(banner.kind === 'checked_in' ? 'desk.banner.checkedIn' : 'desk.banner.already')}
          delegate={banner.delegate}
          t={t}
        />
      );
    case 'undone':
      return <DelegateLines status={t('desk.banner.undone')} delegate={banner.delegate} t={t} />;
    case 'marked':
      return <DelegateLines status={t(`desk.banner.marked.${banner.status}`)} delegate={banner.delegate} t={t} />;
    case 'not_found':
      return (
        <>
          <div className={styles.bannerStatus}>{t('desk.banner.notFound')}</div>
          <div className={styles.bannerName} data-testid="banner-name">
            {banner.query}
          </div>
          <div className={styles.bannerDetail}>{text(banner.error)}</div>
        </>
      );
    case 'kept':
      return (
        <>
          {banner.delegate ? (
            <DelegateLines status={t('lan.kept.checkIn')} delegate={banner.delegate} t={t} />
          ) : (
            <>
              <div className={styles.bannerStatus}>{t('lan.kept.checkIn')}</div>
              <div className={styles.bannerName} data-testid="banner-name">
                {banner.query}
              </div>
            </>
          )}
          <div className={styles.bannerDetail} data-testid="banner-kept">
            {text(banner.error)}
          </div>
        </>
      );
    case 'ask':
      return (
        <>
          <div className={`${styles.bannerStatus} ${styles.bannerAsk}`} data-testid="banner-ask">
            {t('desk.banner.ask', { n: banner.count })}
          </div>
          <div className={styles.bannerDetail}>{t('desk.banner.ask.hint')}</div>
        </>
      );
    case 'error':
      return (
        <>
          <div className={styles.bannerStatus}>
            {t('desk.banner.error')} · {t(errorTitleKey(banner.error))}
          </div>
          <div className={`${styles.bannerDetail} ${styles.bannerMessage}`}>{text(banner.error)}</div>
        </>
      );
  }
}

function DelegateLines(props: { status: string; delegate: Delegate; t: Translate }) {
  const { delegate: d, t } = props;
  return (
    <>
      <div className={styles.bannerStatus}>{props.status}</div>
      <div className={styles.bannerName} data-testid="banner-name">
        {d.name}
      </div>
      <div className={styles.bannerDetail}>
        <span className={styles.bannerBadge} data-testid="banner-badge">
          {t('desk.badge', { badge: d.badge })}
        </span>
        {d.delegation && <span>{d.delegation}</span>}
        <CategoryTag category={d.category} t={t} large />
        {d.category !== 'voting' && <span className={styles.bannerApart}>{t('desk.banner.notCounted')}</span>}
      </div>
    </>
  );
}
