import { AutoComplete, Checkbox, Form, type FormInstance, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { DEFAULT_CONVENTION, type MarkingConvention, MEANINGS, PAPER_MARKS } from '../../../core/election-types.js';
import { requiredCandidates } from '../../../core/margin.js';
import { currentMeeting, useCongress } from '../../app/congress.js';
import type { Translate } from '../../app/language.js';
import { RecordFormModal } from '../../components/RecordFormModal.js';
import styles from './ContestFormModal.module.css';
import { type Contest, type ContestFields, writeContest } from './store.js';

interface FormValues {
  title: string;
  kind: 'election' | 'prevote';
  seats: number;
  marginPercent: number;
  doubleEntry: boolean;
  paperGroup: string;
  /** Rule 3: the contest's own convention (「each contest (paper group) says which」). */
  marking: MarkingConvention;
}

const PRESETS = ['contests.preset.committee', 'contests.preset.discipline', 'contests.preset.delegates'] as const;

/**
 * Create a contest in the meeting, or edit one (only while in setup: the backend refuses
 * otherwise). Closed with the contest saved, or null.
 */
export function ContestFormModal(props: {
  /** The contest edited, 'new' for one to create, null while closed. */
  editing: Contest | 'new' | null;
  meetingId: number;
  paperGroups: string[];
  t: Translate;
  onClose(saved: Contest | null): void;
}) {
  const { t, editing } = props;
  const contest = editing === 'new' ? null : editing;
  // The contests screen works on the current meeting: at a plenary its contests are 等额.
  const plenary = useCongress((s) => currentMeeting(s)?.electorate === 'members');
  // A new contest starts from the congress's default convention (or its paper group's, which
  // the backend applies when the convention is left as it is).
  const defaultMarking = useCongress((s) => s.file?.congress.settings.marking ?? DEFAULT_CONVENTION);
  const values = useMemo<FormValues>(
    () =>
      contest
        ? {
            title: contest.title,
            kind: contest.kind,
            seats: contest.seats,
            marginPercent: contest.marginPercent,
            doubleEntry: contest.doubleEntry,
            paperGroup: contest.paperGroup ?? '',
            marking: contest.marking,
          }
        : // Rule 14: a plenary elects 书记, 副书记, 纪委书记 by equal number (等额): margin 0.
          {
            title: '',
            kind: 'election',
            seats: plenary ? 1 : 7,
            marginPercent: plenary ? 0 : 20,
            doubleEntry: false,
            paperGroup: '',
            marking: defaultMarking,
          },
    [contest, plenary, defaultMarking],
  );

  return (
    <RecordFormModal<FormValues, Contest>
      open={editing !== null}
      title={contest ? t('contests.form.editTitle', { title: contest.title }) : t('contests.form.addTitle')}
      t={t}
      values={values}
      okTestId="contest-form-submit"
      formTestId="contest-form"
      onSave={(v, form) => {
        const fields: ContestFields = {
          title: v.title.trim(),
          kind: v.kind,
          seats: v.seats,
          marginPercent: v.marginPercent,
          doubleEntry: v.doubleEntry,
          paperGroup: v.paperGroup.trim() || null,
          // Sent only when changed here: otherwise a new contest takes its paper group's convention.
          ...(markingTouched(form) ? { marking: v.marking } : {}),
        };
        return contest
          ? writeContest(contest.id, 'contests.update', { ...fields, contestId: contest.id })
          : writeContest(null, 'contests.create', { ...fields, meetingId: props.meetingId });
      }}
      onClose={props.onClose}
    >
      <Form.Item
        name="title"
        label={t('contests.field.title')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
      >
        <AutoComplete
          options={PRESETS.map((k) => ({ value: t(k) }))}
          placeholder={t('contests.field.title.placeholder')}
          data-testid="contest-title"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('contests.field.kind')}>
        <Radio.Group
          data-testid="contest-kind"
          options={[
            { value: 'election', label: t('contest.kind.election') },
            { value: 'prevote', label: t('contest.kind.prevote') },
          ]}
        />
      </Form.Item>
      <SeatsAndMargin t={t} />
      <Form.Item name="paperGroup" label={t('contests.field.paperGroup')} extra={t('contests.field.paperGroup.help')}>
        <AutoComplete
          options={props.paperGroups.map((g) => ({ value: g }))}
          placeholder={t('contests.field.paperGroup.placeholder')}
          data-testid="contest-paper-group"
        />
      </Form.Item>
      <Form.Item label={t('contests.field.marking')} extra={t('contests.field.marking.help')}>
        <Space wrap>
          {PAPER_MARKS.map((mark) => (
            <Space key={mark} size={4}>
              <span>{t(`settings.marking.${mark}`)}</span>
              <Form.Item name={['marking', mark]} noStyle>
                <Select
                  style={{ width: 110 }}
                  data-testid={`contest-marking-${mark}`}
                  options={MEANINGS.map((m) => ({ value: m, label: t(`count.meaning.${m}`) }))}
                />
              </Form.Item>
            </Space>
          ))}
        </Space>
        <Form.Item name={['marking', 'writeInNeedsMark']} valuePropName="checked" noStyle>
          <Checkbox className={styles.markingCheck}>{t('settings.marking.writeInNeedsMark')}</Checkbox>
        </Form.Item>
        <Form.Item name={['marking', 'writeInNeedsAgainst']} valuePropName="checked" noStyle>
          <Checkbox className={styles.markingCheck}>{t('settings.marking.writeInNeedsAgainst')}</Checkbox>
        </Form.Item>
      </Form.Item>
      <Form.Item name="doubleEntry" valuePropName="checked">
        <Checkbox data-testid="contest-double-entry">{t('contests.field.doubleEntry')}</Checkbox>
      </Form.Item>
      <Typography.Paragraph type="secondary" className={styles.note}>
        {t('contests.field.doubleEntry.help')}
      </Typography.Paragraph>
    </RecordFormModal>
  );
}

/** Seats and margin, and how many candidates they ask for (rule 4) once the seats make sense. */
function SeatsAndMargin(props: { t: Translate }) {
  const { t } = props;
  const seats = Form.useWatch<number | undefined>('seats') ?? 0;
  const margin = Form.useWatch<number | undefined>('marginPercent') ?? 0;
  const seatsOk = Number.isInteger(seats) && seats > 0;
  return (
    <div className="form-grid">
      <Form.Item
        name="seats"
        label={t('contests.field.seats')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} data-testid="contest-seats" />
      </Form.Item>
      <Form.Item
        name="marginPercent"
        label={t('contests.field.margin')}
        rules={[{ required: true, message: t('common.required') }]}
        extra={seatsOk ? t('contests.field.margin.help', { n: requiredCandidates(seats, margin) }) : undefined}
      >
        <InputNumber
          min={0}
          max={100}
          precision={0}
          suffix="%"
          style={{ width: '100%' }}
          data-testid="contest-margin"
        />
      </Form.Item>
    </div>
  );
}

const MARKING_FIELDS = ['circle', 'cross', 'none', 'writeInNeedsMark', 'writeInNeedsAgainst'] as const;

/** Whether the secretariat changed any part of the convention in this form. */
function markingTouched(form: FormInstance<FormValues>): boolean {
  return MARKING_FIELDS.some((f) => form.isFieldTouched(['marking', f]));
}
