/**
 * The laid-out form: a dense cell grid with merges, named styles and print settings.
 * The layout engine (layout.ts) makes it from a template and a payload; the xlsx writer
 * (xlsx-writer.ts) turns it into a workbook; POST /api/v1/forms/{id}/layout answers it as
 * JSON so the task pane can write the same sheet through the Excel API. Everything here is
 * plain data (no class, no bigint) so it survives JSON unchanged.
 */

export type GridValue = string | number | null;

/** What every cell of a style looks like; the pane maps it to Excel's range.format. */
export interface CellFormat {
  font: {
    /** The font the cell names (e.g. 仿宋_GB2312). */
    name: string;
    /** Tried in order when `name` is not installed (the pane and docs; xlsx names one font). */
    fallbacks: string[];
    /** Points. */
    size: number;
    bold: boolean;
  };
  horizontal: 'left' | 'center' | 'right';
  vertical: 'top' | 'middle';
  wrap: boolean;
  /** Indent levels from the aligned edge (Excel's indentLevel); 1 keeps text and amounts off the border. */
  indent: number;
  /** Thin borders on all four sides, or none. */
  border: boolean;
  /** Excel number format, e.g. "#,##0.00"; "@" for text, "General" otherwise. */
  numberFormat: string;
}

export interface GridCell {
  value: GridValue;
  /** A key of FormGrid.styles. */
  style: string;
}

export interface GridMerge {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** The same range in A1 notation, e.g. "A1:D1". */
  ref: string;
}

export interface PrintSettings {
  paperSize: 'A4';
  /** Excel's paperSize code for A4 in SpreadsheetML. */
  paperSizeCode: 9;
  orientation: 'portrait' | 'landscape';
  /** Fit every column on one page width; as many pages down as needed (0 = automatic). */
  fitToWidth: 1;
  fitToHeight: 0;
  horizontalCentered: boolean;
  /** Inches, as SpreadsheetML stores them (the Excel API takes points: multiply by 72). */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** The header rows repeated on every printed page, 1-based inclusive, e.g. { first: 3, last: 4 }. */
  titleRows: { first: number; last: number };
  /** "A1:D20": the whole form. */
  printArea: string;
  /** Footer in Excel's header/footer codes (&P page, &N pages). */
  footer: string;
}

export interface FormGrid {
  formId: string;
  title: string;
  /** Worksheet name: the title cut to Excel's 31 characters, without []:*?/\ . */
  sheetName: string;
  /** Download name, e.g. 学区教育事务中心岗位设置表.xlsx. */
  fileName: string;
  /** One entry per column: width in Excel character units (what SpreadsheetML stores). */
  columns: { width: number }[];
  /** One entry per row: height in points. */
  rows: { height: number }[];
  /** rows x columns, dense; cells covered by a merge hold null with the merge's style (so borders print). */
  cells: GridCell[][];
  merges: GridMerge[];
  styles: Record<string, CellFormat>;
  /** 0-based index of the first row under the header (frozen there on screen). */
  bodyStart: number;
  print: PrintSettings;
}

export { columnLetter } from '../../formulas/core/a1.js';
/** A1 address of a 0-based (row, column). */
export { cellAddress as address } from '../../formulas/core/a1.js';
import { cellAddress as address } from '../../formulas/core/a1.js';

export const rangeRef = (top: number, left: number, bottom: number, right: number): string =>
  `${address(top, left)}:${address(bottom, right)}`;
