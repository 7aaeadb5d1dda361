/**
 * Runs a definition on raw arguments exactly as Excel (or the service's JSON) passes them:
 * reads each argument through the one coercion path (coerce.ts: blank cells, numbers as
 * text, yes/no words), fills defaults for omitted optionals, checks every argument against
 * its schema and turns the first problem into a bilingual #VALUE! message naming the
 * argument, the cell (its address when Excel gave one, else its row/column) and the value,
 * then calls `compute` and puts the result in the shape Excel shows. Never throws for bad
 * input.
 */
import type { z } from 'zod';
import { cellWithin } from './a1.js';
import { cellNames } from './cell-names.js';
import { coerceArgument, isZeroProblem, OMITTED, zeroShown, type ZeroProblem } from './coerce.js';
import type { AnyFormula, ComputeContext, ParamSpec } from './definition.js';
import { type Bilingual, type FormulaError, isFormulaError, valueError } from './errors.js';
import { deepestIssue, issueReason, showValue, valueAt } from './issue-messages.js';
import type { ResultCell, ResultValue } from './excel-values.js';
import { NumberGrid } from './number-grid.js';
import { cellLabel, rowLabel } from './row-label.js';

/** Where each argument sits in the workbook ("Sheet1!B2:B9"), when Excel told the add-in (requiresParameterAddresses). */
export type ArgumentAddresses = readonly (string | null | undefined)[];

/** Checks only the count of arguments: a wrong count is a malformed request, not a domain error. */
export function arityProblem(def: AnyFormula, args: readonly unknown[]): Bilingual | undefined {
  const required = def.params.filter((p: ParamSpec) => !p.optional && p.default === undefined).length;
  const max = def.params.length;
  if (args.length > max || args.length < required) {
    const count = required === max ? `${max}` : `${required}–${max}`;
    return {
      zh: `EDU.${def.id} 需要 ${count} 个参数，收到 ${args.length} 个：可选参数省略时请传 null`,
      en: `EDU.${def.id} takes ${count} arguments, got ${args.length}: pass null for an omitted optional`,
    };
  }
  return undefined;
}

/** Runs a formula; the result as Excel takes it (a value or nested rows) or an error value. */
export function invoke(def: AnyFormula, args: readonly unknown[], ctx: ComputeContext, addresses?: ArgumentAddresses): ResultValue | FormulaError {
  const result = evaluateFormula(def, args, ctx, addresses);
  return result instanceof NumberGrid ? result.resultRows() : result;
}

/** The same, but a large numeric result may stay a NumberGrid (the service packs it as it is). */
export function evaluateFormula(def: AnyFormula, args: readonly unknown[], ctx: ComputeContext, addresses?: ArgumentAddresses): ResultValue | NumberGrid | FormulaError {
  const parsed: Record<string, unknown> = {};
  for (let i = 0; i < def.params.length; i++) {
    const spec: ParamSpec = def.params[i]!;
    const address = addresses?.[i] ?? undefined;
    let raw = args[i];
    raw = coerceArgument(raw, spec);
    if (isZeroProblem(raw)) return zeroError(spec, raw, args[i], address);
    if (raw === OMITTED) {
      if (spec.default !== undefined) raw = spec.default;
      else if (spec.optional) {
        parsed[spec.name] = undefined;
        continue;
      } else {
        return valueError(
          `缺少必填参数 ${spec.name}（第 ${i + 1} 个参数）：${spec.hint.zh}`,
          `Argument ${spec.name} (argument ${i + 1}) is required: ${spec.hint.en}`,
        );
      }
    }
    const result = spec.schema.safeParse(raw);
    if (!result.success) return describeIssue(spec, result.error.issues[0]!, raw instanceof NumberGrid ? raw.toRows() : raw, address);
    parsed[spec.name] = result.data;
  }
  const cells = cellNames(def.params.map((p: ParamSpec) => p.name), args, addresses);
  return excelShaped(def, def.compute(parsed, { ...ctx, cells }));
}

/**
 * The result as Excel shows it: a `matrix` result is always rows, even for one value, and
 * no cell is null (Excel shows a null in a returned array as 0, office-js #1503): a blank
 * result cell is "".
 */
function excelShaped(def: AnyFormula, result: ResultValue | NumberGrid | FormulaError): ResultValue | NumberGrid | FormulaError {
  if (result instanceof NumberGrid || isFormulaError(result)) return result;
  const blankless = (v: ResultCell | null | undefined): ResultCell => v ?? '';
  if (Array.isArray(result)) {
    return result.some((row) => row.some((v) => v === null || v === undefined)) ? result.map((row) => row.map(blankless)) : result;
  }
  const cell = blankless(result as ResultCell | null);
  return def.result.dimensionality === 'matrix' ? [[cell]] : cell;
}

function zeroError(spec: ParamSpec, problem: ZeroProblem, raw: unknown, address: string | undefined): FormulaError {
  const at = where(raw, problem.zeroAt, address);
  const shown = zeroShown(problem.value);
  return valueError(
    `参数 ${spec.name}${at.zh} 的值是 ${shown.zh}，这里 0 和空白的含义不同：${problem.advice.zh}`,
    `${spec.name}${at.en}: the value is ${shown.en}, and here 0 and blank mean different things: ${problem.advice.en}`,
  );
}

/**
 * Where in the argument a cell is: its address ("B7") when Excel gave the argument's
 * address, else "第 3 行第 2 列" / "row 3, column 2" (just the row or column for a single
 * column / row) counted within the range.
 */
function where(raw: unknown, path: readonly PropertyKey[], address?: string): { zh: string; en: string } {
  const idx = path.filter((k): k is number => typeof k === 'number');
  const [r = 0, c = 0] = idx;
  const cell = address === undefined ? undefined : cellWithin(address, r, c);
  if (cell !== undefined) return { zh: `（${cell}）`, en: ` (${cell})` };
  if (idx.length < 2 || !Array.isArray(raw)) return { zh: '', en: '' };
  const oneColumn = (raw as unknown[][]).every((row) => Array.isArray(row) && row.length === 1);
  const label = oneColumn ? rowLabel(r) : raw.length === 1 ? rowLabel(c, 'row') : cellLabel(r, c);
  return { zh: ` ${label.zh}`, en: ` ${label.en}` };
}

function describeIssue(spec: ParamSpec, firstIssue: z.core.$ZodIssue, raw: unknown, address: string | undefined): FormulaError {
  const issue = deepestIssue(firstIssue);
  const at = where(raw, issue.path, address);
  const value = issue.path.length > 0 && Array.isArray(raw) ? valueAt(raw, issue.path) : raw;
  const shown = showValue(value);
  const what = issueReason(issue);
  return valueError(`参数 ${spec.name}${at.zh} 的值 ${shown.zh} ${what.zh}：${spec.hint.zh}`, `${spec.name}${at.en}: ${shown.en} ${what.en}. ${spec.hint.en}`);
}
