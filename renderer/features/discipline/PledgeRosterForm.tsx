import type { Congress, Meeting } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import type { PaperSeal } from '../../components/print/PaperFooter.js';
import { PaperForm, type PaperSheet, paper } from '../../components/print/PaperForm.js';
import { splitTail } from '../../components/print/PaperTail.js';
import { formatTime } from '../../lib/paths.js';
import styles from './PledgeRosterForm.module.css';
import { type DisciplineText, type PledgeRow, type PledgeSummary, signatureKey } from './store.js';

export interface PledgeRosterData {
  congress: Congress;
  meeting: Meeting;
  summary: PledgeSummary;
  /** The pledge text in force now (each row names the version its delegate signed). */
  text: DisciplineText | null;
  /** PNG base64 by `signatureKey`. */
  signatures: ReadonlyMap<string, string>;
  seal: PaperSeal | null;
  printedAt: string;
}

/** Each delegate signs their own row: the roster has no signature lines, only the seal. */
const SHEET: PaperSheet = { title: 'pledge.roster.title', testId: 'pledge-roster', roles: [] };

const badgeOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * 严肃换届纪律承诺书签署名册: the totals and the text the delegates sign, then one row per
 * delegate due to pledge, with the signature as drawn, or why there is none (refused, on leave,
 * absent, not yet signed). The text stands above the rows, as on a paper roster: after them it
 * took the secretariat's seal to a page with no delegate on it. The last rows go with the seal.
 */
export function PledgeRosterForm(props: { data: PledgeRosterData; t: Translate }) {
  const { t } = props;
  const { summary: s, text, signatures } = props.data;
  const rows = [...s.rows].sort((a, b) => badgeOrder.compare(a.delegate.badge, b.delegate.badge));
  const { body, tail } = splitTail(rows.map((r, i) => ({ r, no: i + 1 })));
  const row = ({ r, no }: { r: PledgeRow; no: number }) => (
    <tr key={r.delegate.id} data-testid="pledge-roster-row" data-state={r.state}>
      <td className={col('no')}>{no}</td>
      <td className={col('badge')}>{r.delegate.badge}</td>
      <td className={col('name')}>{r.delegate.name}</td>
      <td className={col('delegation')}>{r.delegate.delegation ?? ''}</td>
      <td className={col('time')}>{r.pledge ? formatTime(r.pledge.at).slice(0, 16) : ''}</td>
      <td className={col('version')}>{r.pledge ? t('pledge.roster.versionN', { v: r.pledge.textVersion }) : ''}</td>
      <td className={col('signature')}>
        <SignatureCell row={r} signatures={signatures} t={t} />
      </td>
    </tr>
  );
  return (
    <PaperForm
      {...props}
      sheet={SHEET}
      table={{
        className: styles.table,
        columns: [
          { key: 'no', label: t('discipline.col.no'), className: col('no') },
          { key: 'badge', label: t('field.badge'), className: col('badge') },
          { key: 'name', label: t('field.name'), className: col('name') },
          { key: 'delegation', label: t('field.delegation'), className: col('delegation') },
          { key: 'time', label: t('pledge.roster.signedAt'), className: col('time') },
          { key: 'version', label: t('pledge.roster.version'), className: col('version') },
          { key: 'signature', label: t('pledge.roster.signature'), className: col('signature') },
        ],
        body: body.map(row),
        tail: tail.map(row),
      }}
    >
      {text && (
        <section className={styles.text}>
          <h2>{t('pledge.roster.textTitle', { version: text.version })}</h2>
          <div className={`${paper.bodyText} ${styles.body}`}>{text.body}</div>
        </section>
      )}
      <p className={styles.totals} data-testid="pledge-roster-totals">
        {t('pledge.roster.totals', {
          due: s.due,
          signed: s.signed,
          refused: s.refused,
          leave: s.leave,
          absent: s.absent,
          pending: s.pending,
        })}
      </p>
    </PaperForm>
  );
}

/** The roster's columns and their widths (PledgeRosterForm.module.css); the delegation takes what is left. */
const COLUMN = {
  no: styles.colNo,
  badge: styles.colBadge,
  name: styles.colName,
  delegation: undefined,
  time: styles.colTime,
  version: styles.colVersion,
  signature: styles.colSignature,
} as const;
const col = (name: keyof typeof COLUMN): string => [styles.cell, COLUMN[name]].filter(Boolean).join(' ');

function SignatureCell(props: { row: PledgeRow; signatures: ReadonlyMap<string, string>; t: Translate }) {
  const { row: r, t } = props;
  if (r.state === 'signed' && r.pledge) {
    const png = props.signatures.get(signatureKey(r.pledge));
    return png ? (
      <img
        className={styles.signatureImg}
        src={`data:image/png;base64,${png}`}
        alt={t('pledge.roster.signatureOf', { name: r.delegate.name })}
        data-testid="pledge-signature-img"
      />
    ) : (
      <span>{t('pledge.state.signed')}</span>
    );
  }
  if (r.state === 'refused') {
    return (
      <span className={styles.refused}>
        {t('pledge.state.refused')}
        {r.pledge?.note ? t('pledge.roster.note', { note: r.pledge.note }) : ''}
      </span>
    );
  }
  return <span className={styles.missing}>{t(`pledge.roster.state.${r.state}`)}</span>;
}
