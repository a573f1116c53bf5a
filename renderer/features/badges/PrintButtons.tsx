import { IdcardOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { Translate } from '../../app/language.js';
import { openPrintWindow } from '../../lib/print.js';

/** Opens the 代表证 sheets of the whole roster, or of the delegates `ids`. */
export const printBadges = (ids: readonly number[] | 'all'): void =>
  openPrintWindow('print/badges', ids === 'all' ? { delegates: 'all' } : { ids: ids.join(',') });

/**
 * The roster screen's entry: 打印代表证 for the whole roster, or for the rows selected when
 * there are some (the button says how many).
 */
export function RosterBadgesButton(props: { selected: readonly number[]; t: Translate }) {
  const { selected, t } = props;
  return (
    <Button
      icon={<IdcardOutlined />}
      data-testid="roster-print-badges"
      data-selected={selected.length}
      onClick={() => printBadges(selected.length > 0 ? selected : 'all')}
    >
      {selected.length > 0 ? t('badges.print.selected', { n: selected.length }) : t('badges.print.all')}
    </Button>
  );
}

/** 打印签到表 of a meeting (the desk's current one). */
export function SigninButton(props: { meetingId: number; t: Translate }) {
  return (
    <Button
      size="small"
      icon={<PrinterOutlined />}
      data-testid="print-signin"
      onClick={() => openPrintWindow('print/signin', { meeting: String(props.meetingId) })}
    >
      {props.t('signin.print')}
    </Button>
  );
}

/**
 * The desk's 补打代表证 for one delegate (a lost or forgotten badge), small, in a result row:
 * it must not check the delegate in, nor take the focus from the search box.
 */
export function ReprintBadgeButton(props: { delegate: { id: number; name: string }; t: Translate }) {
  const { delegate: d, t } = props;
  const stop = (e: React.MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <Button
      size="small"
      type="text"
      title={t('badges.reprint.title', { name: d.name })}
      aria-label={t('badges.reprint.title', { name: d.name })}
      data-testid="action-reprint-badge"
      onMouseDown={stop}
      onClick={(e) => {
        stop(e);
        printBadges([d.id]);
      }}
    >
      {t('badges.reprint')}
    </Button>
  );
}
