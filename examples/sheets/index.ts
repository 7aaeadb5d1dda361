/**
 * Every example-sheet module, imported statically and in the seeds' order, so the sheets
 * travel inside the service's bundle (npm start runs compiled JavaScript, which cannot
 * import a .ts file found in a folder at run time). A test checks that every module in this
 * folder is listed here.
 */
import * as staffing from './staffing.js';
import * as funding from './funding.js';
import * as fiscal from './fiscal.js';
import * as rotation from './rotation.js';
import * as balance from './balance.js';
import * as tasks from './tasks.js';
import * as planning from './planning.js';

export const SHEET_MODULES: readonly (readonly [file: string, exports: Record<string, unknown>])[] = [
  ['staffing.ts', staffing],
  ['funding.ts', funding],
  ['fiscal.ts', fiscal],
  ['rotation.ts', rotation],
  ['balance.ts', balance],
  ['tasks.ts', tasks],
  ['planning.ts', planning],
];
