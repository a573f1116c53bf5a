import type { Congress, Meeting } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import { PaperFooter, type PaperSeal } from '../../components/print/PaperFooter.js';
import { meetingMeta, PaperHead } from '../../components/print/PaperHead.js';
import { formatTime } from '../../lib/paths.js';
import type { Oath } from './store.js';

export interface OathRecordData {
  congress: Congress;
  meeting: Meeting;
  oath: Oath;
  seal: PaperSeal | null;
  printedAt: string;
}

/**
 * 集中宣誓记录: when, who led it, how many took it (latecomers named apart), the text sworn,
 * the participants, and the lines to sign.
 */
export function OathRecordForm(props: { data: OathRecordData; t: Translate }) {
  const { t } = props;
  const { congress, meeting, oath } = props.data;
  const onTime = oath.participants.filter((p) => !p.late);
  const late = oath.participants.filter((p) => p.late);
  const time = oath.endedAt
    ? t('oath.form.timeRange', { start: formatTime(oath.startedAt), end: formatTime(oath.endedAt).slice(11) })
    : t('oath.form.timeOpen', { start: formatTime(oath.startedAt) });
  return (
    <article className="paper-form oath-record" data-testid="oath-record">
      <PaperHead
        congress={congress.name}
        title={t('oath.form.title')}
        meta={meetingMeta(t, meeting, congress.venue)}
        t={t}
      />

      <table className="paper-table">
        <tbody>
          <tr data-testid="oath-form-time">
            <th scope="row">{t('oath.form.time')}</th>
            <td>{time}</td>
          </tr>
          <tr data-testid="oath-form-leader">
            <th scope="row">{t('oath.form.leader')}</th>
            <td>{oath.leader ?? ''}</td>
          </tr>
          <tr data-testid="oath-form-count">
            <th scope="row">{t('oath.form.count')}</th>
            <td>
              {late.length > 0
                ? t('oath.form.countWithLate', { n: oath.participants.length, late: late.length })
                : t('report.form.count', { n: oath.participants.length })}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('oath.form.text')}</th>
            <td>
              <div className="paper-body-text">{oath.text.body}</div>
              <div className="paper-small">{t('discipline.text.version', { version: oath.text.version })}</div>
            </td>
          </tr>
        </tbody>
      </table>

      <section className="oath-form-names">
        <h2>{t('oath.form.participants', { n: onTime.length })}</h2>
        <ol className="oath-name-grid" data-testid="oath-form-names">
          {onTime.map((p) => (
            <li key={p.delegate.id}>
              <span className="oath-name-badge">{p.delegate.badge}</span>
              {p.delegate.name}
            </li>
          ))}
        </ol>
        {late.length > 0 && (
          <>
            <h2>{t('oath.form.latecomers', { n: late.length })}</h2>
            <ol className="oath-name-grid" data-testid="oath-form-late">
              {late.map((p) => (
                <li key={p.delegate.id}>
                  <span className="oath-name-badge">{p.delegate.badge}</span>
                  {p.delegate.name}
                  <span className="oath-name-time">{formatTime(p.joinedAt).slice(11, 16)}</span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <PaperFooter t={t} seal={props.data.seal} printedAt={props.data.printedAt} roles={['recorder']} />
    </article>
  );
}
