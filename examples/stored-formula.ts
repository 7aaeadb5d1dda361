/**
 * A formula as a person types it -> the text Excel stores in the file.
 *
 * Excel does not store what the formula bar shows. Three rewrites matter here:
 *  - an add-in's custom function `EDU.APPORTION(` is stored as `_xldudf_EDU_APPORTION(`:
 *    the `_xldudf_` prefix, the namespace and name upper-case, every dot an underscore.
 *    A file holding plain `EDU.APPORTION(` opens as a name Excel does not know and stays
 *    #NAME? (or stale) until each cell is re-entered (OfficeDev/Excel-Custom-Functions#108);
 *    docs/example-workbook.md gives the evidence;
 *  - functions newer than Excel 2007 carry `_xlfn.` (FILTER and SORT `_xlfn._xlws.`);
 *  - the spill operator `C4#` is stored as `_xlfn.ANCHORARRAY(C4)`.
 * Text in "double quotes" and 'quoted sheet names' is copied untouched.
 *
 * `dynamic` says the formula should be stored as a dynamic-array formula (t="array" and
 * cm="1"), as Excel stores every custom-function call and every array function: such a
 * formula spills instead of being cut to one cell by implicit intersection.
 */

/** Functions Excel stores with `_xlfn.`; those that return arrays are marked dynamic. */
const FUTURE_FUNCTIONS: Record<string, { stored: string; dynamic: boolean }> = {};
for (const name of [
  'AGGREGATE', 'CEILING.MATH', 'CONCAT', 'DAYS', 'FLOOR.MATH', 'IFNA', 'IFS', 'ISOWEEKNUM', 'MAXIFS', 'MINIFS',
  'NUMBERVALUE', 'PERCENTILE.EXC', 'PERCENTILE.INC', 'QUARTILE.EXC', 'QUARTILE.INC', 'RANK.AVG', 'RANK.EQ',
  'STDEV.P', 'STDEV.S', 'SWITCH', 'TEXTJOIN', 'VAR.P', 'VAR.S', 'XOR', 'TEXTBEFORE', 'TEXTAFTER',
]) {
  FUTURE_FUNCTIONS[name] = { stored: `_xlfn.${name}`, dynamic: false };
}
for (const name of [
  'XLOOKUP', 'XMATCH', 'UNIQUE', 'SORTBY', 'SEQUENCE', 'RANDARRAY', 'TAKE', 'DROP', 'VSTACK', 'HSTACK',
  'CHOOSECOLS', 'CHOOSEROWS', 'TOCOL', 'TOROW', 'WRAPROWS', 'WRAPCOLS', 'EXPAND', 'TEXTSPLIT',
]) {
  FUTURE_FUNCTIONS[name] = { stored: `_xlfn.${name}`, dynamic: true };
}
FUTURE_FUNCTIONS.FILTER = { stored: '_xlfn._xlws.FILTER', dynamic: true };
FUTURE_FUNCTIONS.SORT = { stored: '_xlfn._xlws.SORT', dynamic: true };

/** The namespace of the add-in's custom functions (manifest and functions.json). */
export const CUSTOM_FUNCTION_NAMESPACE = 'EDU';

const NAME_START = /[A-Za-z_\\$]/;
const NAME_PART = /[A-Za-z0-9_.$]/;
const CELL = /^\$?[A-Za-z]{1,3}\$?\d+$/;

export interface StoredFormula {
  /** Without the leading "=", as it goes inside <f>. */
  formula: string;
  /** Store as a dynamic-array formula (t="array", cm="1"). */
  dynamic: boolean;
  /** The custom functions it calls, in their stored form (e.g. _xldudf_EDU_APPORTION). */
  customFunctions: string[];
}

/** `EDU.APPORTION` -> `_xldudf_EDU_APPORTION`. */
export const storedCustomFunctionName = (typed: string): string => `_xldudf_${typed.toUpperCase().replace(/\./g, '_')}`;

export function toStoredFormula(typed: string): StoredFormula {
  const text = typed.startsWith('=') ? typed.slice(1) : typed;
  const out: string[] = [];
  const customFunctions: string[] = [];
  let dynamic = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === ch && text[j + 1] === ch) j += 2;
        else if (text[j] === ch) break;
        else j += 1;
      }
      out.push(text.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? text[i - 1]! : '';
    if (NAME_START.test(ch) && !NAME_PART.test(prev)) {
      let j = i + 1;
      while (j < text.length && NAME_PART.test(text[j]!)) j += 1;
      const name = text.slice(i, j);
      const upper = name.toUpperCase();
      if (text[j] === '(' && upper.startsWith(`${CUSTOM_FUNCTION_NAMESPACE}.`)) {
        const stored = storedCustomFunctionName(name);
        out.push(stored);
        customFunctions.push(stored);
        dynamic = true;
      } else if (text[j] === '(' && FUTURE_FUNCTIONS[upper]) {
        out.push(FUTURE_FUNCTIONS[upper].stored);
        dynamic ||= FUTURE_FUNCTIONS[upper].dynamic;
      } else if (text[j] === '#' && CELL.test(name)) {
        const sheet = out[out.length - 1] === '!' && out.length >= 2 ? `${out.splice(-2, 2)[0]}!` : '';
        out.push(`_xlfn.ANCHORARRAY(${sheet}${name})`);
        dynamic = true;
        j += 1;
      } else {
        out.push(name);
      }
      i = j;
      continue;
    }
    out.push(ch);
    i += 1;
  }
  return { formula: out.join(''), dynamic, customFunctions };
}

/**
 * Applies `rewrite` to the parts of a formula outside "text" and 'sheet names', leaving the
 * quoted parts as they are (a doubled quote inside them is an escaped quote).
 */
export function mapOutsideQuotes(formula: string, rewrite: (outside: string) => string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const next = formula.slice(i).search(/["']/);
    if (next < 0) return out + rewrite(formula.slice(i));
    const start = i + next;
    const quote = formula[start]!;
    let end = start + 1;
    while (end < formula.length && !(formula[end] === quote && formula[end + 1] !== quote)) end += formula[end] === quote ? 2 : 1;
    out += rewrite(formula.slice(i, start)) + formula.slice(start, end + 1);
    i = end + 1;
  }
  return out;
}
