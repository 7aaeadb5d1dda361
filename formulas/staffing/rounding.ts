/**
 * How a count of posts is made whole. Policy decides: "不低于 / at least" rounds up, which
 * is the default everywhere in this family; a county whose rule says otherwise picks
 * "down" (去尾) or "nearest" (四舍五入, halves up).
 */
import { choiceOf } from '../core/excel-values.js';
import { ceil, floor, type Rational } from '../core/exact.js';
import { lookupTable } from '../core/lookup.js';

export type RoundingMode = 'up' | 'down' | 'nearest';

/** Accepted names (case-insensitive), English and Chinese. */
export const roundingAliases: Readonly<Record<string, RoundingMode>> = lookupTable({
  up: 'up',
  ceiling: 'up',
  ceil: 'up',
  向上: 'up',
  向上取整: 'up',
  进一: 'up',
  进一法: 'up',
  down: 'down',
  floor: 'down',
  向下: 'down',
  向下取整: 'down',
  去尾: 'down',
  去尾法: 'down',
  nearest: 'nearest',
  round: 'nearest',
  四舍五入: 'nearest',
});

export const roundingSchema = () => choiceOf(roundingAliases);

/** A non-negative exact quantity made whole by `mode` (nearest: halves go up). */
export function roundRational(x: Rational, mode: RoundingMode): bigint {
  if (mode === 'up') return ceil(x);
  if (mode === 'down') return floor(x);
  return floor({ n: 2n * x.n + x.d, d: 2n * x.d });
}
