/**
 * EDU.NINEYEARSPLIT: the published worked example, hand computations, the rounding, bad input
 * and properties (the parts add up to the whole; more junior pupils never shrink the junior part).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nineYearSplit } from '../../../formulas/balance/nine-year-split.js';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';
import { add, compare, rationalOf } from '../../../formulas/core/exact.js';

const run = (...args: unknown[]) => invoke(nineYearSplit, args, { profiles: shippedProfileSource });
const error = (r: unknown) => (r as { error?: { code: string; zh: string; en: string } }).error;

describe('EDU.NINEYEARSPLIT: the published example', () => {
  // 《测算均衡系数拆分公式》(文档文库, 2015-06-11, a third-party copy): 376 pupils, 166 primary
  // and 210 junior; 23,226 books. Weighted pupils 166 + 1.1 × 210 = 166 + 231 = 397.
  // Primary exactly 23,226 × 166 ÷ 397 = 3,855,516 ÷ 397 = 9,711 + 249/397 (397 × 9,711 =
  // 3,855,267), rounded down: 9,711. Junior 23,226 − 9,711 = 13,515. The source prints the
  // same two figures (it reaches 9,711 as 58.5 × 166, 58.5 being 23,226 ÷ 397 = 58.50…).
  it('23,226 books, 166 primary and 210 junior pupils: 9,711 and 13,515', () => {
    expect(run(23226, 166, 210)).toEqual([[9711], [13515]]);
  });

  it('takes the weight 1.1 from the profile, and a weight given overrides it', () => {
    expect(run(23226, 166, 210, 1.1)).toEqual(run(23226, 166, 210));
    // Weight 1: 23,226 × 166 ÷ 376 = 3,855,516 ÷ 376 = 10,254.03…: 10,254 and 12,972.
    expect(run(23226, 166, 210, 1)).toEqual([[10254], [12972]]);
    // The profile in force before the source's date has no weight: a bilingual error, no guess.
    expect(error(run(23226, 166, 210, null, 'cn-national@2015-01-01'))?.code).toBe('VALUE');
  });
});

describe('EDU.NINEYEARSPLIT: rounding to the precision typed', () => {
  // 100 primary, 100 junior, weight 1.1: primary share 100 ÷ 210 = 10/21.
  // 1,234.5 m² → 12,345 tenths × 10/21 = 5,878.57… tenths → 587.8 m²; junior 1,234.5 − 587.8 = 646.7.
  // 7 rooms × 10/21 = 3.33… → 3 rooms; junior 4.
  it('splits tenths of a square metre in tenths and rooms in whole rooms', () => {
    expect(run([[1234.5, 7]], 100, 100)).toEqual([
      [587.8, 3],
      [646.7, 4],
    ]);
  });

  it('gives every resource to the only part with pupils', () => {
    expect(run([[500, 3]], 0, 40)).toEqual([
      [0, 0],
      [500, 3],
    ]);
    expect(run([[500, 3]], 40, 0)).toEqual([
      [500, 3],
      [0, 0],
    ]);
  });
});

describe('EDU.NINEYEARSPLIT: bad input', () => {
  it('a school with no pupils gets errors in its two rows only, naming the row', () => {
    const result = run([[100], [60]], [[10], [0]], [[10], [0]]) as unknown[][];
    expect(result[0]).toEqual([47]); // 100 × 10 ÷ 21 = 47.6… → 47
    expect(result[1]).toEqual([53]);
    expect(error(result[2]![0])?.zh).toContain('第 2 行');
    expect(error(result[3]![0])?.en).toContain('row 2');
  });

  it('refuses mismatched lengths, negative resources, fractional pupils and a weight of 0', () => {
    expect(error(run([[1], [2]], [[1], [2], [3]], [[1], [2]]))?.en).toContain('primaryPupils has 3');
    expect(error(run(-1, 1, 1))?.code).toBe('VALUE');
    expect(error(run(1, 1.5, 1))?.code).toBe('VALUE');
    expect(error(run(1, 1, 1, 0))?.code).toBe('VALUE');
  });
});

describe('EDU.NINEYEARSPLIT: properties', () => {
  const amount = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }).map((x) => x / 100));
  const pupils = fc.integer({ min: 0, max: 3000 });
  const weight = fc.integer({ min: 1, max: 30 }).map((x) => x / 10);

  it('the two parts add up to the whole exactly, and neither is negative', () => {
    fc.assert(
      fc.property(amount, pupils, pupils, weight, (total, a, b, w) => {
        fc.pre(a + b > 0);
        const [primary, junior] = (run(total, a, b, w) as number[][]).map((row) => row[0]!);
        expect(primary).toBeGreaterThanOrEqual(0);
        expect(junior).toBeGreaterThanOrEqual(0);
        expect(compare(add(rationalOf(primary!), rationalOf(junior!)), rationalOf(total))).toBe(0);
      }),
    );
  });

  it('more junior pupils never give the junior part less', () => {
    fc.assert(
      fc.property(amount, pupils, pupils, fc.integer({ min: 1, max: 500 }), weight, (total, a, b, more, w) => {
        fc.pre(a + b > 0);
        const junior = (run(total, a, b, w) as number[][])[1]![0]!;
        const juniorWithMore = (run(total, a, b + more, w) as number[][])[1]![0]!;
        expect(juniorWithMore).toBeGreaterThanOrEqual(junior);
      }),
    );
  });

  it('the primary part is the exact share rounded down by less than one unit typed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), pupils, pupils, (total, a, b) => {
        fc.pre(a + b > 0);
        const primary = (run(total, a, b) as number[][])[0]![0]!;
        // total × 10a ÷ (10a + 11b) with weight 11/10, in whole units
        const exactTimesDen = BigInt(total) * BigInt(10 * a);
        const den = BigInt(10 * a + 11 * b);
        expect(BigInt(primary) * den <= exactTimesDen).toBe(true);
        expect((BigInt(primary) + 1n) * den > exactTimesDen).toBe(true);
      }),
    );
  });
});
