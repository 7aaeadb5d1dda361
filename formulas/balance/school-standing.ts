/**
 * Where one school stands against the seven thresholds, decided exactly: "达到…以上" includes
 * the threshold itself (以上含本数), and "余项不能低于要求的85%" means value ≥ 85% × threshold.
 * Both comparisons are between the decimals as typed, so 3.57 against 85% of 4.2 is equal,
 * not a binary-floating-point near miss.
 */
import { type Rational, compare, div, floor, mul, rationalOf } from '../core/exact.js';
import type { BalanceRule } from './indicators.js';

export interface Standing {
  /** Per indicator: value ≥ threshold. */
  met: boolean[];
  /** Per indicator: value ≥ floorShare × threshold. */
  aboveFloor: boolean[];
  metCount: number;
  /** At least `minimumMet` met and every other one at or above the floor. */
  pass: boolean;
}

export function standingOf(values: readonly Rational[], rule: BalanceRule): Standing {
  const met: boolean[] = [];
  const aboveFloor: boolean[] = [];
  for (let i = 0; i < rule.thresholds.length; i++) {
    const threshold = rule.thresholds[i]!;
    met.push(compare(values[i]!, threshold) >= 0);
    aboveFloor.push(compare(values[i]!, mul(rule.floorShare, threshold)) >= 0);
  }
  const metCount = met.filter(Boolean).length;
  return { met, aboveFloor, metCount, pass: metCount >= rule.minimumMet && aboveFloor.every(Boolean) };
}

export const rationalsOf = (row: readonly number[]): Rational[] => row.map(rationalOf);

/** value / threshold as a percentage rounded down to one decimal ("84.9"), so a shown 85.0 really is ≥ 85%. */
export function percentOfThreshold(value: Rational, threshold: Rational): string {
  const tenths = floor(mul(div(value, threshold), { n: 1000n, d: 1n }));
  return `${tenths / 10n}.${tenths % 10n}`;
}
