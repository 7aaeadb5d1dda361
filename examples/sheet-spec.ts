/**
 * A sheet of the example workbook, declared as data. Each formula family contributes its
 * sheets in examples/sheets/<family>.ts; examples/build-example.ts writes them all into
 * examples/county-planning.xlsx (and the task pane inserts the same sheets into the open
 * workbook through the Excel API).
 *
 * Formulas are written as a person types them, e.g. `=EDU.APPORTION(40,C4:C11,"hamilton",3)`;
 * the builder converts custom-function calls to the form Excel stores in a file so they
 * calculate when the file is opened with the add-in loaded.
 */
export type { CellStyle, ExampleCell, ExampleSheet } from '../contracts/examples.js';
