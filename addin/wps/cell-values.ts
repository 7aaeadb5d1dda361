/**
 * What a WPS cell shows for an answer. WPS documents no error values for add-in functions
 * (its metadata types are "number", "string", "bool", "any" and their 2-D arrays), so an
 * error is shown as text that starts like the error value Excel would show, followed by the
 * message, Chinese first: "#VALUE! 第 2 行：权重不能为负数 / row 2: …". A clerk then reads the
 * guidance in the cell itself; a formula that uses such a cell sees text, not a number.
 * An error in one cell of a spilled result stays in that cell.
 */
import type { ErrorCode, FormulaError } from '../../formulas/core/errors.js';
import type { ResultCell } from '../../formulas/core/excel-values.js';
import type { CallOutcome } from '../../client/index.js';
import { excelMessage } from '../functions/excel-functions.js';

/** Shown while the answer is on its way; the batched answer replaces it within the same recalculation burst. */
export const PENDING_TEXT = '计算中… Calculating…';

const ERROR_TEXT: Record<ErrorCode, string> = { VALUE: '#VALUE!', NA: '#N/A' };

export const errorText = (e: FormulaError): string => `${ERROR_TEXT[e.error.code]} ${excelMessage(e.error)}`;

const cell = (v: ResultCell): number | string | boolean => (typeof v === 'object' && v !== null ? errorText(v) : v);

export function wpsCellValue(outcome: CallOutcome | undefined): number | string | boolean | (number | string | boolean)[][] {
  if (outcome === undefined) return PENDING_TEXT;
  if ('error' in outcome) return errorText(outcome);
  const { value } = outcome;
  return Array.isArray(value) ? value.map((row) => row.map(cell)) : cell(value);
}
