/**
 * Contract validation failures in words for the person at the desk: `字段 badge: 不能为空`.
 * The contract's own Chinese messages (e.g. 日期格式应为 YYYY-MM-DD) are kept as they are.
 */
import type { z } from 'zod';
import type { AppError } from '../core/result.js';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  object: '对象',
  array: '列表',
  null: '空值',
};

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

function problem(issue: z.core.$ZodIssue): string {
  if (hasChinese(issue.message)) return issue.message;
  // Parsed with `reportInput`, so a missing field shows as an undefined input.
  if ('input' in issue && issue.input === undefined && issue.code !== 'unrecognized_keys') return '必须填写';
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字符`;
      if (issue.origin === 'array') return `至少 ${issue.minimum} 项`;
      return issue.inclusive ? `不能小于 ${issue.minimum}` : `必须大于 ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `不能超过 ${issue.maximum} 个字符`;
      if (issue.origin === 'array') return `不能超过 ${issue.maximum} 项`;
      return issue.inclusive ? `不能大于 ${issue.maximum}` : `必须小于 ${issue.maximum}`;
    case 'invalid_value':
      return `应为 ${issue.values.map(String).join(' / ')} 之一`;
    case 'invalid_format':
      return '格式不正确';
    case 'unrecognized_keys':
      return '不是本操作的字段';
    default:
      return '不正确';
  }
}

/** `a.b.0` for a nested path; unknown keys are named by the key itself. */
function fieldOf(issue: z.core.$ZodIssue): string {
  const base = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) base.push(issue.keys[0]);
  return base.join('.');
}

/** The first issue decides the message; all of them are in `details`. */
export function invalidInput(error: z.ZodError, root = '输入'): AppError {
  const toAppError = (issue: z.core.$ZodIssue): AppError => {
    const field = fieldOf(issue);
    const message = `${field ? `字段 ${field}` : root}: ${problem(issue)}`;
    return field ? { code: 'invalid_input', message, field } : { code: 'invalid_input', message };
  };
  const all = error.issues.map(toAppError);
  const first = all[0] ?? { code: 'invalid_input', message: `${root}: 不正确` };
  return all.length > 1 ? { ...first, details: all } : first;
}
