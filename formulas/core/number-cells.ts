/**
 * The one range-reading path. Every range argument of every function is read here: its
 * shape (rangeRows: a lone value counts as a 1 x 1 range, rows must be non-empty and of
 * one width; orientationOf: one row or one column), and, for ranges of numbers, its cells.
 *
 * Numbers are checked in one loop rather than by a zod schema per cell: that costs about
 * 2 microseconds a cell, 200 ms for a county-wide range of 100,000 units x 6 drivers. The
 * loop reports the first bad cell as the same kind of zod issue (with its row/column path),
 * so the usual messages name the cell and value. A range of numbers is read into a
 * NumberGrid (one Float64Array), so a packed range (packed-range.ts) is checked in place
 * and nested rows are copied once. Other cells (text, dates) go through their own schema
 * in excel-values.ts, after the same shape check.
 */
import { z } from 'zod';
import type { Orientation, PerUnit, Vector } from './excel-values.js';
import { RANGE_RULES } from './issue-messages.js';
import { NumberGrid } from './number-grid.js';

export interface CellRule {
  min: number;
  max?: number;
  /** Whole numbers only (pupil counts). */
  integer?: boolean;
  /** A blank cell ("" or null) is allowed and read as null (e.g. "no cap"). */
  blank?: boolean;
  /** Above 0, not just at least `min` (a ratio such as 1:1000); `min` is then 0. */
  positive?: boolean;
}

/** The least value a cell may hold: above 0 is at least the smallest positive double. */
const least = (rule: CellRule): number => (rule.positive ? Number.MIN_VALUE : rule.min);

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
    ctx.addIssue({ code: 'custom', ...RANGE_RULES.finite, input: x, path });
    return false;
  }
  if (rule.integer && !Number.isInteger(x)) {
    ctx.addIssue({ code: 'invalid_type', expected: 'int', input: x, path, message: 'int' });
    return false;
  }
  if (x < least(rule)) {
    ctx.addIssue({ code: 'too_small', origin: 'number', minimum: rule.min, inclusive: !rule.positive, input: x, path, message: 'min' });
    return false;
  }
  if (rule.max !== undefined && x > rule.max) {
    ctx.addIssue({ code: 'too_big', origin: 'number', maximum: rule.max, inclusive: true, input: x, path, message: 'max' });
    return false;
  }
  return true;
}

/** Whether every cell lies in [min, max] (false at the first NaN): the tight loop of the common case. */
function allWithin(data: Float64Array, min: number, max: number): boolean {
  for (let i = 0; i < data.length; i++) {
    const x = data[i]!;
    if (!(x >= min && x <= max)) return false;
  }
  return true;
}

/**
 * The first bad cell of a grid (NaN = blank), reported like a cell of nested rows. A
 * county-wide range is nearly always fine, so a tight range test runs first and the cell
 * by cell pass (blanks, whole numbers, the message) only when it fails or is needed.
 */
function checkGrid(grid: NumberGrid, rule: CellRule, ctx: Ctx): boolean {
  const { cols, data } = grid;
  const { max = Infinity, integer = false, blank = false } = rule;
  const min = least(rule);
  if (allWithin(data, min, max) && (!integer || grid.whole)) return true;
  for (let i = 0; i < data.length; i++) {
    const x = data[i]!;
    if (x >= min && x <= max && (!integer || Number.isInteger(x))) continue;
    if (Number.isNaN(x) && blank) continue;
    const r = Math.floor(i / cols);
    if (!cellOk(grid.at(r, i - r * cols), rule, [r, i - r * cols], ctx)) return false;
  }
  return true;
}

/**
 * The rows of a range argument as Excel passes it (a lone value as a 1 x 1 range), or
 * undefined after adding the issue when it is empty, not a range or ragged.
 */
export function rangeRows(raw: unknown, ctx: Ctx): unknown[][] | undefined {
  const rows = Array.isArray(raw) ? (raw as unknown[]) : raw instanceof NumberGrid ? raw.toRows() : [[raw]];
  const first = rows[0];
  if (!Array.isArray(first) || first.length === 0) {
    ctx.addIssue(
      rows.length === 0 || Array.isArray(first)
        ? { code: 'too_small', origin: 'array', minimum: 1, inclusive: true, input: raw, message: 'empty' }
        : { code: 'invalid_type', expected: 'array', input: raw, message: 'range' },
    );
    return undefined;
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || row.length !== first.length) {
      ctx.addIssue({ code: 'custom', ...RANGE_RULES.ragged, input: raw, path: [r] });
      return undefined;
    }
  }
  return rows as unknown[][];
}

/**
 * Reads a raw value (nested rows, a decoded packed range, or a lone scalar as a 1 x 1
 * range) as a rectangular, non-empty grid whose cells obey `rule`, in one pass; blanks
 * become NaN. Adds the first issue and returns undefined otherwise.
 */
function scan(raw: unknown, rule: CellRule, ctx: Ctx): NumberGrid | undefined {
  if (raw instanceof NumberGrid) return checkGrid(raw, rule, ctx) ? raw : undefined;
  const rows = rangeRows(raw, ctx);
  if (rows === undefined) return undefined;
  const width = rows[0]!.length;
  const data = new Float64Array(rows.length * width);
  const { max = Infinity, integer = false } = rule;
  const min = least(rule);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < width; c++) {
      const x: unknown = row[c];
      // The common case: one type test and two comparisons.
      if (typeof x === 'number' && x >= min && x <= max && (integer ? Number.isInteger(x) : x !== Infinity)) {
        data[r * width + c] = x;
        continue;
      }
      if (!cellOk(x, rule, [r, c], ctx)) return undefined;
      data[r * width + c] = NaN; // a blank the rule allows
    }
  }
  return new NumberGrid(rows.length, width, data);
}

/** A 2-D range of numbers, as a grid (row by row in one Float64Array). */
export function numberMatrix(rule: Omit<CellRule, 'blank'>) {
  return z.unknown().transform((raw, ctx): NumberGrid => scan(raw, rule, ctx) ?? z.NEVER);
}

/** The orientation of a range of `rows` x `cols` that must be one row or one column; adds the issue otherwise. */
export function orientationOf(rows: number, cols: number, ctx: Ctx): Orientation | undefined {
  if (cols === 1) return 'column';
  if (rows === 1) return 'row';
  ctx.addIssue({ code: 'custom', ...RANGE_RULES.vector, input: [rows, cols] });
  return undefined;
}

const nanToNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** A cell as read under `R`: a number, or null for a blank where the rule allows one. */
export type CellOf<R extends CellRule> = R extends { blank: true } ? number | null : number;

/** One row or one column of numbers (null for a blank if the rule allows it). */
export function numberVector<const R extends CellRule>(rule: R) {
  return z.unknown().transform((raw, ctx): Vector<CellOf<R>> => {
    const grid = scan(raw, rule, ctx);
    const orientation = grid && orientationOf(grid.rows, grid.cols, ctx);
    if (grid === undefined || orientation === undefined) return z.NEVER;
    // NaN only where the rule allows a blank.
    return { values: (rule.blank ? Array.from(grid.data, nanToNull) : Array.from(grid.data)) as CellOf<R>[], orientation };
  });
}

/** A bound per unit as read by perUnitCells: one value for all, or one cell per unit (NaN for a blank). */
export type PerUnitCells = { kind: 'all'; value: number | null } | { kind: 'each'; cells: Float64Array; orientation: Orientation };

/**
 * One number for every unit, or a row/column with one per unit, kept in the grid's
 * Float64Array (NaN for a blank if allowed): for per-unit amounts of county-wide ranges,
 * which are read once more by the formula and need no array of their own.
 */
export function perUnitCells(rule: CellRule) {
  return z.unknown().transform((raw, ctx): PerUnitCells => {
    if (!Array.isArray(raw) && !(raw instanceof NumberGrid)) {
      if (!cellOk(raw, rule, [], ctx)) return z.NEVER;
      return { kind: 'all', value: raw === '' || raw === null ? null : (raw as number) };
    }
    const grid = scan(raw, rule, ctx);
    const orientation = grid && orientationOf(grid.rows, grid.cols, ctx);
    if (grid === undefined || orientation === undefined) return z.NEVER;
    if (grid.data.length === 1) return { kind: 'all', value: grid.at(0, 0) };
    return { kind: 'each', cells: grid.data, orientation };
  });
}

/** One number for every unit, or a row/column with one per unit (null for a blank if allowed). */
export function perUnitNumbers<const R extends CellRule>(rule: R) {
  return perUnitCells(rule).transform(
    (bound): PerUnit<CellOf<R>> =>
      (bound.kind === 'all' ? bound : { kind: 'each', values: Array.from(bound.cells, nanToNull), orientation: bound.orientation }) as PerUnit<CellOf<R>>,
  );
}
