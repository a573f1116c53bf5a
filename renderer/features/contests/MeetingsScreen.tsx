import { CheckCircleFilled, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Meeting, MeetingApproval, MeetingElectorate } from '../../../core/domain.js';
import type { AppError } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { useCall } from '../../api/queries.js';
import { currentMeeting, useCongress } from '../../app/congress.js';
import { type Translate, useT } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { NoteField } from '../../components/NoteField.js';
import { noteOrNull, SubmitModal } from '../../components/SubmitModal.js';
import { errorTextNow, fieldErrors } from '../../lib/errors.js';
import { today } from '../../lib/paths.js';
import { useCan } from '../operators/station-store.js';
import { useCalls, written } from './calls.js';

/** Meetings of the congress; attendance is per meeting, the desk uses the current one. */
export function MeetingsScreen() {
  const t = useT();
  const { message } = App.useApp();
  const meetings = useCongress((s) => s.meetings);
  const current = useCongress(currentMeeting);
  const { createMeeting, setCurrentMeeting } = useCongress.getState();
  const [form] = Form.useForm<{
    name: string;
    date: string;
    electorate: MeetingElectorate;
    electorateContestId: number | null;
  }>();
  const electorate = Form.useWatch('electorate', form) ?? 'delegates';
  const [error, setError] = useState<AppError | null>(null);
  const canCreate = useCan('meetings.create');
  const canSetCurrent = useCan('meetings.setCurrent');
  const canApprove = useCan('meetings.approveResult');
  const facts = useMeetingFacts(meetings);
  const [approving, setApproving] = useState<Meeting | null>(null);
  const nameOf = (id: number) => meetings.find((m) => m.id === id)?.name ?? String(id);

  const columns: TableColumnsType<Meeting> = [
    { title: t('meetings.name'), dataIndex: 'name' },
    { title: t('meetings.date'), dataIndex: 'date', width: 120 },
    {
      // Rule 14: who votes at the meeting.
      title: t('meetings.electorate'),
      key: 'electorate',
      render: (_, m) => (
        <span data-testid="meeting-electorate" data-electorate={m.electorate}>
          {m.electorate === 'members'
            ? t('meetings.electorate.members', {
                contest: facts.contests.find((c) => c.id === m.electorateContestId)?.title ?? '',
              })
            : t('meetings.electorate.delegates')}
        </span>
      ),
    },
    {
      title: t('meetings.due'),
      key: 'due',
      width: 70,
      render: (_, m) => <span data-testid="meeting-due">{facts.due.get(m.id) ?? '–'}</span>,
    },
    {
      // Rule 14: the committee plenary approved the 纪委 plenary's result.
      title: t('meetings.approvals'),
      key: 'approvals',
      render: (_, m) => (
        <div data-testid="meeting-approvals">
          {facts.approvals
            .filter((a) => a.meetingId === m.id)
            .map((a) => (
              <div key={a.id}>{t('meetings.approved', { meeting: nameOf(a.approvedMeetingId) })}</div>
            ))}
          {facts.approvals
            .filter((a) => a.approvedMeetingId === m.id)
            .map((a) => (
              <div key={a.id}>{t('meetings.approvedBy', { meeting: nameOf(a.meetingId) })}</div>
            ))}
          {canApprove &&
            m.electorate === 'members' &&
            meetings.some((o) => o.id !== m.id && o.electorate === 'members') && (
              <Button size="small" data-testid="meeting-approve" onClick={() => setApproving(m)}>
                {t('meetings.approve')}
              </Button>
            )}
        </div>
      ),
    },
    {
      title: '',
      key: 'current',
      width: 180,
      render: (_, m) =>
        m.id === current?.id ? (
          <Tag icon={<CheckCircleFilled />} color="success" data-testid="meeting-current">
            {t('meetings.current')}
          </Tag>
        ) : (
          canSetCurrent && (
            <Button
              size="small"
              data-testid="meeting-make-current"
              onClick={async () => {
                const r = await setCurrentMeeting(m.id);
                if (!r.ok) void message.error(errorTextNow(r.error));
              }}
            >
              {t('meetings.makeCurrent')}
            </Button>
          )
        ),
    },
  ];

  return (
    <div className="page" data-testid="meetings-page">
      <Typography.Title level={3}>{t('meetings.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('meetings.hint')}</Typography.Paragraph>
      <DataTable<Meeting>
        rowKey="id"
        columns={columns}
        dataSource={meetings}
        emptyText={t('meetings.empty')}
        testId="meetings-table"
      />
      {canCreate && (
        <Card title={t('meetings.add')} className="page-card">
          {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
          <Form
            form={form}
            layout="inline"
            initialValues={{ name: '', date: today(), electorate: 'delegates', electorateContestId: null }}
            onFinish={async (v) => {
              setError(null);
              const members = v.electorate === 'members';
              const r = await createMeeting({
                name: v.name.trim(),
                date: v.date,
                electorate: v.electorate,
                electorateContestId: members ? (v.electorateContestId ?? null) : null,
              });
              if (r.ok) {
                form.resetFields();
                void message.success(t('meetings.created', { name: r.value.name }));
              } else {
                const byField = fieldErrors(r.error);
                if (byField.size > 0) {
                  form.setFields(
                    [...byField].map(([name, errors]) => ({
                      name: name as 'name' | 'date' | 'electorateContestId',
                      errors,
                    })),
                  );
                } else setError(r.error);
              }
            }}
          >
            <Form.Item
              name="name"
              label={t('meetings.name')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
            >
              <Input placeholder={t('meetings.name.placeholder')} data-testid="meeting-name" />
            </Form.Item>
            <Form.Item
              name="date"
              label={t('meetings.date')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input type="date" data-testid="meeting-date" />
            </Form.Item>
            <Form.Item name="electorate" label={t('meetings.field.electorate')}>
              <Select
                data-testid="meeting-electorate-select"
                style={{ width: 240 }}
                options={[
                  { value: 'delegates', label: t('meetings.field.electorate.delegates') },
                  { value: 'members', label: t('meetings.field.electorate.members') },
                ]}
              />
            </Form.Item>
            {electorate === 'members' && (
              <Form.Item
                name="electorateContestId"
                label={t('meetings.field.contest')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Select
                  data-testid="meeting-contest-select"
                  style={{ width: 220 }}
                  placeholder={t('meetings.field.contest.placeholder')}
                  notFoundContent={t('meetings.field.contest.none')}
                  options={facts.contests
                    .filter((c) => c.status === 'closed' && c.kind === 'election')
                    .map((c) => ({ value: c.id, label: `${c.title}(${nameOf(c.meetingId)})` }))}
                />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} data-testid="meeting-add">
              {t('meetings.add')}
            </Button>
          </Form>
        </Card>
      )}
      <ApproveModal
        meeting={approving}
        others={meetings.filter((m) => m.electorate === 'members' && m.id !== approving?.id)}
        t={t}
        onClose={() => setApproving(null)}
        onSubmit={async (approvedMeetingId, note) => {
          if (!approving) return null;
          const r = written(
            await invoke('meetings.approveResult', { meetingId: approving.id, approvedMeetingId, note }),
            { topic: 'meetings' },
          );
          if (!r.ok) return errorTextNow(r.error);
          void message.success(t('meetings.approve.done'));
          return null;
        }}
      />
    </div>
  );
}

/** Each meeting's contests, 应到 and the approvals recorded, for the list. */
function useMeetingFacts(meetings: Meeting[]) {
  const inputs = useMemo(() => meetings.map((m) => ({ meetingId: m.id })), [meetings]);
  const lists = useCalls('contests.list', inputs);
  const summaries = useCalls('attendance.summary', inputs);
  const approved = useCall('meetings.approvals', {});
  return useMemo(
    () => ({
      contests: lists.data.flatMap((list) => list ?? []),
      due: new Map(summaries.data.flatMap((s) => (s ? [[s.meetingId, s.due] as const] : []))),
      approvals: approved.data ?? NO_APPROVALS,
    }),
    [lists.data, summaries.data, approved.data],
  );
}

const NO_APPROVALS: MeetingApproval[] = [];

/** Rule 14: the committee plenary records that it approved the 纪委 plenary's result. */
function ApproveModal(props: {
  meeting: Meeting | null;
  others: Meeting[];
  t: Translate;
  onClose(): void;
  onSubmit(approvedMeetingId: number, note: string | null): Promise<string | null>;
}) {
  const { t, meeting } = props;
  return (
    <SubmitModal<{ approvedMeetingId: number; note: string }>
      open={meeting !== null}
      title={meeting ? t('meetings.approve.title', { meeting: meeting.name }) : ''}
      okText={t('meetings.approve.submit')}
      okTestId="approve-submit"
      t={t}
      onSubmit={(v) => props.onSubmit(v.approvedMeetingId, noteOrNull(v.note))}
      onClose={props.onClose}
    >
      {(serverError) => (
        <>
          <Form.Item
            name="approvedMeetingId"
            label={t('meetings.approve.meeting')}
            rules={[{ required: true, message: t('common.required') }]}
            {...serverError}
          >
            <Select
              data-testid="approve-meeting-select"
              options={props.others.map((m) => ({ value: m.id, label: m.name }))}
            />
          </Form.Item>
          <NoteField
            label={t('meetings.approve.note')}
            placeholder={t('meetings.approve.note.placeholder')}
            max={500}
            testId="approve-note"
          />
        </>
      )}
    </SubmitModal>
  );
}
