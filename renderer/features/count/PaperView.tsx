import { Button, Modal, Typography } from 'antd';
import type { MarkingConvention, PaperMark } from '../../../core/election-types.js';
import type { Translate } from '../../app/language.js';
import { formatTime } from '../../lib/paths.js';
import { MARK_SYMBOL, marksLine } from '../contests/labels.js';
import { BallotStateTag } from './BallotLists.js';
import styles from './PaperView.module.css';
import { paperLabel } from './paper-label.js';
import type { Ballot, Candidate } from './types.js';

/** The versions a paper went through, first entered first, up to `ballot`. */
function versionsOf(ballot: Ballot, ballots: readonly Ballot[]): Ballot[] {
  const byId = new Map(ballots.map((b) => [b.id, b]));
  const chain: Ballot[] = [];
  for (let at = byId.get(ballot.replaces ?? -1); at; at = byId.get(at.replaces ?? -1)) chain.unshift(at);
  return chain;
}

/**
 * One paper as entered, read only (issue 15 item 3): each candidate's row with its mark and what
 * it means under the contest's convention, the write-ins, the validity, who entered it, and the
 * versions a correction replaced with their reasons. No key or click changes it.
 */
export function PaperView(props: {
  ballot: Ballot | null;
  ballots: readonly Ballot[];
  candidates: Candidate[];
  convention: MarkingConvention;
  t: Translate;
  onClose(): void;
}) {
  const { ballot: b, candidates, convention, t } = props;
  const row = (key: string, name: string, mark: PaperMark) => (
    <div key={key} className={styles.row} data-testid="paper-view-row" data-name={name} data-mark={mark}>
      <span className={styles.name}>{name}</span>
      <span className={styles.box}>{MARK_SYMBOL[mark]}</span>
      <span className={styles.meaning}>{t(`count.meaning.${convention[mark]}`)}</span>
    </div>
  );
  return (
    <Modal
      open={b !== null}
      title={b ? paperLabel(t, b) : ''}
      onCancel={props.onClose}
      footer={<Button onClick={props.onClose}>{t('common.close')}</Button>}
      destroyOnHidden
    >
      {b && (
        <div data-testid="paper-view" data-no={b.no ?? ''} data-version={b.version}>
          <div className={styles.paper}>
            {candidates.map((c, i) => row(String(c.id), c.name, b.marks[i] ?? 'none'))}
            {b.writeIns.map((w, i) => row(`w${i}`, `+${w.name}`, w.mark))}
          </div>
          <div className={styles.facts}>
            <BallotStateTag ballot={b} t={t} /> {t('count.paper.chosen', { chosen: b.chosen })}
            <div>
              <Typography.Text type="secondary">
                {t('count.enteredBy', { by: b.enteredBy, at: formatTime(b.enteredAt) })}
              </Typography.Text>
            </div>
          </div>
          {b.replaces !== null && (
            <>
              <Typography.Text strong>{t('count.paper.versions')}</Typography.Text>
              <ul className={styles.versions} data-testid="paper-view-versions">
                {versionsOf(b, props.ballots).map((v) => (
                  <li key={v.id}>
                    <span className={styles.marks}>{marksLine(v.marks, v.writeIns)}</span>{' '}
                    <Typography.Text type="secondary">
                      {t('count.enteredBy', { by: v.enteredBy, at: formatTime(v.enteredAt) })}
                    </Typography.Text>
                    {v.reason && <div>{t('count.paper.reason', { reason: v.reason })}</div>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
