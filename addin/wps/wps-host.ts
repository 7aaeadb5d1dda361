/**
 * The task pane's host for WPS 表格: the same ExcelHost the views use in Excel
 * (addin/taskpane/excel/host.ts), over WPS's Application object model — ActiveWorkbook,
 * Names, Worksheets, ListObjects, Selection, Range.Value2 / Formula (wps-api.ts). WPS's
 * object model is synchronous, so each method does its work at once and answers a settled
 * promise; the views cannot tell the two hosts apart.
 */
import { rangeAddress, sheetReference, splitReference } from '../taskpane/excel/a1.js';
import { HostError } from '../taskpane/excel/host-error.js';
import type { ExcelHost, SourceInfo, SourceKind, TargetCheck } from '../taskpane/excel/host.js';
import type { FontPicker } from '../taskpane/excel/write-grid.js';
import type { TableData } from '../taskpane/logic/column-map.js';
import { writePlan } from '../taskpane/logic/formula-guard.js';
import { rangeNameProblem, suggestRangeName } from '../taskpane/logic/range-name.js';
import { labelsFrom, type CellValue, type SavedSource } from '../taskpane/logic/saved-values.js';
import type { WpsApplication, WpsCell, WpsListObject, WpsRange, WpsWorkbook, WpsWorksheet } from './wps-api.js';
import { addSheet, insertExamples, writeGridTo } from './wps-sheets.js';

/** How far beside a one-column range to look for its labels (as the Office host does). */
const LABEL_REACH = 10;

interface Block {
  sheet: WpsWorksheet;
  sheetName: string;
  /** 0-based. */
  row: number;
  column: number;
  rows: number;
  columns: number;
  headers?: string[];
  table?: WpsListObject;
}

const cellOf = (v: WpsCell): CellValue => (typeof v === 'number' || typeof v === 'boolean' ? v : v === null || v === undefined ? '' : String(v));

/** Value2 (or Formula) of a range as rows: a one-cell range gives the bare value. */
function grid<T>(v: T | T[][]): T[][] {
  return Array.isArray(v) ? v : [[v]];
}

const blockOf = (range: WpsRange): Block => ({
  sheet: range.Worksheet,
  sheetName: range.Worksheet.Name,
  row: range.Row - 1,
  column: range.Column - 1,
  rows: range.Rows.Count,
  columns: range.Columns.Count,
});

const cells = (b: Block, row = b.row, column = b.column, rows = b.rows, columns = b.columns): WpsRange =>
  b.sheet.Range(rangeAddress(row, column, row + rows - 1, column + columns - 1));

const read = (b: Block): CellValue[][] => grid(cells(b).Value2).map((row) => row.map(cellOf));

const where = (b: Block, rows = b.rows, columns = b.columns): string => sheetReference(b.sheetName, rangeAddress(b.row, b.column, b.row + rows - 1, b.column + columns - 1));

/** Item() throws for a missing name or table, as in Excel: undefined instead. */
function tryItem<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

function sheetsOf(wb: WpsWorkbook): WpsWorksheet[] {
  return Array.from({ length: wb.Worksheets.Count }, (_, i) => wb.Worksheets.Item(i + 1));
}

function tablesOf(wb: WpsWorkbook): WpsListObject[] {
  return sheetsOf(wb).flatMap((s) => Array.from({ length: s.ListObjects.Count }, (_, i) => s.ListObjects.Item(i + 1)));
}

export function wpsHost(app: WpsApplication, pickFont: FontPicker): ExcelHost {
  const workbook = (): WpsWorkbook => {
    const wb = app.ActiveWorkbook;
    if (!wb) throw new HostError('WPS 中没有打开的工作簿：请先打开或新建一个工作簿', 'No workbook is open in WPS: open or create one first');
    return wb;
  };

  /** Where a named range or a table's body is, or undefined when the workbook has no such name. */
  function locate(kind: SourceKind, name: string): Block | undefined {
    const wb = workbook();
    if (kind === 'table') {
      const table = tablesOf(wb).find((t) => t.Name === name);
      if (!table) return undefined;
      const header = blockOf(table.HeaderRowRange);
      const headers = read(header)[0]!.map(String);
      const body = table.DataBodyRange ? blockOf(table.DataBodyRange) : { ...header, row: header.row + 1, rows: 0 };
      return { ...body, headers, table };
    }
    const range = tryItem(() => wb.Names.Item(name).RefersToRange);
    return range ? blockOf(range) : undefined;
  }

  /** Text beside a one-column range (or above a one-row range) naming its units. */
  function labelsBeside(b: Block): string[] | undefined {
    let labels: string[] | undefined;
    if (b.columns === 1 && b.column > 0) {
      const reach = Math.min(LABEL_REACH, b.column);
      const beside = read({ ...b, column: b.column - reach, columns: reach });
      for (let c = reach - 1; c >= 0 && !labels; c--) labels = labelsFrom(beside.map((r) => r[c]!));
    } else if (b.rows === 1 && b.row > 0 && b.columns > 1) {
      const reach = Math.min(LABEL_REACH, b.row);
      const above = read({ ...b, row: b.row - reach, rows: reach });
      for (let r = reach - 1; r >= 0 && !labels; r--) labels = labelsFrom(above[r]);
    }
    return labels;
  }

  const missing = (name: string) => new HostError(`工作簿中找不到“${name}”：它可能已被删除或改名，请刷新列表`, `The workbook has no "${name}": it may have been deleted or renamed; refresh the list`);

  return {
    workbookName: async () => workbook().Name,

    listSources: async () => {
      const wb = workbook();
      // Sheet-level names ("表!Print_Area", "表!Print_Titles": what a print area and title rows
      // become in the COM model) are the sheet's own settings, not a clerk's data.
      const names = Array.from({ length: wb.Names.Count }, (_, i) => wb.Names.Item(i + 1)).filter((n) => n.Visible !== false && !n.Name.includes('!'));
      const out: SourceInfo[] = [];
      for (const n of names) {
        const range = tryItem(() => n.RefersToRange);
        if (range) out.push({ kind: 'range', name: n.Name, sheet: range.Worksheet.Name, address: splitReference(range.Address()).address, rows: range.Rows.Count, columns: range.Columns.Count });
      }
      for (const t of tablesOf(wb)) {
        const r = t.Range;
        out.push({ kind: 'table', name: t.Name, sheet: r.Worksheet.Name, address: splitReference(r.Address()).address, rows: r.Rows.Count - 1, columns: r.Columns.Count, headers: read(blockOf(t.HeaderRowRange))[0]!.map(String) });
      }
      return out.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    },

    readSources: async (refs, progress, options) => {
      const found = refs.map((ref) => ({ ref, b: locate(ref.kind, ref.name) ?? missingThrow(ref.name) }));
      function missingThrow(name: string): never {
        throw missing(name);
      }
      const total = found.reduce((s, f) => s + f.b.rows, 0);
      const out: Record<string, SavedSource> = {};
      let done = 0;
      for (const { ref, b } of found) {
        const values = b.rows > 0 ? read(b) : [];
        const formulas = options?.formulas && b.rows > 0 ? grid(cells(b).Formula).map((row) => row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : ''))) : undefined;
        const kept = formulas?.some((row) => row.some((f) => f !== '')) ? { formulas } : {};
        done += b.rows;
        progress?.(done, total);
        if (ref.kind === 'table') out[ref.name] = { kind: 'table', address: where(b), headers: b.headers ?? [], values, ...kept };
        else {
          const labels = labelsBeside(b);
          out[ref.name] = { kind: 'range', address: where(b), values, ...(labels ? { labels } : {}), ...kept };
        }
      }
      return out;
    },

    nameSelection: async (requested) => {
      const wb = workbook();
      const sel = app.Selection;
      if (!sel) throw new HostError('请先选中一块单元格区域', 'Select a block of cells first');
      const sheet = sel.Worksheet.Name;
      const address = splitReference(sel.Address()).address;
      const name = requested.trim() || suggestRangeName(sheet, address);
      const problem = rangeNameProblem(name);
      if (problem) throw new HostError(problem.zh, problem.en);
      if (tryItem(() => wb.Names.Item(name))) throw new HostError(`工作簿中已有名称“${name}”：请换一个名称`, `The workbook already has a name "${name}": choose another`);
      wb.Names.Add(name, `=${sheetReference(sheet, sel.Address())}`);
      return { name, sheet, address };
    },

    readTable: async (source): Promise<TableData> => {
      if (source.kind === 'table') {
        const b = locate('table', source.name);
        if (!b) throw new HostError(`工作簿中找不到表格“${source.name}”：请刷新列表后重新选择`, `The workbook has no table "${source.name}": refresh the list and choose again`);
        return { name: source.name, sheet: b.sheetName, headers: b.headers ?? [], rows: b.rows > 0 ? read(b) : [], firstRow: b.row + 1 };
      }
      const sel = app.Selection;
      if (!sel || sel.Rows.Count < 2) {
        throw new HostError('请先选中一块带列名的区域：第一行是列名，下面是数据', 'First select a block whose first row holds the column names and the rows below hold the data');
      }
      const b = blockOf(sel);
      const values = read(b);
      return { name: splitReference(sel.Address()).address, sheet: b.sheetName, headers: values[0]!.map((h) => String(h).trim()), rows: values.slice(1), firstRow: b.row + 2 };
    },

    checkTargets: async (saved) =>
      Object.entries(saved).map(([name, value]): TargetCheck => {
        const b = locate(value.kind, name);
        if (!b) return { name, kind: value.kind, found: false, writes: '', formulas: 0 };
        const rows = Math.max(1, value.values.length);
        const columns = value.kind === 'table' ? value.headers.length : (value.values[0]?.length ?? 0);
        if (value.kind === 'table' && columns !== b.columns) {
          return {
            name,
            kind: value.kind,
            found: true,
            writes: '',
            formulas: 0,
            refused: { zh: `表格现在有 ${b.columns} 列，保存时有 ${columns} 列：列不同，不载入这个表格`, en: `The table now has ${b.columns} columns but was saved with ${columns}: it is not loaded` },
          };
        }
        const formulas = grid(cells(b, b.row, b.column, rows, columns).Formula)
          .flat()
          .filter((f) => typeof f === 'string' && f.startsWith('=')).length;
        const writes = where(b, rows, columns);
        const current = where(b);
        return { name, kind: value.kind, found: true, writes, formulas, ...(current !== writes ? { current } : {}) };
      }),

    writeSources: async (saved, progress, options) => {
      const wb = workbook();
      const written: string[] = [];
      const entries = Object.entries(saved);
      entries.forEach(([name, value], n) => {
        const b = locate(value.kind, name);
        if (!b) return;
        const rows = value.values.length;
        const columns = value.kind === 'table' ? value.headers.length : (value.values[0]?.length ?? 0);
        if (value.kind === 'table' && (columns !== b.columns || !b.table)) return;
        const plan = writePlan(value.values, value.formulas, options?.restoreFormulas === true);
        if (value.kind === 'table') {
          // The table is resized to header + saved rows (at least one body row, as tables keep one).
          const old = cells(b, b.row, b.column, Math.max(b.rows, 1), columns);
          old.ClearContents();
          b.table!.Resize(cells(b, b.row - 1, b.column, Math.max(rows, 1) + 1, columns));
        }
        if (rows > 0) {
          const target = cells(b, b.row, b.column, rows, columns);
          const cell = (r: number, c: number) => cells(b, b.row + r, b.column + c, 1, 1);
          // Text format first, cell by cell (they are few), so a saved "=..." stays text.
          plan.textFormat?.forEach((row, r) => row.forEach((f, c) => f && (cell(r, c).NumberFormat = f)));
          target.Value2 = plan.values;
          plan.formulas?.forEach((row, r) => row.forEach((f, c) => f && (cell(r, c).Formula = f)));
        }
        if (value.kind === 'range' && (rows !== b.rows || columns !== b.columns)) {
          // The name follows the values it now holds.
          wb.Names.Item(name).Delete();
          wb.Names.Add(name, `=${where(b, Math.max(rows, 1), columns)}`);
        }
        written.push(name);
        progress?.(n + 1, entries.length);
      });
      return written;
    },

    writeGrid: async (g, extras, progress) => {
      const { sheet, name } = addSheet(workbook(), g.sheetName);
      return { sheet: name, notes: writeGridTo(app, sheet, g, extras, pickFont, progress) };
    },

    insertExampleSheets: async (payload, progress) => insertExamples(workbook(), payload, pickFont, progress),
  };
}
