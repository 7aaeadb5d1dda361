/**
 * Turns the service's answers into what Excel shows. Error values become
 * CustomFunctions.Error with the bilingual message (Excel displays the message for
 * #VALUE! and #N/A; the formulas put their guidance on those codes). An error in one cell
 * of a spilled result stays in that cell.
 */
import type { Bilingual, ErrorCode, FormulaError } from '../../formulas/core/errors.js';
import type { ResultCell } from '../../formulas/core/excel-values.js';
import type { CallOutcome } from '../../client/index.js';

/** The subset of the CustomFunctions namespace used here, so tests can pass a stub. */
export interface CustomFunctionsApi {
  Error: new (code: CustomFunctions.ErrorCode, message?: string) => CustomFunctions.Error;
  ErrorCode: typeof CustomFunctions.ErrorCode;
  associate(id: string, fn: (...args: never[]) => unknown): void;
}

const codeFor = (api: CustomFunctionsApi, code: ErrorCode): CustomFunctions.ErrorCode =>
  code === 'VALUE' ? api.ErrorCode.invalidValue : api.ErrorCode.notAvailable;

/** The one place the two languages become one string: Excel's error tooltip shows a single message. */
export const excelMessage = (text: Bilingual): string => `${text.zh} / ${text.en}`;

function toExcelError(api: CustomFunctionsApi, e: FormulaError): CustomFunctions.Error {
  return new api.Error(codeFor(api, e.error.code), excelMessage(e.error));
}

function cell(api: CustomFunctionsApi, v: ResultCell): unknown {
  return typeof v === 'object' && v !== null ? toExcelError(api, v) : v;
}

/** The value a custom function returns, or the error it throws for a whole-call error. */
export function toExcel(api: CustomFunctionsApi, outcome: CallOutcome): unknown {
  if ('error' in outcome) throw toExcelError(api, outcome);
  const { value } = outcome;
  return Array.isArray(value) ? value.map((row) => row.map((v) => cell(api, v))) : cell(api, value);
}
