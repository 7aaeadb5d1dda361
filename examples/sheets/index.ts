/**
 * Every example sheet, in the seeds' order, listed with registryOf
 * (formulas/core/registry-of.ts) like the formulas, the jobs and the forms: imported
 * statically, so the sheets travel inside the service's bundle and nothing is looked for in
 * a folder at run time; a sheet that breaks the spec (checkSheet: bad reference, formula
 * without "=", illustrative numbers without a note ...) or repeats another's name stops the
 * service at start, naming the sheet and the cell, instead of being left out. A test checks
 * that every module in this folder is imported here.
 */
import { registryOf } from '../../formulas/core/registry-of.js';
import { checkSheet, type ExampleSheet } from '../sheet-spec.js';
import { balanceSheets } from './balance.js';
import { fiscalSheets } from './fiscal.js';
import { fundingSheets } from './funding.js';
import { planningSheets } from './planning.js';
import { rotationSheets } from './rotation.js';
import { staffingSheets } from './staffing.js';
import { tasksSheets } from './tasks.js';

export const exampleSheets = registryOf('example sheet', [...staffingSheets, ...fundingSheets, ...fiscalSheets, ...rotationSheets, ...balanceSheets, ...tasksSheets, ...planningSheets], {
  key: (sheet: ExampleSheet) => sheet.name,
  check: checkSheet,
});
