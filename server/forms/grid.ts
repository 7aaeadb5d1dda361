/**
 * The laid-out form: a dense cell grid with merges, named styles and print settings.
 * The layout engine (layout.ts) makes it from a template and a payload; the xlsx writer
 * (xlsx-writer.ts) turns it into a workbook; POST /api/v1/forms/{id}/layout answers it as
 * JSON so the task pane can write the same sheet through the Excel API. Everything here is
 * plain data (no class, no bigint) so it survives JSON unchanged.
 */

export type { CellFormat, FormGrid, GridCell, GridMerge, GridValue, PrintSettings } from '../../contracts/forms.js';

export { columnLetter } from '../../formulas/core/a1.js';
/** A1 address of a 0-based (row, column). */
export { cellAddress as address } from '../../formulas/core/a1.js';
import { cellAddress as address } from '../../formulas/core/a1.js';

export const rangeRef = (top: number, left: number, bottom: number, right: number): string =>
  `${address(top, left)}:${address(bottom, right)}`;
