/**
 * Writes a FormGrid into an .xlsx with exceljs: values, one style per named grid style,
 * merges, column widths, row heights, and the print settings (A4, orientation, fit to one
 * page wide, header rows repeated on every page, centred, page-number footer).
 */
import type ExcelJS from 'exceljs';
import type { CellFormat, FormGrid } from './grid.js';

/** GB2312, so Windows substitutes a Chinese font when the named one is not installed. */
const CHARSET_GB2312 = 134;
/** FF_MODERN, what Excel itself writes for 宋体 and 仿宋. */
const FAMILY_MODERN = 3;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

function excelStyle(format: CellFormat): Partial<ExcelJS.Style> {
  return {
    font: { name: format.font.name, size: format.font.size, bold: format.font.bold, family: FAMILY_MODERN, charset: CHARSET_GB2312 },
    alignment: { horizontal: format.horizontal, vertical: format.vertical, wrapText: format.wrap, indent: format.indent },
    border: format.border ? { top: THIN, bottom: THIN, left: THIN, right: THIN } : {},
    numFmt: format.numberFormat,
  };
}

/** Adds the grid as a new worksheet of `workbook`. */
export function addGridSheet(workbook: ExcelJS.Workbook, grid: FormGrid): ExcelJS.Worksheet {
  const { print } = grid;
  const sheet = workbook.addWorksheet(grid.sheetName, {
    pageSetup: {
      paperSize: print.paperSizeCode,
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.fitToWidth,
      fitToHeight: print.fitToHeight,
      horizontalCentered: print.horizontalCentered,
      margins: print.margins,
      printTitlesRow: `${print.titleRows.first}:${print.titleRows.last}`,
      printArea: print.printArea,
    },
    headerFooter: { oddFooter: print.footer },
    views: [{ state: 'frozen', ySplit: grid.bodyStart, showGridLines: false }],
  });
  grid.columns.forEach((column, c) => {
    sheet.getColumn(c + 1).width = column.width;
  });
  const styles = new Map(Object.entries(grid.styles).map(([key, format]) => [key, excelStyle(format)]));
  grid.cells.forEach((row, r) => {
    const excelRow = sheet.getRow(r + 1);
    excelRow.height = grid.rows[r]!.height;
    row.forEach((cell, c) => {
      const target = excelRow.getCell(c + 1);
      if (cell.value !== null) target.value = cell.value;
      target.style = styles.get(cell.style)!;
    });
  });
  for (const m of grid.merges) sheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  return sheet;
}

export async function writeFormXlsx(grid: FormGrid): Promise<Buffer> {
  // exceljs takes a quarter of a second to load: only the first export pays it, not every start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'edu-county-planning';
  workbook.title = grid.title;
  addGridSheet(workbook, grid);
  // Fastest deflate: a form is small either way, and at level 6 compression is most of the time.
  return Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }));
}
