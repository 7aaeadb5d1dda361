/**
 * One share parser (formulas/core/share.ts) for EDU.INSPECTORS' one-third cap and
 * EDU.FACTORSPLIT's factor shares: a typed =p/q (q ≤ 1000) is read as that fraction, any
 * other number as the decimal it prints as; many shares become whole numbers in their
 * exact ratio.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareOf, shareSchema, shareWeights } from '../../../formulas/core/share.js';

describe('shareOf', () => {
  it('reads =1/3, =2/7 and 0.25 as the fractions typed, 0.3333 and 50 as printed', () => {
    expect(shareOf(1 / 3)).toEqual({ n: 1n, d: 3n });
    expect(shareOf(2 / 7)).toEqual({ n: 2n, d: 7n });
    expect(shareOf(0.25)).toEqual({ n: 1n, d: 4n });
    expect(shareOf(0.3333)).toEqual({ n: 3333n, d: 10000n });
    expect(shareOf(50)).toEqual({ n: 50n, d: 1n });
  });

  it('property: the double of any fraction p/q with q ≤ 1000 is read back as p/q in lowest terms', () => {
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 5000 }), (q, p) => {
        const g = gcd(p, q) || q;
        expect(shareOf(p / q)).toEqual({ n: BigInt(p / g), d: BigInt(q / g) });
      }),
    );
  });
});

describe('shareWeights (FACTORSPLIT)', () => {
  it('gives the exact ratio: {=1/3, =2/3} is 1 : 2, {50%, 30%, 20%} and {50, 30, 20} are 5 : 3 : 2, {=1/3, =1/3, =1/12} is 4 : 4 : 1', () => {
    expect(shareWeights([1 / 3, 2 / 3])).toEqual([1n, 2n]);
    expect(shareWeights([0.5, 0.3, 0.2])).toEqual([5n, 3n, 2n]);
    expect(shareWeights([50, 30, 20])).toEqual([5n, 3n, 2n]);
    expect(shareWeights([1 / 3, 1 / 3, 1 / 12])).toEqual([4n, 4n, 1n]);
    expect(shareWeights([0, 0])).toEqual([0n, 0n]);
  });

  it('property: weights of fractions p_i/q are proportional to p_i, whatever the common factor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }), (q, ps) => {
        const w = shareWeights(ps.map((p) => p / q));
        // w_i / w_j = p_i / p_j for every pair, i.e. w_i · p_j = w_j · p_i.
        for (let i = 0; i < ps.length; i++) for (let j = 0; j < ps.length; j++) expect(w[i]! * BigInt(ps[j]!)).toBe(w[j]! * BigInt(ps[i]!));
      }),
    );
  });
});

describe('shareSchema (INSPECTORS)', () => {
  it('takes a number or the text 1/3, 1:3, 1：3 in (0, 1] and refuses the rest in both languages', () => {
    const s = shareSchema();
    expect(s.parse(1 / 3)).toEqual({ n: 1n, d: 3n });
    for (const text of ['1/3', '1:3', ' 1：3 ']) expect(s.parse(text), text).toEqual({ n: 1n, d: 3n });
    for (const bad of [0, 1.5, '4/3', 'one third']) expect(s.safeParse(bad).success, String(bad)).toBe(false);
  });
});
