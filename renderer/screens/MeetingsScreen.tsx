import { CheckCircleFilled, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Meeting } from '../../core/domain.js';
import type { AppError } from '../../core/result.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { errorTextNow, fieldErrors } from '../lib/errors.js';
import { today } from '../lib/paths.js';
import { currentMeeting, useCongress } from '../stores/congress.js';
import { useT } from '../stores/language.js';
import { useCan } from '../stores/station.js';

/** Meetings of the congress; attendance is per meeting, the desk uses the current one. */
export function MeetingsScreen() {
  const t = useT();
  const { message } = App.useApp();
  const meetings = useCongress((s) => s.meetings);
  const current = useCongress(currentMeeting);
  const { createMeeting, setCurrentMeeting } = useCongress.getState();
  const [form] = Form.useForm<{ name: string; date: string }>();
  const [error, setError] = useState<AppError | null>(null);
  const canCreate = useCan('meetings.create');
  const canSetCurrent = useCan('meetings.setCurrent');

  const columns: TableColumnsType<Meeting> = [
    { title: t('meetings.name'), dataIndex: 'name' },
    { title: t('meetings.date'), dataIndex: 'date', width: 140 },
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
      <Table<Meeting>
        rowKey="id"
        columns={columns}
        dataSource={meetings}
        pagination={false}
        locale={{ emptyText: t('meetings.empty') }}
        data-testid="meetings-table"
      />
      {canCreate && (
        <Card title={t('meetings.add')} className="page-card">
          {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
          <Form
            form={form}
            layout="inline"
            initialValues={{ name: '', date: today() }}
            onFinish={async (v) => {
              setError(null);
              const r = await createMeeting({ name: v.name.trim(), date: v.date });
              if (r.ok) {
                form.resetFields();
                void message.success(t('meetings.created', { name: r.value.name }));
              } else {
                const byField = fieldErrors(r.error);
                if (byField.size > 0) {
                  form.setFields([...byField].map(([name, errors]) => ({ name: name as 'name' | 'date', errors })));
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
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} data-testid="meeting-add">
              {t('meetings.add')}
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
