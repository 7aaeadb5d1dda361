/**
 * A form's payload from a table or a selection whose first row holds the column names.
 * The form's own description (GET /api/v1/forms/{id}: field names in Chinese and English
 * and the payload's JSON Schema) says which list the rows go into ("rows", "schools") and
 * what each column is called, so no form is known to the pane by name:
 *  - each scalar field of a list item takes the column whose header is its Chinese or
 *    English name (or its key);
 *  - a list-valued field of an item (the 7 indicator values, the shares by driver) takes
 *    the remaining columns holding numbers, left to right, and a top-level "drivers" list
 *    is named after those columns' headers. A spare number column never becomes money: a
 *    list of amounts (a field named 金额/经费/资金) takes only columns whose header says it
 *    holds yuan (元, 金额, 经费, 资金, 拨款), e.g. "按人数（元）"; the others are named in a note;
 *  - other required fields (the budget, the standards) are taken from the form's example
 *    payload, and optional ones are left out; the pane shows the payload for checking.
 */
import type { RouteAnswer } from '../../../contracts/routes.js';
import type { Bilingual } from '../../../formulas/core/errors.js';
import { isBlank, mapColumns, nonBlankRows, numberOf, yesNoOf, type FieldSpec, type Prepared, type TableData } from './column-map.js';
import type { CellValue } from './saved-values.js';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  minItems?: number;
  maxItems?: number;
}

/** What filling reads of a form as GET /forms/{id} answers it (contracts/forms.ts): its JSON Schema read as one, and its example payload. */
export type FormDetail = Pick<RouteAnswer<'form'>, 'id' | 'title' | 'fields'> & { schema: JsonSchema; example: RouteAnswer<'formExample'> };

const LIST_PREFERENCE = ['rows', 'schools'];

/** A list field whose values are amounts of money, by its Chinese name. */
const MONEY_FIELD = /金额|经费|资金/;
/** A column header that says the column holds yuan. */
const MONEY_HEADER = /元|金额|经费|资金|拨款|yuan|amount/i;
/** "按人数（元）" -> "按人数": the unit is not part of the driver's name. */
const driverName = (header: string): string => header.trim().replace(/\s*[（(]\s*(万?元|yuan)\s*[)）]$/i, '');

/** Extra header names for common keys, on top of each field's own zh/en names. */
const EXTRA_ALIASES: Record<string, string[]> = {
  name: ['名称', '单位名称', '单位', '学校名称', '学校'],
};

const types = (s: JsonSchema): string[] => [
  ...(Array.isArray(s.type) ? s.type : s.type ? [s.type] : []),
  ...(s.anyOf ?? []).flatMap(types),
];

const isObjectList = (s: JsonSchema | undefined): boolean => s !== undefined && types(s).includes('array') && s.items !== undefined && types(s.items).includes('object');

/** The payload's list of rows: "rows" or "schools" if present, else the first required list of objects. */
export function listField(schema: JsonSchema): string | undefined {
  const props = schema.properties ?? {};
  const found = LIST_PREFERENCE.find((k) => isObjectList(props[k]));
  return found ?? (schema.required ?? []).find((k) => isObjectList(props[k]));
}

function convert(schema: JsonSchema, v: CellValue): unknown {
  const t = types(schema);
  if (t.includes('number') || t.includes('integer')) {
    const n = numberOf(v);
    if (n !== undefined) return n;
    if (!t.includes('string')) return v;
  }
  if (t.includes('boolean')) {
    if (typeof v === 'string' && (schema.anyOf ?? []).some((s) => s.enum?.includes(v.trim()))) return v.trim();
    return yesNoOf(v) ?? v;
  }
  return typeof v === 'string' ? v.trim() : String(v);
}

/** The single-value columns of the form's rows, as column specs found by header (the pane shows how they were mapped). */
export function rowFieldSpecs(form: FormDetail): FieldSpec[] {
  const list = listField(form.schema);
  const item = list ? form.schema.properties![list]!.items : undefined;
  return Object.entries(item?.properties ?? {})
    .filter(([, s]) => !types(s).includes('array'))
    .map(([key]) => ({
      key,
      zh: form.fields[key]?.zh ?? key,
      en: form.fields[key]?.en ?? key,
      aliases: [form.fields[key]?.zh, form.fields[key]?.en, key, ...(EXTRA_ALIASES[key] ?? [])].filter((a): a is string => Boolean(a)),
      required: (item?.required ?? []).includes(key),
    }));
}

/**
 * Which of a table's columns feed the form: one column per single-value field (undefined:
 * not given) and the number columns of the list field (the indicator values, the amounts by
 * driver), left to right. The pane starts from `suggestedChoice` and lets the clerk change it.
 */
export interface ColumnChoice {
  columns: Record<string, number | undefined>;
  numbers: number[];
}

/** The list-valued fields of a row (taken from the number columns), and whether they hold money. */
function listFieldsOf(form: FormDetail): { keys: string[]; money: boolean } {
  const list = listField(form.schema);
  const props = Object.entries((list ? form.schema.properties![list]!.items?.properties : undefined) ?? {});
  const keys = props.filter(([, s]) => types(s).includes('array')).map(([k]) => k);
  return { keys, money: keys.some((k) => MONEY_FIELD.test(form.fields[k]?.zh ?? '')) };
}

/** What the number columns of a row become ("各项金额" / "amounts"), or undefined when the form takes none. */
export function numberListName(form: FormDetail): Bilingual | undefined {
  const { keys } = listFieldsOf(form);
  if (keys.length === 0) return undefined;
  const names = keys.map((k) => form.fields[k] ?? { zh: k, en: k });
  return { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(', ') };
}

/**
 * The number columns that may feed the list field, leaving out the columns `taken` by
 * single-value fields: every column holding a number, but for a list of money only those
 * whose header says yuan; the other number columns are `notMoney`, never offered.
 */
export function numberColumns(form: FormDetail, table: TableData, taken: ReadonlySet<number>): { offered: number[]; notMoney: number[] } {
  if (listFieldsOf(form).keys.length === 0) return { offered: [], notMoney: [] };
  const rows = nonBlankRows(table.rows);
  const numeric = table.headers.map((_, c) => c).filter((c) => !taken.has(c) && rows.some(({ row }) => numberOf(row[c]) !== undefined));
  if (!listFieldsOf(form).money) return { offered: numeric, notMoney: [] };
  return { offered: numeric.filter((c) => MONEY_HEADER.test(String(table.headers[c]))), notMoney: numeric.filter((c) => !MONEY_HEADER.test(String(table.headers[c]))) };
}

/** The choice found by header names: each field's column (core of column-map.ts) and every offered number column. */
export function suggestedChoice(form: FormDetail, table: TableData): ColumnChoice {
  const { columns } = mapColumns(table.headers, rowFieldSpecs(form));
  return { columns, numbers: numberColumns(form, table, new Set(Object.values(columns))).offered };
}

const headerName = (table: TableData, c: number): string => String(table.headers[c] ?? '').trim() || `第 ${c + 1} 列`;

/**
 * The form's payload from the table under `choice` (by default the one found by header
 * names). A number column a money list is not offered (its header does not say yuan) is
 * never used, whatever the choice says.
 */
export function payloadFromTable(form: FormDetail, table: TableData, choice: ColumnChoice = suggestedChoice(form, table)): Prepared<Record<string, unknown>> {
  const list = listField(form.schema);
  const itemSchema = list ? form.schema.properties![list]!.items! : undefined;
  if (!list || !itemSchema?.properties) {
    return { ok: false, problems: [{ zh: `表格“${form.title}”没有可从选区填入的明细行`, en: `The form "${form.title}" has no list of rows to fill from a selection` }] };
  }
  const specs = rowFieldSpecs(form);
  const { keys: listKeys, money } = listFieldsOf(form);
  const rows = nonBlankRows(table.rows);
  const taken = new Set(Object.values(choice.columns).filter((c): c is number => c !== undefined));
  const { offered, notMoney: notMoneyColumns } = numberColumns(form, table, taken);
  const numeric = choice.numbers.filter((c) => offered.includes(c));
  const notMoney = notMoneyColumns.map((c) => headerName(table, c));
  const problems: Bilingual[] = specs
    .filter((f) => f.required && choice.columns[f.key] === undefined)
    .map((f) => ({
      zh: `选区（${table.name}）没有“${f.zh}”列：第一行应是列名，如 ${f.aliases.slice(0, 2).join('、')}，或在列对应中选一列`,
      en: `The selection (${table.name}) has no "${f.en}" column: its first row must hold column names such as ${f.aliases.slice(0, 2).join(', ')}, or choose a column in the column map`,
    }));
  if (listKeys.length > 0 && numeric.length === 0) {
    const names = listKeys.map((k) => form.fields[k] ?? { zh: k, en: k });
    problems.push(
      money
        ? {
            zh: `选区（${table.name}）中没有金额列：作为“${names.map((n) => n.zh).join('、')}”的列，列名须含“元”“金额”或“经费”，如“按人数（元）”${notMoney.length > 0 ? `；数字列 ${notMoney.join('、')} 不当作金额` : ''}`,
            en: `The selection (${table.name}) has no money columns: a column for "${names.map((n) => n.en).join(', ')}" needs 元, 金额 or 经费 in its header, e.g. "按人数（元）"${notMoney.length > 0 ? `; the number columns ${notMoney.join(', ')} are not taken as money` : ''}`,
          }
        : {
            zh: `选区（${table.name}）中没有可作为“${names.map((n) => n.zh).join('、')}”的数字列`,
            en: `The selection (${table.name}) has no number columns for "${names.map((n) => n.en).join(', ')}"`,
          },
    );
  }
  if (rows.length === 0) problems.push({ zh: `选区（${table.name}）在列名下没有数据行`, en: `The selection (${table.name}) has no rows under its column names` });
  if (problems.length > 0) return { ok: false, problems };

  const items = rows.map(({ row }) => {
    const item: Record<string, unknown> = {};
    for (const { key } of specs) {
      const at = choice.columns[key];
      if (at === undefined || isBlank(row[at])) continue;
      item[key] = convert(itemSchema.properties![key]!, row[at]!);
    }
    for (const key of listKeys) {
      const inner = itemSchema.properties![key]!.items ?? {};
      item[key] = numeric.map((c) => (isBlank(row[c]) ? 0 : convert(inner, row[c]!)));
    }
    return item;
  });

  const payload: Record<string, unknown> = {};
  for (const key of form.schema.required ?? []) if (key !== list && key in form.example) payload[key] = form.example[key];
  if (listKeys.length > 0 && form.schema.properties?.drivers && isObjectList(form.schema.properties.drivers)) {
    payload.drivers = numeric.map((c) => ({ name: driverName(String(table.headers[c])) || `第 ${c + 1} 列` }));
  }
  payload[list] = items;
  const notes: Bilingual[] = [
    ...(money && notMoney.length > 0
      ? [{ zh: `数字列 ${notMoney.join('、')} 的列名不表示金额，未计入`, en: `The number columns ${notMoney.join(', ')} are not money by their headers and were left out` }]
      : []),
    ...Object.keys(payload)
      .filter((k) => k !== list && k !== 'drivers')
      .map((k) => ({
        zh: `“${form.fields[k]?.zh ?? k}”取自示例数据，请核对后再写入`,
        en: `"${form.fields[k]?.en ?? k}" is taken from the example; check it before writing`,
      })),
  ];
  return { ok: true, body: payload, notes };
}

/** The columns a form's rows expect, in order: the Chinese and English names, and whether it must be there. */
export function expectedColumns(form: FormDetail): { zh: string; en: string; required: boolean }[] {
  const list = listField(form.schema);
  const item = list ? form.schema.properties![list]!.items : undefined;
  return Object.entries(item?.properties ?? {}).map(([key, schema]) => ({
    zh: `${form.fields[key]?.zh ?? key}${types(schema).includes('array') ? '（各数字列）' : ''}`,
    en: `${form.fields[key]?.en ?? key}${types(schema).includes('array') ? ' (number columns)' : ''}`,
    required: (item?.required ?? []).includes(key),
  }));
}

export interface HeaderFields {
  /** 填报单位 */
  unit: string;
  /** 填报日期, YYYY-MM-DD */
  date: string;
  /** 文号 (the document line under the title) */
  documentLine: string;
}

/** The payload with the clerk's 填报单位, 日期 and 文号 where given (empty fields keep the payload's own). */
export function withHeaderFields(payload: Record<string, unknown>, fields: HeaderFields): Record<string, unknown> {
  const out: Record<string, unknown> = { ...payload };
  if (fields.documentLine.trim()) out.documentLine = fields.documentLine.trim();
  const signature = { ...((payload.signature as Record<string, unknown> | undefined) ?? {}) };
  if (fields.unit.trim()) signature.unit = fields.unit.trim();
  if (fields.date.trim()) signature.date = fields.date.trim();
  if (Object.keys(signature).length > 0) out.signature = signature;
  return out;
}
