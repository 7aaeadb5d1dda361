/** The funding formulas, in the order the reference lists them. */
import type { AnyFormula } from '../core/definition.js';
import { factorSplit } from './factor-split.js';
import { fiscalCheck } from './fiscal-check.js';
import { fundSplit } from './fund-split.js';
import { publicFunds } from './public-funds.js';

export const fundingFormulas: readonly AnyFormula[] = [fundSplit, factorSplit, publicFunds, fiscalCheck];
