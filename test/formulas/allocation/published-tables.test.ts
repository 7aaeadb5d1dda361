/**
 * EDU.APPORTION "hamilton-raise" against the published U.S. House apportionments made by
 * Hamilton's (Vinton's) method with the constitutional minimum of one seat per state.
 * Figures and their sources: published-tables.fixture.ts.
 */
import { describe, expect, it } from 'vitest';
import { apportion } from '../../../formulas/allocation/apportion.js';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';
import {
  ACT_1882_SEATS,
  ACT_1891_SEATS,
  ALABAMA_PARADOX,
  CENSUS_1880,
  CENSUS_1890,
  type PublishedTable,
} from './published-tables.fixture.js';

const ctx = { profiles: shippedProfileSource };

/** Seats by state for `house` seats, or the error the function returned. */
function seatsByState(table: PublishedTable, house: number, method: string, minimum?: number): Record<string, number> {
  const args: unknown[] = [house, table.population.map((p) => [p]), method];
  if (minimum !== undefined) args.push(minimum);
  const result = invoke(apportion, args, ctx);
  if (!Array.isArray(result)) throw new Error(`expected seats, got ${JSON.stringify(result)}`);
  return Object.fromEntries(table.states.map((s, i) => [s, (result as number[][])[i]![0]!]));
}

const sum = (xs: Iterable<number>): number => [...xs].reduce((a, b) => a + b, 0);

/** house × p / P rounded half up to three decimals, exactly (bigint), as a string like "7.646". */
function quota3(table: PublishedTable, state: string, house: number): string {
  const p = BigInt(table.population[table.states.indexOf(state)]!);
  const total = BigInt(sum(table.population));
  const thousandths = (2000n * BigInt(house) * p + total) / (2n * total);
  return `${thousandths / 1000n}.${String(thousandths % 1000n).padStart(3, '0')}`;
}

describe('the fixture is the population base the apportionments used', () => {
  it('1880: 38 states, 49,371,340 people; 1890: 44 states, 61,908,906 (the published bases, to the thousand)', () => {
    expect(CENSUS_1880.states).toHaveLength(38);
    expect(sum(CENSUS_1880.population)).toBe(49_371_340);
    expect(Math.round(sum(CENSUS_1880.population) / 1000)).toBe(49_371);
    expect(CENSUS_1890.states).toHaveLength(44);
    expect(sum(CENSUS_1890.population)).toBe(61_908_906);
    expect(Math.round(sum(CENSUS_1890.population) / 1000)).toBe(61_909);
  });

  it('the acts list the same states and add up to their stated sizes (325 and 356)', () => {
    expect(Object.keys(ACT_1882_SEATS).sort()).toEqual([...CENSUS_1880.states].sort());
    expect(sum(Object.values(ACT_1882_SEATS))).toBe(325);
    expect(Object.keys(ACT_1891_SEATS).sort()).toEqual([...CENSUS_1890.states].sort());
    expect(sum(Object.values(ACT_1891_SEATS))).toBe(356);
  });

  it('gives the published quotas of the Alabama paradox to three decimals', () => {
    for (const house of [299, 300] as const) {
      for (const [state, published] of Object.entries(ALABAMA_PARADOX[house])) {
        expect(quota3(CENSUS_1880, state, house), `${state} at ${house}`).toBe(published.quota);
      }
    }
  });
});

describe('1880: the Alabama paradox (Census Office tables, 299 and 300 seats)', () => {
  // By hand. Hamilton over all 38 states with no minimum:
  //   299 seats: the integer parts leave the last leftover seats to fractions down to .640; the
  //     smallest winners are Alabama .646 (8) and Illinois .640034 (19) — Texas .639863 just misses (9).
  //     Nevada's quota is 62,266 × 299 / 49,371,340 = 0.377 -> 0 seats, below the minimum of one.
  //     Raise Nevada to 1 and take the seat back from the smallest winning fraction: Illinois .640
  //     -> Illinois 18, Alabama 8, Texas 9.
  //   300 seats: Illinois .702 and Texas .672 now win and Alabama .671 is the smallest winner;
  //     Nevada (0.378) is raised and Alabama gives the seat back -> Alabama 7, Texas 10, Illinois 19.
  it.each([299, 300] as const)('%i seats: Alabama, Texas and Illinois get the published seats', (house) => {
    const seats = seatsByState(CENSUS_1880, house, 'hamilton-raise', 1);
    for (const [state, published] of Object.entries(ALABAMA_PARADOX[house])) {
      expect(seats[state], `${state} at ${house}`).toBe(published.seats);
    }
    expect(seats['Nevada']).toBe(1);
    expect(sum(Object.values(seats))).toBe(house);
  });

  it('the house grows by one and Alabama loses a seat, while no other state loses one', () => {
    const at299 = seatsByState(CENSUS_1880, 299, 'hamilton-raise', 1);
    const at300 = seatsByState(CENSUS_1880, 300, 'hamilton-raise', 1);
    const losers = CENSUS_1880.states.filter((s) => at300[s]! < at299[s]!);
    expect(losers).toEqual(['Alabama']);
  });

  it('the other minimum conventions do not reproduce the published tables', () => {
    // Re-split (hamilton with minimum 1): Nevada is fixed at 1 first and 298/299 seats are split
    // among the other 37 states, which moves every quota: Alabama gets 7 of 299 and 8 of 300 —
    // the paradox the Census Office published does not appear.
    expect(seatsByState(CENSUS_1880, 299, 'hamilton', 1)['Alabama']).toBe(7);
    expect(seatsByState(CENSUS_1880, 300, 'hamilton', 1)['Alabama']).toBe(8);
    // No minimum at all: Nevada gets 0, and Alabama keeps 8 at both sizes.
    expect(seatsByState(CENSUS_1880, 300, 'hamilton')['Nevada']).toBe(0);
    expect(seatsByState(CENSUS_1880, 300, 'hamilton')['Alabama']).toBe(8);
  });
});

describe('1880: the Act of February 25, 1882 (325 seats)', () => {
  it('hamilton-raise with minimum 1 gives every one of the 38 states its seats in the act', () => {
    expect(seatsByState(CENSUS_1880, 325, 'hamilton-raise', 1)).toEqual(ACT_1882_SEATS);
  });

  it('the re-split convention would differ (Mississippi 8, New York 33), so the act used raise', () => {
    // By hand. Hamilton over all 38 states: 16 leftover seats go to fractions down to Mississippi's
    // 7.449 (New York 33.459 and Texas 10.478 win too; New Jersey 7.446 just misses). Nevada (0.410)
    // is raised to 1 and the seat comes back from the smallest winner, Mississippi -> 7; New York 34.
    // Re-split: Nevada fixed at 1, 324 seats over the other 37 states: Mississippi 7.436 and
    // New York 33.399 now fall on the other sides of the cut -> Mississippi 8, New York 33.
    const resplit = seatsByState(CENSUS_1880, 325, 'hamilton', 1);
    const differs = CENSUS_1880.states.filter((s) => resplit[s] !== ACT_1882_SEATS[s]);
    expect(differs).toEqual(['Mississippi', 'New York']);
    expect([resplit['Mississippi'], resplit['New York']]).toEqual([8, 33]);
  });
});

describe('1890: the Act of February 7, 1891 (356 seats)', () => {
  it('hamilton-raise with minimum 1 gives every one of the 44 states its seats in the act', () => {
    expect(seatsByState(CENSUS_1890, 356, 'hamilton-raise', 1)).toEqual(ACT_1891_SEATS);
  });
});
