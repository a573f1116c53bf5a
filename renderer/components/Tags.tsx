import { Tag } from 'antd';
import type { AttendanceStatus, DelegateCategory } from '../../core/domain.js';
import type { Role } from '../../core/roles.js';
import type { Translate } from '../app/language.js';
import styles from './Tags.module.css';

const CATEGORY_COLOR: Record<DelegateCategory, string> = { voting: 'red', alternate: 'purple', nonvoting: 'blue' };
const STATUS_COLOR: Record<AttendanceStatus, string> = {
  present: 'success',
  leave: 'warning',
  absent: 'error',
  pending: 'default',
};

export function CategoryTag(props: { category: DelegateCategory; t: Translate; large?: boolean }) {
  return (
    <Tag
      color={CATEGORY_COLOR[props.category]}
      className={props.large ? styles.large : undefined}
      data-testid={`category-${props.category}`}
    >
      {props.t(`category.${props.category}`)}
    </Tag>
  );
}

export function StatusTag(props: { status: AttendanceStatus; t: Translate }) {
  return (
    <Tag color={STATUS_COLOR[props.status]} data-testid={`status-${props.status}`}>
      {props.t(`status.${props.status}`)}
    </Tag>
  );
}

const ROLE_COLOR: Record<Role, string> = {
  secretariat: 'red',
  clerk: 'blue',
  counter: 'green',
  scrutineer: 'orange',
  chief_scrutineer: 'volcano',
};

export function RoleTag(props: { role: Role; t: Translate }) {
  return (
    <Tag color={ROLE_COLOR[props.role]} data-testid="role-tag" data-role={props.role}>
      {props.t(`role.${props.role}`)}
    </Tag>
  );
}
