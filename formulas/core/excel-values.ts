/**
 * The values Excel hands a custom function and the zod building blocks that check them.
 *
 * Excel passes a scalar parameter as a number, string or boolean (an omitted optional one
 * as null), and a matrix parameter as a 2-D array of rows. The service accepts exactly the
 * same shapes in JSON, so one schema serves both. A large numeric range may also come packed
 * (packed-range.ts); invoke decodes it into a NumberGrid, which these schemas read as rows.
 */
import { z } from 'zod';
import { halfWidth } from './cells.js';
import type { FormulaError } from './errors.js';
import { RANGE_RULES } from './issue-messages.js';
import { orientationOf, rangeRows } from './number-cells.js';

export type Cell = number | string | boolean | null;
/** One cell of a result: a value, or an error value in just that cell (Excel shows it there). */
export type ResultCell = number | string | boolean | FormulaError;
export type ResultValue = ResultCell | ResultCell[][];

export type Orientation = 'column' | 'row';

/** A single row or column of values, remembering which, so results spill the same way. */
export interface Vector<T> {
  values: T[];
  orientation: Orientation;
}

/** A bound that is either one value for every unit or one value per unit. */
export type PerUnit<T> = { kind: 'all'; value: T } | { kind: 'each'; values: T[]; orientation: Orientation };

/** Lays a list out as a column or a row, the way the input came. */
export function orient<T>(values: readonly T[], orientation: Orientation): T[][] {
  return orientation === 'column' ? values.map((v) => [v]) : [values.slice()];
}

/**
 * A 2-D range whose cells satisfy `cell`. A lone scalar is accepted as a 1 x 1 range
 * (that is what Excel does when a single cell is passed to a matrix parameter). The shape
 * is read by the one range path (number-cells.ts); ranges of numbers use its fast
 * schemas (numberMatrix, numberVector, perUnitCells) instead of a schema per cell.
 */
export function matrixOf<S extends z.ZodType>(cell: S) {
  return z
    .unknown()
    .transform((raw, ctx): unknown[][] => rangeRows(raw, ctx) ?? z.NEVER)
    .pipe(z.array(z.array(cell)));
}

/** A single row or column (or one cell) of values satisfying `cell`. */
export function vectorOf<S extends z.ZodType>(cell: S) {
  return matrixOf(cell).transform((rows, ctx): Vector<z.output<S>> => {
    const orientation = orientationOf(rows.length, rows[0]!.length, ctx);
    if (orientation === undefined) return z.NEVER;
    return { values: orientation === 'column' ? rows.map((r) => r[0]!) : rows[0]!, orientation };
  });
}

/** One value for every unit (a scalar) or a row/column with one value per unit. */
export function perUnitOf<S extends z.ZodType>(cell: S) {
  return z.union([
    cell.transform((value): PerUnit<z.output<S>> => ({ kind: 'all', value })),
    vectorOf(cell).transform((v): PerUnit<z.output<S>> =>
      v.values.length === 1 ? { kind: 'all', value: v.values[0]! } : { kind: 'each', ...v },
    ),
  ]);
}

/** A finite number (JSON and Excel never send NaN, but a caller of the core might). */
export const finiteNumber = () => z.number().refine(Number.isFinite, RANGE_RULES.finite);

/** Expands a PerUnit bound to one value per unit; the caller has checked the length. */
export function expandPerUnit<T>(bound: PerUnit<T>, n: number): T[] {
  return bound.kind === 'all' ? Array.from({ length: n }, () => bound.value) : bound.values;
}

/** A name as compared: full-width folded, any case, spaces around it and a trailing 法 ("method") dropped. */
const choiceKey = (s: string): string => halfWidth(s).toLowerCase().replace(/\s*法$/u, '');

/**
 * A case-insensitive choice among names, with aliases (Chinese names among them). A
 * Chinese method name is accepted with or without its final 法 (最大余额 = 最大余额法).
 */
export function choiceOf<K extends string>(aliases: Readonly<Record<string, K>>) {
  const byKey = new Map(Object.entries(aliases).map(([name, value]) => [choiceKey(name), value]));
  const names = Object.keys(aliases);
  return z.string().transform((s, ctx): K => {
    const value = byKey.get(choiceKey(s));
    if (value !== undefined) return value;
    ctx.addIssue({ code: 'invalid_value', values: names, input: s });
    return z.NEVER;
  });
}

/** A yes/no: coerce.ts has already read 是/否, 有/无, Y/N, 1/0 and TRUE/FALSE (cells.ts) into booleans. */
export const booleanCell = () => z.boolean();
