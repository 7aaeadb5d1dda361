/**
 * Lays a PaneGrid into a worksheet through the Excel API: number formats before values (so
 * "1" in a text column stays text), then values, styles by rectangle, merges, column widths
 * and row heights, freeze panes, print settings (A4, fit to one page wide, header rows
 * repeated, page numbers), and a comparison's conditional formats and chart. Writes are
 * sent in chunks so a 3,000-row plan neither hits Excel's request size limit nor freezes
 * the pane without progress.
 */
import { rangeAddress } from './a1.js';
import type { GridExtras, PaneCellFormat, PaneGrid } from './pane-grid.js';
import { printParts } from './print-parts.js';
import { rectsOf, runsOf } from './rects.js';

export type FontPicker = (name: string, fallbacks: readonly string[]) => string;

/** Excel character units -> points (7 px per unit plus 5 px padding, at 96 dpi). */
export const widthPoints = (units: number): number => Math.round((units * 7 + 5) * 0.75 * 100) / 100;

/** Cells per request when writing values (Excel on the web limits a request to about 5 MB). */
export const CELLS_PER_CHUNK = 20_000;

const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

/** Whether this Excel has an API set; outside Office (tests) everything is assumed there. */
function supports(version: string): boolean {
  const requirements = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  return requirements ? requirements.isSetSupported('ExcelApi', version) : true;
}

export function applyFormat(range: Excel.Range, f: PaneCellFormat, pickFont: FontPicker, rows: number, columns: number): void {
  const font = range.format.font;
  font.name = pickFont(f.font.name, f.font.fallbacks);
  font.size = f.font.size;
  font.bold = f.font.bold;
  if (f.italic) font.italic = true;
  if (f.fontColor) font.color = `#${f.fontColor}`;
  if (f.fill) range.format.fill.color = `#${f.fill}`;
  range.format.horizontalAlignment = f.horizontal === 'center' ? 'Center' : f.horizontal === 'right' ? 'Right' : 'Left';
  range.format.verticalAlignment = f.vertical === 'top' ? 'Top' : 'Center';
  range.format.wrapText = f.wrap;
  // indentLevel came with ExcelApi 1.9; an older Excel keeps the text at the border instead of failing.
  if (f.indent > 0 && supports('1.9')) range.format.indentLevel = f.indent;
  if (f.border) {
    const edges: string[] = [...BORDER_EDGES];
    if (columns > 1) edges.push('InsideVertical');
    if (rows > 1) edges.push('InsideHorizontal');
    for (const edge of edges) {
      const border = range.format.borders.getItem(edge as Excel.BorderIndex);
      border.style = 'Continuous';
      border.weight = 'Thin';
      border.color = '#000000';
    }
  }
}

export async function writeGridTo(context: Excel.RequestContext, sheet: Excel.Worksheet, grid: PaneGrid, extras: GridExtras | undefined, pickFont: FontPicker, progress?: (done: number, total: number) => void): Promise<{ zh: string; en: string }[]> {
  const notes: { zh: string; en: string }[] = [];
  const height = grid.cells.length;
  const width = grid.columns.length;
  const rowsPerChunk = Math.max(1, Math.floor(CELLS_PER_CHUNK / Math.max(1, width)));
  const rects = rectsOf(grid.cells.map((row) => row.map((c) => c.style)));
  const total = rects.length + height + 2;
  let done = 0;
  const step = async (n: number) => {
    done += n;
    await context.sync();
    progress?.(Math.min(done, total), total);
  };

  // Number formats first, so text-formatted cells keep what is written into them as text.
  for (let top = 0; top < height; top += rowsPerChunk) {
    const bottom = Math.min(height, top + rowsPerChunk) - 1;
    const block = grid.cells.slice(top, bottom + 1);
    const range = sheet.getRange(rangeAddress(top, 0, bottom, width - 1));
    range.numberFormat = block.map((row) => row.map((c) => grid.styles[c.style]?.numberFormat ?? 'General'));
    range.values = block.map((row) => row.map((c) => (c.value === null ? '' : c.value)));
    await step(bottom - top + 1);
  }

  let sinceSync = 0;
  for (const rect of rects) {
    const f = grid.styles[rect.key];
    if (!f) continue;
    applyFormat(sheet.getRange(rangeAddress(rect.top, rect.left, rect.bottom, rect.right)), f, pickFont, rect.bottom - rect.top + 1, rect.right - rect.left + 1);
    if (++sinceSync >= 400) {
      await step(sinceSync);
      sinceSync = 0;
    }
  }
  for (const m of grid.merges) sheet.getRange(rangeAddress(m.top, m.left, m.bottom, m.right)).merge(false);
  grid.columns.forEach((c, i) => {
    sheet.getRange(rangeAddress(0, i, 0, i)).format.columnWidth = widthPoints(c.width);
  });
  if (grid.rows) {
    for (const run of runsOf(grid.rows.map((r) => r.height))) sheet.getRange(rangeAddress(run.from, 0, run.to, 0)).format.rowHeight = run.value;
  }
  if (grid.bodyStart > 0) sheet.freezePanes.freezeRows(grid.bodyStart);
  for (const cf of extras?.conditionalFormats ?? []) {
    const range = sheet.getRange(cf.address);
    for (const rule of cf.rules) {
      const format = range.conditionalFormats.add('CellValue');
      format.cellValue.format.fill.color = `#${rule.fill}`;
      format.cellValue.format.font.color = `#${rule.fontColor}`;
      format.cellValue.rule = { formula1: rule.formula, operator: rule.operator };
    }
  }
  if (extras?.chart) {
    const chart = sheet.charts.add('ColumnClustered', sheet.getRange(extras.chart.source), 'Columns');
    chart.title.text = extras.chart.title;
    chart.legend.position = 'Bottom';
    chart.setPosition(extras.chart.topLeft, extras.chart.bottomRight);
  }
  sheet.activate();
  await step(sinceSync + 1);

  if (grid.print) {
    // Page layout needs ExcelApi 1.9. Each part is sent on its own, so a part an older Excel
    // refuses costs only that part, and the user is told what to set by hand.
    // pageLayout is read inside each part, as each is its own request to Excel.
    const parts = printParts(grid.print, {
      paper(landscape, centred, m) {
        const layout = sheet.pageLayout;
        layout.orientation = landscape ? 'Landscape' : 'Portrait';
        layout.paperSize = 'A4';
        layout.centerHorizontally = centred;
        layout.topMargin = m.top;
        layout.bottomMargin = m.bottom;
        layout.leftMargin = m.left;
        layout.rightMargin = m.right;
        layout.headerMargin = m.header;
        layout.footerMargin = m.footer;
      },
      // 0 pages tall is SpreadsheetML's "automatic": one page wide, as many down as needed.
      scaling: (wide, tall) => (sheet.pageLayout.zoom = { horizontalFitToPages: wide, verticalFitToPages: tall }),
      titlesAndArea(rows, area) {
        const layout = sheet.pageLayout;
        layout.setPrintTitleRows(rows);
        layout.setPrintArea(area);
      },
      centreFooter: (text) => (sheet.pageLayout.headersFooters.defaultForAllPages.centerFooter = text),
    });
    for (const part of parts) {
      try {
        part.apply();
        await context.sync();
      } catch {
        notes.push({
          zh: `这个版本的 Excel 未能设置${part.zh}：请在“页面布局”中手动设置`,
          en: `This Excel could not set the ${part.en}: set it by hand under Page Layout`,
        });
      }
    }
    progress?.(total, total);
  }
  return notes;
}
