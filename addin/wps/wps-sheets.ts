/**
 * Writing the pane's sheets into WPS 表格 through its Application object model: a PaneGrid
 * (forms, comparisons, plans) and the example sheets. The same data the Office host lays out
 * with Office.js, laid out with the COM-style members WPS documents (Range.NumberFormat,
 * Value2, Font, Interior, Borders, HorizontalAlignment, WrapText, Merge, ColumnWidth,
 * RowHeight). Column widths are in characters here, as in Excel's COM model.
 *
 * Header rows are frozen through the window (SplitRow, FreezePanes) and print settings go
 * to Worksheet.PageSetup (A4, fit to one page wide, title rows, print area, page numbers),
 * each part on its own so a part WPS refuses costs only that part. What this layer does not
 * set in WPS (a comparison's conditional formats and chart), and any part refused, is
 * reported in the write result's notes, so the pane tells the clerk what to set by hand.
 */
import { rangeAddress, uniqueSheetName } from '../taskpane/excel/a1.js';
import type { GridExtras, PaneCellFormat, PaneGrid } from '../taskpane/excel/pane-grid.js';
import { rectsOf, runsOf } from '../taskpane/excel/rects.js';
import type { ExampleSheets } from '../../contracts/examples.js';
import { renameSheetRefs } from '../taskpane/excel/write-examples.js';
import type { FontPicker } from '../taskpane/excel/write-grid.js';
import type { PrintSettings } from '../../contracts/forms.js';
import { printParts } from '../taskpane/excel/print-parts.js';
import type { WpsApplication, WpsRange, WpsWorkbook, WpsWorksheet } from './wps-api.js';

/** Excel's (and WPS's) alignment constants: xlLeft, xlCenter, xlRight, xlTop. */
const XL = { left: -4131, center: -4108, right: -4152, top: -4160, continuous: 1, thin: 2 } as const;

/** Rows per write, so a 3,000-row plan reports progress as it goes. */
const ROWS_PER_STEP = 500;

/** RRGGBB -> the BGR number COM colours use. */
export const bgr = (hex: string): number => parseInt(hex.slice(4, 6), 16) * 65536 + parseInt(hex.slice(2, 4), 16) * 256 + parseInt(hex.slice(0, 2), 16);

/** A new worksheet after the last one, under `wanted` made unique in the workbook. */
export function addSheet(wb: WpsWorkbook, wanted: string): { sheet: WpsWorksheet; name: string } {
  const taken = Array.from({ length: wb.Worksheets.Count }, (_, i) => wb.Worksheets.Item(i + 1).Name);
  const name = uniqueSheetName(wanted, taken);
  const sheet = wb.Worksheets.Add(undefined, wb.Worksheets.Item(wb.Worksheets.Count));
  sheet.Name = name;
  return { sheet, name };
}

function applyFormat(range: WpsRange, f: PaneCellFormat, pickFont: FontPicker): void {
  range.Font.Name = pickFont(f.font.name, f.font.fallbacks);
  range.Font.Size = f.font.size;
  range.Font.Bold = f.font.bold;
  if (f.italic) range.Font.Italic = true;
  if (f.fontColor) range.Font.Color = bgr(f.fontColor);
  if (f.fill) range.Interior.Color = bgr(f.fill);
  range.HorizontalAlignment = XL[f.horizontal];
  range.VerticalAlignment = f.vertical === 'top' ? XL.top : XL.center;
  range.WrapText = f.wrap;
  if (f.border) {
    range.Borders.LineStyle = XL.continuous;
    range.Borders.Weight = XL.thin;
  }
}

type Note = { zh: string; en: string };

/** Applies each part of the print settings on its own; answers a note for each part WPS refused. */
function applyPrint(sheet: WpsWorksheet, p: PrintSettings): Note[] {
  // PageSetup is read inside each part, so a host that refuses it costs only that part.
  const parts = printParts(p, {
    paper(landscape, centred, m) {
      const page = sheet.PageSetup;
      page.Orientation = landscape ? 2 : 1;
      page.PaperSize = p.paperSizeCode;
      page.CenterHorizontally = centred;
      page.TopMargin = m.top;
      page.BottomMargin = m.bottom;
      page.LeftMargin = m.left;
      page.RightMargin = m.right;
      page.HeaderMargin = m.header;
      page.FooterMargin = m.footer;
    },
    scaling(wide, tall) {
      const page = sheet.PageSetup;
      page.Zoom = false;
      page.FitToPagesWide = wide;
      // 0 pages tall is "automatic": in the COM model that is False.
      page.FitToPagesTall = tall === 0 ? false : tall;
    },
    titlesAndArea(rows, area) {
      const page = sheet.PageSetup;
      page.PrintTitleRows = rows;
      page.PrintArea = area;
    },
    centreFooter: (text) => (sheet.PageSetup.CenterFooter = text),
  });
  return parts.flatMap((part) => {
    try {
      part.apply();
      return [];
    } catch {
      return [{ zh: `WPS 未能设置${part.zh}：请在“页面布局”中手动设置`, en: `WPS could not set the ${part.en}: set it by hand under Page Layout` }];
    }
  });
}

export function writeGridTo(app: WpsApplication, sheet: WpsWorksheet, grid: PaneGrid, extras: GridExtras | undefined, pickFont: FontPicker, progress?: (done: number, total: number) => void): Note[] {
  const height = grid.cells.length;
  const width = grid.columns.length;
  // Number formats first, so text-formatted cells keep what is written into them as text.
  for (let top = 0; top < height; top += ROWS_PER_STEP) {
    const bottom = Math.min(height, top + ROWS_PER_STEP) - 1;
    const block = grid.cells.slice(top, bottom + 1);
    const range = sheet.Range(rangeAddress(top, 0, bottom, width - 1));
    range.NumberFormat = block.map((row) => row.map((c) => grid.styles[c.style]?.numberFormat ?? 'General'));
    range.Value2 = block.map((row) => row.map((c) => (c.value === null ? '' : c.value)));
    progress?.(bottom + 1, height);
  }
  for (const rect of rectsOf(grid.cells.map((row) => row.map((c) => c.style)))) {
    const f = grid.styles[rect.key];
    if (f) applyFormat(sheet.Range(rangeAddress(rect.top, rect.left, rect.bottom, rect.right)), f, pickFont);
  }
  for (const m of grid.merges) sheet.Range(rangeAddress(m.top, m.left, m.bottom, m.right)).Merge(false);
  grid.columns.forEach((c, i) => (sheet.Range(rangeAddress(0, i, 0, i)).ColumnWidth = c.width));
  for (const run of runsOf((grid.rows ?? []).map((r) => r.height))) sheet.Range(rangeAddress(run.from, 0, run.to, 0)).RowHeight = run.value;
  sheet.Activate();

  const notes: Note[] = [];
  const win = app.ActiveWindow;
  if (grid.bodyStart > 0 && win) {
    win.FreezePanes = false;
    win.SplitRow = grid.bodyStart;
    win.FreezePanes = true;
  }
  if (grid.print) notes.push(...applyPrint(sheet, grid.print));
  if (extras?.conditionalFormats?.length) notes.push({ zh: '差额列的条件格式未在 WPS 中设置', en: 'The difference columns’ conditional formats are not set in WPS' });
  if (extras?.chart) notes.push({ zh: `图表未在 WPS 中插入：可选中 ${extras.chart.source} 后“插入 › 图表”`, en: `The chart is not inserted in WPS: select ${extras.chart.source} and use Insert › Chart` });
  return notes;
}

/** The example workbook's sheets, formulas as typed (=EDU.APPORTION(...)), renamed sheets followed. */
export function insertExamples(wb: WpsWorkbook, payload: ExampleSheets, pickFont: FontPicker, progress?: (done: number, total: number) => void): string[] {
  const renames = new Map<string, string>();
  const added = payload.sheets.map((spec, i) => {
    const { sheet, name } = addSheet(wb, spec.name);
    if (name !== spec.name) renames.set(spec.name, name);
    progress?.(i + 1, payload.sheets.length * 2);
    return sheet;
  });
  const font = pickFont(payload.font, ['Microsoft YaHei', 'SimSun']);
  payload.sheets.forEach((spec, i) => {
    const sheet = added[i]!;
    for (const [letter, chars] of Object.entries(spec.columns ?? {})) sheet.Range(`${letter}1`).ColumnWidth = chars;
    for (const cell of spec.cells) {
      const range = sheet.Range(cell.ref);
      if (cell.numberFormat) range.NumberFormat = cell.numberFormat;
      if (cell.formula !== undefined) range.Formula = renameSheetRefs(cell.formula, renames);
      else if (cell.value !== undefined) range.Value2 = cell.value;
      range.Font.Name = font;
      const style = cell.style ? payload.styles[cell.style] : undefined;
      if (!style) continue;
      range.Font.Bold = style.bold;
      range.Font.Italic = style.italic;
      range.Font.Size = style.size;
      range.Font.Color = bgr(style.color);
      if (style.fill) range.Interior.Color = bgr(style.fill);
      if (style.horizontal === 'center') range.HorizontalAlignment = XL.center;
      if (style.wrap) range.WrapText = true;
      if (style.border) range.Borders.LineStyle = XL.continuous;
    }
    for (const merge of spec.merges ?? []) sheet.Range(merge).Merge(false);
    progress?.(payload.sheets.length + i + 1, payload.sheets.length * 2);
  });
  added[0]?.Activate();
  return added.map((s) => s.Name);
}
