/** EDU.FACTORSPLIT at county-wide scale (split-bench.ts): 100,000 units x 6 factors with shares. */
import { factorSplit } from '../../formulas/funding/factor-split.js';
import type { BenchSection } from './run.js';
import { benchSplit } from './split-bench.js';

export const bench = (): Promise<BenchSection> => benchSplit(factorSplit, 'shares', 'factors');
