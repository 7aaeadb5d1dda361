/** The balance formulas, in the order the reference lists them. */
import type { AnyFormula } from '../core/definition.js';
import { balanceCheck } from './balance-check.js';
import { balanceCv } from './balance-cv.js';
import { classBand } from './class-band.js';
import { gapToPass } from './gap-to-pass.js';
import { nineYearSplit } from './nine-year-split.js';
import { placesNeeded } from './places-needed.js';
import { urbanPupils } from './urban-pupils.js';
import { weightedCv } from './weighted-cv.js';

export const balanceFormulas: readonly AnyFormula[] = [weightedCv, balanceCv, balanceCheck, gapToPass, classBand, placesNeeded, urbanPupils, nineYearSplit];
