/**
 * An Excel with only ExcelApi 1.1 (Excel 2016, volume licensed), for the stubs: which
 * members of the objects the Excel stub implements it lacks, and what
 * Office.context.requirements.isSetSupported answers there. The versions are the "[Api set:
 * ExcelApi n]" annotations of @types/office-js (the package the project builds against) and
 * Microsoft's ExcelApi 1.1 list (office-js-docs-reference, docs/includes/excel-1_1.md).
 * Plus the Common API sets an Excel 2016 has that the compute pane relies on: Settings.
 */
import type { ExcelSeed } from './excel-stub.js';

/** Members beyond ExcelApi 1.1, by object kind (the Excel stub removes them). */
export const BEYOND_EXCEL_API_1_1: NonNullable<ExcelSeed['absent']> = {
  /** isNullObject and every *OrNullObject method: ExcelApi 1.4. */
  '*': ['isNullObject'],
  /** getResizedRange, merge: 1.2; conditionalFormats: 1.6. */
  Range: ['getResizedRange', 'merge', 'conditionalFormats'],
  /** getRangeByIndexes, freezePanes: 1.7 (pageLayout, 1.9, goes with noPageLayout). */
  Worksheet: ['getRangeByIndexes', 'freezePanes'],
  /** Table.worksheet: 1.2. */
  Table: ['worksheet'],
  /** Workbook.name: 1.7. */
  Workbook: ['name'],
  NamedItemCollection: ['getItemOrNullObject', 'add'],
  TableCollection: ['getItemOrNullObject'],
};

/** The seed options that make the Excel stub an ExcelApi 1.1 Excel. */
export const EXCEL_API_1_1: Pick<ExcelSeed, 'absent' | 'noPageLayout'> = { absent: BEYOND_EXCEL_API_1_1, noPageLayout: true };

/** Highest version of each requirement set such an Excel answers isSetSupported for. */
export const EXCEL_2016_SETS: Record<string, string> = { ExcelApi: '1.1', Settings: '1.1' };
