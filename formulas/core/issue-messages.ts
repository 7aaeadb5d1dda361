/**
 * The one map from a validation issue to words, in Chinese and English, after zod's locale
 * files (packages/zod/src/v4/locales/zh-CN.ts in colinhacks/zod): one phrase per issue code.
 * Formula arguments (invoke.ts), form payloads (server/forms/payload-issues.ts) and request
 * bodies (server/routes) all say "what is wrong with this value" through it, so the same
 * kind of mistake reads the same wherever it is made. Callers add where (argument, row,
 * field) and what to enter instead.
 */
import type { z } from 'zod';
import { YES_NO_HINT } from './cells.js';
import type { Bilingual } from './errors.js';

/** A custom check's words in both languages: `.refine(ok, said('须大于 0', 'must be above 0'))`. */
export const said = (zh: string, en: string) => ({ message: en, params: { zh, en } });

/** The custom checks every range argument shares (excel-values.ts and the one range-reading path, number-cells.ts). */
export const RANGE_RULES = {
  ragged: said('各行长度不一致', 'has rows of different lengths'),
  vector: said('必须是一行或一列', 'must be a single row or column'),
  finite: said('不是有限的数', 'is not a finite number'),
};

const TYPE_NAMES: Record<string, Bilingual> = {
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  string: { zh: '文本', en: 'text' },
  boolean: YES_NO_HINT,
  array: { zh: '区域或列表', en: 'a range or list' },
  object: { zh: '对象（{...}）', en: 'an object ({...})' },
  record: { zh: '对象（{...}）', en: 'an object ({...})' },
};

const MAX_CHOICES_SHOWN = 6;

/** A value as a message shows it: short, and in each language its own words for blank, lists and objects. */
export function showValue(value: unknown): Bilingual {
  if (value === null || value === undefined) return { zh: '（空）', en: '(empty)' };
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return { zh: shown, en: shown };
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return { zh: String(value), en: String(value) };
  if (Array.isArray(value)) return { zh: `[${value.length} 项]`, en: `[${value.length} items]` };
  return { zh: '（对象）', en: '(an object)' };
}

/** What is wrong, as a predicate of the value: "不是整数" / "is not a whole number". */
export function issueReason(issue: z.core.$ZodIssue): Bilingual {
  switch (issue.code) {
    case 'invalid_type': {
      const type = TYPE_NAMES[issue.expected] ?? { zh: issue.expected, en: issue.expected };
      return { zh: `不是${type.zh}`, en: `is not ${type.en}` };
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return min === '1' ? { zh: '是空的', en: 'is empty' } : { zh: `少于 ${min} 项`, en: `has fewer than ${min} items` };
      }
      if (issue.origin === 'string') return min === '1' ? { zh: '是空的', en: 'is empty' } : { zh: `少于 ${min} 个字`, en: `is shorter than ${min} characters` };
      return issue.inclusive ? { zh: `小于 ${min}`, en: `is below ${min}` } : { zh: `不大于 ${min}`, en: `is not above ${min}` };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return { zh: `超过 ${max} 项`, en: `has more than ${max} items` };
      if (issue.origin === 'string') return { zh: `超过 ${max} 个字`, en: `is longer than ${max} characters` };
      return issue.inclusive ? { zh: `大于 ${max}`, en: `is above ${max}` } : { zh: `不小于 ${max}`, en: `is not below ${max}` };
    }
    case 'invalid_value': {
      // Long alias lists (Chinese names among them) would flood a tooltip: the first few, then "…".
      const shown = issue.values.slice(0, MAX_CHOICES_SHOWN).map((v) => (typeof v === 'string' ? v : String(v)));
      const more = issue.values.length > shown.length ? '…' : '';
      return { zh: `不是可选值之一（${shown.join('、')}${more}）`, en: `is not one of the choices (${shown.join(', ')}${more})` };
    }
    case 'invalid_format':
      return { zh: '格式不对', en: `is not in the expected form (${issue.format})` };
    case 'invalid_union':
      return { zh: '形式不对', en: 'has the wrong form' };
    case 'unrecognized_keys':
      return { zh: `有不认识的字段 ${issue.keys.join('、')}：请检查拼写`, en: `has unknown field(s) ${issue.keys.join(', ')}: check the spelling` };
    case 'not_multiple_of':
      return { zh: `不是 ${String(issue.divisor)} 的整数倍`, en: `is not a multiple of ${String(issue.divisor)}` };
    case 'custom': {
      const words = issue.params as Partial<Bilingual> | undefined;
      if (typeof words?.zh === 'string' && typeof words.en === 'string') return { zh: words.zh, en: words.en };
      return { zh: '不符合要求', en: issue.message };
    }
    default:
      return { zh: '不符合要求', en: issue.message };
  }
}

/** The value and what is wrong with it ("5.5 不是整数" / "5.5 is not a whole number"); a missing value says so. */
export function valueProblem(issue: z.core.$ZodIssue, value: unknown): Bilingual {
  if (value === undefined && issue.code === 'invalid_type') return { zh: '缺少此项，请填写', en: 'is missing; please fill it in' };
  const reason = issueReason(issue);
  if (issue.code === 'unrecognized_keys') return reason;
  const shown = showValue(value);
  return { zh: `${shown.zh} ${reason.zh}`, en: `${shown.en} ${reason.en}` };
}

/** Where in a body, e.g. "rows[2].deputies"; "(body)" for the whole of it. */
export function issuePath(path: readonly PropertyKey[]): string {
  const text = path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${String(key)}` : String(key)), '');
  return text || '(body)';
}

/** The value an issue's path points at inside `root`. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let here = root;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/**
 * For "one value or a range" the union fails as a whole; the branch that got furthest into
 * the input (the longest path, e.g. row 3 of a range) says what is wrong.
 */
export function deepestIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union') return issue;
  const candidates = issue.errors.flat().filter((i) => i.path.length > 0);
  if (candidates.length === 0) return issue;
  const best = candidates.reduce((a, b) => (b.path.length > a.path.length ? b : a));
  return { ...best, path: [...issue.path, ...best.path] } as z.core.$ZodIssue;
}
