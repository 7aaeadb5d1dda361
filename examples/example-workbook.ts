/**
 * Builds the example workbook (examples/county-planning.xlsx) from the example sheets.
 *
 * What makes it calculate when opened in Excel with the add-in loaded (evidence in
 * docs/example-workbook.md):
 *  - custom-function calls are stored as Excel stores them, `_xldudf_EDU_X(...)`
 *    (stored-formula.ts), not as typed text that stays #NAME? until re-entered;
 *  - every formula that calls a custom function or an array function is a dynamic-array
 *    formula: `<f t="array" ref="anchor">` on a cell with cm="1", which points at the
 *    XLDAPR entry of xl/metadata.xml (exceljs writes the first, not the other two, so the
 *    package is patched after writing); Excel then spills the result from the anchor;
 *  - calcPr fullCalcOnLoad="1": no cached values are stored, so Excel recalculates on open.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { EXAMPLE_FONT, EXAMPLE_STYLES } from './example-styles.js';
import { loadExampleSheets, type SheetProblem } from './load-sheets.js';
import type { ExampleSheet } from './sheet-spec.js';
import { toStoredFormula } from './stored-formula.js';

export const INTRO_SHEET_NAME = '说明';

/** The dynamic-array cell metadata exactly as Excel writes it (xl/metadata.xml). */
export const DYNAMIC_ARRAY_METADATA =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
  '</metadata>';

const METADATA_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml';
const METADATA_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata';

/** The first sheet: what the workbook is, that it needs the add-in, and what the colours mean. */
export function introSheet(sheets: readonly ExampleSheet[]): ExampleSheet {
  const listStart = 9;
  const legendStart = listStart + sheets.length + 1;
  return {
    name: INTRO_SHEET_NAME,
    columns: { A: 30, B: 90 },
    cells: [
      { ref: 'A1', value: '县域教育规划示例工作簿 County education planning: example workbook', style: 'title' },
      {
        ref: 'A3',
        value: '本工作簿的公式使用 EDU 自定义函数：请在已加载本加载项的 Excel 中打开，打开时自动重新计算；若显示 #NAME?，请先加载加载项，再按 Ctrl+Alt+F9 重新计算。',
        style: 'note',
      },
      {
        ref: 'A4',
        value: 'The formulas use the add-in’s EDU custom functions: open the workbook in Excel with the add-in loaded and it recalculates on opening. If cells show #NAME?, load the add-in, then press Ctrl+Alt+F9.',
        style: 'note',
      },
      { ref: 'A5', value: '橙色斜体的数字是示例数据，仅作演示：不是政策规定，也不是真实数据。黄色格是可修改的输入，绿色格是 EDU 函数的计算结果。', style: 'note' },
      { ref: 'A6', value: 'Orange italic numbers are illustrative only: not policy values and not real data. Yellow cells are inputs to change; green cells are results of EDU functions.', style: 'note' },
      { ref: `A${listStart - 1}`, value: '工作表 Sheet', style: 'header' },
      { ref: `B${listStart - 1}`, value: '内容 Contents', style: 'header' },
      ...sheets.flatMap((s, i) => [
        { ref: `A${listStart + i}`, value: s.name },
        { ref: `B${listStart + i}`, value: String(s.cells.find((c) => c.style === 'title')?.value ?? '') },
      ]),
      { ref: `A${legendStart}`, value: '图例 Legend', style: 'header' },
      { ref: `B${legendStart}`, value: '含义 Meaning', style: 'header' },
      { ref: `A${legendStart + 1}`, value: 1234.5, style: 'input' },
      { ref: `B${legendStart + 1}`, value: '输入：可修改 / input: change it' },
      { ref: `A${legendStart + 2}`, value: 1234.5, style: 'illustrative' },
      { ref: `B${legendStart + 2}`, value: '示例数据，仅作演示 / illustrative only' },
      { ref: `A${legendStart + 3}`, value: 1234.5, style: 'result' },
      { ref: `B${legendStart + 3}`, value: 'EDU 函数的计算结果 / result of an EDU function' },
    ],
  };
}

function excelStyle(style: keyof typeof EXAMPLE_STYLES, numberFormat: string | undefined): Partial<ExcelJS.Style> {
  const s = EXAMPLE_STYLES[style];
  const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
  return {
    font: { name: EXAMPLE_FONT, size: s.size, bold: s.bold, italic: s.italic, color: { argb: `FF${s.color}` }, family: 3, charset: 134 },
    ...(s.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${s.fill}` } } } : {}),
    ...(s.border ? { border: { top: thin, bottom: thin, left: thin, right: thin } } : {}),
    alignment: { vertical: 'middle', wrapText: s.wrap, ...(s.horizontal ? { horizontal: s.horizontal } : {}) },
    ...(numberFormat ? { numFmt: numberFormat } : {}),
  };
}

function addExampleSheet(workbook: ExcelJS.Workbook, spec: ExampleSheet): void {
  const sheet = workbook.addWorksheet(spec.name);
  for (const [letter, width] of Object.entries(spec.columns ?? {})) sheet.getColumn(letter).width = width;
  for (const cell of spec.cells) {
    const target = sheet.getCell(cell.ref);
    if (cell.formula !== undefined) {
      const stored = toStoredFormula(cell.formula);
      // exceljs writes shareType 'array' as <f t="array" ref="...">; its typings omit the fields.
      target.value = (stored.dynamic ? { formula: stored.formula, shareType: 'array', ref: cell.ref } : { formula: stored.formula }) as ExcelJS.CellFormulaValue;
    } else if (cell.value !== undefined) {
      target.value = cell.value;
    }
    if (cell.style) target.style = excelStyle(cell.style, cell.numberFormat);
    else if (cell.numberFormat) target.numFmt = cell.numberFormat;
  }
  for (const range of spec.merges ?? []) sheet.mergeCells(range);
}

/**
 * Adds what exceljs cannot write: cm="1" on every array-formula cell, xl/metadata.xml with
 * the XLDAPR dynamic-array entry, and its content type and workbook relationship.
 */
export async function markDynamicArrays(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  let any = false;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    const patched = xml.replace(/<c ([^>]*?)>(<f t="array")/g, (whole, attrs: string, f: string) => (/\bcm="/.test(attrs) ? whole : `<c ${attrs} cm="1">${f}`));
    if (patched !== xml) {
      any = true;
      zip.file(name, patched);
    }
  }
  if (!any) return xlsx;
  zip.file('xl/metadata.xml', DYNAMIC_ARRAY_METADATA);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/xl/metadata.xml" ContentType="${METADATA_CONTENT_TYPE}"/></Types>`));
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', `<Relationship Id="rIdEduMetadata" Type="${METADATA_RELATIONSHIP}" Target="metadata.xml"/></Relationships>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The intro sheet and then `sheets`, as an .xlsx that recalculates on opening. */
export async function buildExampleWorkbook(sheets: readonly ExampleSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'edu-county-planning';
  workbook.title = '县域教育规划示例工作簿';
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const spec of [introSheet(sheets), ...sheets]) addExampleSheet(workbook, spec);
  return markDynamicArrays(Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** Loads every example sheet, writes the workbook to `outFile`, and says what it left out. */
export async function writeExampleWorkbook(outFile: string, sheetsDir?: string): Promise<{ sheets: string[]; problems: SheetProblem[] }> {
  const { sheets, problems } = await loadExampleSheets(sheetsDir);
  await writeFile(outFile, await buildExampleWorkbook(sheets));
  return { sheets: [INTRO_SHEET_NAME, ...sheets.map((s) => s.name)], problems };
}
