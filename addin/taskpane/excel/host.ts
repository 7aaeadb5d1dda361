/**
 * Everything the pane asks of Excel, behind one narrow interface: the views never touch
 * the Excel object model, so the Office.js code is in one place (office-host.ts) and the
 * views can be driven by a stub in tests.
 */
import type { TableData } from '../logic/column-map.js';
import type { SavedSource } from '../logic/saved-values.js';
import type { ExampleSheets } from '../../../contracts/examples.js';
import type { GridExtras, PaneGrid } from './pane-grid.js';

export type SourceKind = 'range' | 'table';

/** A named range or an Excel table the user can pick. */
export interface SourceInfo {
  kind: SourceKind;
  name: string;
  sheet: string;
  /** Local address, e.g. "B2:B9" (a table's includes its header row). */
  address: string;
  rows: number;
  columns: number;
  /** A table's column names (to guess which table is which); absent for named ranges. */
  headers?: string[];
}

/** What loading a saved value would overwrite, for the confirmation. */
export interface TargetCheck {
  name: string;
  kind: SourceKind;
  found: boolean;
  /** "Sheet!B2:B9": exactly the cells that will be written. */
  writes: string;
  /** The name's or table's current address, when it changes size. */
  current?: string;
  /** Cells in `writes` that hold formulas now (they would become values). */
  formulas: number;
  /** Why it cannot be written (e.g. a table with other columns), in both languages. */
  refused?: { zh: string; en: string };
}

export type Progress = (done: number, total: number) => void;

export interface WriteResult {
  sheet: string;
  /** Things that could not be applied (e.g. print settings on an old Excel), in both languages. */
  notes: { zh: string; en: string }[];
}

export interface ExcelHost {
  workbookName(): Promise<string>;
  listSources(): Promise<SourceInfo[]>;
  /** Values of named ranges and tables, by name, in the shape scenarios store; with `formulas`, their formulas too. */
  readSources(refs: readonly { kind: SourceKind; name: string }[], progress?: Progress, options?: { formulas?: boolean }): Promise<Record<string, SavedSource>>;
  /**
   * Names the selected range (a plain range, so scenarios can save it): `requested`, or a name
   * made from its sheet and address when empty. Refuses a name Excel would not take or that exists.
   */
  nameSelection(requested: string): Promise<{ name: string; sheet: string; address: string }>;
  /** A table, or the selection with its first row as column names. */
  readTable(source: { kind: 'table'; name: string } | { kind: 'selection' }): Promise<TableData>;
  checkTargets(saved: Record<string, SavedSource>): Promise<TargetCheck[]>;
  /**
   * Writes saved values back to their names/tables; answers the names written. Strings Excel
   * would read as formulas are written as text; saved formulas come back only with `restoreFormulas`.
   */
  writeSources(saved: Record<string, SavedSource>, progress?: Progress, options?: { restoreFormulas?: boolean }): Promise<string[]>;
  /** Writes a grid into a new sheet (named after grid.sheetName, made unique) and shows it. */
  writeGrid(grid: PaneGrid, extras?: GridExtras, progress?: Progress): Promise<WriteResult>;
  insertExampleSheets(payload: ExampleSheets, progress?: Progress): Promise<string[]>;
}
