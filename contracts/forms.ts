/**
 * The official forms' wire shapes: the list, one form's description, and the laid-out sheet
 * (FormGrid) the service answers to POST /forms/{id}/layout and the pane writes into Excel.
 * The payload of each form is its own schema (server/forms/templates), described to clients
 * by GET /forms/{id} as JSON Schema.
 */
import { z } from 'zod';
import { bilingualSchema } from './errors.js';

export const fontsQuerySchema = z.object({ fonts: z.enum(['official', 'common']).default('official') });

export const formSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: bilingualSchema,
  orientation: z.enum(['portrait', 'landscape']),
});

export const formListSchema = z.object({ forms: z.array(formSummarySchema) });

export const formDetailSchema = formSummarySchema.extend({
  /** Field key -> its printed column name in both languages. */
  fields: z.record(z.string(), bilingualSchema),
  /** The payload's JSON Schema. */
  schema: z.record(z.string(), z.unknown()),
});

/** A form payload: each form checks its own (GET /forms/{id} gives its JSON Schema). */
export const formPayloadSchema = z.record(z.string(), z.unknown());

export const gridValueSchema = z.union([z.string(), z.number(), z.null()]);

/** What every cell of a style looks like; the pane maps it to Excel's range.format. */
export const cellFormatSchema = z.object({
  font: z.object({
    /** The font the cell names (e.g. 仿宋_GB2312). */
    name: z.string(),
    /** Tried in order when `name` is not installed (the pane and docs; xlsx names one font). */
    fallbacks: z.array(z.string()),
    /** Points. */
    size: z.number(),
    bold: z.boolean(),
  }),
  horizontal: z.enum(['left', 'center', 'right']),
  vertical: z.enum(['top', 'middle']),
  wrap: z.boolean(),
  /** Indent levels from the aligned edge (Excel's indentLevel); 1 keeps text and amounts off the border. */
  indent: z.number().int(),
  /** Thin borders on all four sides, or none. */
  border: z.boolean(),
  /** Excel number format, e.g. "#,##0.00"; "@" for text, "General" otherwise. */
  numberFormat: z.string(),
});

export const gridCellSchema = z.object({
  value: gridValueSchema,
  /** A key of FormGrid.styles. */
  style: z.string(),
});

/** 0-based, inclusive; `ref` is the same range in A1 notation, e.g. "A1:D1". */
export const gridMergeSchema = z.object({ top: z.number(), left: z.number(), bottom: z.number(), right: z.number(), ref: z.string() });

export const printSettingsSchema = z.object({
  paperSize: z.literal('A4'),
  /** Excel's paperSize code for A4 in SpreadsheetML. */
  paperSizeCode: z.literal(9),
  orientation: z.enum(['portrait', 'landscape']),
  /** Fit every column on one page width; as many pages down as needed (0 = automatic). */
  fitToWidth: z.literal(1),
  fitToHeight: z.literal(0),
  horizontalCentered: z.boolean(),
  /** Inches, as SpreadsheetML stores them (the Excel API takes points: multiply by 72). */
  margins: z.object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number(), header: z.number(), footer: z.number() }),
  /** The header rows repeated on every printed page, 1-based inclusive. */
  titleRows: z.object({ first: z.number(), last: z.number() }),
  /** "A1:D20": the whole form. */
  printArea: z.string(),
  /** Footer in Excel's header/footer codes (&P page, &N pages). */
  footer: z.string(),
});

export const formGridSchema = z.object({
  formId: z.string(),
  title: z.string(),
  /** Worksheet name: the title cut to Excel's 31 characters, without []:*?/\ . */
  sheetName: z.string(),
  /** Download name, e.g. 学区教育事务中心岗位设置表.xlsx. */
  fileName: z.string(),
  /** One entry per column: width in Excel character units (what SpreadsheetML stores). */
  columns: z.array(z.object({ width: z.number() })),
  /** One entry per row: height in points. */
  rows: z.array(z.object({ height: z.number() })),
  /** rows x columns, dense; cells covered by a merge hold null with the merge's style (so borders print). */
  cells: z.array(z.array(gridCellSchema)),
  merges: z.array(gridMergeSchema),
  styles: z.record(z.string(), cellFormatSchema),
  /** 0-based index of the first row under the header (frozen there on screen). */
  bodyStart: z.number(),
  print: printSettingsSchema,
});

/** Excel for Mac cannot save a Blob from the pane: the file waits behind a one-time link. */
export const downloadLinkSchema = z.object({ url: z.string(), fileName: z.string(), expiresInSeconds: z.number() });

export type FormSummary = z.infer<typeof formSummarySchema>;
export type FormList = z.infer<typeof formListSchema>;
export type FormDetail = z.infer<typeof formDetailSchema>;
export type GridValue = z.infer<typeof gridValueSchema>;
export type CellFormat = z.infer<typeof cellFormatSchema>;
export type GridCell = z.infer<typeof gridCellSchema>;
export type GridMerge = z.infer<typeof gridMergeSchema>;
export type PrintSettings = z.infer<typeof printSettingsSchema>;
export type FormGrid = z.infer<typeof formGridSchema>;
export type DownloadLink = z.infer<typeof downloadLinkSchema>;
