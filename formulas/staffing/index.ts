/** The staffing formulas, in the order the reference lists them. */
import type { AnyFormula } from '../core/definition.js';
import { establishment } from './establishment.js';
import { inspectors } from './inspectors.js';
import { ratioPosts } from './ratio-posts.js';
import { retireAge } from './retire-age.js';
import { retireDate } from './retire-date.js';

export const staffingFormulas: readonly AnyFormula[] = [establishment, ratioPosts, inspectors, retireDate, retireAge];
