/**
 * The divisor-method core on its own: the doubles it is given are a starting estimate only,
 * so even deliberately wrong doubles must lead to the exact answer (through the exact repair).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BoundedProblem } from '../../../formulas/allocation/apportion-problem.js';
import { type DivisorMethod, divisorApportion, firstPostIsFree } from '../../../formulas/allocation/divisor-methods.js';
import { divisorOracle } from './apportion-oracle.js';

const METHODS: readonly DivisorMethod[] = ['jefferson', 'webster', 'huntington-hill', 'adams', 'dean'];

/** A feasible problem: positive weights, lo >= 1 where the method gives every unit a post, sum(lo) < total < sum(hi). */
const problem = fc.constantFrom(...METHODS).chain((method) =>
  fc.integer({ min: 2, max: 7 }).chain((n) =>
    fc
      .record({
        weights: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: n, maxLength: n }),
        lo: fc.array(fc.integer({ min: firstPostIsFree(method) ? 1 : 0, max: 3 }), { minLength: n, maxLength: n }),
        room: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: n, maxLength: n }),
        approx: fc.array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }),
        at: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      })
      .map(({ weights, lo, room, approx, at }) => {
        const hi = lo.map((l, i) => l + room[i]!);
        const low = lo.reduce((a, b) => a + b, 0);
        const high = hi.reduce((a, b) => a + b, 0);
        const total = Math.min(high - 1, Math.max(low + 1, Math.round(low + at * (high - low))));
        return { method, weights, lo, hi, approx, total };
      }),
  ),
);

describe('divisorApportion', () => {
  it('gives the exact answer even when the starting doubles are wrong', () => {
    fc.assert(
      fc.property(problem, ({ method, weights, lo, hi, approx, total }) => {
        const exact = weights.map(BigInt);
        const p: BoundedProblem = { total, weights: exact, approx, lo, hi };
        const got = divisorApportion(method, p);
        const want = divisorOracle(method, total, exact, lo, hi);
        if ('seats' in want) expect(got).toEqual({ kind: 'seats', seats: want.seats });
        else expect(got.kind).toBe('tie');
      }),
      { numRuns: 1500 },
    );
  });

  it('with the true doubles, agrees with the wrong-doubles answer', () => {
    fc.assert(
      fc.property(problem, ({ method, weights, lo, hi, approx, total }) => {
        const exact = weights.map(BigInt);
        const right = divisorApportion(method, { total, weights: exact, approx: weights, lo, hi });
        const wrong = divisorApportion(method, { total, weights: exact, approx, lo, hi });
        expect(wrong).toEqual(right);
      }),
      { numRuns: 500 },
    );
  });

  it('reports how many of the contested posts the tied rows hold', () => {
    // Jefferson, weights 3, 3, 3, 1, 6 posts: claims 3/1 (x3), then 3/2 (x3) and 1/1: the 3 posts
    // after the first three go to the claims 3/2 (rows 1-3), and row 4's claim 1 is weaker: no tie.
    const base = { weights: [3n, 3n, 3n, 1n], approx: [3, 3, 3, 1], lo: [0, 0, 0, 0], hi: [9, 9, 9, 9] };
    expect(divisorApportion('jefferson', { ...base, total: 6 })).toEqual({ kind: 'seats', seats: [2, 2, 2, 0] });
    // 7 posts: the next claims are 3/3 = 1 (rows 1-3) and 1/1 = 1 (row 4): four-way tie for 1 post.
    expect(divisorApportion('jefferson', { ...base, total: 7 })).toEqual({ kind: 'tie', rows: [0, 1, 2, 3], posts: 1 });
  });
});
