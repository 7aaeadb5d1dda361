/**
 * Schemas for large numeric ranges (100,000 units x 6 drivers is a real county-wide
 * case). A zod schema per cell costs about 2 microseconds, 200 ms for such a range; these
 * check the same things in one loop and report the first bad cell as the same kind of zod
 * issue (with its row/column path), so EDU's usual messages name the cell and value.
 * Shapes are those of excel-values.ts: a lone scalar counts as a 1 x 1 range.
 */
import { z } from 'zod';
import type { Orientation, PerUnit, Vector } from '../core/excel-values.js';

export interface CellRule {
  min: number;
  max?: number;
  /** Whole numbers only (pupil counts). */
  integer?: boolean;
  /** A blank cell ("" or null) is allowed and read as null (e.g. "no cap"). */
  blank?: boolean;
}

type Ctx = z.core.$RefinementCtx;
type Path = (string | number)[];

/** Checks one cell; adds the issue and returns false when it breaks the rule. */
function cellOk(x: unknown, rule: CellRule, path: Path, ctx: Ctx): boolean {
  if (typeof x !== 'number') {
    if (rule.blank && (x === null || x === '')) return true;
    ctx.addIssue({ code: 'invalid_type', expected: 'number', input: x, path, message: 'number' });
    return false;
  }
  if (!Number.isFinite(x)) {
    ctx.addIssue({ code: 'custom', message: 'finite', input: x, path });
    return false;
  }
  if (rule.integer && !Number.isInteger(x)) {
    ctx.addIssue({ code: 'invalid_type', expected: 'int', input: x, path, message: 'int' });
    return false;
  }
  if (x < rule.min) {
    ctx.addIssue({ code: 'too_small', origin: 'number', minimum: rule.min, inclusive: true, input: x, path, message: 'min' });
    return false;
  }
  if (rule.max !== undefined && x > rule.max) {
    ctx.addIssue({ code: 'too_big', origin: 'number', maximum: rule.max, inclusive: true, input: x, path, message: 'max' });
    return false;
  }
  return true;
}

/**
 * Reads a raw value as a rectangular, non-empty 2-D range whose cells obey `rule`, in one
 * pass; adds the first issue and returns undefined otherwise.
 */
function scan(raw: unknown, rule: CellRule, ctx: Ctx): unknown[][] | undefined {
  const rows = Array.isArray(raw) ? (raw as unknown[]) : [[raw]];
  const first = rows[0];
  if (!Array.isArray(first) || first.length === 0) {
    ctx.addIssue(
      rows.length === 0 || Array.isArray(first)
        ? { code: 'too_small', origin: 'array', minimum: 1, inclusive: true, input: raw, message: 'empty' }
        : { code: 'invalid_type', expected: 'array', input: raw, message: 'range' },
    );
    return undefined;
  }
  const width = first.length;
  const { min, max = Infinity, integer = false } = rule;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || row.length !== width) {
      ctx.addIssue({ code: 'custom', message: 'ragged', input: raw, path: [r] });
      return undefined;
    }
    for (let c = 0; c < width; c++) {
      const x: unknown = row[c];
      // The common case: one type test and two comparisons.
      if (typeof x === 'number' && x >= min && x <= max && (integer ? Number.isInteger(x) : x !== Infinity)) continue;
      if (!cellOk(x, rule, [r, c], ctx)) return undefined;
    }
  }
  return rows as unknown[][];
}

/** A 2-D range of numbers (rows of cells). */
export function numberMatrix(rule: Omit<CellRule, 'blank'>) {
  return z.unknown().transform((raw, ctx): number[][] => (scan(raw, rule, ctx) as number[][] | undefined) ?? z.NEVER);
}

function vectorFrom<T>(rows: T[][], ctx: Ctx): Vector<T> | undefined {
  if (rows[0]!.length === 1) {
    const values = new Array<T>(rows.length);
    for (let r = 0; r < rows.length; r++) values[r] = rows[r]![0]!;
    return { values, orientation: 'column' };
  }
  if (rows.length === 1) return { values: rows[0]!, orientation: 'row' };
  ctx.addIssue({ code: 'custom', message: 'vector', input: rows });
  return undefined;
}

/** One row or one column of numbers. */
export function numberVector(rule: Omit<CellRule, 'blank'>) {
  return z.unknown().transform((raw, ctx): Vector<number> => {
    const rows = scan(raw, rule, ctx);
    return (rows && vectorFrom(rows as number[][], ctx)) ?? z.NEVER;
  });
}

/** One number for every unit, or a row/column with one per unit (null for a blank if allowed). */
export function perUnitNumbers(rule: CellRule) {
  const blankToNull = (x: unknown): number | null => (x === '' || x === null ? null : (x as number));
  return z.unknown().transform((raw, ctx): PerUnit<number | null> => {
    if (!Array.isArray(raw)) {
      if (!cellOk(raw, rule, [], ctx)) return z.NEVER;
      return { kind: 'all', value: blankToNull(raw) };
    }
    const rows = scan(raw, rule, ctx);
    if (rows === undefined) return z.NEVER;
    const v = vectorFrom(rows, ctx);
    if (v === undefined) return z.NEVER;
    const values = rule.blank ? v.values.map(blankToNull) : (v.values as number[]);
    return values.length === 1 ? { kind: 'all', value: values[0]! } : { kind: 'each', values, orientation: v.orientation as Orientation };
  });
}
