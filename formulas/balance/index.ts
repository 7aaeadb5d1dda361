/** The balance formulas, in the order the reference lists them. */
import type { AnyFormula } from '../core/definition.js';

export const balanceFormulas: readonly AnyFormula[] = [];
