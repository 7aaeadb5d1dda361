/**
 * Finds the example sheets: the modules listed in examples/sheets/index.ts (or, for a test
 * or a draft, every module in a folder given), taking every exported array of
 * ExampleSheet. A module that fails to import, or a sheet that breaks the spec (bad
 * reference, duplicate name, formula without "=", illustrative numbers without a note),
 * is reported as a problem naming the file and the cell, and left out.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ExampleSheet } from './sheet-spec.js';
import { SHEET_MODULES } from './sheets/index.js';

export const SHEETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sheets');


export interface SheetProblem {
  file: string;
  message: string;
}

export interface LoadedSheets {
  sheets: ExampleSheet[];
  problems: SheetProblem[];
}

const CELL_REF = /^[A-Z]{1,3}[1-9]\d*$/;
const RANGE_REF = /^[A-Z]{1,3}[1-9]\d*:[A-Z]{1,3}[1-9]\d*$/;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
/** A1 reference inside a sentence ("至少 B17 名"): a reader sees the address, not the value. */
const REF_IN_TEXT = /(?<![A-Za-z0-9_.])\$?[A-Z]{1,3}\$?[1-9]\d{0,6}(?![A-Za-z0-9_])/;

function looksLikeSheets(value: unknown): value is ExampleSheet[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((s) => typeof s === 'object' && s !== null && typeof (s as ExampleSheet).name === 'string' && Array.isArray((s as ExampleSheet).cells))
  );
}

/** What is wrong with a sheet, one message each; empty when it keeps the spec. */
export function checkSheet(sheet: ExampleSheet): string[] {
  const problems: string[] = [];
  const where = `sheet "${sheet.name}"`;
  if (sheet.name.length === 0 || [...sheet.name].length > 31) problems.push(`${where}: a sheet name has 1 to 31 characters`);
  if (SHEET_NAME_FORBIDDEN.test(sheet.name)) problems.push(`${where}: a sheet name may not hold [ ] : * ? / \\`);
  const seen = new Set<string>();
  for (const cell of sheet.cells) {
    if (!CELL_REF.test(cell.ref)) problems.push(`${where}: "${cell.ref}" is not an A1 cell reference (upper case, e.g. B4)`);
    if (seen.has(cell.ref)) problems.push(`${where}: cell ${cell.ref} is given twice`);
    seen.add(cell.ref);
    if (cell.formula !== undefined && cell.value !== undefined) problems.push(`${where}: cell ${cell.ref} has both a value and a formula`);
    if (cell.formula !== undefined && !cell.formula.startsWith('=')) problems.push(`${where}: cell ${cell.ref}'s formula must start with "="`);
    const reference = typeof cell.value === 'string' ? REF_IN_TEXT.exec(cell.value) : null;
    if (reference && reference[0] !== String(cell.value).trim()) {
      problems.push(`${where}: cell ${cell.ref}'s text prints the cell reference ${reference[0]}: write the number, or build the text with a formula (="至少 "&B17&" 名")`);
    }
  }
  for (const merge of sheet.merges ?? []) if (!RANGE_REF.test(merge)) problems.push(`${where}: merge "${merge}" is not a range like A1:F1`);
  if (sheet.cells.some((c) => c.style === 'illustrative') && !sheet.cells.some((c) => c.style === 'note')) {
    problems.push(`${where}: it has illustrative numbers but no note cell saying they are illustrative`);
  }
  return problems;
}

type Loaded = readonly [file: string, exports: Record<string, unknown> | Error];

/** Every .ts module of a folder other than the index, alphabetically. */
async function importFolder(dir: string): Promise<Loaded[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => /^[a-z0-9-]+\.ts$/.test(f) && f !== 'index.ts').sort();
  return Promise.all(
    files.map(async (file): Promise<Loaded> => {
      try {
        return [file, (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>];
      } catch (err) {
        return [file, err instanceof Error ? err : new Error(String(err))];
      }
    }),
  );
}

/** The shipped sheets (examples/sheets/index.ts), or the modules of `dir` when one is given. */
export async function loadExampleSheets(dir?: string): Promise<LoadedSheets> {
  const modules: readonly Loaded[] = dir === undefined ? SHEET_MODULES : await importFolder(dir);
  const sheets: ExampleSheet[] = [];
  const problems: SheetProblem[] = [];
  const names = new Set<string>();
  for (const [file, exported] of modules) {
    if (exported instanceof Error) {
      problems.push({ file, message: `cannot be imported: ${exported.message}` });
      continue;
    }
    for (const value of Object.values(exported)) {
      if (!looksLikeSheets(value)) continue;
      for (const sheet of value) {
        const wrong = checkSheet(sheet);
        if (names.has(sheet.name)) wrong.push(`sheet "${sheet.name}": another module already has a sheet of that name`);
        if (wrong.length > 0) {
          for (const message of wrong) problems.push({ file, message });
          continue;
        }
        names.add(sheet.name);
        sheets.push(sheet);
      }
    }
  }
  return { sheets, problems };
}
