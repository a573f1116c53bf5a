import { UndoOutlined } from '@ant-design/icons';
import { Button, Input, type InputRef } from 'antd';
import { memo, type RefObject, useMemo } from 'react';
import type { AttendanceStatus, Delegate } from '../../../core/domain.js';
import { startsABadgeOf } from '../../../core/search.js';
import type { Translate } from '../../app/language.js';
import { badgeOf, searchDelegates } from '../../lib/search.js';
import { playTone, unlockAudio } from '../count/sound.js';
import type { DelegateAction } from './actions.js';
import styles from './DeskScreen.module.css';
import { DIGIT_ROWS, digitChoice, enterChoice, offersDigits } from './enter.js';
import { SearchResults } from './SearchResults.js';
import { useDesk } from './store.js';

/**
 * The search box, its results and the undo button: the only part of the desk drawn again as the
 * clerk types, moves among the results or reads the banner (the lists of thousands are not).
 */
export const DeskSearch = memo(function DeskSearch(props: {
  /** Who can be found at this meeting (its members at a plenary). */
  delegates: Delegate[];
  /** The whole roster: a non-member's badge at a plenary reaches the backend, which says why not. */
  roster: Delegate[];
  statusOf: (id: number) => AttendanceStatus;
  inputRef: RefObject<InputRef | null>;
  t: Translate;
  onAction(action: DelegateAction, delegate: Delegate): void;
  focusSearch(): void;
}) {
  const { delegates, roster, t, focusSearch } = props;
  const query = useDesk((s) => s.query);
  const highlight = useDesk((s) => s.highlight);
  const found = useMemo(() => searchDelegates(delegates, query, DIGIT_ROWS + 1), [delegates, query]);
  const results = found.slice(0, DIGIT_ROWS);
  const digits = offersDigits(results.length, startsABadgeOf(delegates, query));
  const desk = useDesk.getState();

  const checkIn = (d: Delegate) => props.onAction('checkIn', d);

  const submit = (value: string) => {
    const q = value.trim();
    if (q === '') return;
    const chosen = highlight === null ? undefined : results[highlight];
    const choice = enterChoice({
      chosen,
      badge: chosen ? null : badgeOf(q, roster),
      // Every match, not only those shown: the clerk is told how many there are.
      matches: chosen ? [] : searchDelegates(delegates, q, Number.POSITIVE_INFINITY),
    });
    switch (choice.kind) {
      case 'delegate':
        checkIn(choice.delegate);
        break;
      case 'badge':
        // Clear first: a scanner may already be typing the next badge.
        desk.setQuery('');
        void desk.checkInByBadge(choice.badge);
        focusSearch();
        break;
      case 'ask':
        desk.ask(q, choice.count);
        break;
      case 'none':
        playTone('error');
        break;
    }
  };

  return (
    <>
      <div className={styles.deskSearchRow}>
        <Input
          ref={props.inputRef}
          autoFocus
          size="large"
          className={styles.deskSearch}
          data-testid="desk-search"
          placeholder={t('desk.search.placeholder')}
          value={query}
          allowClear
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => desk.setQuery(e.target.value)}
          onKeyDown={(e) => {
            unlockAudio();
            if (e.nativeEvent.isComposing) return;
            const digit = digits ? digitChoice(e.key, results.length) : null;
            if (digit !== null && !e.ctrlKey && !e.metaKey && !e.altKey) {
              e.preventDefault();
              checkIn(results[digit]!);
            } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              desk.moveHighlight(e.key === 'ArrowDown' ? 1 : -1, results.length);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              submit(e.currentTarget.value);
            } else if (e.key === 'Escape') {
              desk.setQuery('');
            }
          }}
        />
        <Button
          size="large"
          icon={<UndoOutlined />}
          data-testid="undo-last"
          title={t('desk.undo.shortcut')}
          onClick={() => {
            void desk.undoLast();
            focusSearch();
          }}
        >
          {t('desk.undo')}
        </Button>
      </div>
      {query.trim() !== '' && (
        <SearchResults
          results={results}
          statusOf={props.statusOf}
          highlight={highlight}
          digits={digits}
          more={found.length > DIGIT_ROWS}
          t={t}
          onAction={props.onAction}
        />
      )}
    </>
  );
});
