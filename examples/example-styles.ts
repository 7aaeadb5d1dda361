/**
 * How each ExampleSheet cell style looks, as plain data: the builder makes exceljs styles
 * of it and GET /api/v1/example-sheets hands it to the task pane, which applies the same
 * look through the Excel API. Illustrative numbers are orange italics on a light orange
 * fill, so they cannot be mistaken for policy values.
 */
import type { CellStyle, ExampleStyle } from '../contracts/examples.js';

export type { ExampleStyle } from '../contracts/examples.js';

/** The workbook font: 等线 is Excel's zh-CN default; charset GB2312 finds a substitute if absent. */
export const EXAMPLE_FONT = '等线';

export const EXAMPLE_STYLES: Record<CellStyle, ExampleStyle> = {
  title: { bold: true, italic: false, size: 14, color: '1F3864', border: false, wrap: false },
  note: { bold: false, italic: true, size: 10, color: '7F6000', border: false, wrap: false },
  header: { bold: true, italic: false, size: 11, color: '000000', fill: 'D9E1F2', border: true, horizontal: 'center', wrap: true },
  input: { bold: false, italic: false, size: 11, color: '000000', fill: 'FFF2CC', border: true, wrap: false },
  illustrative: { bold: false, italic: true, size: 11, color: 'C55A11', fill: 'FCE4D6', border: true, wrap: false },
  result: { bold: false, italic: false, size: 11, color: '000000', fill: 'E2EFDA', border: true, wrap: false },
  total: { bold: true, italic: false, size: 11, color: '000000', fill: 'E2EFDA', border: true, wrap: false },
};
