/** Operators and their PINs. */
import type { ReasonText } from './text.js';

export const operatorReasons = {
  'operator.not_found': { 'zh-CN': '操作员不存在(编号 {id})', en: 'No such operator (id {id})' },
  'operator.first_must_be_secretariat': {
    'zh-CN': '第一位操作员须为大会秘书处:此后每项修改都要先登录',
    en: 'The first operator must be the secretariat: from then on every change needs a sign-in',
  },
  'operator.name_taken': { 'zh-CN': '已有名为「{name}」的操作员', en: 'There is an operator named {name} already' },
  'operator.last_secretariat': {
    'zh-CN': '「{name}」是唯一的大会秘书处操作员,不能停用或改为其他角色',
    en: '{name} is the only secretariat operator: they cannot be disabled or given another role',
  },
  'operator.disabled': { 'zh-CN': '操作员「{name}」已停用', en: 'Operator {name} is disabled' },
  'operator.pin_wait': {
    'zh-CN': '「{name}」PIN 连续输错,请 {seconds} 秒后再试',
    en: "{name}'s PIN was wrong several times: try again in {seconds} s",
  },
  'operator.pin_wrong': { 'zh-CN': '「{name}」的 PIN 不正确', en: "{name}'s PIN is not correct" },
} satisfies Record<string, ReasonText>;
