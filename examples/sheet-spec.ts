/**
 * A sheet of the example workbook, declared as data. Each formula family contributes its
 * sheets in examples/sheets/<family>.ts; examples/build-example.ts writes them all into
 * examples/county-planning.xlsx (and the task pane inserts the same sheets into the open
 * workbook through the Excel API).
 *
 * Formulas are written as a person types them, e.g. `=EDU.APPORTION(40,C4:C11,"hamilton",3)`;
 * the builder converts custom-function calls to the form Excel stores in a file so they
 * calculate when the file is opened with the add-in loaded.
 *
 * checkSheet says what breaks the spec; examples/sheets/index.ts lists every sheet with
 * registryOf, which refuses (at start, naming the sheet and the cell) any sheet it faults.
 */
import type { ExampleSheet } from '../contracts/examples.js';

export type { CellStyle, ExampleCell, ExampleSheet } from '../contracts/examples.js';

const CELL_REF = /^[A-Z]{1,3}[1-9]\d*$/;
const RANGE_REF = /^[A-Z]{1,3}[1-9]\d*:[A-Z]{1,3}[1-9]\d*$/;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
/** A1 reference inside a sentence ("至少 B17 名"): a reader sees the address, not the value. */
const REF_IN_TEXT = /(?<![A-Za-z0-9_.])\$?[A-Z]{1,3}\$?[1-9]\d{0,6}(?![A-Za-z0-9_])/;

/** What is wrong with a sheet, one message each; empty when it keeps the spec. */
export function checkSheet(sheet: ExampleSheet): string[] {
  const problems: string[] = [];
  if (sheet.name.length === 0 || [...sheet.name].length > 31) problems.push('a sheet name has 1 to 31 characters');
  if (SHEET_NAME_FORBIDDEN.test(sheet.name)) problems.push('a sheet name may not hold [ ] : * ? / \\');
  const seen = new Set<string>();
  for (const cell of sheet.cells) {
    if (!CELL_REF.test(cell.ref)) problems.push(`"${cell.ref}" is not an A1 cell reference (upper case, e.g. B4)`);
    if (seen.has(cell.ref)) problems.push(`cell ${cell.ref} is given twice`);
    seen.add(cell.ref);
    if (cell.formula !== undefined && cell.value !== undefined) problems.push(`cell ${cell.ref} has both a value and a formula`);
    if (cell.formula !== undefined && !cell.formula.startsWith('=')) problems.push(`cell ${cell.ref}'s formula must start with "="`);
    const reference = typeof cell.value === 'string' ? REF_IN_TEXT.exec(cell.value) : null;
    if (reference && reference[0] !== String(cell.value).trim()) {
      problems.push(`cell ${cell.ref}'s text prints the cell reference ${reference[0]}: write the number, or build the text with a formula (="至少 "&B17&" 名")`);
    }
  }
  for (const merge of sheet.merges ?? []) if (!RANGE_REF.test(merge)) problems.push(`merge "${merge}" is not a range like A1:F1`);
  if (sheet.cells.some((c) => c.style === 'illustrative') && !sheet.cells.some((c) => c.style === 'note')) {
    problems.push('it has illustrative numbers but no note cell saying they are illustrative');
  }
  return problems;
}
