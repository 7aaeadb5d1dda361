/**
 * Lining up per-unit arguments: each argument is one value for every unit (a scalar) or
 * one value per unit (a row or column). The result has one cell per unit, laid out like
 * the first per-unit argument, or one cell (1 x 1) when every argument is a single value.
 */
import { z } from 'zod';
import { type FormulaError, valueError } from '../core/errors.js';
import { type CellNames, unitName } from '../core/cell-names.js';
import { opening, rowLabel } from '../core/row-label.js';
import { expandPerUnit, orient, type Orientation, type PerUnit, type ResultCell, vectorOf } from '../core/excel-values.js';

/**
 * Like perUnitOf (one value for all units, or a row/column with one per unit), but a range
 * is checked as a range, so a bad cell's message names its row instead of "neither a single
 * value nor one row or column".
 */
export function unitsOf<S extends z.ZodType>(cell: S) {
  const scalar = cell.transform((value): PerUnit<z.output<S>> => ({ kind: 'all', value }));
  const range = vectorOf(cell).transform((v): PerUnit<z.output<S>> =>
    v.values.length === 1 ? { kind: 'all', value: v.values[0]! } : { kind: 'each', ...v },
  );
  return z.unknown().transform((raw, ctx): PerUnit<z.output<S>> => {
    const parsed = (Array.isArray(raw) ? range : scalar).safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, input: raw } as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  });
}

export interface UnitLayout {
  count: number;
  /** Undefined when every argument was a single value: the result is then one cell. */
  orientation: Orientation | undefined;
}

/** The number of units and the result's layout; an error if two ranges differ in length. */
export function layoutOf(args: readonly { name: string; value: PerUnit<unknown> | undefined }[]): UnitLayout | FormulaError {
  let first: { name: string; count: number; orientation: Orientation } | undefined;
  for (const { name, value } of args) {
    if (value === undefined || value.kind === 'all') continue;
    if (first === undefined) first = { name, count: value.values.length, orientation: value.orientation };
    else if (value.values.length !== first.count) {
      return valueError(
        `参数 ${name} 有 ${value.values.length} 项，而 ${first.name} 有 ${first.count} 项：每个单位一项，请让两个区域一样长（或只填一个值，适用于所有单位）`,
        `${name} has ${value.values.length} items but ${first.name} has ${first.count}: give one item per unit, with ranges of the same length (or a single value for all units)`,
      );
    }
  }
  return first === undefined ? { count: 1, orientation: undefined } : { count: first.count, orientation: first.orientation };
}

/** The per-unit values of an argument under `layout`. */
export function spread<T>(value: PerUnit<T>, layout: UnitLayout): T[] {
  return expandPerUnit(value, layout.count);
}

/** One cell per unit as a scalar (all arguments single) or a row/column. */
export function shapeResult(cells: readonly ResultCell[], layout: UnitLayout): ResultCell[][] {
  // Every argument a single value: still one row of one cell, as a matrix result must be.
  return orient(cells, layout.orientation ?? 'row');
}

/**
 * "学校!B7：" (the unit's cell in `param`, when Excel gave its address) or "第 3 行：" / "Row 3: "
 * (column for a row input) to start a message about one unit; empty for a scalar.
 */
export function unitWhere(i: number, layout: UnitLayout, cells: CellNames, param: string): { zh: string; en: string } {
  if (layout.orientation === undefined) return { zh: '', en: '' };
  const at = unitName(cells, param, i, opening(rowLabel(i, layout.orientation)));
  return { zh: `${at.zh}：`, en: `${at.en}: ` };
}
