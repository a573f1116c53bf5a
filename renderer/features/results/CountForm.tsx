import type { Congress, Meeting } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import { NamesIn } from '../../components/NameList.js';
import type { PaperOfficial, PaperSeal } from '../../components/print/PaperFooter.js';
import {
  cell,
  columnsOf,
  numberedColumns,
  PaperForm,
  type PaperSheet,
  paper,
} from '../../components/print/PaperForm.js';
import { splitTail } from '../../components/print/PaperTail.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import { roundLabel } from '../contests/labels.js';
import { type ResultLine, resultLines } from '../contests/result-lines.js';
import type { Candidate, Contest, RoundResult } from '../contests/store.js';

export interface CountFormData {
  congress: Congress;
  meeting: Meeting;
  contest: Contest;
  candidates: Candidate[];
  result: RoundResult;
  /** Rule 13: the contest's 总监票人, 监票人 and 计票人, named under their signature lines. */
  officials: readonly PaperOfficial[];
  seal: PaperSeal | null;
  printedAt: string;
}

const SHEET: PaperSheet = { title: 'countForm.title', testId: 'count-report', compact: true };
/** A candidate's three counts; a written-in name has only 赞成 (rule 4). */
const VOTES = ['for', 'against', 'abstain'] as const;

/**
 * 计票结果报告单 of one round: papers issued and collected, valid and invalid; for every
 * candidate in paper order and every written-in name 赞成, 不赞成, 弃权; the threshold; who is
 * elected. Until the chief scrutineer closes the round the form says the figures are not final.
 */
export function CountForm(props: { data: CountFormData; t: Translate }) {
  const { t } = props;
  const { contest, candidates, result } = props.data;
  const { round, tally, decision } = result;
  // A void round (rule 2, rule 16) elects nobody, whatever its count says.
  const voided = round.status === 'void';
  const electedList = voided ? [] : decision.elected;
  const lines = resultLines(result, candidates, electedList);
  const closed = round.status === 'closed';
  const complete = !result.provisional.includes('ballots_missing');
  const figures: { key: string; label: MessageKey; value: number | null }[] = [
    { key: 'seats', label: 'countForm.seats', value: round.seats },
    { key: 'present', label: 'countForm.present', value: round.votersPresent },
    { key: 'issued', label: 'countForm.issued', value: round.issued },
    { key: 'collected', label: 'countForm.collected', value: round.collected },
    { key: 'valid', label: 'countForm.valid', value: tally.valid },
    { key: 'invalid', label: 'countForm.invalid', value: tally.invalid },
  ];
  const names = electedList.map((e) => t('countForm.electedItem', { name: e.name, votes: e.votes }));
  // Rule 4: marked write-ins that count for nobody, shown so the scrutineers see what happened.
  const disregarded = tally.disregardedWriteIns;
  const { body, tail } = splitTail(lines);
  const row = (l: ResultLine) => (
    <tr key={l.key} data-testid="count-row" data-name={l.name} data-elected={l.elected}>
      <td className={cell.no}>{l.no}</td>
      <td className={cell.name}>{l.writeIn ? t('countForm.writeInName', { name: l.name }) : l.name}</td>
      {VOTES.map((v) => (
        <td key={v} className={cell.num}>
          {l[v] ?? t('countForm.notApplicable')}
        </td>
      ))}
      <td className={cell.mark}>{l.elected ? t(closed ? 'results.elected' : 'results.electedProvisional') : ''}</td>
    </tr>
  );
  const columns = [
    ...numberedColumns(t),
    ...columnsOf(VOTES, (v) => t(`results.${v}`), cell.num),
    { key: 'result', label: t('countForm.col.result'), className: cell.mark },
  ];

  return (
    <PaperForm
      {...props}
      sheet={SHEET}
      about={[
        { label: t('paperForm.contest'), value: contest.title },
        { label: t('paperForm.round'), value: roundLabel(t, round) },
      ]}
      closed={closed}
      table={{
        grid: true,
        dense: true,
        testId: 'count-table',
        columns,
        body: body.map(row),
        tail: tail.map(row),
        end: (
          <>
            {tally.writeIns.length > 0 && <p className={paper.note}>{t('countForm.writeInNote')}</p>}
            {disregarded.length > 0 && (
              <p className={paper.note} data-testid="count-disregarded">
                {t('countForm.disregarded', {
                  list: disregarded
                    .map((d) =>
                      t('countForm.disregardedItem', {
                        name: d.name,
                        n: d.count,
                        why: t(`countForm.disregarded.${d.reason}` as MessageKey),
                      }),
                    )
                    .join(t('list.clauseSeparator')),
                })}
              </p>
            )}
            <p className={paper.statement} data-testid="count-elected">
              {names.length > 0 ? (
                <NamesIn
                  sentence={(list) => t('countForm.elected', { n: names.length, names: list })}
                  items={names}
                  separator={t('list.separator')}
                />
              ) : (
                t('countForm.electedNone')
              )}
            </p>
            {complete && !voided && decision.tie && (
              <p className={paper.lead}>
                <NamesIn
                  sentence={(list) => t('results.tie', { names: list, seats: decision.tie!.seats })}
                  items={decision.tie.tied.map((x) => x.name)}
                  separator={t('list.separator')}
                />
              </p>
            )}
            {complete && !voided && decision.unfilled > 0 && (
              <p className={paper.lead}>{t('results.unfilled', { n: decision.unfilled })}</p>
            )}
          </>
        ),
      }}
    >
      {round.status === 'void' && (
        // Rule 2 (more papers collected than issued) or rule 16 (the presidium's 选举无效): counts for nothing.
        <p className={paper.warning} data-testid="count-void">
          {round.voidDeclaration
            ? t('countForm.voidDeclared', { reason: round.voidDeclaration.reason })
            : t('countForm.void')}
        </p>
      )}
      {!closed && round.status !== 'void' && (
        <p className={paper.warning} data-testid="count-provisional">
          {t('countForm.provisional', {
            why: result.provisional.map((p) => t(`results.provisional.${p}` as MessageKey)).join(t('list.separator')),
          })}
        </p>
      )}
      <table className={`${paper.table} ${paper.figures}`} data-testid="count-figures">
        <thead>
          <tr>
            {figures.map((f) => (
              <th key={f.key}>{t(f.label)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {figures.map((f) => (
              <td key={f.key} data-testid={`count-${f.key}`}>
                {f.value === null ? '' : t('countForm.figure', { n: f.value })}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {tally.pendingSetAside > 0 && (
        <p className={paper.note}>{t('countForm.setAside', { n: tally.pendingSetAside })}</p>
      )}
      <p className={paper.lead} data-testid="count-threshold">
        {t(decision.basisKind === 'due' ? 'countForm.threshold.due' : 'countForm.threshold.present', {
          basis: decision.basis,
          threshold: decision.threshold,
        })}
      </p>
    </PaperForm>
  );
}
