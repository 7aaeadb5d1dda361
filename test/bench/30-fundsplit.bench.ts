/** EDU.FUNDSPLIT at county-wide scale (split-bench.ts): 100,000 units x 6 weighted drivers. */
import { fundSplit } from '../../formulas/funding/fund-split.js';
import type { BenchSection } from './run.js';
import { benchSplit } from './split-bench.js';

export const bench = (): Promise<BenchSection> => benchSplit(fundSplit, 'weights', 'drivers');
