/**
 * The Office host edge of the EDU functions. Registration: every registry function is
 * associated with Excel (CustomFunctions.associate(id, handler)), each handler queuing its
 * call on the client core's batching client; the ids come from the catalog built from the
 * registry (functions.json is generated from the same list), so the two cannot disagree.
 * Answers: error values become CustomFunctions.Error with the bilingual message (Excel
 * displays the message for #VALUE! and #N/A; the formulas put their guidance on those
 * codes), and an error in one cell of a spilled result stays in that cell.
 */
import type { BatchClient, CallOutcome } from '../../client/index.js';
import type { Bilingual, ErrorCode, FormulaError } from '../../formulas/core/errors.js';
import type { ResultCell } from '../../formulas/core/excel-values.js';

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

export interface RegisteredFunction {
  id: string;
  /** Parameters Excel passes; the invocation object comes after them. */
  paramCount: number;
}

/** The part of CustomFunctions.Invocation read here (parameterAddresses: CustomFunctionsRuntime 1.3). */
interface Invocation {
  parameterAddresses?: string[];
}

export function registerFunctions(api: CustomFunctionsApi, client: BatchClient, functions: readonly RegisteredFunction[]): string[] {
  for (const { id, paramCount } of functions) {
    api.associate(id, async (...args: unknown[]) => {
      // Filled when functions.json asks for them (requiresParameterAddresses) and Excel supports it; else positions are used.
      const addresses = (args[paramCount] as Invocation | undefined)?.parameterAddresses;
      return toExcel(api, await client.call(id, args.slice(0, paramCount), addresses));
    });
  }
  return functions.map((f) => f.id);
}
