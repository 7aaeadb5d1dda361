/**
 * A form is declared once, as data plus one pure `build`: its title, print orientation,
 * the payload schema (zod), the names of the payload's fields for error messages, an
 * example payload, and `build`, which turns a validated payload into the column tree
 * (merged header groups), the body rows and the rows under the body (合计, 标准值 ...).
 * The layout engine adds what every form shares: title, document line, unit line,
 * header merges, borders, remarks, the signature and date lines and the print settings.
 */
import { z } from 'zod';
import type { Bilingual } from '../../formulas/core/errors.js';
import { said } from '../../formulas/core/issue-messages.js';
import type { GridValue } from './grid.js';

/**
 * How a column's cells look. Text wraps; numbers align right with a fixed number format;
 * `center` is short text (序号, 是/否, 小学/初中).
 */
export type ColumnKind = 'text' | 'center' | 'integer' | 'money' | 'decimal1' | 'decimal2' | 'decimal3';

export interface LeafColumn {
  /** The key of this column's value in each body row. */
  key: string;
  header: string;
  /** Excel character units. */
  width: number;
  kind: ColumnKind;
}

export interface GroupColumn {
  /** Printed once, merged over its children (e.g. 岗位设置 over 书记兼主任 | 副主任及专干). */
  header: string;
  children: ColumnNode[];
}

export type ColumnNode = LeafColumn | GroupColumn;

export const isGroup = (node: ColumnNode): node is GroupColumn => 'children' in node;

/** One cell of a row under the body, starting at column `column` and merged over `span` columns. */
export interface FootCell {
  column: string;
  span?: number;
  value: GridValue;
  /** Defaults to the column's kind. */
  kind?: ColumnKind;
}

export interface FootRow {
  cells: FootCell[];
}

export interface FormBody {
  columns: ColumnNode[];
  rows: Record<string, GridValue>[];
  /** 合计 and similar rows, printed bold under the body, inside the borders. */
  footRows: FootRow[];
  /** Right-aligned line above the header, e.g. "单位：元"; omitted: none. */
  unitLine?: string;
  /** Remarks the form itself adds (printed before the payload's own remarks). */
  remarks?: string[];
}

/** A payload that is well-formed but cannot be printed as it stands (HTTP 422). */
export interface FormProblem {
  problem: Bilingual;
}

export const isProblem = (value: FormBody | FormProblem): value is FormProblem => 'problem' in value;

export interface FormTemplate<S extends z.ZodType = z.ZodType> {
  /** kebab-case, used in the URL. */
  id: string;
  /** The printed title (zh-CN), also the sheet and file name unless the payload gives one. */
  title: string;
  summary: Bilingual;
  orientation: 'portrait' | 'landscape';
  /** Body font size in points: 12 (小四) for short forms, 10.5 (五号) for dense ones. */
  bodySize: number;
  /** Names of the payload's fields, for messages: key -> { zh, en }. */
  fields: Record<string, Bilingual>;
  schema: S;
  example: z.input<S>;
  build(payload: z.output<S>): FormBody | FormProblem;
}

export function defineForm<S extends z.ZodType>(template: FormTemplate<S>): FormTemplate<S> {
  return template;
}

/** Fields every form accepts besides its own. */
export interface CommonFields {
  title?: string;
  documentLine?: string;
  remarks?: string[];
  signature?: { unit?: string; head?: string; preparer?: string; date?: string };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const shortText = (max: number) => z.string().trim().max(max);

export const commonShape = {
  title: shortText(60).min(1).optional(),
  documentLine: shortText(200).optional(),
  remarks: z.array(shortText(600)).max(20).optional(),
  signature: z
    .strictObject({
      unit: shortText(60).optional(),
      head: shortText(30).optional(),
      preparer: shortText(30).optional(),
      date: z
        .string()
        .trim()
        .refine(isCalendarDate, said('不是 YYYY-MM-DD 形式的日期（如 2023-08-17）', 'is not a date written YYYY-MM-DD (e.g. 2023-08-17)'))
        .optional(),
    })
    .optional(),
};

export const commonFieldNames: Record<string, Bilingual> = {
  title: { zh: '标题', en: 'title' },
  documentLine: { zh: '文号行', en: 'document line' },
  remarks: { zh: '说明', en: 'remarks' },
  signature: { zh: '签署栏', en: 'signature lines' },
  unit: { zh: '填报单位', en: 'reporting unit' },
  head: { zh: '负责人', en: 'person in charge' },
  preparer: { zh: '填报人', en: 'preparer' },
  date: { zh: '填报日期', en: 'date' },
};

/** A form's payload: its own fields plus the common ones; unknown fields are refused (typos). */
export function formPayload<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject({ ...commonShape, ...shape });
}

/** A name cell: non-empty text, trimmed. */
export const nameText = (max = 60) => z.string().trim().min(1).max(max);

/** A whole number >= 0 (people, posts, years). */
export const count = () => z.number().int().min(0).max(1_000_000);
