import { DELEGATE_FIELD_NAMES } from '../../core/domain.js';
import type { Translate } from '../app/language.js';
import type { MessageKey } from '../i18n/zh-CN.js';

export const DELEGATE_FIELDS = DELEGATE_FIELD_NAMES;

export type DelegateField = (typeof DELEGATE_FIELDS)[number];

export const isDelegateField = (name: string): name is DelegateField =>
  (DELEGATE_FIELDS as readonly string[]).includes(name);

export const fieldLabel = (t: Translate, field: string): string =>
  isDelegateField(field) ? t(`field.${field}` as MessageKey) : field;

/** A stored value as people read it: 男/女, 正式代表…, or the text itself. */
export function fieldValue(t: Translate, field: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (field === 'gender' && (value === 'male' || value === 'female')) return t(`gender.${value}`);
  if (field === 'category' && (value === 'voting' || value === 'alternate' || value === 'nonvoting'))
    return t(`category.${value}`);
  return value;
}
