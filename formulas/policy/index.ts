/** The policy-profile formulas, in the order the reference lists them. */
import type { AnyFormula } from '../core/definition.js';
import { profileValue } from './profile-value.js';

export const policyFormulas: readonly AnyFormula[] = [profileValue];
