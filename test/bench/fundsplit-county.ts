/**
 * The county of the FUNDSPLIT benchmark: 100,000 units x 6 drivers with a lump sum, a floor
 * and a cap per unit (about one unit in six ends floored or capped). Shared by the bench
 * and its API client process.
 */
export const UNITS = 100_000;
export const DRIVERS = 6;

/** A fixed pseudo-random county: pupils by category, boarders, special education, staff. */
export function countyCase(units = UNITS): unknown[] {
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
  const weights = [[650, 850, 200, 500, 6000, 2000]];
  const lumpSums = Array.from({ length: units }, () => [next() < 0.1 ? 50_000 : 20_000]);
  const floors = Array.from({ length: units }, () => [300_000 + Math.floor(next() * 1000) * 10]);
  const caps = Array.from({ length: units }, () => [next() < 0.5 ? 900_000 : 1_200_000.5]);
  return [72_000_000_000.37, drivers, weights, lumpSums, floors, caps, false];
}

