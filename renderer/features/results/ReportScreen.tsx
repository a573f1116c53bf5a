import { ExportOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Select, Space, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { currentMeeting, useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { paper } from '../../components/print/PaperForm.js';
import { PrintToolbar } from '../../components/print/PrintToolbar.js';
import { joinPath } from '../../lib/paths.js';
import { openPrintWindow } from '../../lib/print.js';
import { ContestStatusTag, roundLabel } from '../contests/labels.js';
import { useContestList } from '../contests/queries.js';
import { isCounted } from '../contests/store.js';
import styles from './ReportScreen.module.css';
import { FORM_KINDS, type FormKind, type FormSpec, printRouteOf, useFormView } from './useFormView.js';

interface FormItem {
  spec: FormSpec;
  label: string;
  /** The round's kind as well (另行选举, 重新选举…), on hover. */
  title?: string;
  testId: string;
}

interface FormGroup {
  key: string;
  title: string;
  status?: 'setup' | 'voting' | 'closed';
  items: FormItem[];
}

/**
 * 报告单: rule 11's paper forms of one meeting — attendance, ballots distributed, and per
 * contest the count of each round and the election result — listed on the left, the chosen
 * one on the right as it prints, with Print, Save as PDF, and Open in its own window.
 * `?meeting=ID&form=KIND&id=ID` says which.
 */
export function ReportScreen() {
  const t = useT();
  const meetings = useCongress((s) => s.meetings);
  const current = useCongress(currentMeeting);
  const defaultDirectory = useCongress((s) => s.info?.defaultDirectory ?? '');
  const query = useRoute((s) => s.query);
  const navigate = useRoute((s) => s.navigate);

  const requested = Number(query.meeting);
  const meetingId = meetings.some((m) => m.id === requested) ? requested : (current?.id ?? null);
  const contestList = useContestList(meetingId);
  const list = contestList.loaded ? contestList.contests : undefined;
  const listError = contestList.error;

  const groups = useMemo((): FormGroup[] => {
    if (meetingId === null) return [];
    const meeting = meetings.find((m) => m.id === meetingId);
    const out: FormGroup[] = [
      {
        key: 'meeting',
        title: meeting?.name ?? '',
        items: [
          { spec: { kind: 'attendance', id: meetingId }, label: t('report.title'), testId: 'report-form-attendance' },
          { spec: { kind: 'ballots', id: meetingId }, label: t('ballotsForm.title'), testId: 'report-form-ballots' },
        ],
      },
    ];
    for (const [i, c] of (list ?? []).entries()) {
      const rounds = [...(contestList.details[i]?.rounds ?? [])].filter(isCounted).sort((a, b) => a.number - b.number);
      out.push({
        key: `contest-${c.id}`,
        title: c.title,
        status: c.status,
        items: [
          ...rounds.map((r) => ({
            spec: { kind: 'count' as const, id: r.id },
            label: t('reports.countItem', { n: r.number }),
            title: roundLabel(t, r),
            testId: 'report-form-count',
          })),
          { spec: { kind: 'election', id: c.id }, label: t('electionForm.title'), testId: 'report-form-election' },
        ],
      });
    }
    return out;
  }, [meetingId, meetings, list, contestList.details, t]);

  const kind: FormKind = (FORM_KINDS as readonly string[]).includes(query.form ?? '')
    ? (query.form as FormKind)
    : 'attendance';
  const queryId = Number(query.id);
  const selected: FormSpec | null =
    meetingId === null
      ? null
      : kind === 'attendance' || kind === 'ballots'
        ? { kind, id: meetingId }
        : Number.isInteger(queryId) && queryId > 0
          ? { kind, id: queryId }
          : { kind: 'attendance', id: meetingId };
  const view = useFormView(selected?.kind ?? null, selected?.id ?? null);

  const select = (spec: FormSpec) =>
    navigate('report', {
      meeting: String(meetingId),
      form: spec.kind,
      ...(spec.kind === 'count' || spec.kind === 'election' ? { id: String(spec.id) } : {}),
    });
  const isSelected = (spec: FormSpec) => selected?.kind === spec.kind && selected.id === spec.id;

  return (
    <div className="page" data-testid="report-page">
      <div className="page-head no-print">
        <Typography.Title level={3}>{t('reports.title')}</Typography.Title>
        <Space>
          <Typography.Text type="secondary">{t('report.meeting')}</Typography.Text>
          <Select
            className={styles.meetingSelect}
            value={meetingId ?? undefined}
            options={meetings.map((m) => ({ value: m.id, label: `${m.name} · ${m.date}` }))}
            onChange={(id: number) => navigate('report', { meeting: String(id) })}
            popupMatchSelectWidth={false}
            data-testid="report-meeting"
          />
        </Space>
      </div>
      {meetingId === null ? (
        <Alert type="info" title={t('report.noMeeting')} />
      ) : (
        <div className={styles.layout}>
          <nav className={`${styles.forms} no-print`} data-testid="report-forms" aria-label={t('reports.title')}>
            {listError && <ErrorAlert error={listError} />}
            {groups.map((g) => (
              <section key={g.key} className={styles.group}>
                <div className={styles.groupTitle}>
                  <Typography.Text strong ellipsis title={g.title}>
                    {g.title}
                  </Typography.Text>
                  {g.status && <ContestStatusTag status={g.status} t={t} />}
                </div>
                {g.items.map((item) => (
                  <button
                    type="button"
                    key={`${item.spec.kind}-${item.spec.id}`}
                    className={isSelected(item.spec) ? `${styles.item} ${styles.active}` : styles.item}
                    aria-current={isSelected(item.spec)}
                    title={item.title}
                    data-testid={item.testId}
                    data-id={item.spec.id}
                    onClick={() => select(item.spec)}
                  >
                    <FileTextOutlined />
                    <span>{item.label}</span>
                  </button>
                ))}
              </section>
            ))}
            {list && list.length === 0 && (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.noContests')} />
            )}
          </nav>
          <div className={styles.preview}>
            <PrintToolbar
              className={styles.toolbar}
              ready={view.ready}
              pdfPath={joinPath(defaultDirectory, view.pdfName)}
              t={t}
              extra={
                selected && (
                  <Button
                    icon={<ExportOutlined />}
                    data-testid="report-open-window"
                    onClick={() => {
                      const route = printRouteOf(selected);
                      openPrintWindow(route.page, route.query);
                    }}
                  >
                    {t('reports.openWindow')}
                  </Button>
                )
              }
            />
            {view.error && <ErrorAlert error={view.error} />}
            <div
              className={`${paper.sheet} ${styles.sheet}`}
              data-testid="report-sheet"
              data-ready={view.ready}
              data-form={selected?.kind}
            >
              {view.form ?? (view.error ? null : <Spin />)}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
