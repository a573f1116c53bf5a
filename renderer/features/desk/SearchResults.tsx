import { Button, Space } from 'antd';
import { memo, useEffect, useRef } from 'react';
import type { AttendanceStatus, Delegate } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import { CategoryTag, StatusTag } from '../../components/Tags.js';
import type { DelegateAction } from './actions.js';
import styles from './SearchResults.module.css';

/** Results as you type; the highlighted row is what Enter checks in. */
export const SearchResults = memo(function SearchResults(props: {
  results: Delegate[];
  statusOf: (id: number) => AttendanceStatus;
  highlight: number;
  more: boolean;
  t: Translate;
  onHover(index: number): void;
  onAction(action: DelegateAction, delegate: Delegate): void;
}) {
  const { results, t } = props;
  const list = useRef<HTMLDivElement>(null);
  const active = props.highlight;
  useEffect(() => {
    list.current?.children[active]?.scrollIntoView({ block: 'nearest' });
  }, [active]);
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
            aria-selected={i === props.highlight}
            tabIndex={-1}
            className={i === props.highlight ? `${styles.deskResult} ${styles.resultActive}` : styles.deskResult}
            data-testid="desk-result"
            data-badge={d.badge}
            onMouseEnter={() => props.onHover(i)}
            onMouseDown={(e) => e.preventDefault() /* keep the focus in the search box */}
            onClick={() => props.onAction('checkIn', d)}
            onKeyDown={() => undefined}
          >
            <span className={styles.resultBadge}>{d.badge}</span>
            <span className={styles.resultName}>{d.name}</span>
            <span className={styles.resultDelegation}>{d.delegation}</span>
            <CategoryTag category={d.category} t={t} />
            <StatusTag status={status} t={t} />
            <Space size={4} className={styles.resultActions} onClick={(e) => e.stopPropagation()}>
              <RowActions delegate={d} status={status} t={t} onAction={props.onAction} />
            </Space>
          </div>
        );
      })}
      {props.more && <div className={styles.deskResultsMore}>{t('desk.results.more')}</div>}
    </div>
  );
});

/** Leave / absent / reset for one delegate, as fits the status. Check-in is the row's click. */
export function RowActions(props: {
  delegate: Delegate;
  status: AttendanceStatus;
  t: Translate;
  onAction(action: DelegateAction, delegate: Delegate): void;
  withCheckIn?: boolean;
}) {
  const { delegate: d, status, t, onAction } = props;
  const stop = (e: React.MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <span className={styles.rowActions}>
      {props.withCheckIn && status !== 'present' && (
        <Button
          size="small"
          type="primary"
          onMouseDown={stop}
          onClick={(e) => {
            stop(e);
            onAction('checkIn', d);
          }}
          data-testid="action-checkin"
        >
          {t('desk.action.checkIn')}
        </Button>
      )}
      {d.category === 'voting' && status !== 'leave' && (
        <Button
          size="small"
          onMouseDown={stop}
          onClick={(e) => {
            stop(e);
            onAction('leave', d);
          }}
          data-testid="action-leave"
        >
          {t('desk.action.leave')}
        </Button>
      )}
      {d.category === 'voting' && status !== 'absent' && status !== 'present' && (
        <Button
          size="small"
          onMouseDown={stop}
          onClick={(e) => {
            stop(e);
            onAction('absent', d);
          }}
          data-testid="action-absent"
        >
          {t('desk.action.absent')}
        </Button>
      )}
      {status !== 'pending' && (
        <Button
          size="small"
          type="text"
          onMouseDown={stop}
          onClick={(e) => {
            stop(e);
            onAction('reset', d);
          }}
          data-testid="action-reset"
        >
          {t('desk.action.reset')}
        </Button>
      )}
    </span>
  );
}
