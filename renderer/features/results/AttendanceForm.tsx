import type { ReactNode } from 'react';
import type { AttendanceRecord, AttendanceSummary, Congress, Delegate, Meeting } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import { NameList } from '../../components/NameList.js';
import type { PaperSeal } from '../../components/print/PaperFooter.js';
import { PaperForm, type PaperSheet, paper } from '../../components/print/PaperForm.js';
import { splitTail } from '../../components/print/PaperTail.js';
import type { MessageKey } from '../../i18n/zh-CN.js';

export interface AttendanceFormData {
  congress: Congress;
  meeting: Meeting;
  summary: AttendanceSummary;
  records: AttendanceRecord[];
  delegates: readonly Delegate[];
  seal: PaperSeal | null;
  printedAt: string;
}

const SHEET: PaperSheet = { title: 'report.title', testId: 'attendance-report', venue: true };

/**
 * 清点到会人数报告单, laid out like the paper form the scrutineers sign: the figures, the
 * names on leave (with reasons) and absent, those apart from the count, the quorum
 * statement, and the signature lines with the key's fingerprint and the result's hash.
 */
export function AttendanceForm(props: { data: AttendanceFormData; t: Translate }) {
  const { t } = props;
  const { summary: s, records, delegates } = props.data;
  const recordOf = new Map(records.map((r) => [r.delegateId, r]));
  // Rule 14: at a plenary the members are the electorate; rule 16: the approved exclusions are not due.
  const members = s.memberIds === null ? null : new Set(s.memberIds);
  const excluded = new Map(s.exclusions.map((x) => [x.delegateId, x]));
  const voting = delegates.filter(
    (d) => (members ? members.has(d.id) : d.category === 'voting') && !excluded.has(d.id),
  );
  const onLeave = voting.filter((d) => recordOf.get(d.id)?.status === 'leave');
  const absent = voting.filter((d) => {
    const status = recordOf.get(d.id)?.status;
    return status !== 'present' && status !== 'leave';
  });
  const presentOf = (category: Delegate['category']) =>
    members ? [] : delegates.filter((d) => d.category === category && recordOf.get(d.id)?.status === 'present');
  const byId = new Map(delegates.map((d) => [d.id, d]));
  // Each name its own <bdi> on the paper (NameList): one name's direction override stays in it.
  const list = (items: string[]) => <NameList items={items} separator={t('list.separator')} none={t('common.none')} />;
  const excludedNames = list(
    s.exclusions.map((x) => {
      const name = byId.get(x.delegateId)?.name ?? String(x.delegateId);
      const kind = t(`exclusion.kind.${x.kind}`);
      return x.note
        ? t('report.form.excludedItemNote', { name, kind, note: x.note })
        : t('report.form.excludedItem', { name, kind });
    }),
  );
  const nonvoting = presentOf('nonvoting');
  const alternates = presentOf('alternate');

  const names = (people: Delegate[]) => list(people.map((d) => d.name));
  const leaveNames = list(
    onLeave.map((d) => {
      const reason = recordOf.get(d.id)?.reason;
      return reason ? t('report.form.leaveItem', { name: d.name, reason }) : d.name;
    }),
  );

  const { met, allowEqual } = s.quorum;
  const statementKey = (
    members
      ? met
        ? allowEqual && 5 * s.present === 4 * s.due
          ? 'report.form.quorum.members.metEqual'
          : 'report.form.quorum.members.met'
        : allowEqual
          ? 'report.form.quorum.members.notMetEqual'
          : 'report.form.quorum.members.notMet'
      : met
        ? allowEqual && 5 * s.present === 4 * s.due
          ? 'report.form.quorum.metEqual'
          : 'report.form.quorum.met'
        : allowEqual
          ? 'report.form.quorum.notMetEqual'
          : 'report.form.quorum.notMet'
  ) satisfies MessageKey;

  const count = (n: number) => t('report.form.count', { n });
  const rows: { key: string; label: string; n: number; names?: ReactNode; testId: string }[] = [
    { key: 'due', label: t(members ? 'report.form.dueMembers' : 'report.form.due'), n: s.due, testId: 'report-due' },
    {
      key: 'present',
      label: t(members ? 'report.form.presentMembers' : 'report.form.present'),
      n: s.present,
      testId: 'report-present',
    },
    { key: 'leave', label: t('report.form.leave'), n: s.leave, names: leaveNames, testId: 'report-leave' },
    { key: 'absent', label: t('report.form.absent'), n: s.absent, names: names(absent), testId: 'report-absent' },
    ...(s.exclusions.length > 0
      ? [
          {
            key: 'excluded',
            label: t('report.form.excluded'),
            n: s.exclusions.length,
            names: excludedNames,
            testId: 'report-excluded',
          },
        ]
      : []),
  ];
  // A plenary has no 列席 or 候补 rows: only its members attend.
  const apart: typeof rows = members
    ? []
    : [
        {
          key: 'nonvoting',
          label: t('report.form.nonvoting'),
          n: s.nonvotingPresent,
          names: names(nonvoting),
          testId: 'report-nonvoting',
        },
        {
          key: 'alternate',
          label: t('report.form.alternate'),
          n: s.alternatePresent,
          names: names(alternates),
          testId: 'report-alternate',
        },
      ];

  // The last rows go with the statement and the signature block (never alone on a page).
  const { body, tail } = splitTail([...rows, ...apart]);
  const row = (r: (typeof rows)[number]) => (
    <tr key={r.key} data-testid={r.testId}>
      <th scope="row">{r.label}</th>
      <td className={paper.count}>{count(r.n)}</td>
      <td className={paper.names}>{r.names ?? ''}</td>
    </tr>
  );

  return (
    <PaperForm
      {...props}
      sheet={SHEET}
      table={{
        span: 3,
        body: body.map(row),
        tail: tail.map(row),
        end: (
          <>
            <p className={paper.note}>{t(members ? 'report.form.membersNote' : 'report.form.nonvotingNote')}</p>
            {!members && s.exclusions.length > 0 && <p className={paper.note}>{t('report.form.excludedNote')}</p>}
            <p
              className={met ? paper.statement : `${paper.statement} ${paper.statementFail}`}
              data-testid="report-statement"
              data-met={met}
            >
              {t(statementKey, { present: s.present, due: s.due })}
            </p>
          </>
        ),
      }}
    />
  );
}
