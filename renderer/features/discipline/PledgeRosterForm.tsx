import type { Congress, Meeting } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import { PaperFooter, type PaperSeal } from '../../components/print/PaperFooter.js';
import { meetingMeta, PaperHead } from '../../components/print/PaperHead.js';
import { formatTime } from '../../lib/paths.js';
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

const badgeOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * 严肃换届纪律承诺书签署名册: one row per delegate due to pledge, with the signature as drawn,
 * or why there is none (refused, on leave, absent, not yet signed); the totals; the text.
 */
export function PledgeRosterForm(props: { data: PledgeRosterData; t: Translate }) {
  const { t } = props;
  const { congress, meeting, summary: s, text, signatures } = props.data;
  const rows = [...s.rows].sort((a, b) => badgeOrder.compare(a.delegate.badge, b.delegate.badge));
  return (
    <article className="paper-form pledge-roster" data-testid="pledge-roster">
      <PaperHead congress={congress.name} title={t('pledge.roster.title')} meta={meetingMeta(t, meeting, null)} t={t} />

      <p className="pledge-roster-totals" data-testid="pledge-roster-totals">
        {t('pledge.roster.totals', {
          due: s.due,
          signed: s.signed,
          refused: s.refused,
          leave: s.leave,
          absent: s.absent,
          pending: s.pending,
        })}
      </p>

      <table className="paper-table pledge-roster-table">
        <thead>
          <tr>
            <th className="cell col-no">{t('discipline.col.no')}</th>
            <th className="cell col-badge">{t('field.badge')}</th>
            <th className="cell col-name">{t('field.name')}</th>
            <th className="cell col-delegation">{t('field.delegation')}</th>
            <th className="cell col-time">{t('pledge.roster.signedAt')}</th>
            <th className="cell col-version">{t('pledge.roster.version')}</th>
            <th className="cell col-signature">{t('pledge.roster.signature')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.delegate.id} data-testid="pledge-roster-row" data-state={r.state}>
              <td className="cell col-no">{i + 1}</td>
              <td className="cell col-badge">{r.delegate.badge}</td>
              <td className="cell col-name">{r.delegate.name}</td>
              <td className="cell col-delegation">{r.delegate.delegation ?? ''}</td>
              <td className="cell col-time">{r.pledge ? formatTime(r.pledge.at).slice(0, 16) : ''}</td>
              <td className="cell col-version">
                {r.pledge ? t('pledge.roster.versionN', { v: r.pledge.textVersion }) : ''}
              </td>
              <td className="cell col-signature">
                <SignatureCell row={r} signatures={signatures} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {text && (
        <section className="pledge-roster-text">
          <h2>{t('pledge.roster.textTitle', { version: text.version })}</h2>
          <div className="paper-body-text">{text.body}</div>
        </section>
      )}

      <PaperFooter t={t} seal={props.data.seal} printedAt={props.data.printedAt} roles={[]} />
    </article>
  );
}

function SignatureCell(props: { row: PledgeRow; signatures: ReadonlyMap<string, string>; t: Translate }) {
  const { row: r, t } = props;
  if (r.state === 'signed' && r.pledge) {
    const png = props.signatures.get(signatureKey(r.pledge));
    return png ? (
      <img
        className="pledge-signature-img"
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
      <span className="pledge-roster-refused">
        {t('pledge.state.refused')}
        {r.pledge?.note ? t('pledge.roster.note', { note: r.pledge.note }) : ''}
      </span>
    );
  }
  return <span className="pledge-roster-missing">{t(`pledge.roster.state.${r.state}`)}</span>;
}
