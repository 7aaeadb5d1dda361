/**
 * The ExcelHost on Office.js (Excel.run). Reads and writes go in chunks of rows so a table
 * of any size stays under Excel's per-request limits, with progress after each chunk.
 */
import { rangeNameProblem, suggestRangeName } from '../logic/range-name.js';
import type { TableData } from '../logic/column-map.js';
import { writePlan, type WritePlan } from '../logic/formula-guard.js';
import { labelsFrom, type CellValue, type SavedSource } from '../logic/saved-values.js';
import { rangeAddress, sheetReference, splitReference, uniqueSheetName } from './a1.js';
import { HostError } from './host-error.js';
import type { ExcelHost, Progress, SourceInfo, SourceKind, TargetCheck, WriteResult } from './host.js';
import type { GridExtras, PaneGrid } from './pane-grid.js';
import type { ExampleSheets } from '../../../contracts/examples.js';
import { renameSheetRefs, writeExampleSheet } from './write-examples.js';
import { CELLS_PER_CHUNK, writeGridTo, type FontPicker } from './write-grid.js';

type Ctx = Excel.RequestContext;

/** How far beside a one-column range to look for its labels (columns to the left). */
const LABEL_REACH = 10;

interface Block {
  sheet: Excel.Worksheet;
  sheetName: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const cellsOf = (values: unknown[][]): CellValue[][] =>
  values.map((row) => row.map((v) => (typeof v === 'number' || typeof v === 'boolean' ? v : v === null || v === undefined ? '' : String(v))));

export function officeHost(pickFont: FontPicker): ExcelHost {
  const run = <T>(fn: (context: Ctx) => Promise<T>): Promise<T> => Excel.run(fn);

  async function readBlock(context: Ctx, b: Block, progress?: Progress, offset = 0, total = b.rows, property: 'values' | 'formulas' = 'values'): Promise<CellValue[][]> {
    const out: CellValue[][] = [];
    const step = Math.max(1, Math.floor(CELLS_PER_CHUNK / Math.max(1, b.columns)));
    for (let r = 0; r < b.rows; r += step) {
      const n = Math.min(step, b.rows - r);
      const range = b.sheet.getRangeByIndexes(b.row + r, b.column, n, b.columns).load(property);
      await context.sync();
      out.push(...cellsOf(range[property]));
      progress?.(offset + r + n, total);
    }
    return out;
  }

  /** The block's formulas ("" where a cell holds none), or undefined when it holds none. */
  async function readFormulas(context: Ctx, b: Block): Promise<string[][] | undefined> {
    const cells = await readBlock(context, b, undefined, 0, b.rows, 'formulas');
    const formulas = cells.map((row) => row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : '')));
    return formulas.some((row) => row.some((f) => f !== '')) ? formulas : undefined;
  }

  /**
   * Writes values, first formatting as text ("@") each cell whose string Excel would read as
   * a formula, then restoring the formulas asked for (logic/formula-guard.ts). Both go cell
   * by cell: they are few, and nothing depends on how Excel treats nulls in a 2-D array.
   */
  async function writeBlock(context: Ctx, b: Block, plan: WritePlan, progress?: Progress): Promise<void> {
    const { values } = plan;
    const step = Math.max(1, Math.floor(CELLS_PER_CHUNK / Math.max(1, b.columns)));
    for (let r = 0; r < values.length; r += step) {
      const part = values.slice(r, r + step);
      const range = b.sheet.getRangeByIndexes(b.row + r, b.column, part.length, b.columns);
      plan.textFormat?.slice(r, r + step).forEach((row, i) => row.forEach((f, c) => f && (range.getCell(i, c).numberFormat = [[f]])));
      range.values = part;
      plan.formulas?.slice(r, r + step).forEach((row, i) => row.forEach((f, c) => f && (range.getCell(i, c).formulas = [[f]])));
      await context.sync();
      progress?.(r + part.length, values.length);
    }
  }

  /** Where a named range or a table's body is, or undefined when the workbook has no such name. */
  async function locate(context: Ctx, kind: SourceKind, name: string): Promise<(Block & { headers?: string[]; table?: Excel.Table; address: string }) | undefined> {
    if (kind === 'table') {
      const table = context.workbook.tables.getItemOrNullObject(name);
      await context.sync();
      if (table.isNullObject) return undefined;
      const body = table.getDataBodyRange().load('rowIndex,columnIndex,rowCount,columnCount,address');
      const header = table.getHeaderRowRange().load('values');
      const ws = table.worksheet.load('name');
      await context.sync();
      return {
        sheet: ws,
        sheetName: ws.name,
        row: body.rowIndex,
        column: body.columnIndex,
        rows: body.rowCount,
        columns: body.columnCount,
        headers: (header.values[0] ?? []).map((h) => String(h)),
        table,
        address: body.address,
      };
    }
    const item = context.workbook.names.getItemOrNullObject(name);
    item.load('type');
    await context.sync();
    if (item.isNullObject || item.type !== 'Range') return undefined;
    const range = item.getRange().load('rowIndex,columnIndex,rowCount,columnCount,address');
    const ws = range.worksheet.load('name');
    await context.sync();
    return { sheet: ws, sheetName: ws.name, row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount, address: range.address };
  }

  async function addSheet(context: Ctx, wanted: string): Promise<{ sheet: Excel.Worksheet; name: string }> {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const name = uniqueSheetName(wanted, sheets.items.map((s) => s.name));
    return { sheet: context.workbook.worksheets.add(name), name };
  }

  return {
    workbookName: () =>
      run(async (context) => {
        const wb = context.workbook.load('name');
        await context.sync();
        return wb.name;
      }),

    listSources: () =>
      run(async (context) => {
        const names = context.workbook.names.load('items/name,items/type,items/visible');
        const tables = context.workbook.tables.load('items/name');
        await context.sync();
        const rangeNames = names.items.filter((n) => n.type === 'Range' && n.visible !== false);
        const ranges = rangeNames.map((n) => {
          const r = n.getRange().load('address,rowCount,columnCount');
          return { n, r };
        });
        const tabs = tables.items.map((t) => ({ t, r: t.getRange().load('address,rowCount,columnCount'), header: t.getHeaderRowRange().load('values') }));
        await context.sync();
        const out: SourceInfo[] = [
          ...ranges.map(({ n, r }) => {
            const { sheet, address } = splitReference(r.address);
            return { kind: 'range' as const, name: n.name, sheet: sheet ?? '', address, rows: r.rowCount, columns: r.columnCount };
          }),
          ...tabs.map(({ t, r, header }) => {
            const { sheet, address } = splitReference(r.address);
            const headers = (header.values[0] ?? []).map((h) => String(h));
            return { kind: 'table' as const, name: t.name, sheet: sheet ?? '', address, rows: r.rowCount - 1, columns: r.columnCount, headers };
          }),
        ];
        return out.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
      }),

    readSources: (refs, progress, options) =>
      run(async (context) => {
        const out: Record<string, SavedSource> = {};
        const found = [];
        for (const ref of refs) {
          const where = await locate(context, ref.kind, ref.name);
          if (!where) throw new HostError(`工作簿中找不到“${ref.name}”：它可能已被删除或改名，请刷新列表`, `The workbook has no "${ref.name}": it may have been deleted or renamed; refresh the list`);
          found.push({ ref, where });
        }
        const total = found.reduce((s, f) => s + f.where.rows, 0);
        let offset = 0;
        for (const { ref, where } of found) {
          const values = await readBlock(context, where, progress, offset, total);
          const formulas = options?.formulas ? await readFormulas(context, where) : undefined;
          const kept = formulas ? { formulas } : {};
          offset += where.rows;
          const address = sheetReference(where.sheetName, rangeAddress(where.row, where.column, where.row + where.rows - 1, where.column + where.columns - 1));
          if (ref.kind === 'table') {
            out[ref.name] = { kind: 'table', address, headers: where.headers ?? [], values, ...kept };
            continue;
          }
          // Labels beside a one-column (or one-row) range name its units in a comparison: the
          // nearest all-text column to its left (or row above), looking up to LABEL_REACH away.
          let labels: string[] | undefined;
          if (where.columns === 1 && where.column > 0) {
            const reach = Math.min(LABEL_REACH, where.column);
            const beside = where.sheet.getRangeByIndexes(where.row, where.column - reach, where.rows, reach).load('values');
            await context.sync();
            const block = cellsOf(beside.values);
            for (let c = reach - 1; c >= 0 && !labels; c--) labels = labelsFrom(block.map((r) => r[c]!));
          } else if (where.rows === 1 && where.row > 0 && where.columns > 1) {
            const reach = Math.min(LABEL_REACH, where.row);
            const above = where.sheet.getRangeByIndexes(where.row - reach, where.column, reach, where.columns).load('values');
            await context.sync();
            const block = cellsOf(above.values);
            for (let r = reach - 1; r >= 0 && !labels; r--) labels = labelsFrom(block[r]);
          }
          out[ref.name] = { kind: 'range', address, values, ...(labels ? { labels } : {}), ...kept };
        }
        return out;
      }),

    nameSelection: (requested) =>
      run(async (context) => {
        const sel = context.workbook.getSelectedRange().load('address');
        await context.sync();
        const { sheet = '', address } = splitReference(sel.address);
        const name = requested.trim() || suggestRangeName(sheet.replace(/^'|'$/g, '').replace(/''/g, "'"), address);
        const problem = rangeNameProblem(name);
        if (problem) throw new HostError(problem.zh, problem.en);
        const existing = context.workbook.names.getItemOrNullObject(name);
        await context.sync();
        if (!existing.isNullObject) throw new HostError(`工作簿中已有名称“${name}”：请换一个名称`, `The workbook already has a name "${name}": choose another`);
        context.workbook.names.add(name, sel);
        await context.sync();
        return { name, sheet: sheet.replace(/^'|'$/g, ''), address };
      }),

    readTable: (source) =>
      run(async (context): Promise<TableData> => {
        if (source.kind === 'table') {
          const where = await locate(context, 'table', source.name);
          if (!where) throw new HostError(`工作簿中找不到表格“${source.name}”：请刷新列表后重新选择`, `The workbook has no table "${source.name}": refresh the list and choose again`);
          const rows = await readBlock(context, where);
          return { name: source.name, sheet: where.sheetName, headers: where.headers ?? [], rows, firstRow: where.row + 1 };
        }
        const sel = context.workbook.getSelectedRange().load('rowIndex,columnIndex,rowCount,columnCount,address');
        const ws = sel.worksheet.load('name');
        await context.sync();
        if (sel.rowCount < 2) {
          throw new HostError('请先选中一块带列名的区域：第一行是列名，下面是数据', 'First select a block whose first row holds the column names and the rows below hold the data');
        }
        const block = { sheet: ws, sheetName: ws.name, row: sel.rowIndex, column: sel.columnIndex, rows: sel.rowCount, columns: sel.columnCount };
        const values = await readBlock(context, block);
        const { address } = splitReference(sel.address);
        return { name: address, sheet: ws.name, headers: values[0]!.map((h) => String(h).trim()), rows: values.slice(1), firstRow: sel.rowIndex + 2 };
      }),

    checkTargets: (saved) =>
      run(async (context) => {
        const checks: TargetCheck[] = [];
        for (const [name, value] of Object.entries(saved)) {
          const where = await locate(context, value.kind, name);
          if (!where) {
            checks.push({ name, kind: value.kind, found: false, writes: '', formulas: 0 });
            continue;
          }
          const rows = value.values.length;
          const columns = value.kind === 'table' ? value.headers.length : (value.values[0]?.length ?? 0);
          if (value.kind === 'table' && columns !== where.columns) {
            checks.push({
              name,
              kind: value.kind,
              found: true,
              writes: '',
              formulas: 0,
              refused: {
                zh: `表格现在有 ${where.columns} 列，保存时有 ${columns} 列：列不同，不载入这个表格`,
                en: `The table now has ${where.columns} columns but was saved with ${columns}: it is not loaded`,
              },
            });
            continue;
          }
          const target = where.sheet.getRangeByIndexes(where.row, where.column, Math.max(1, rows), columns).load('formulas');
          await context.sync();
          const formulas = target.formulas.flat().filter((f) => typeof f === 'string' && f.startsWith('=')).length;
          const writes = sheetReference(where.sheetName, rangeAddress(where.row, where.column, where.row + Math.max(1, rows) - 1, where.column + columns - 1));
          const current = sheetReference(where.sheetName, rangeAddress(where.row, where.column, where.row + where.rows - 1, where.column + where.columns - 1));
          checks.push({ name, kind: value.kind, found: true, writes, formulas, ...(current !== writes ? { current } : {}) });
        }
        return checks;
      }),

    writeSources: (saved, progress, options) =>
      run(async (context) => {
        const written: string[] = [];
        const entries = Object.entries(saved);
        let n = 0;
        for (const [name, value] of entries) {
          const where = await locate(context, value.kind, name);
          n++;
          if (!where) continue;
          const columns = value.kind === 'table' ? value.headers.length : (value.values[0]?.length ?? 0);
          const plan = writePlan(value.values, value.formulas, options?.restoreFormulas === true);
          if (value.kind === 'table') {
            if (columns !== where.columns || !where.table) continue;
            const rows = value.values.length;
            if (rows < where.rows) {
              // Surplus rows go from the bottom up, so the indexes of those left do not move.
              for (let i = where.rows - 1; i >= Math.max(rows, 1); i--) where.table.rows.getItemAt(i).delete();
              await context.sync();
            }
            if (rows > where.rows) {
              // New rows are added blank, then written like the rest, so no string becomes a formula.
              const blank = Array.from({ length: rows - where.rows }, () => Array.from({ length: columns }, () => ''));
              for (let i = 0; i < blank.length; i += 5000) {
                where.table.rows.add(undefined, blank.slice(i, i + 5000));
                await context.sync();
              }
            }
            if (rows > 0) await writeBlock(context, { ...where, rows }, plan);
            if (rows === 0) {
              where.sheet.getRangeByIndexes(where.row, where.column, 1, where.columns).clear('Contents');
              await context.sync();
            }
          } else {
            const rows = value.values.length;
            await writeBlock(context, { ...where, rows }, plan);
            if (rows !== where.rows || columns !== where.columns) {
              // The name follows the values it now holds.
              context.workbook.names.getItem(name).delete();
              context.workbook.names.add(name, where.sheet.getRangeByIndexes(where.row, where.column, rows, columns));
              await context.sync();
            }
          }
          written.push(name);
          progress?.(n, entries.length);
        }
        return written;
      }),

    writeGrid: (grid: PaneGrid, extras?: GridExtras, progress?: Progress) =>
      run(async (context): Promise<WriteResult> => {
        const { sheet, name } = await addSheet(context, grid.sheetName);
        await context.sync();
        const notes = await writeGridTo(context, sheet, grid, extras, pickFont, progress);
        return { sheet: name, notes };
      }),

    insertExampleSheets: (payload: ExampleSheets, progress?: Progress) =>
      run(async (context) => {
        const existing = context.workbook.worksheets.load('items/name');
        await context.sync();
        const taken = existing.items.map((s) => s.name);
        const renames = new Map<string, string>();
        const names = payload.sheets.map((s) => {
          const name = uniqueSheetName(s.name, taken);
          taken.push(name);
          if (name !== s.name) renames.set(s.name, name);
          return name;
        });
        let first: Excel.Worksheet | undefined;
        for (const [i, spec] of payload.sheets.entries()) {
          const sheet = context.workbook.worksheets.add(names[i]);
          first ??= sheet;
          writeExampleSheet(sheet, spec, payload, renames, pickFont);
          await context.sync();
          progress?.(i + 1, payload.sheets.length);
        }
        first?.activate();
        await context.sync();
        return names;
      }),
  };
}
