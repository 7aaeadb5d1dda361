/**
 * Builds the example workbook (examples/county-planning.xlsx) from the example sheets.
 *
 * What makes it read right in Excel with or without the add-in, in LibreOffice and in WPS
 * (evidence in docs/example-workbook.md and docs/excel-behaviour.md):
 *  - custom-function calls are stored as Excel stores them, `_xldudf_EDU_X(...)`
 *    (stored-formula.ts), not as typed text that stays #NAME? until re-entered;
 *  - every formula that calls a custom function or an array function is a dynamic-array
 *    formula: `<f t="array" ref="spill range">` on a cell with cm="1", which points at the
 *    XLDAPR entry of xl/metadata.xml (exceljs writes the first, not the other two, so the
 *    package is patched after writing);
 *  - every formula cell carries its value, EDU cells as the core computes them and spilled
 *    cells as plain values, as Excel saves them (workbook-values.ts); calcPr carries the
 *    calcId of current Excel and no fullCalcOnLoad, so opening shows these values and Excel
 *    recalculates only what the clerk changes;
 *  - the web-extension parts name the add-in and its custom functions (webextension-parts.ts);
 *  - each sheet prints on A4, one page wide, header rows repeated.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { EXAMPLE_FONT, EXAMPLE_STYLES } from './example-styles.js';
import { exampleSheets } from './sheets/index.js';
import type { ExampleCell, ExampleSheet } from './sheet-spec.js';
import { toStoredFormula } from './stored-formula.js';
import { addinReference, addWebExtensionParts, type AddinStore } from './webextension-parts.js';
import { computeWorkbookValues, type CachedValue, type WorkbookValues } from './workbook-values.js';

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

/** The first sheet: what the workbook is, which add-in it needs, what a reader sees without it, the colours. */
export function introSheet(sheets: readonly ExampleSheet[]): ExampleSheet {
  const notes = [
    '本工作簿是县域教育规划加载项（“县域教育规划”，EDU 函数）的示例：绿色格中的公式使用 EDU 自定义函数，如 =EDU.APPORTION(...)。',
    'This workbook shows the County Education Planning add-in (the EDU functions): the formulas in green cells call EDU custom functions such as =EDU.APPORTION(...).',
    'Excel 未加载加载项时：计算结果照常显示（文件保存了生成时由计算核心算出的值），可以阅读和打印；修改输入后 EDU 单元格不会重算，显示错误值或旧值。',
    'Excel without the add-in: the results show as saved (computed by the calculation core when the file was built), so the workbook reads and prints; after an input changes, the EDU cells do not recalculate and show an error value or the old value.',
    'LibreOffice：装有 EDU 扩展（edu.oxt）且能连上计算服务时，打开即计算 EDU 单元格；未装扩展时 LibreOffice 打开会重算数组公式，EDU 单元格无法计算（显示名称错误），请打开同一文件夹中的数值版 county-planning-values.xlsx（EDU 单元格为数值，其余公式照常）。WPS 和 Excel 2016/2019 用户同样使用数值版。',
    'LibreOffice: with the EDU extension (edu.oxt) and the calculation service reachable, the EDU cells compute on opening; without it LibreOffice recalculates array formulas on opening and the EDU cells cannot compute (they show a name error), so open the values copy county-planning-values.xlsx beside this file (EDU cells as values, other formulas as usual). WPS and Excel 2016/2019 users use the values copy too.',
    '加载加载项后：修改黄色输入格，结果自动重算；若要按当前政策参数全部重算，按 Ctrl+Alt+F9。加载项的安装见 docs/install.md（Microsoft 365 2002 版及以上、Excel 2021、Mac 版 16.35 及以上或网页版）。',
    'With the add-in loaded: change a yellow input and the results recalculate; press Ctrl+Alt+F9 to recalculate everything with the current policy values. Installing the add-in: docs/install.md (Microsoft 365 Version 2002 or later, Excel 2021, Excel for Mac 16.35 or later, or Excel on the web).',
    '橙色斜体的数字是示例数据，仅作演示：不是政策规定，也不是真实数据。黄色格是可修改的输入，绿色格是 EDU 函数的计算结果。',
    'Orange italic numbers are illustrative only: not policy values and not real data. Yellow cells are inputs to change; green cells are results of EDU functions.',
  ];
  const listStart = notes.length + 5;
  const legendStart = listStart + sheets.length + 1;
  return {
    name: INTRO_SHEET_NAME,
    columns: { A: 24, B: 80 },
    merges: notes.map((_, i) => `A${i + 3}:B${i + 3}`),
    cells: [
      { ref: 'A1', value: '县域教育规划示例工作簿 / County education planning: example workbook (说明 Read me)', style: 'title' },
      ...notes.map((value, i): ExampleCell => ({ ref: `A${i + 3}`, value, style: 'note' })),
      { ref: `A${listStart - 1}`, value: '工作表 Sheet', style: 'header' },
      { ref: `B${listStart - 1}`, value: '内容 Contents', style: 'header' },
      ...sheets.flatMap((s, i): ExampleCell[] => [
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

/** Excel's default column width in characters, for columns a sheet leaves unset. */
const DEFAULT_WIDTH = 9;
/** Wider than this (in characters) prints landscape: an A4 portrait page holds about 95. */
const PORTRAIT_WIDTH = 95;

const excelResult = (v: CachedValue): ExcelJS.CellValue | { error: string } => (typeof v === 'object' ? { error: v.error.split(' ')[0]! } : v);

/**
 * `formulas`: the workbook for Excel with the add-in (EDU calls stored with their values).
 * `values`: the same workbook with every EDU cell replaced by its value, for readers that
 * recompute array formulas and know no EDU function (LibreOffice, WPS, Excel 2016/2019).
 */
export type EduCells = 'formulas' | 'values';

function addExampleSheet(workbook: ExcelJS.Workbook, spec: ExampleSheet, values: WorkbookValues, eduCells: EduCells): void {
  const sheet = workbook.addWorksheet(spec.name);
  for (const [letter, width] of Object.entries(spec.columns ?? {})) sheet.getColumn(letter).width = width;
  const cached = values.values.get(spec.name) ?? new Map<string, CachedValue>();
  const spills = values.spills.get(spec.name) ?? new Map<string, string>();
  for (const cell of spec.cells) {
    const target = sheet.getCell(cell.ref);
    const stored = cell.formula === undefined ? undefined : toStoredFormula(cell.formula);
    if (stored && eduCells === 'values' && stored.customFunctions.length > 0) {
      target.value = excelResult(cached.get(cell.ref) ?? '') as ExcelJS.CellValue;
    } else if (stored) {
      const result = excelResult(cached.get(cell.ref) ?? '');
      // exceljs writes shareType 'array' as <f t="array" ref="...">; its typings omit the fields.
      target.value = (
        stored.dynamic ? { formula: stored.formula, result, shareType: 'array', ref: spills.get(cell.ref) ?? cell.ref } : { formula: stored.formula, result }
      ) as ExcelJS.CellFormulaValue;
    } else if (cell.value !== undefined) {
      target.value = cell.value;
    }
    if (cell.style) target.style = excelStyle(cell.style, cell.numberFormat);
    else if (cell.numberFormat) target.numFmt = cell.numberFormat;
    // A spilled cell is a plain value in the file, formatted as its anchor.
    const spill = spills.get(cell.ref);
    if (spill) {
      const [from, to] = spill.split(':').map((r) => sheet.getCell(r!)) as [ExcelJS.Cell, ExcelJS.Cell];
      for (let row = Number(from.row); row <= Number(to.row); row++) {
        for (let col = Number(from.col); col <= Number(to.col); col++) {
          if (row === Number(from.row) && col === Number(from.col)) continue;
          const spilled = sheet.getCell(row, col);
          spilled.value = excelResult(cached.get(spilled.address) ?? '') as ExcelJS.CellValue;
          spilled.style = target.style;
        }
      }
    }
  }
  for (const range of spec.merges ?? []) sheet.mergeCells(range);
  setUpPrinting(sheet, spec);
}

/** A4, one page wide and as many tall as needed, landscape when wide, the column headers repeated. */
function setUpPrinting(sheet: ExcelJS.Worksheet, spec: ExampleSheet): void {
  let lastCol = 1;
  for (const cell of spec.cells) lastCol = Math.max(lastCol, Number(sheet.getCell(cell.ref).col));
  let width = 0;
  for (let c = 1; c <= lastCol; c++) width += sheet.getColumn(c).width ?? DEFAULT_WIDTH;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: width > PORTRAIT_WIDTH ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as the rows need
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  const firstHeader = spec.cells.find((c) => c.style === 'header');
  if (firstHeader) {
    const row = Number(sheet.getCell(firstHeader.ref).row);
    sheet.pageSetup.printTitlesRow = `${row}:${row}`;
  }
  sheet.headerFooter.oddFooter = `&L${spec.name}&R第 &P 页，共 &N 页 / page &P of &N`;
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

/** The calcId current Excel writes (Microsoft 365); an older one makes Excel recalculate everything on opening. */
export const CURRENT_CALC_ID = 191029;

/**
 * The intro sheet and then `sheets`, as an .xlsx whose formulas carry their values and
 * whose web-extension parts name the add-in (found in `store`).
 */
export async function buildExampleWorkbook(sheets: readonly ExampleSheet[], options: { store?: AddinStore; eduCells?: EduCells } = {}): Promise<Buffer> {
  const eduCells = options.eduCells ?? 'formulas';
  const all = [introSheet(sheets), ...sheets];
  const values = computeWorkbookValues(all);
  if (values.problems.length > 0) throw new Error(`the example workbook would show error values:\n${values.problems.join('\n')}`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'edu-county-planning';
  workbook.title = '县域教育规划示例工作簿';
  for (const spec of all) addExampleSheet(workbook, spec, values, eduCells);
  const zip = await JSZip.loadAsync(await markDynamicArrays(Buffer.from(await workbook.xlsx.writeBuffer())));
  const book = await zip.file('xl/workbook.xml')!.async('string');
  zip.file('xl/workbook.xml', book.replace(/<calcPr[^>]*\/>/, `<calcPr calcId="${CURRENT_CALC_ID}"/>`));
  const used = new Set(all.flatMap((s) => s.cells.flatMap((c) => (c.formula ? toStoredFormula(c.formula).customFunctions : []))));
  if (used.size > 0 && eduCells === 'formulas') await addWebExtensionParts(zip, await addinReference(options.store), [...used].sort());
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Writes the intro sheet and every example sheet to `outFile`; answers the sheets' names. */
export async function writeExampleWorkbook(outFile: string, options: { store?: AddinStore; eduCells?: EduCells } = {}): Promise<string[]> {
  const sheets = exampleSheets.all;
  await writeFile(outFile, await buildExampleWorkbook(sheets, options));
  return [INTRO_SHEET_NAME, ...sheets.map((s) => s.name)];
}
