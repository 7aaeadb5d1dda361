/**
 * Errors are values. A formula returns a `FormulaError` instead of throwing when the
 * input is wrong; the add-in turns it into an Excel error (#VALUE! or #N/A, the codes whose message Excel shows)
 * and the service into HTTP 422. Every message is bilingual (zh-CN first, then English)
 * and should say what was wrong, where (row / value) and what to do about it.
 */

/**
 * Only #VALUE! and #N/A: Excel shows a custom function's message on these two codes and
 * drops it on #DIV/0!, #NUM! and the others (docs/excel-behaviour.md), so an error that
 * carries guidance (a zero enrolment, a share too large to show) is a #VALUE!.
 */
export type ErrorCode = 'VALUE' | 'NA';

export interface Bilingual {
  zh: string;
  en: string;
}

/** Both languages travel apart; the add-in joins them into the one string an Excel error tooltip shows. */
export interface FormulaErrorBody {
  code: ErrorCode;
  zh: string;
  en: string;
}

/** The wire and in-memory shape of an error value: `{ error: { code, zh, en } }` (contracts/errors.ts). */
export interface FormulaError {
  error: FormulaErrorBody;
}

export function formulaError(code: ErrorCode, zh: string, en: string): FormulaError {
  return { error: { code, zh, en } };
}

export function isFormulaError(value: unknown): value is FormulaError {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const body = (value as { error: unknown }).error;
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
}

export const valueError = (zh: string, en: string): FormulaError => formulaError('VALUE', zh, en);

/** "第 3 行" / "row 3" for 0-based index i. */
export const rowZh = (i: number): string => `第 ${i + 1} 行`;
export const rowEn = (i: number): string => `row ${i + 1}`;

/** Joins a list of 0-based row indices for a message: "第 2、5 行" / "rows 2, 5". */
export function rowsZh(rows: readonly number[]): string {
  return `第 ${rows.map((r) => r + 1).join('、')} 行`;
}
export function rowsEn(rows: readonly number[]): string {
  return `${rows.length === 1 ? 'row' : 'rows'} ${rows.map((r) => r + 1).join(', ')}`;
}
