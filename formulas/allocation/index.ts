/** The allocation formulas, in the order the reference lists them. */
import type { AnyFormula } from '../core/definition.js';
import { apportion } from './apportion.js';

export const allocationFormulas: readonly AnyFormula[] = [apportion];
