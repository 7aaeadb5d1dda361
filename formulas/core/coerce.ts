/**
 * The one argument-coercion path: every argument of every function passes through here,
 * once, before its schema checks it (HyperFormula's FunctionPlugin does the same for its
 * functions). It decides what a blank cell and a 0 mean, reads numbers stored as text and
 * yes/no words, and leaves everything else to the schema.
 *
 * The blank-cell rule (stated once in docs/functions.md): Excel hands a custom function a
 * blank cell as 0 on Windows and Mac, null on the web and "" in some builds
 * (docs/excel-behaviour.md). So no argument may give blank and 0 different meanings:
 * - where a number is expected a blank cell counts as 0, as in Excel's own arithmetic;
 * - where text or a date is expected 0 counts as blank (no text or date is 0);
 * - where 0 would mean something other than blank (a maximum of 0, a school that is not
 *   rural when the default is rural), the argument declares `zero`: a 0 is then an error
 *   saying what to write instead, and a "no limit" is written 无 / none;
 * - an optional argument left blank takes its default, whichever way the blank came.
 * test/formulas/blank-cells.test.ts checks this for every parameter of every function.
 */
import type { CellKind, ParamSpec } from './definition.js';
import { halfWidth, isBlankCell, isNoLimitWord, numberFromText, yesNoOf } from './cells.js';
import type { Bilingual } from './errors.js';
import { showValue } from './issue-messages.js';
import { NumberGrid } from './number-grid.js';

/** An optional argument left out, or blank (it takes its default). */
export const OMITTED: unique symbol = Symbol('omitted');

/** A 0 (or blank) where 0 cannot mean blank: the coerce step's error, naming the cell. */
export interface ZeroProblem {
  zeroAt: readonly number[];
  value: unknown;
  advice: Bilingual;
}

export const kindOf = (spec: ParamSpec): CellKind =>
  spec.cell ?? (spec.type === 'number' ? 'number' : spec.type === 'string' ? 'text' : spec.type === 'boolean' ? 'yesno' : 'any');

const BOUND_ADVICE: Bilingual = {
  zh: '不设上限请写 无（或 none）或留空；若某单位不应分到，请把它的权重或驱动量设为 0',
  en: 'for no limit write 无 (or none) or leave it out; for a unit that should get nothing, set its weight or drivers to 0',
};

/** What 0 leads to for this argument: its advice when 0 cannot mean blank, else undefined. */
export function zeroAdvice(spec: ParamSpec): Bilingual | undefined {
  return spec.zero?.advice ?? (kindOf(spec) === 'bound' ? BOUND_ADVICE : undefined);
}

type Cell = unknown;
/** A cell read for its kind; `zero` marks a 0 or blank the argument cannot take. */
type Read = { value: Cell } | { zero: true };

const ZERO: Read = { zero: true };

/** One cell of a range (or a lone value) read for the argument's kind. */
function readCell(x: Cell, kind: CellKind, spec: ParamSpec, refusesZero: boolean): Read {
  const blank = isBlankCell(x);
  // Inside a range a blank cell may have come as 0, so where 0 is refused a blank is too (a bound's blank is "no limit").
  if (refusesZero && (x === 0 || (blank && kind !== 'bound'))) return ZERO;
  if (typeof x === 'number' && x !== 0 && kind !== 'yesno') return { value: x };
  switch (kind) {
    case 'number':
      if (blank || x === 0) return { value: 0 };
      if (typeof x === 'string') {
        const none = spec.zero?.none;
        if (none !== undefined && isNoLimitWord(x)) return { value: none };
        return { value: numberFromText(x) ?? x };
      }
      return { value: x };
    case 'bound':
      if (blank || isNoLimitWord(x)) return { value: null };
      return { value: typeof x === 'string' ? (numberFromText(x) ?? x) : x };
    case 'yesno':
      return { value: blank ? null : (yesNoOf(x) ?? x) };
    case 'text':
      if (blank || x === 0) return { value: null };
      return { value: typeof x === 'string' ? halfWidth(x) : x };
    case 'date':
      return { value: blank || x === 0 ? null : x };
    default:
      return { value: blank ? null : x };
  }
}

/** A 1 x 1 range: Excel passes one cell given to a range argument this way. */
const isSingleCell = (v: unknown): v is [[unknown]] => Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1;

/**
 * The argument as its schema reads it: OMITTED when it was left out or blank (so its
 * default applies), a ZeroProblem for a 0 it cannot take, or the value with every cell
 * read for its kind. Ranges are copied only where a cell changes, so a large range of
 * plain numbers costs one pass of type tests.
 */
export function coerceArgument(given: unknown, spec: ParamSpec): unknown {
  const raw = given === undefined ? null : given;
  const kind = kindOf(spec);
  const refusesZero = zeroAdvice(spec) !== undefined;
  const lone = isSingleCell(raw) ? raw[0][0] : Array.isArray(raw) || raw instanceof NumberGrid ? undefined : raw;
  const whole = lone !== undefined;
  if (whole && (isBlankCell(lone) || (lone === 0 && (kind === 'text' || kind === 'date')))) {
    // Left out, or one blank cell: the default, or for a required number what Excel desktop sends (0).
    if (spec.optional || spec.default !== undefined || kind !== 'number') return OMITTED;
  }
  if (lone !== undefined) {
    const read = readCell(lone, kind, spec, refusesZero);
    if ('zero' in read) return zeroProblem(spec, [], lone);
    return read.value === lone ? raw : Array.isArray(raw) ? [[read.value]] : read.value;
  }
  const cellsRefuseZero = refusesZero && !spec.zero?.wholeOnly;
  if (raw instanceof NumberGrid) return coerceGrid(raw, kind, spec, cellsRefuseZero);
  if (!Array.isArray(raw)) return raw; // left out of a required argument: the schema says it is missing
  let rows: unknown[] | undefined;
  for (let r = 0; r < raw.length; r++) {
    const row: unknown = raw[r];
    if (!Array.isArray(row)) continue; // the schema names a malformed range
    let copy: unknown[] | undefined;
    for (let c = 0; c < row.length; c++) {
      const x: unknown = row[c];
      if (typeof x === 'number' && x !== 0 && kind !== 'yesno') continue;
      const read = readCell(x, kind, spec, cellsRefuseZero);
      if ('zero' in read) return zeroProblem(spec, [r, c], x);
      if (read.value !== x) (copy ??= row.slice())[c] = read.value;
    }
    if (copy) (rows ??= raw.slice())[r] = copy;
  }
  return rows ?? raw;
}

/** A packed range holds numbers and blanks (NaN) only. */
function coerceGrid(grid: NumberGrid, kind: CellKind, spec: ParamSpec, refusesZero: boolean): unknown {
  const { data, cols } = grid;
  let copy: Float64Array | undefined;
  for (let i = 0; i < data.length; i++) {
    const x = data[i]!;
    if (x !== 0 && !Number.isNaN(x)) continue;
    const r = Math.floor(i / cols);
    if (refusesZero && (x === 0 || kind !== 'bound')) return zeroProblem(spec, [r, i - r * cols], Number.isNaN(x) ? null : x);
    if (kind === 'number' && Number.isNaN(x)) (copy ??= data.slice())[i] = 0;
  }
  return copy ? new NumberGrid(grid.rows, grid.cols, copy) : grid;
}

function zeroProblem(spec: ParamSpec, at: number[], value: unknown): ZeroProblem {
  return { zeroAt: at, value, advice: zeroAdvice(spec)! };
}

export const isZeroProblem = (v: unknown): v is ZeroProblem => typeof v === 'object' && v !== null && 'zeroAt' in v && 'advice' in v;

/** "0" or "(empty)" for the message, with why a 0 may be a blank cell. */
export function zeroShown(value: unknown): Bilingual {
  const shown = showValue(value);
  return {
    zh: `${shown.zh}（Excel 桌面版把空单元格当作 0 传给函数，两者无法区分）`,
    en: `${shown.en} (Excel on Windows and Mac passes a blank cell as 0, so the two cannot be told apart)`,
  };
}
