/**
 * The calls the pane has written into the workbook, kept in the workbook itself so that
 * 重新计算 (Recalculate) can run every one of them again, in this Excel or a colleague's.
 *
 * Where: Office.context.document.settings, the Common API property bag that Excel 2013 and
 * later save inside the document, per add-in (docs/excel-behaviour.md, "Excel 2016 and
 * 2019"). A hidden sheet needs ExcelApi 1.2 to hide it and Excel's own custom XML parts need
 * ExcelApi 1.5; Excel 2016 has only ExcelApi 1.1. The settings are written to the document
 * with saveAsync; the clerk still saves the workbook as usual.
 */
import { isCell, type CellValue } from '../taskpane/logic/saved-values.js';

/** Where one argument comes from. Ranges are stored with their sheet ("Sheet1!B2:B9"). */
export type ArgSource =
  | { kind: 'range'; ref: string }
  | { kind: 'name'; name: string }
  | { kind: 'table'; name: string }
  | { kind: 'value'; value: CellValue }
  | { kind: 'omit' };

export interface ComputeRecord {
  /** Registry id, e.g. "APPORTION". */
  fn: string;
  args: ArgSource[];
  /** The result's top-left cell, with its sheet: "结果!D2". */
  output: string;
  /** The cells the last run wrote ("结果!D2:D9"), cleared when the next result is smaller. */
  written?: string;
}

export const RECORDS_KEY = 'edu.compute.records';

/** The part of Office.Settings used here (Common API, requirement set Settings 1.1). */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

function isArg(a: unknown): a is ArgSource {
  if (typeof a !== 'object' || a === null) return false;
  const x = a as Record<string, unknown>;
  if (x.kind === 'range') return typeof x.ref === 'string';
  if (x.kind === 'name' || x.kind === 'table') return typeof x.name === 'string';
  if (x.kind === 'value') return isCell(x.value);
  return x.kind === 'omit';
}

function isRecord(r: unknown): r is ComputeRecord {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Record<string, unknown>;
  return typeof x.fn === 'string' && typeof x.output === 'string' && Array.isArray(x.args) && x.args.every(isArg) && (x.written === undefined || typeof x.written === 'string');
}

/**
 * The records in the document; an entry that is not a record (written by hand or by a
 * future version) is left out and counted, never thrown on.
 */
export function readRecords(settings: DocumentSettings): { records: ComputeRecord[]; unreadable: number } {
  const raw = settings.get(RECORDS_KEY);
  if (!Array.isArray(raw)) return { records: [], unreadable: raw === null || raw === undefined ? 0 : 1 };
  const records = raw.filter(isRecord);
  return { records, unreadable: raw.length - records.length };
}

/** Keeps the records in the document (in memory at once, in the file when Excel saves it). */
export function saveRecords(settings: DocumentSettings, records: readonly ComputeRecord[]): Promise<void> {
  settings.set(RECORDS_KEY, records);
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) => {
      if (result.status === 'failed') {
        reject(
          Object.assign(new Error(result.error?.message ?? 'saveAsync failed'), {
            zh: `计算记录未能存入工作簿（${result.error?.message ?? ''}）：结果已写入，但“重新计算”不会重算这一次；请保存工作簿后再试`,
            en: `The record of the call could not be kept in the workbook (${result.error?.message ?? ''}): the values are written, but Recalculate will not redo this call; save the workbook and try again`,
          }),
        );
      } else resolve();
    }),
  );
}

/** The records after `record` is kept: a record writing to the same cell is replaced (that cell shows only the latest call). */
export function withRecord(records: readonly ComputeRecord[], record: ComputeRecord): ComputeRecord[] {
  const same = (r: ComputeRecord) => r.output.toLowerCase() === record.output.toLowerCase();
  const at = records.findIndex(same);
  return at < 0 ? [...records, record] : records.map((r, i) => (i === at ? record : r));
}
