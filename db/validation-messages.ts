/**
 * Contract validation failures as reasons (core/reasons.ts `input.*`) naming the field and the
 * limit: `input.too_long` {field: 'name', max: 64} reads 字段 name: 不能超过 64 个字符 / Field name:
 * at most 64 characters. A schema's own message is a reason key (core/contract.ts writes
 * `.regex(…, 'input.date')`), else the issue's code decides.
 */
import type { z } from 'zod';
import { isReason, type ReasonKey, type ReasonParams } from '../core/reasons.js';
import { type AppError, refuse } from '../core/result.js';

interface Problem {
  reason: ReasonKey;
  params: ReasonParams;
}

const limit = (value: unknown) => (typeof value === 'bigint' ? Number(value) : (value as number));

/** A refinement's own values (the character of `input.invisible_char`), strings and numbers only. */
function reasonParamsOf(params: Record<string, unknown> | undefined): ReasonParams {
  const out: ReasonParams = {};
  for (const [k, v] of Object.entries(params ?? {})) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

function problem(issue: z.core.$ZodIssue, field: string): Problem {
  const at = (reason: ReasonKey, more: ReasonParams = {}): Problem => ({ reason, params: { field, ...more } });
  if (isReason(issue.message)) return at(issue.message, issue.code === 'custom' ? reasonParamsOf(issue.params) : {});
  // Parsed with `reportInput`, so a missing field shows as an undefined input.
  if ('input' in issue && issue.input === undefined && issue.code !== 'unrecognized_keys') return at('input.required');
  switch (issue.code) {
    case 'invalid_type':
      return at('input.type', { expected: issue.expected });
    case 'too_small': {
      const min = limit(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? at('input.empty') : at('input.too_short', { min });
      if (issue.origin === 'array') return at('input.too_few', { min });
      return at(issue.inclusive ? 'input.too_small' : 'input.not_above', { min });
    }
    case 'too_big': {
      const max = limit(issue.maximum);
      if (issue.origin === 'string') return at('input.too_long', { max });
      if (issue.origin === 'array') return at('input.too_many', { max });
      return at(issue.inclusive ? 'input.too_large' : 'input.not_below', { max });
    }
    case 'invalid_value':
      return at('input.one_of', { values: issue.values.map(String).join(' / ') });
    case 'invalid_format':
      return at('input.format');
    case 'unrecognized_keys':
      return at('input.unknown_field');
    default:
      return at('input.invalid');
  }
}

/** `a.b.0` for a nested path; unknown keys are named by the key itself. */
function fieldOf(issue: z.core.$ZodIssue): string {
  const base = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) base.push(issue.keys[0]);
  return base.join('.');
}

/**
 * The first issue decides the error; all of them are in `details`. `root` names what was parsed
 * when an issue has no field: `input` (the call's input) or `context` (the call's envelope).
 */
export function invalidInput(error: z.ZodError, root = 'input'): AppError {
  const toAppError = (issue: z.core.$ZodIssue): AppError => {
    const field = fieldOf(issue);
    const where = field ? { field } : {};
    // The envelope's fault is the program's, not the operator's input: said as such. Except the
    // name typed at a station before there are operators: an invisible character in it is named.
    if (root === 'context' && issue.message !== 'input.invisible_char')
      return refuse('invalid_input', 'input.context', { field: field || root }, where).error;
    const { reason, params } = problem(issue, field || root);
    return refuse('invalid_input', reason, params, where).error;
  };
  const all = error.issues.map(toAppError);
  const first = all[0] ?? refuse('invalid_input', 'input.invalid', { field: root }).error;
  return all.length > 1 ? { ...first, details: all } : first;
}
