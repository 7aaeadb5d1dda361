/** The calculation core's public surface: pure TypeScript, no I/O, no Express, no Office.js. */
export { registry, findFormula } from './registry.js';
export { invoke, evaluateFormula, arityProblem } from './core/invoke.js';
export type { AnyFormula, ComputeContext, FormulaDefinition, ParamSpec } from './core/definition.js';
export { type FormulaError, isFormulaError, formulaError } from './core/errors.js';
export type { ResultValue, ResultCell } from './core/excel-values.js';
export { shippedProfileSource, shippedProfiles, NATIONAL_PROFILE_ID } from './profiles/index.js';
