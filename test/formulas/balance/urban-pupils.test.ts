/**
 * EDU.URBANPUPILS: bad arguments, seed 001's 40% → 60% worked by hand, the rounding up on
 * exact fractions, and properties (the fewest pupils that reach the target).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { urbanPupils } from '../../../formulas/balance/urban-pupils.js';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';

const run = (...args: unknown[]) => invoke(urbanPupils, args, { profiles: shippedProfileSource });
const code = (r: unknown): string | undefined => (r as { error?: { code: string } }).error?.code;

describe('EDU.URBANPUPILS: bad arguments', () => {
  it('refuses more pupils in town than in all, a rate above 1 and fractional pupils', () => {
    expect(code(run(100, 120, 0.6))).toBe('VALUE');
    expect(code(run(100, 20, 1.2))).toBe('VALUE');
    expect(code(run(100.5, 20, 0.6))).toBe('VALUE');
  });
});

describe('EDU.URBANPUPILS: reference values', () => {
  // Seed 001 raises the rate from 40% to 60% and builds 3,500 junior + 6,000 primary places
  // = 9,500. Those places are exactly the 20 points if the county has 9,500 ÷ 0.2 = 47,500
  // pupils: in town now 40% × 47,500 = 19,000; at 60%, 28,500; to place 28,500 − 19,000 = 9,500.
  it('seed 001: 47,500 pupils from 40% to 60% in town: 9,500, the places it builds', () => {
    expect(run(47500, 19000, 0.6)).toBe(9500);
    expect(run(47500, 19000, 0.6)).toBe(3500 + 6000);
  });

  // 60% of 1,001 is 600.6: "at least 60%" needs 601 in town; 400 there, 201 to place.
  it('rounds the target up: 60% of 1,001 pupils is 601', () => {
    expect(run(1001, 400, 0.6)).toBe(201);
  });

  // 0.07 × 100 is 7.000000000000001 in binary floating point; exactly 7 here.
  it('computes on the rate as typed, not its binary double', () => {
    expect(run(100, 0, 0.07)).toBe(7);
  });

  it('a target already met needs no one', () => {
    expect(run(1000, 700, 0.6)).toBe(0);
  });
});

describe('EDU.URBANPUPILS: properties', () => {
  it('placing that many reaches the target; one fewer does not (when any are needed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true }), (total, pct, rate) => {
        const urban = Math.floor((total * pct) / 100);
        const r = Math.round(rate * 1000) / 1000;
        const n = run(total, urban, r) as number;
        // Compare in thousandths, exactly: (urban + n) / total ≥ r.
        const target = BigInt(Math.round(r * 1000));
        expect(BigInt(urban + n) * 1000n >= target * BigInt(total)).toBe(true);
        if (n > 0) expect(BigInt(urban + n - 1) * 1000n < target * BigInt(total)).toBe(true);
      }),
    );
  });
});
