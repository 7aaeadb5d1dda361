/**
 * A sheet of the example workbook, declared as data. Each formula family contributes its
 * sheets in examples/sheets/<family>.ts; examples/build-example.ts writes them all into
 * examples/county-planning.xlsx (and the task pane inserts the same sheets into the open
 * workbook through the Excel API).
 *
 * Formulas are written as a person types them, e.g. `=EDU.APPORTION(40,C4:C11,"hamilton",3)`;
 * the builder converts custom-function calls to the form Excel stores in a file so they
 * calculate when the file is opened with the add-in loaded.
 */
export type CellStyle = 'title' | 'note' | 'header' | 'input' | 'illustrative' | 'result' | 'total';

export interface ExampleCell {
  /** A1 reference, e.g. "B4". */
  ref: string;
  /** A literal value (number, text or boolean). */
  value?: string | number | boolean;
  /** A formula starting with "=". A formula whose result spills gives its anchor cell only. */
  formula?: string;
  style?: CellStyle;
  /** Number format, e.g. "#,##0.00" for yuan. */
  numberFormat?: string;
}

export interface ExampleSheet {
  /** Sheet tab name (zh-CN, at most 31 characters). */
  name: string;
  /** Column widths in characters, by column letter. */
  columns?: Record<string, number>;
  /** Ranges to merge, e.g. "A1:F1". */
  merges?: string[];
  cells: ExampleCell[];
}
