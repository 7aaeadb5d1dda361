/**
 * What the pane writes for one call, worked out without Excel: the cells of the answer in
 * the shape a dynamic array would spill (one value: one cell; rows: rows), error values as
 * visible text in their cell, and which cells may be written. Pure, so it is tested in Node.
 */
import { cellAddress, parseAddress } from '../../formulas/core/a1.js';
import type { Bilingual, FormulaError } from '../../formulas/core/errors.js';
import type { ResultCell, ResultValue } from '../../formulas/core/excel-values.js';
import type { CallOutcome } from '../../client/index.js';
import { excelMessage } from '../functions/excel-functions.js';
import type { CellValue } from '../taskpane/logic/saved-values.js';
import { rangeAddress, sheetReference, splitReference } from '../taskpane/excel/a1.js';

const ERROR_SHOWN = { VALUE: '#VALUE!', NA: '#N/A' } as const;

/** An error value as the text a clerk sees in the cell: "#VALUE! 中文 / English". */
export const errorText = (e: FormulaError): string => `${ERROR_SHOWN[e.error.code]} ${excelMessage(e.error)}`;

const cellOf = (v: ResultCell): CellValue => (typeof v === 'object' && v !== null ? errorText(v) : v);

/** The answer as rows of cells: an error of the whole call is its text in the one cell. */
export function resultCells(outcome: CallOutcome): CellValue[][] {
  if ('error' in outcome) return [[errorText(outcome)]];
  const value: ResultValue = outcome.value;
  return Array.isArray(value) ? value.map((row) => row.map(cellOf)) : [[cellOf(value)]];
}

/** A rectangle of cells on one sheet, 0-based. */
export interface Area {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** "Sheet!D2" or "Sheet!D2:F9" as an area; undefined for what is not an address with a sheet. */
export function areaOf(reference: string): Area | undefined {
  const { sheet, address } = splitReference(reference);
  const [first, last = first] = address.split(':');
  const a = parseAddress(first!);
  const b = parseAddress(last!);
  if (sheet === undefined || !a || !b) return undefined;
  return { sheet, row: Math.min(a.row, b.row), column: Math.min(a.column, b.column), rows: Math.abs(b.row - a.row) + 1, columns: Math.abs(b.column - a.column) + 1 };
}

/** "D2:D9", without the sheet. */
export const localAddress = (a: Area): string => rangeAddress(a.row, a.column, a.row + a.rows - 1, a.column + a.columns - 1);

export const areaReference = (a: Area): string => sheetReference(a.sheet, localAddress(a));

/** Where `cells` spill from the anchor cell. */
export const spillArea = (anchor: Area, cells: readonly (readonly unknown[])[]): Area => ({ ...anchor, rows: cells.length, columns: cells[0]?.length ?? 1 });

const inside = (a: Area | undefined, sheet: string, r: number, c: number): boolean =>
  a !== undefined && a.sheet.toLowerCase() === sheet.toLowerCase() && r >= a.row && r < a.row + a.rows && c >= a.column && c < a.column + a.columns;

/**
 * The cells of `target` that hold something the pane did not write there (outside the
 * previous result): as Excel's #SPILL!, the pane writes over nobody's data. `current` is
 * Range.formulas of the target (a formula, or the value; "" when empty).
 */
export function blockedCells(target: Area, current: readonly (readonly unknown[])[], previous: Area | undefined): { address: string; shown: string }[] {
  const blocked: { address: string; shown: string }[] = [];
  current.forEach((row, r) =>
    row.forEach((v, c) => {
      const at = [target.row + r, target.column + c] as const;
      if (v !== '' && v !== null && v !== undefined && !inside(previous, target.sheet, ...at)) blocked.push({ address: cellAddress(...at), shown: String(v) });
    }),
  );
  return blocked;
}

/** Excel's #SPILL! as words: which cells are in the way and what to do. */
export function spillMessage(target: Area, blocked: readonly { address: string; shown: string }[]): Bilingual {
  const some = blocked.slice(0, 3).map((b) => `${b.address}（${b.shown.slice(0, 20)}）`).join('、');
  const more = blocked.length > 3 ? ` 等 ${blocked.length} 个单元格` : '';
  const someEn = blocked.slice(0, 3).map((b) => `${b.address} (${b.shown.slice(0, 20)})`).join(', ');
  const moreEn = blocked.length > 3 ? ` and ${blocked.length - 3} more cells` : '';
  return {
    zh: `#SPILL! 结果需要写入 ${areaReference(target)}，但 ${some}${more} 已有内容：请清空这些单元格，或换一个输出位置`,
    en: `#SPILL! The result needs ${areaReference(target)}, but ${someEn}${moreEn} already hold data: clear those cells or choose another output cell`,
  };
}

/** The cells of the previous result that the new one no longer covers: cleared, as a spill shrinks. */
export function leftOver(previous: Area | undefined, next: Area): Area[] {
  if (!previous) return [];
  const sameAnchor = previous.sheet.toLowerCase() === next.sheet.toLowerCase() && previous.row === next.row && previous.column === next.column;
  if (!sameAnchor) return [previous];
  const out: Area[] = [];
  const right = next.column + next.columns;
  const bottom = next.row + next.rows;
  // Columns to the right of the new result, then rows below it within its columns.
  if (previous.column + previous.columns > right) out.push({ ...previous, column: right, columns: previous.column + previous.columns - right });
  const width = Math.min(previous.column + previous.columns, right) - previous.column;
  if (previous.row + previous.rows > bottom && width > 0) out.push({ ...previous, row: bottom, rows: previous.row + previous.rows - bottom, columns: width });
  return out;
}
