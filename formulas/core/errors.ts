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
