/**
 * The county of the split benchmarks: 100,000 units x 6 drivers with a lump sum, a floor
 * and a cap per unit. Shared by the benches and their API client process. FUNDSPLIT
 * weighs one unit of each driver ('weights'); FACTORSPLIT gives each factor a share of the
 * pot ('shares'). About one unit in six ends floored or capped under FUNDSPLIT.
 */
export const UNITS = 100_000;
export const DRIVERS = 6;

export type CaseKind = 'weights' | 'shares';

/** A fixed pseudo-random county: pupils by category, boarders, special education, staff. */
export function countyCase(kind: CaseKind, units = UNITS): unknown[] {
  let seed = 20230817;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const drivers = Array.from({ length: units }, () => [
    Math.floor(next() * 900),
    Math.floor(next() * 600),
    Math.floor(next() * 300),
    Math.floor(next() * 200),
    Math.floor(next() * 12),
    1 + Math.floor(next() * 60),
  ]);
  const weights = kind === 'weights' ? [[650, 850, 200, 500, 6000, 2000]] : [[0.35, 0.25, 0.1, 0.1, 0.05, 0.15]];
  const lumpSums = Array.from({ length: units }, () => [next() < 0.1 ? 50_000 : 20_000]);
  const floors = Array.from({ length: units }, () => [300_000 + Math.floor(next() * 1000) * 10]);
  const caps = Array.from({ length: units }, () => [next() < 0.5 ? 900_000 : 1_200_000.5]);
  return [72_000_000_000.37, drivers, weights, lumpSums, floors, caps, false];
}

