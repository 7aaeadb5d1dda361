/**
 * Names a unit's cell in a message made inside a calculation ("学校!C7" rather than "第 3 行"),
 * the same way the argument checks in invoke.ts do: from the argument's address when Excel
 * gave it (requiresParameterAddresses, CustomFunctionsRuntime 1.3; docs/excel-behaviour.md),
 * else the caller's own words for the position within the range.
 */
import { cellWithin } from './a1.js';
import type { Bilingual } from './errors.js';
import { NumberGrid } from './number-grid.js';
import { opening, rowLabel } from './row-label.js';

export interface CellNames {
  /**
   * The address of unit i of argument `param`: row i of a column (or a block of rows), cell i
   * of a row; undefined when Excel gave no address or the argument is a single value for
   * every unit.
   */
  address(param: string, i: number): string | undefined;
}

/** No addresses: every message falls back to the position. */
export const NO_CELL_NAMES: CellNames = { address: () => undefined };

/** Cell names for one call: its parameter names, raw arguments and their addresses, in order. */
export function cellNames(params: readonly string[], args: readonly unknown[], addresses: readonly (string | null | undefined)[] | undefined): CellNames {
  if (!addresses?.some((a) => typeof a === 'string')) return NO_CELL_NAMES;
  return {
    address(param, i) {
      const k = params.indexOf(param);
      const address = k < 0 ? undefined : addresses[k];
      const shape = k < 0 ? undefined : shapeOf(args[k]);
      if (typeof address !== 'string' || shape === undefined) return undefined;
      const [rows, cols] = shape;
      if (rows > 1) return i < rows ? cellWithin(address, i, 0) : undefined;
      return i < cols && cols > 1 ? cellWithin(address, 0, i) : undefined;
    },
  };
}

/** Rows and columns of a range argument; undefined for a single value. */
function shapeOf(raw: unknown): readonly [number, number] | undefined {
  if (raw instanceof NumberGrid) return [raw.rows, raw.cols];
  return Array.isArray(raw) && Array.isArray(raw[0]) ? [raw.length, (raw[0] as unknown[]).length] : undefined;
}

/** A unit named by its cell when known, else by `position` ("第 3 行" / "row 3"). */
export function unitName(cells: CellNames, param: string, i: number, position: Bilingual): Bilingual {
  const address = cells.address(param, i);
  return address === undefined ? position : { zh: address, en: address };
}

/** Several units of one argument, at most ten listed: their cells ("学校!C7、学校!C9") when known, else `positions`. */
export function unitNames(cells: CellNames, param: string, indices: readonly number[], positions: Bilingual): Bilingual {
  const shown = indices.slice(0, 10).map((i) => cells.address(param, i));
  if (shown.length === 0 || shown.some((a) => a === undefined)) return positions;
  const more = indices.length - shown.length;
  return {
    zh: `${shown.join('、')}${more > 0 ? ` 等 ${indices.length} 个单位` : ''}`,
    en: `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
  };
}

/** "学校!C7：" / "学校!C7: " or "第 3 行：" / "Row 3: ", to start a message about row i of `param`. */
export function rowStart(cells: CellNames, param: string, i: number): Bilingual {
  const at = unitName(cells, param, i, opening(rowLabel(i)));
  return { zh: `${at.zh}：`, en: `${at.en}: ` };
}

/** Row i of `param` in a message: its cell when known, else "第 3 行" / "row 3". */
export const rowName = (cells: CellNames, param: string, i: number): Bilingual => unitName(cells, param, i, rowLabel(i));
