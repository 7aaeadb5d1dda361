/**
 * Hamilton's core on its own: the rate λ is found by a sweep whose order starts from doubles,
 * so even deliberately wrong doubles must give the exact answer; and the one-sweep λ must be
 * the stable point of the "fix the bounded units and re-split the rest" iteration.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortExactly } from '../../../formulas/allocation/apportion-problem.js';
import { largestRemainder } from '../../../formulas/allocation/largest-remainder.js';
import { hamiltonOracle } from './apportion-oracle.js';

const problem = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc
    .record({
      weights: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: n, maxLength: n }),
      lo: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
      room: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: n, maxLength: n }),
      approx: fc.array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }),
      at: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
    })
    .map(({ weights, lo, room, approx, at }) => {
      const hi = lo.map((l, i) => l + room[i]!);
      const low = lo.reduce((a, b) => a + b, 0);
      const high = hi.reduce((a, b) => a + b, 0);
      const total = Math.min(high - 1, Math.max(low + 1, Math.round(low + at * (high - low))));
      return { weights, lo, hi, approx, total };
    }),
);

describe('largestRemainder', () => {
  it('equals the fix-and-re-split iteration, even when the starting doubles are wrong', () => {
    fc.assert(
      fc.property(problem, ({ weights, lo, hi, approx, total }) => {
        const exact = weights.map(BigInt);
        const got = largestRemainder({ total, weights: exact, approx, lo, hi });
        const want = hamiltonOracle(total, exact, lo, hi);
        if ('seats' in want) expect(got).toEqual({ kind: 'seats', seats: want.seats });
        else expect(got.kind).toBe('tie');
      }),
      { numRuns: 1500 },
    );
  });

  it('a bound that binds in the second round only', () => {
    // 30 posts over 60, 25, 15 with maximum 16 on the first and 9 on the second.
    // Round 1: quotas 18, 7.5, 4.5: the first (18 > 16) is fixed at 16.
    // Round 2: 14 posts over 40: 8.75, 5.25: the second (8.75) is still under 9, nothing more
    //   is fixed -> 16, 8, 5 and the 1 left to .75: 16, 9, 5.
    expect(largestRemainder({ total: 30, weights: [60n, 25n, 15n], approx: [60, 25, 15], lo: [0, 0, 0], hi: [16, 9, 30] })).toEqual({
      kind: 'seats',
      seats: [16, 9, 5],
    });
    // Maximum 8 on the second: round 2 fixes it at 8 (8.75 > 8), round 3 gives the third 30 - 16 - 8 = 6.
    expect(largestRemainder({ total: 30, weights: [60n, 25n, 15n], approx: [60, 25, 15], lo: [0, 0, 0], hi: [16, 8, 30] })).toEqual({
      kind: 'seats',
      seats: [16, 8, 6],
    });
  });
});

describe('sortExactly', () => {
  it('sorts by the exact comparison whatever order the doubles suggest', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), { maxLength: 40 }), fc.array(fc.double({ noNaN: true }), { minLength: 40, maxLength: 40 }), (values, approx) => {
        const order = sortExactly(
          values.map((_, i) => i),
          approx,
          (a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : 0),
        );
        const sorted = order.map((i) => values[i]!);
        expect(sorted).toEqual([...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }),
      { numRuns: 300 },
    );
  });
});
