/**
 * Turns zod's issues about a form payload into messages a finance clerk can act on:
 * which row (by number and by the unit's name), which field (by its printed column name),
 * what was there and what to enter instead, in Chinese then English.
 */
import type { z } from 'zod';
import type { Bilingual } from '../../formulas/core/errors.js';
import { issuePath, valueAt, valueProblem } from '../../formulas/core/issue-messages.js';
import { rowLabel } from '../../formulas/core/row-label.js';

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

/** The issue map's words, with the form's own example named for a misspelt field. */
function reason(issue: z.core.$ZodIssue, value: unknown, formId: string): Bilingual {
  const why = valueProblem(issue, value);
  if (issue.code !== 'unrecognized_keys') return why;
  return {
    zh: `${why.zh}（GET /api/v1/forms/${formId}/example 给出完整示例）`,
    en: `${why.en} (GET /api/v1/forms/${formId}/example shows a complete payload)`,
  };
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
      const label = rowLabel(row - 1);
      whereZh = `${listName.zh}${label.zh}${name ? `（${name}）` : ''}`;
      whereEn = `${label.en} of ${listName.en}${name ? ` (${name})` : ''}`;
    }
    const itemZh = item !== undefined ? `第 ${item + 1} 项` : '';
    const itemEn = item !== undefined ? ` item ${item + 1}` : '';
    const fieldZh = field ? `“${field.zh}”（${fieldKey}）${itemZh}` : '';
    const fieldEn = field ? `field ${fieldKey} (${field.zh})${itemEn}` : '';
    const zhWhere = [whereZh, fieldZh].filter(Boolean).join('的') || '请求内容';
    const enWhere = [whereEn, fieldEn].filter(Boolean).join(', ') || 'the payload';
    return {
      path: issuePath(path),
      ...(row !== undefined ? { row } : {}),
      ...(fieldKey ? { field: fieldKey } : {}),
      zh: `${zhWhere}：${why.zh}`,
      en: `${enWhere.charAt(0).toUpperCase()}${enWhere.slice(1)}: ${why.en}`,
    };
  });
}
