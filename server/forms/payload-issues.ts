/**
 * Turns zod's issues about a form payload into messages a finance clerk can act on:
 * which row (by number and by the unit's name), which field (by its printed column name),
 * what was there and what to enter instead, in Chinese then English.
 */
import type { z } from 'zod';
import { showValue, type Bilingual } from '../../formulas/core/errors.js';

export interface PayloadIssue {
  /** Where in the payload, e.g. "rows[2].director". */
  path: string;
  /** 1-based row number when the issue is inside a list of rows. */
  row?: number;
  /** The field's key, e.g. "director". */
  field?: string;
  zh: string;
  en: string;
}

const TYPE_NAMES: Record<string, Bilingual> = {
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  string: { zh: '文字', en: 'text' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象（{...}）', en: 'an object ({...})' },
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let here = root;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

function reason(issue: z.core.$ZodIssue, value: unknown, formId: string): Bilingual {
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return { zh: '缺少此项，请填写', en: 'is missing; please fill it in' };
      const t = TYPE_NAMES[issue.expected] ?? { zh: issue.expected, en: issue.expected };
      return { zh: `应为${t.zh}，现为 ${showValue(value)}`, en: `must be ${t.en}; got ${showValue(value)}` };
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return { zh: '不能为空', en: 'must not be empty' };
      if (issue.origin === 'array') return { zh: `至少要有 ${min} 项`, en: `needs at least ${min} item(s)` };
      return issue.inclusive
        ? { zh: `应不小于 ${min}，现为 ${showValue(value)}`, en: `must be at least ${min}; got ${showValue(value)}` }
        : { zh: `应大于 ${min}，现为 ${showValue(value)}`, en: `must be more than ${min}; got ${showValue(value)}` };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return { zh: `不能超过 ${max} 个字`, en: `must be at most ${max} characters long` };
      if (issue.origin === 'array') return { zh: `最多 ${max} 项`, en: `may hold at most ${max} items` };
      return { zh: `应不大于 ${max}，现为 ${showValue(value)}`, en: `must be at most ${max}; got ${showValue(value)}` };
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v));
      return { zh: `应为 ${allowed.join('、')} 之一，现为 ${showValue(value)}`, en: `must be one of ${allowed.join(', ')}; got ${showValue(value)}` };
    }
    case 'unrecognized_keys':
      return {
        zh: `有不认识的字段 ${issue.keys.join('、')}：请检查拼写（GET /api/v1/forms/${formId}/example 给出完整示例）`,
        en: `has unknown field(s) ${issue.keys.join(', ')}: check the spelling (GET /api/v1/forms/${formId}/example shows a complete payload)`,
      };
    case 'invalid_union':
      return { zh: `格式不对，现为 ${showValue(value)}`, en: `has the wrong form; got ${showValue(value)}` };
    case 'custom': {
      const cut = issue.message.indexOf(' / ');
      return cut < 0 ? { zh: issue.message, en: issue.message } : { zh: issue.message.slice(0, cut), en: issue.message.slice(cut + 3) };
    }
    default:
      return { zh: `不正确：${issue.message}`, en: `is not valid: ${issue.message}` };
  }
}

/** One issue per problem, in payload order; `fields` names the form's fields. */
export function describeIssues(error: z.ZodError, raw: unknown, fields: Record<string, Bilingual>, formId: string): PayloadIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path;
    const value = valueAt(raw, path);
    const rowAt = path.findIndex((key) => typeof key === 'number');
    let fieldAt = -1;
    for (let i = path.length - 1; i > rowAt; i--) {
      if (typeof path[i] === 'string') {
        fieldAt = i;
        break;
      }
    }
    const fieldKey = fieldAt >= 0 ? String(path[fieldAt]) : undefined;
    const item = fieldAt >= 0 ? path.slice(fieldAt + 1).find((key): key is number => typeof key === 'number') : undefined;
    const why = reason(issue, value, formId);
    const field = fieldKey ? (fields[fieldKey] ?? { zh: fieldKey, en: fieldKey }) : undefined;
    let whereZh = '';
    let whereEn = '';
    let row: number | undefined;
    if (rowAt >= 0) {
      row = (path[rowAt] as number) + 1;
      const list = String(path[rowAt - 1] ?? '');
      const listName = fields[list] ?? { zh: list, en: list };
      const record = valueAt(raw, path.slice(0, rowAt + 1));
      const name = record && typeof record === 'object' && typeof (record as { name?: unknown }).name === 'string' ? (record as { name: string }).name : undefined;
      whereZh = `${listName.zh}第 ${row} 行${name ? `（${name}）` : ''}`;
      whereEn = `row ${row} of ${listName.en}${name ? ` (${name})` : ''}`;
    }
    const itemZh = item !== undefined ? `第 ${item + 1} 项` : '';
    const itemEn = item !== undefined ? ` item ${item + 1}` : '';
    const fieldZh = field ? `“${field.zh}”（${fieldKey}）${itemZh}` : '';
    const fieldEn = field ? `field ${fieldKey} (${field.zh})${itemEn}` : '';
    const zhWhere = [whereZh, fieldZh].filter(Boolean).join('的') || '请求内容';
    const enWhere = [whereEn, fieldEn].filter(Boolean).join(', ') || 'the payload';
    return {
      path: pathText(path),
      ...(row !== undefined ? { row } : {}),
      ...(fieldKey ? { field: fieldKey } : {}),
      zh: `${zhWhere}：${why.zh}`,
      en: `${enWhere.charAt(0).toUpperCase()}${enWhere.slice(1)}: ${why.en}`,
    };
  });
}
