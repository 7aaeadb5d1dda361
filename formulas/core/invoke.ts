/**
 * Runs a definition on raw arguments exactly as Excel (or the service's JSON) passes them:
 * fills defaults for omitted optionals, checks every argument against its schema and turns
 * the first problem into a bilingual #VALUE! message naming the argument, the row/column
 * and the value, then calls `compute`. Never throws for bad input.
 */
import type { z } from 'zod';
import type { AnyFormula, ComputeContext, ParamSpec } from './definition.js';
import { type Bilingual, type FormulaError, valueError } from './errors.js';
import { deepestIssue, issueReason, showValue, valueAt } from './issue-messages.js';
import type { ResultValue } from './excel-values.js';
import { decodePacked, looksPacked, NumberGrid } from './packed-range.js';

/** Excel passes an omitted optional argument as null (or leaves it out entirely). */
const isOmitted = (v: unknown): boolean => v === null || v === undefined;

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
export function invoke(def: AnyFormula, args: readonly unknown[], ctx: ComputeContext): ResultValue | FormulaError {
  const result = evaluateFormula(def, args, ctx);
  return result instanceof NumberGrid ? result.resultRows() : result;
}

/** The same, but a large numeric result may stay a NumberGrid (the service packs it as it is). */
export function evaluateFormula(def: AnyFormula, args: readonly unknown[], ctx: ComputeContext): ResultValue | NumberGrid | FormulaError {
  const parsed: Record<string, unknown> = {};
  for (let i = 0; i < def.params.length; i++) {
    const spec: ParamSpec = def.params[i]!;
    let raw = args[i];
    if (isOmitted(raw)) {
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
    if (looksPacked(raw)) {
      // A packed range (packed-range.ts) is decoded once here; range schemas read the grid.
      const grid = spec.dimensionality === 'matrix' ? decodePacked(raw) : { zh: '这个参数只接受单个值，不接受区域', en: 'this argument takes a single value, not a range' };
      if (!(grid instanceof NumberGrid)) {
        return valueError(`参数 ${spec.name}（第 ${i + 1} 个参数）不合要求：${grid.zh}`, `Argument ${spec.name} (argument ${i + 1}) is not acceptable: ${grid.en}`);
      }
      raw = grid;
    }
    const result = spec.schema.safeParse(raw);
    if (!result.success) return describeIssue(spec, result.error.issues[0]!, raw instanceof NumberGrid ? raw.toRows() : raw);
    parsed[spec.name] = result.data;
  }
  return def.compute(parsed, ctx);
}

/** "第 3 行第 2 列" / "row 3, column 2", or just the row or column for a single column / row. */
function where(raw: unknown, path: readonly PropertyKey[]): { zh: string; en: string } {
  const idx = path.filter((k): k is number => typeof k === 'number');
  if (idx.length < 2 || !Array.isArray(raw)) return { zh: '', en: '' };
  const [r, c] = idx as [number, number];
  const oneColumn = (raw as unknown[][]).every((row) => Array.isArray(row) && row.length === 1);
  if (oneColumn) return { zh: ` 第 ${r + 1} 行`, en: ` row ${r + 1}` };
  if (raw.length === 1) return { zh: ` 第 ${c + 1} 列`, en: ` column ${c + 1}` };
  return { zh: ` 第 ${r + 1} 行第 ${c + 1} 列`, en: ` row ${r + 1}, column ${c + 1}` };
}

function describeIssue(spec: ParamSpec, firstIssue: z.core.$ZodIssue, raw: unknown): FormulaError {
  const issue = deepestIssue(firstIssue);
  const at = where(raw, issue.path);
  const value = issue.path.length > 0 && Array.isArray(raw) ? valueAt(raw, issue.path) : raw;
  const shown = showValue(value);
  const what = issueReason(issue);
  return valueError(`参数 ${spec.name}${at.zh} 的值 ${shown.zh} ${what.zh}：${spec.hint.zh}`, `${spec.name}${at.en}: ${shown.en} ${what.en}. ${spec.hint.en}`);
}
