/**
 * Everything the compute pane asks of Excel, using ExcelApi 1.1 only: the one Excel
 * requirement set Excel 2016 (volume licensed) has (docs/excel-behaviour.md). So no
 * getItemOrNullObject (1.4), no getRangeByIndexes or getResizedRange (1.7), no
 * Table.worksheet (1.2), no Workbook.name (1.7): items are found by loading a collection's
 * names, and areas are addressed as A1 text.
 */
import { HostError } from '../taskpane/excel/host-error.js';
import { sheetReference, splitReference } from '../taskpane/excel/a1.js';
import { writePlan } from '../taskpane/logic/formula-guard.js';
import type { CellValue } from '../taskpane/logic/saved-values.js';
import type { ArgSource, ComputeRecord } from './records.js';
import { areaOf, areaReference, blockedCells, leftOver, localAddress, spillArea, spillMessage, type Area } from './result-cells.js';

type Ctx = Excel.RequestContext;

/** An argument as read from the workbook: its cells and where they are. */
export interface ReadArg {
  values: unknown[][] | CellValue | null;
  address?: string;
}

export interface WriteOutcome {
  /** The area written ("Sheet!D2:D9"); with a #SPILL! only the anchor. */
  written: string;
  spill?: { zh: string; en: string };
}

const notFound = (what: string): HostError =>
  new HostError(`工作簿中找不到“${what}”：它可能已被删除或改名；请重新选择后再计算`, `The workbook has no "${what}": it may have been deleted or renamed; choose it again and recompute`);

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

async function itemNames(context: Ctx): Promise<{ names: string[]; tables: string[]; sheets: string[] }> {
  const names = context.workbook.names.load('items/name,items/type');
  const tables = context.workbook.tables.load('items/name');
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  return {
    names: names.items.filter((n) => n.type === 'Range').map((n) => n.name),
    tables: tables.items.map((t) => t.name),
    sheets: sheets.items.map((s) => s.name),
  };
}

/** The range an address names, on its sheet or on the active one. */
function rangeAt(context: Ctx, reference: string, sheets: readonly string[]): Excel.Range {
  const { sheet, address } = splitReference(reference);
  if (sheet === undefined) return context.workbook.worksheets.getActiveWorksheet().getRange(address);
  const found = sheets.find((s) => same(s, sheet));
  if (!found) throw notFound(sheet);
  return context.workbook.worksheets.getItem(found).getRange(address);
}

async function loadedAddress(context: Ctx, range: Excel.Range, typed: string): Promise<string> {
  range.load('address');
  try {
    await context.sync();
  } catch {
    throw new HostError(`“${typed}”不是单元格地址、名称或表格：请写成如 B2:B9 或 预算!B2:B9，或在工作表中选中后点“用所选区域”`, `"${typed}" is not a cell address, a name or a table: write it like B2:B9 or Budget!B2:B9, or select it and choose Use selection`);
  }
  return range.address;
}

export function excel11Host() {
  const run = <T>(fn: (context: Ctx) => Promise<T>): Promise<T> => Excel.run(fn);

  async function readOne(context: Ctx, source: ArgSource, found: { names: string[]; tables: string[]; sheets: string[] }): Promise<ReadArg> {
    if (source.kind === 'omit') return { values: null };
    if (source.kind === 'value') return { values: source.value };
    let range: Excel.Range;
    if (source.kind === 'name') {
      const name = found.names.find((n) => same(n, source.name));
      if (!name) throw notFound(source.name);
      range = context.workbook.names.getItem(name).getRange();
    } else if (source.kind === 'table') {
      const table = found.tables.find((t) => same(t, source.name));
      if (!table) throw notFound(source.name);
      range = context.workbook.tables.getItem(table).getDataBodyRange();
    } else range = rangeAt(context, source.ref, found.sheets);
    range.load('values,address');
    await context.sync();
    return { values: range.values, address: range.address };
  }

  /** Clears what the previous result covered and the new one does not, then writes the cells (text-formatted where Excel would read a formula). */
  async function writeCells(context: Ctx, target: Area, cells: CellValue[][], previous: Area | undefined): Promise<void> {
    for (const gone of leftOver(previous, target)) context.workbook.worksheets.getItem(gone.sheet).getRange(localAddress(gone)).clear('Contents');
    const sheet = context.workbook.worksheets.getItem(target.sheet);
    const range = sheet.getRange(localAddress(target));
    const plan = writePlan(cells, undefined, false);
    plan.textFormat?.forEach((row, r) => row.forEach((f, c) => f && (range.getCell(r, c).numberFormat = [[f]])));
    range.values = plan.values;
    await context.sync();
  }

  return {
    selection: () =>
      run(async (context) => {
        const range = context.workbook.getSelectedRange().load('address');
        await context.sync();
        return range.address;
      }),

    tables: () => run(async (context) => (await itemNames(context)).tables),

    /** What the clerk typed for a range parameter: a workbook name, a table, or an address (kept with its sheet). */
    resolveRange: (typed: string): Promise<ArgSource> =>
      run(async (context) => {
        const text = typed.trim();
        const found = await itemNames(context);
        const name = found.names.find((n) => same(n, text));
        if (name) return { kind: 'name', name };
        const table = found.tables.find((t) => same(t, text));
        if (table) return { kind: 'table', name: table };
        return { kind: 'range', ref: await loadedAddress(context, rangeAt(context, text, found.sheets), text) };
      }),

    /** The output's top-left cell with its sheet ("结果!D2"). */
    resolveCell: (typed: string): Promise<string> =>
      run(async (context) => {
        const found = await itemNames(context);
        const area = areaOf(await loadedAddress(context, rangeAt(context, typed.trim(), found.sheets), typed.trim()));
        if (!area) throw new HostError(`“${typed}”不是单元格地址`, `"${typed}" is not a cell address`);
        return sheetReference(area.sheet, localAddress({ ...area, rows: 1, columns: 1 }));
      }),

    /** Every record's arguments; a record whose source is gone gets its error instead, the others still run. */
    readArgs: (records: readonly ComputeRecord[]): Promise<(ReadArg[] | HostError)[]> =>
      run(async (context) => {
        const found = await itemNames(context);
        const out: (ReadArg[] | HostError)[] = [];
        for (const record of records) {
          try {
            const args: ReadArg[] = [];
            for (const source of record.args) args.push(await readOne(context, source, found));
            out.push(args);
          } catch (err) {
            out.push(err instanceof HostError ? err : notFound(record.args.map((a) => ('ref' in a ? a.ref : 'name' in a ? a.name : '')).join(' ')));
          }
        }
        return out;
      }),

    /**
     * Writes one result at its record's output cell, in the shape it spills. Cells in the way
     * that the previous result did not fill are never overwritten: the anchor then shows
     * #SPILL! with the cells in the way, as Excel would.
     */
    write: (record: ComputeRecord, cells: CellValue[][]): Promise<WriteOutcome> =>
      run(async (context) => {
        const anchor = areaOf(record.output);
        if (!anchor) throw new HostError(`输出位置“${record.output}”无效：请重新选择输出单元格`, `The output cell "${record.output}" is not valid: choose the output cell again`);
        const found = await itemNames(context);
        if (!found.sheets.some((s) => same(s, anchor.sheet))) throw notFound(anchor.sheet);
        const previous = record.written ? areaOf(record.written) : undefined;
        const target = spillArea(anchor, cells);
        const current = context.workbook.worksheets.getItem(anchor.sheet).getRange(localAddress(target)).load('formulas');
        await context.sync();
        const blocked = blockedCells(target, current.formulas, previous);
        if (blocked.length > 0) {
          const spill = spillMessage(target, blocked);
          // The anchor itself holds someone's data: nothing is written, the pane says why.
          if (blocked[0]!.address === localAddress({ ...anchor, rows: 1, columns: 1 })) throw new HostError(spill.zh, spill.en);
          const oneCell = { ...anchor, rows: 1, columns: 1 };
          await writeCells(context, oneCell, [[`${spill.zh} / ${spill.en}`]], previous);
          return { written: areaReference(oneCell), spill };
        }
        await writeCells(context, target, cells, previous);
        return { written: areaReference(target) };
      }),
  };
}

export type ComputeHost = ReturnType<typeof excel11Host>;
