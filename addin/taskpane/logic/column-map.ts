/**
 * Finds the columns of a table by their header names, Chinese or English, so the user can
 * pick any table that has the right columns in any order ("姓名", "教师姓名", "Name" ...).
 *
 * Headers and aliases are compared after normalising: full-width letters and digits to
 * half-width, lower case, spaces and underscores removed, and a trailing unit in brackets
 * dropped ("距离（公里）" -> "距离"). An exact match wins; then a header that contains an
 * alias, the longest alias first. Each column serves one field.
 */
import { yesNoOf as yesNoAnswer } from '../../../formulas/core/cells.js';
import type { Bilingual } from '../../../formulas/core/errors.js';
import type { CellValue } from './saved-values.js';

/** A request read from tables: the body, with notes; or what to correct first, by table, row and column. */
export type Prepared<T> = { ok: true; body: T; notes: Bilingual[] } | { ok: false; problems: Bilingual[] };

export interface FieldSpec {
  key: string;
  zh: string;
  en: string;
  /** Accepted header names (any case, either width). The first is the one suggested. */
  aliases: string[];
  required: boolean;
}

export interface ColumnMapping {
  /** field key -> 0-based column index. */
  columns: Record<string, number>;
  missing: FieldSpec[];
}

export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[（(][^（）()]*[）)]\s*$/u, '')
    .replace(/[\s_\-·]/gu, '');
}

/** `exclude`: columns that serve something else (e.g. "需求:数学") and must not be matched. */
export function mapColumns(headers: readonly string[], fields: readonly FieldSpec[], exclude: ReadonlySet<number> = new Set()): ColumnMapping {
  const norm = headers.map((h) => normalizeHeader(String(h)));
  const used = new Set<number>(exclude);
  const columns: Record<string, number> = {};
  // Exact matches first for every field, so "学校编号" is not taken by "学校" by containment.
  for (const field of fields) {
    const aliases = field.aliases.map(normalizeHeader);
    const at = norm.findIndex((h, i) => !used.has(i) && aliases.includes(h));
    if (at >= 0) {
      columns[field.key] = at;
      used.add(at);
    }
  }
  for (const field of fields) {
    if (field.key in columns) continue;
    const aliases = field.aliases.map(normalizeHeader).filter((a) => a.length >= 2).sort((a, b) => b.length - a.length);
    for (const alias of aliases) {
      const at = norm.findIndex((h, i) => !used.has(i) && h.includes(alias));
      if (at >= 0) {
        columns[field.key] = at;
        used.add(at);
        break;
      }
    }
  }
  return { columns, missing: fields.filter((f) => f.required && !(f.key in columns)) };
}

/**
 * "教师表“教师名单”缺少“任教学科”列：请加一列，列名可用 …" for each missing field: the
 * table's role and the name of the table chosen for it, so the clerk knows where to add it.
 */
export function missingMessages(tableZh: string, tableEn: string, tableName: string, missing: readonly FieldSpec[]): { zh: string; en: string }[] {
  return missing.map((f) => ({
    zh: `${tableZh}“${tableName}”缺少“${f.zh}”列：请加一列，列名可用 ${f.aliases.slice(0, 4).join('、')}`,
    en: `The ${tableEn} "${tableName}" has no "${f.en}" column: add one, named e.g. ${f.aliases.slice(0, 4).join(', ')}`,
  }));
}

export const isBlank = (v: CellValue | undefined): boolean => v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');

/** A number from a cell: numbers as they are, text like "1,200" or "６" read (core/cells.ts); else undefined. */
export { numberOf } from '../../../formulas/core/cells.js';

/** A yes/no from a cell with the one word list (core/cells.ts); a blank cell is no; else undefined. */
export function yesNoOf(v: CellValue | undefined): boolean | undefined {
  return isBlank(v) ? false : yesNoAnswer(v);
}

/** A table's body rows with every cell blank are left out; the rest keep their row numbers. */
export function nonBlankRows(rows: readonly CellValue[][]): { row: CellValue[]; index: number }[] {
  return rows.map((row, index) => ({ row, index })).filter(({ row }) => row.some((v) => !isBlank(v)));
}

/** A table (or a selection with a header row) as the pane reads it. */
export interface TableData {
  /** The table's name, or the selection's address. */
  name: string;
  headers: string[];
  rows: CellValue[][];
  /** 1-based worksheet row of the first body row, for messages ("第 7 行"). */
  firstRow: number;
  sheet: string;
}

/** "表格 教师（工作表 教师名单 第 7 行）" / "table 教师 (sheet 教师名单, row 7)" for body row i. */
export function whereZh(table: TableData, i: number): string {
  return `表格 ${table.name}（工作表 ${table.sheet} 第 ${table.firstRow + i} 行）`;
}
export function whereEn(table: TableData, i: number): string {
  return `table ${table.name} (sheet ${table.sheet}, row ${table.firstRow + i})`;
}
