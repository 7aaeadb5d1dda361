/**
 * The values the example workbook stores with its formulas, so it reads right before the
 * add-in loads, without it, and in LibreOffice and WPS (docs/example-workbook.md).
 *
 * - Every EDU call is answered by the core (`invoke`, the same code the service runs) with
 *   the shipped policy profiles; a result that is a range spills from its anchor as in Excel.
 * - Every other formula (SUM, COUNTIFS, LOOKUP, IF...) is evaluated by xlsx-calc, a kept
 *   spreadsheet evaluator, with @formulajs/formulajs for the functions it lacks. Their date
 *   functions count JavaScript milliseconds, not Excel serials, so DATEDIF and EDATE are
 *   given here on the core's serial dates (formulas/core/dates.ts).
 * - A spilled range is only known once its anchor is computed, and a formula may read it
 *   before that; evaluation repeats until no EDU result changes (a chain of n spills settles
 *   in n + 1 rounds).
 */
import XLSX_CALC from 'xlsx-calc';
import * as formulajs from '@formulajs/formulajs';
import { columnLetter } from '../formulas/core/a1.js';
import { addMonths, compareDates, fromExcelSerial, toExcelSerial } from '../formulas/core/dates.js';
import { findFormula, invoke, isFormulaError, shippedProfileSource, type ResultValue } from '../formulas/index.js';
import type { ExampleSheet } from './sheet-spec.js';
import { mapOutsideQuotes } from './stored-formula.js';

/** What a cell stores beside its formula: Excel's cached value. */
export type CachedValue = number | string | boolean | { error: string };

export interface EduResult {
  sheet: string;
  /** The anchor cell, e.g. "D6". */
  ref: string;
  /** The formula as typed. */
  formula: string;
  /** The core's answer as rows (a single value is one row of one cell). */
  rows: CachedValue[][];
}

export interface WorkbookValues {
  /** sheet -> cell -> cached value, for every formula cell and every spilled cell. */
  values: Map<string, Map<string, CachedValue>>;
  /** sheet -> anchor -> spilled range ("D6:D13"), for results larger than one cell. */
  spills: Map<string, Map<string, string>>;
  eduResults: EduResult[];
  /** Cells whose formula could not be evaluated or whose EDU call answered an error. */
  problems: string[];
}

const MAX_ROUNDS = 10;
const EXCEL_ERROR = { VALUE: '#VALUE!', NUM: '#NUM!', NA: '#N/A', DIV0: '#DIV/0!' } as const;
const EDU_CALL = /\bEDU\.([A-Z][A-Z0-9.]*)\s*\(/gi;
const SPILL_REF = /(\$?[A-Z]{1,3}\$?\d+)#/g;

function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: col - 1 };
}

const refAt = (row: number, col: number): string => `${columnLetter(col)}${row}`;

function toCached(v: unknown): CachedValue {
  if (isFormulaError(v)) return { error: `${EXCEL_ERROR[v.error.code]} ${v.error.zh} / ${v.error.en}` };
  if (v instanceof Error) return { error: v.message.startsWith('#') ? v.message : '#VALUE!' };
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return '';
}

const asRows = (result: ResultValue): CachedValue[][] => (Array.isArray(result) ? result.map((row) => row.map(toCached)) : [[toCached(result)]]);

/** Excel's DATEDIF(start, end, "Y"|"M"|"D") on serial dates: whole years, whole months or days. */
function datedif(start: number, end: number, unit: string): number | Error {
  const a = fromExcelSerial(start);
  const b = fromExcelSerial(end);
  if (!a || !b || compareDates(a, b) > 0) return new Error('#NUM!');
  const months = (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
  switch (unit.toUpperCase()) {
    case 'Y':
      return Math.floor(months / 12);
    case 'M':
      return months;
    case 'D':
      return Math.floor(end) - Math.floor(start);
    default:
      return new Error('#NUM!');
  }
}

/** Excel's EDATE(start, months): the same day `months` later, clamped to the month's end. */
function edate(start: number, months: number): number | Error {
  const d = fromExcelSerial(start);
  return d ? toExcelSerial(addMonths(d, Math.trunc(months))) : new Error('#VALUE!');
}

XLSX_CALC.import_functions(formulajs as unknown as Record<string, unknown>);
XLSX_CALC.import_functions({ DATEDIF: datedif, EDATE: edate }, { override: true });

/** Computes the cached value of every formula cell of `sheets`. */
export function computeWorkbookValues(sheets: readonly ExampleSheet[]): WorkbookValues {
  const problems: string[] = [];
  const eduByAnchor = new Map<string, EduResult>();
  const spills = new Map<string, Map<string, string>>(sheets.map((s) => [s.name, new Map()]));
  let callCount = 0;

  /** An EDU call gets a function of its own, so its result is known by the cell it is in. */
  function eduFunction(sheet: string, ref: string, formula: string, id: string, whole: boolean): string {
    const name = `EDUCELL${(callCount += 1)}`;
    const def = findFormula(id);
    XLSX_CALC.import_functions(
      {
        [name]: (...args: unknown[]) => {
          if (!def) return new Error('#NAME?');
          const result = invoke(def, args.map((a) => (a === undefined ? null : a)), { profiles: shippedProfileSource });
          const rows = asRows(result);
          if (whole) eduByAnchor.set(`${sheet}!${ref}`, { sheet, ref, formula, rows });
          return rows.length === 1 && rows[0]!.length === 1 ? rows[0]![0] : rows;
        },
      },
      { override: true },
    );
    return name;
  }

  function calcFormula(sheet: ExampleSheet, ref: string, typed: string): string {
    const body = typed.slice(1);
    const whole = /^EDU\.[A-Z0-9.]+\(.*\)$/is.test(body) && body.match(EDU_CALL)?.length === 1;
    return mapOutsideQuotes(body, (text) =>
      text
        .replace(EDU_CALL, (_, id: string) => `${eduFunction(sheet.name, ref, typed, id, whole)}(`)
        .replace(SPILL_REF, (_, anchor: string) => spills.get(sheet.name)!.get(anchor.replace(/\$/g, '')) ?? anchor),
    );
  }

  const workbook = { SheetNames: sheets.map((s) => s.name), Sheets: {} as Record<string, Record<string, XlsxCell | string>> };
  let previous = '';
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (const sheet of sheets) {
      const cells: Record<string, XlsxCell | string> = {};
      let lastRow = 1;
      let lastCol = 0;
      for (const cell of sheet.cells) {
        const { row, col } = parseRef(cell.ref);
        lastRow = Math.max(lastRow, row);
        lastCol = Math.max(lastCol, col);
        if (cell.formula !== undefined) cells[cell.ref] = { f: calcFormula(sheet, cell.ref, cell.formula) };
        else if (cell.value !== undefined) cells[cell.ref] = { v: cell.value, t: typeof cell.value === 'number' ? 'n' : typeof cell.value === 'boolean' ? 'b' : 's' };
      }
      // Spilled cells from the previous round, so formulas over them read them.
      for (const result of eduByAnchor.values()) {
        if (result.sheet !== sheet.name) continue;
        const { row, col } = parseRef(result.ref);
        result.rows.forEach((r, i) => r.forEach((v, j) => {
          if (i + j > 0) cells[refAt(row + i, col + j)] = { v: typeof v === 'object' ? undefined : v };
        }));
      }
      cells['!ref'] = `A1:${refAt(lastRow + 200, lastCol + 20)}`;
      workbook.Sheets[sheet.name] = cells;
    }
    XLSX_CALC(workbook, { continue_after_error: true });
    for (const result of eduByAnchor.values()) {
      const { row, col } = parseRef(result.ref);
      const rows = result.rows.length;
      const cols = result.rows[0]?.length ?? 1;
      if (rows * cols > 1) spills.get(result.sheet)!.set(result.ref, `${result.ref}:${refAt(row + rows - 1, col + cols - 1)}`);
    }
    const now = JSON.stringify([...eduByAnchor.values()].map((r) => r.rows));
    if (now === previous) break;
    previous = now;
  }

  const values = new Map<string, Map<string, CachedValue>>();
  for (const sheet of sheets) {
    const out = new Map<string, CachedValue>();
    const cells = workbook.Sheets[sheet.name]!;
    for (const cell of sheet.cells) {
      if (cell.formula === undefined) continue;
      const computed = cells[cell.ref] as XlsxCell;
      const value = computed.t === 'e' ? { error: String(computed.w ?? '#VALUE!') } : toCached(computed.v);
      out.set(cell.ref, value);
      if (typeof value === 'object') problems.push(`${sheet.name}!${cell.ref} ${cell.formula} -> ${value.error}`);
    }
    for (const result of eduByAnchor.values()) {
      if (result.sheet !== sheet.name) continue;
      const { row, col } = parseRef(result.ref);
      result.rows.forEach((r, i) =>
        r.forEach((v, j) => {
          out.set(refAt(row + i, col + j), v);
          if (typeof v === 'object' && i + j > 0) problems.push(`${sheet.name}!${refAt(row + i, col + j)} (spilled from ${result.ref}) -> ${v.error}`);
        }),
      );
    }
    values.set(sheet.name, out);
  }
  return { values, spills, eduResults: [...eduByAnchor.values()], problems };
}

interface XlsxCell {
  v?: unknown;
  f?: string;
  t?: string;
  w?: string;
}
