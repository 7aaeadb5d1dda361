/**
 * Loading a scenario never writes a live formula by accident. Excel reads a string written
 * through Range.values that begins with "=", "+", "-" (or "@", the implicit-intersection
 * operator) as a formula, so a saved `=WEBSERVICE("http://…")` would come alive in a
 * colleague's workbook (Microsoft Learn, Excel JavaScript API, Range.values and
 * Range.numberFormat; the same reason CSV exports guard these characters, OWASP "CSV
 * Injection"). Such strings are therefore written into cells whose number format is text
 * ("@"), where Excel keeps what is written as text.
 *
 * Formulas come back only where the user saved them on purpose ("also save formulas" when
 * saving, kept beside the values) and ticks "restore formulas" when loading; every other
 * cell gets its saved value. Not verified in desktop Excel here (no Excel on these machines):
 * the pane test runs against a stub that follows the documented behaviour.
 */
import type { CellValue } from './saved-values.js';

const FORMULA_START = /^[=+\-@]/;

/** Would Excel make this value a formula if written through Range.values? */
export const looksLikeFormula = (v: CellValue): boolean => typeof v === 'string' && FORMULA_START.test(v);

/** What to write into one block: values, the cells to format as text first, the formulas to restore. */
export interface WritePlan {
  values: CellValue[][];
  /** "@" for each cell written as text, null for cells whose format stays; undefined when none. */
  textFormat: (string | null)[][] | undefined;
  /** The formula for each restored cell, null elsewhere; undefined when none. */
  formulas: (string | null)[][] | undefined;
}

export function writePlan(values: CellValue[][], savedFormulas: string[][] | undefined, restore: boolean): WritePlan {
  const restoreAt = (r: number, c: number): string | undefined => {
    const f = restore ? savedFormulas?.[r]?.[c] : undefined;
    return f && f.startsWith('=') ? f : undefined;
  };
  let anyText = false;
  let anyFormula = false;
  const textFormat = values.map((row, r) =>
    row.map((v, c) => {
      const guard = looksLikeFormula(v) && restoreAt(r, c) === undefined;
      anyText ||= guard;
      return guard ? '@' : null;
    }),
  );
  const formulas = values.map((row, r) =>
    row.map((_, c) => {
      const f = restoreAt(r, c) ?? null;
      anyFormula ||= f !== null;
      return f;
    }),
  );
  return { values, textFormat: anyText ? textFormat : undefined, formulas: anyFormula ? formulas : undefined };
}

/** How many cells of a saved block would be written as text, and how many saved formulas it holds. */
export function guardCounts(values: CellValue[][], savedFormulas: string[][] | undefined): { asText: number; formulas: string[] } {
  const asText = values.flat().filter(looksLikeFormula).length;
  const formulas = (savedFormulas ?? []).flat().filter((f) => typeof f === 'string' && f.startsWith('='));
  return { asText, formulas };
}
