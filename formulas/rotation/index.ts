/** The rotation formulas, in the order the reference lists them. */
import type { AnyFormula } from '../core/definition.js';
import { rotationEligibleFormula } from './rotation-eligible.js';
import { rotationQuotaFormula } from './rotation-quota.js';

export const rotationFormulas: readonly AnyFormula[] = [rotationEligibleFormula, rotationQuotaFormula];
