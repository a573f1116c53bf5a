import { AutoComplete, Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { DELEGATE_CATEGORIES, type Delegate, type DelegateFields, GENDERS } from '../../../core/domain.js';
import type { Result } from '../../../core/result.js';
import type { Translate } from '../../app/language.js';
import { RecordFormModal } from '../../components/RecordFormModal.js';
import { isDelegateField } from '../../lib/delegate-fields.js';

type FormValues = {
  badge: string;
  name: string;
  gender: DelegateFields['gender'] | undefined;
  ethnicity: string;
  birthDate: string;
  education: string;
  delegation: string;
  unit: string;
  category: DelegateFields['category'];
};

const blank: FormValues = {
  badge: '',
  name: '',
  gender: undefined,
  ethnicity: '',
  birthDate: '',
  education: '',
  delegation: '',
  unit: '',
  category: 'voting',
};

const toForm = (d: Delegate): FormValues => ({
  badge: d.badge,
  name: d.name,
  gender: d.gender ?? undefined,
  ethnicity: d.ethnicity ?? '',
  birthDate: d.birthDate ?? '',
  education: d.education ?? '',
  delegation: d.delegation ?? '',
  unit: d.unit ?? '',
  category: d.category,
});

const orNull = (s: string | undefined): string | null => (s?.trim() ? s.trim() : null);

const toFields = (v: FormValues): DelegateFields => ({
  badge: v.badge.trim(),
  name: v.name.trim(),
  gender: v.gender ?? null,
  ethnicity: orNull(v.ethnicity),
  birthDate: orNull(v.birthDate),
  education: orNull(v.education),
  delegation: orNull(v.delegation),
  unit: orNull(v.unit),
  category: v.category,
});

/** Add or edit one delegate by hand; the backend's errors land on their fields. */
export function DelegateFormModal(props: {
  open: boolean;
  delegate: Delegate | null;
  delegations: string[];
  t: Translate;
  onSave(fields: DelegateFields): Promise<Result<Delegate>>;
  onClose(saved: Delegate | null): void;
}) {
  const { t, delegate } = props;
  const values = useMemo(() => (delegate ? toForm(delegate) : blank), [delegate]);
  const required = { required: true, whitespace: true, message: t('common.required') };

  return (
    <RecordFormModal<FormValues, Delegate>
      open={props.open}
      title={delegate ? t('roster.form.editTitle', { name: delegate.name }) : t('roster.form.addTitle')}
      t={t}
      values={values}
      okTestId="delegate-save"
      formClassName="delegate-form"
      width={640}
      isField={isDelegateField}
      onSave={(v) => props.onSave(toFields(v))}
      onClose={props.onClose}
    >
      <div className="form-grid">
        <Form.Item name="badge" label={t('field.badge')} rules={[required, { max: 32 }]}>
          <Input data-testid="delegate-badge" />
        </Form.Item>
        <Form.Item name="name" label={t('field.name')} rules={[required, { max: 64 }]}>
          <Input data-testid="delegate-name" />
        </Form.Item>
        <Form.Item name="gender" label={t('field.gender')}>
          <Select
            allowClear
            placeholder={t('roster.form.unset')}
            options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
            data-testid="delegate-gender"
          />
        </Form.Item>
        <Form.Item name="ethnicity" label={t('field.ethnicity')} rules={[{ max: 32 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="birthDate"
          label={t('field.birthDate')}
          extra={t('roster.form.birthDate.help')}
          rules={[{ pattern: /^\d{4}-\d{2}(-\d{2})?$/, message: t('roster.form.birthDate.help') }]}
        >
          <Input placeholder="1975-06" data-testid="delegate-birth" />
        </Form.Item>
        <Form.Item name="education" label={t('field.education')} rules={[{ max: 32 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="delegation" label={t('field.delegation')} rules={[{ max: 64 }]}>
          <AutoComplete
            options={props.delegations.map((d) => ({ value: d }))}
            showSearch={{
              filterOption: (input, option) => String(option?.value ?? '').includes(input),
            }}
            data-testid="delegate-delegation"
          />
        </Form.Item>
        <Form.Item name="category" label={t('field.category')} rules={[{ required: true }]}>
          <Select
            options={DELEGATE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            data-testid="delegate-category"
          />
        </Form.Item>
        <Form.Item name="unit" label={t('field.unit')} rules={[{ max: 200 }]} className="form-grid-wide">
          <Input />
        </Form.Item>
      </div>
    </RecordFormModal>
  );
}
