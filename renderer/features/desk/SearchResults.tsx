import { Button, Space } from 'antd';
import { memo, useEffect, useRef } from 'react';
import type { AttendanceStatus, Delegate } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import { CategoryTag, StatusTag } from '../../components/Tags.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import { ReprintBadgeButton } from '../badges/PrintButtons.js';
import type { DelegateAction } from './actions.js';
import styles from './SearchResults.module.css';

/**
 * Results as you type. Enter checks in the highlighted row: the only match, or the row the
 * clerk moved to with ↑↓ (`highlight`); among several nobody is highlighted until then, and
 * with `digits` each row shows the digit that checks it in (issue 15 item 1).
 */
export const SearchResults = memo(function SearchResults(props: {
  results: Delegate[];
  statusOf: (id: number) => AttendanceStatus;
  highlight: number | null;
  digits: boolean;
  more: boolean;
  t: Translate;
  onAction(action: DelegateAction, delegate: Delegate): void;
}) {
  const { results, t, highlight } = props;
  const list = useRef<HTMLDivElement>(null);
  const active = highlight ?? (results.length === 1 ? 0 : -1);
  useEffect(() => {
    // Only when the clerk moves: scrolling on every new list would lay the page out at each keystroke.
    if (highlight !== null) list.current?.children[highlight]?.scrollIntoView({ block: 'nearest' });
  }, [highlight]);
  if (results.length === 0) {
    return (
      <div className={`${styles.deskResults} ${styles.deskResultsEmpty}`} data-testid="desk-results">
        {t('desk.results.empty')}
      </div>
    );
  }
  return (
    <div className={styles.deskResults} data-testid="desk-results" ref={list} role="listbox">
      {results.map((d, i) => {
        const status = props.statusOf(d.id);
        return (
          <div
            key={d.id}
            role="option"
            aria-selected={i === active}
            tabIndex={-1}
            className={i === active ? `${styles.deskResult} ${styles.resultActive}` : styles.deskResult}
            data-testid="desk-result"
            data-badge={d.badge}
            onMouseDown={(e) => e.preventDefault() /* keep the focus in the search box */}
            onClick={() => props.onAction('checkIn', d)}
            onKeyDown={() => undefined}
          >
            <span className={styles.resultKey} data-testid={props.digits ? 'result-key' : undefined}>
              {props.digits ? i + 1 : ''}
            </span>
            <span className={styles.resultBadge}>{d.badge}</span>
            <span className={styles.resultName}>{d.name}</span>
            <span className={styles.resultDelegation}>{d.delegation}</span>
            <CategoryTag category={d.category} t={t} />
            <StatusTag status={status} t={t} />
            <Space size={4} className={styles.resultActions} onClick={(e) => e.stopPropagation()}>
              <RowActions delegate={d} status={status} t={t} onAction={props.onAction} />
              <ReprintBadgeButton delegate={d} t={t} />
            </Space>
          </div>
        );
      })}
      {props.more && <div className={styles.deskResultsMore}>{t('desk.results.more')}</div>}
    </div>
  );
});

/** The buttons a row may offer, in their order, and when each is offered. */
const ROW_ACTIONS: {
  action: DelegateAction;
  label: MessageKey;
  type?: 'primary' | 'text';
  offered(d: Delegate, status: AttendanceStatus, withCheckIn: boolean): boolean;
}[] = [
  {
    action: 'checkIn',
    label: 'desk.action.checkIn',
    type: 'primary',
    offered: (_, s, withCheckIn) => withCheckIn && s !== 'present',
  },
  { action: 'leave', label: 'desk.action.leave', offered: (d, s) => d.category === 'voting' && s !== 'leave' },
  {
    action: 'absent',
    label: 'desk.action.absent',
    offered: (d, s) => d.category === 'voting' && s !== 'absent' && s !== 'present',
  },
  { action: 'reset', label: 'desk.action.reset', type: 'text', offered: (_, s) => s !== 'pending' },
];

/** Leave / absent / reset for one delegate, as fits the status. Check-in is the row's click. */
export function RowActions(props: {
  delegate: Delegate;
  status: AttendanceStatus;
  t: Translate;
  onAction(action: DelegateAction, delegate: Delegate): void;
  withCheckIn?: boolean;
}) {
  const { delegate: d, status, t, onAction } = props;
  // The button acts; the row under it (which checks in on a click) must not.
  const stop = (e: React.MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <span className={styles.rowActions}>
      {ROW_ACTIONS.filter((a) => a.offered(d, status, props.withCheckIn ?? false)).map((a) => (
        <Button
          key={a.action}
          size="small"
          {...(a.type ? { type: a.type } : {})}
          onMouseDown={stop}
          onClick={(e) => {
            stop(e);
            onAction(a.action, d);
          }}
          data-testid={`action-${a.action.toLowerCase()}`}
        >
          {t(a.label)}
        </Button>
      ))}
    </span>
  );
}
