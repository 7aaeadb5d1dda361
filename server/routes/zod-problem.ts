/**
 * A zod failure at the boundary as one bilingual 400 naming where the body is wrong and
 * why, e.g. `inputs：应为对象 / inputs: expected an object ...`.
 */
import type { z } from 'zod';
import { ServiceError } from '../service-error.js';

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数',
  int: '整数',
  boolean: '真假值',
  object: '对象',
  array: '数组',
  record: '对象',
};

function reasonZh(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `类型不对，应为${TYPE_ZH[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' || issue.origin === 'array' ? `太短，至少 ${String(issue.minimum)}` : `太小，至少 ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? `太长，最多 ${String(issue.maximum)}` : `太大，最多 ${String(issue.maximum)}`;
    case 'invalid_format':
      return '格式不对';
    case 'custom':
      return typeof issue.params?.zh === 'string' ? issue.params.zh : issue.message;
    case 'invalid_value':
      return `取值不对，可选：${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    default:
      return issue.message;
  }
}

export function zodProblem(error: z.ZodError, what: { zh: string; en: string }, hint: { zh: string; en: string }): ServiceError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)';
  const why = issue?.message ?? 'invalid';
  const whyZh = issue ? reasonZh(issue) : '不合要求';
  return new ServiceError(400, 'BAD_REQUEST', { zh: `${what.zh}不合要求：${where}：${whyZh}。${hint.zh}`, en: `The ${what.en} is not valid at ${where}: ${why}. ${hint.en}` });
}
