/**
 * GET /example-sheets: the example workbook's sheets as data (examples/sheets/*.ts declare
 * them with these types; examples/build-example.ts writes them into the .xlsx, and the task
 * pane inserts the same sheets into the open workbook through the Excel API).
 */
import { z } from 'zod';

export const cellStyleSchema = z.enum(['title', 'note', 'header', 'input', 'illustrative', 'result', 'total']);

export const exampleCellSchema = z.object({
  /** A1 reference, e.g. "B4". */
  ref: z.string(),
  /** A literal value (number, text or boolean). */
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  /** A formula starting with "=". A formula whose result spills gives its anchor cell only. */
  formula: z.string().optional(),
  style: cellStyleSchema.optional(),
  /** Number format, e.g. "#,##0.00" for yuan. */
  numberFormat: z.string().optional(),
});

export const exampleSheetSchema = z.object({
  /** Sheet tab name (zh-CN, at most 31 characters). */
  name: z.string(),
  /** Column widths in characters, by column letter. */
  columns: z.record(z.string(), z.number()).optional(),
  /** Ranges to merge, e.g. "A1:F1". */
  merges: z.array(z.string()).optional(),
  cells: z.array(exampleCellSchema),
});

/** How a cell style looks, as plain data (examples/example-styles.ts gives the values). */
export const exampleStyleSchema = z.object({
  bold: z.boolean(),
  italic: z.boolean(),
  /** Font size in points. */
  size: z.number(),
  /** Font colour, RRGGBB. */
  color: z.string(),
  /** Fill colour, RRGGBB; omitted: none. */
  fill: z.string().optional(),
  border: z.boolean(),
  /** Omitted: Excel's general alignment (numbers right, text left). */
  horizontal: z.literal('center').optional(),
  wrap: z.boolean(),
});

export const exampleSheetsSchema = z.object({
  sheets: z.array(exampleSheetSchema),
  font: z.string(),
  styles: z.record(cellStyleSchema, exampleStyleSchema),
});

export type CellStyle = z.infer<typeof cellStyleSchema>;
export type ExampleCell = z.infer<typeof exampleCellSchema>;
export type ExampleSheet = z.infer<typeof exampleSheetSchema>;
export type ExampleStyle = z.infer<typeof exampleStyleSchema>;
export type ExampleSheets = z.infer<typeof exampleSheetsSchema>;
