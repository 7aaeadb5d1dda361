import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, findLevel, lowestTotal, highestTotal, type SplitInput, splitExactly } from '../../../formulas/funding/clamped-split.js';
import { topRemainders } from '../../../formulas/funding/fen-remainders.js';

/** A unit set in whole fen. */
function input(budget: number, units: { lump?: number; floor?: number; cap?: number; s: number }[], big = false): SplitInput {
  return {
    budget: BigInt(budget),
    lump: Float64Array.from(units, (u) => u.lump ?? 0),
    floor: Float64Array.from(units, (u) => u.floor ?? 0),
    cap: Float64Array.from(units, (u) => u.cap ?? Infinity),
    weight: Float64Array.from(units, (u) => u.s),
    ...(big ? { weightBig: units.map((u) => BigInt(u.s)) } : {}),
  };
}

const FREE = 0;
const FLOORED = 1;
const CAPPED = 2;

describe('clamped split: bounds', () => {
  it('computes the lowest and highest totals', () => {
    const x = input(0, [
      { lump: 100, floor: 250, s: 0 },
      { lump: 100, cap: 400, s: 1 },
      { lump: 700, cap: 500, s: 0 },
    ]);
    // Row 1 raised to 250, row 2 at 100, row 3 held at 500.
    expect(lowestTotal(x)).toBe(850n);
    // Row 1 has no drivers (250), row 2 can reach its cap 400, row 3 stays at 500.
    expect(highestTotal(x)).toBe(1150n);
    expect(highestTotal(input(0, [{ s: 1 }]))).toBeUndefined();
  });

  it('sums past 2^53 exactly', () => {
    const many = Array.from({ length: 200 }, () => ({ lump: 1e14, s: 0 }));
    expect(lowestTotal(input(0, many))).toBe(200n * 10n ** 14n);
  });
});

describe('clamped split: the level', () => {
  it('finds r exactly, as a fraction', () => {
    // 1,000 fen over 1:2 -> r = 1000/3 fen per unit.
    const { level } = findLevel(input(1000, [{ s: 1 }, { s: 2 }]));
    expect(Number(level.num) / Number(level.den)).toBeCloseTo(1000 / 3, 12);
    expect(level.num * 3n).toBe(level.den * 1000n);
  });

  it('accepts a unit exactly on its floor at the solution', () => {
    // r = 500 puts row 1 exactly at its floor of 500.
    expect(Array.from(splitExactly(input(1000, [{ floor: 500, s: 1 }, { s: 1 }])).totals)).toEqual([500, 500]);
  });

  const wrongGuesses: [string, (x: SplitInput) => Uint8Array][] = [
    ['all free', (x) => new Uint8Array(x.lump.length).fill(FREE)],
    ['all floored', (x) => new Uint8Array(x.lump.length).fill(FLOORED)],
    ['all capped', (x) => new Uint8Array(x.lump.length).fill(CAPPED)],
  ];

  const unitsArb = fc.array(
    fc.record({
      lump: fc.integer({ min: 0, max: 5000 }),
      floor: fc.integer({ min: 0, max: 20000 }),
      capExtra: fc.option(fc.integer({ min: 0, max: 20000 }), { nil: undefined }),
      s: fc.integer({ min: 0, max: 1000 }),
    }),
    { minLength: 1, maxLength: 15 },
  );

  function feasible(units: { lump: number; floor: number; capExtra: number | undefined; s: number }[], at: number) {
    const shaped = units.map((u) => ({ lump: u.lump, floor: u.floor, cap: u.capExtra === undefined ? undefined : u.floor + u.capExtra, s: u.s }));
    const probe = input(0, shaped);
    const low = Number(lowestTotal(probe));
    const high = highestTotal(probe);
    const top = high === undefined ? low + 1_000_000 : Number(high);
    const budget = units.every((u) => u.s === 0) ? low : low + Math.floor(at * (top - low));
    return { shaped, budget };
  }

  it('reaches the same split from any wrong guess (the exact bisection)', () => {
    fc.assert(
      fc.property(unitsArb, fc.double({ min: 0, max: 1, noNaN: true }), (units, at) => {
        const { shaped, budget } = feasible(units, at);
        const x = input(budget, shaped);
        const expected = Array.from(splitExactly(x).totals);
        for (const [, guess] of wrongGuesses) expect(Array.from(splitExactly(x, guess).totals)).toEqual(expected);
        const total = expected.reduce((a, t) => a + t, 0);
        expect(total).toBe(budget);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same split with bigint driver totals as with exact doubles', () => {
    fc.assert(
      fc.property(unitsArb, fc.double({ min: 0, max: 1, noNaN: true }), (units, at) => {
        const { shaped, budget } = feasible(units, at);
        const fast = splitExactly(input(budget, shaped));
        const slow = splitExactly(input(budget, shaped, true));
        expect(Array.from(slow.totals)).toEqual(Array.from(fast.totals));
        expect(slow.level.num * fast.level.den).toBe(fast.level.num * slow.level.den);
      }),
      { numRuns: 300 },
    );
  });
});

describe('clamped split: exact evaluation with doubles (Dekker products) against bigints', () => {
  it('agrees unit by unit for large numerators, denominators and driver totals', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            s: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.maxSafeNat(), fc.integer({ min: 2 ** 40, max: 2 ** 50 })),
            lump: fc.integer({ min: 0, max: 1e14 }),
            floor: fc.integer({ min: 0, max: 1e14 }),
            capExtra: fc.option(fc.integer({ min: 0, max: 1e14 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.bigInt({ min: 1n, max: 2n ** 50n - 1n }),
        (units, num, den) => {
          const shaped = units.map((u) => ({ lump: u.lump, floor: u.floor, cap: u.capExtra === undefined ? undefined : Math.min(1e14, u.floor + u.capExtra), s: u.s }));
          const fast = evaluate(input(0, shaped), { num, den });
          const slow = evaluate(input(0, shaped, true), { num, den });
          expect(fast.remsBig).toBeUndefined();
          expect(slow.remsBig).toBeDefined();
          expect(Array.from(fast.ints)).toEqual(Array.from(slow.ints));
          expect(Array.from(fast.rems)).toEqual(slow.remsBig!.map(Number));
          expect(fast.remSum).toBe(slow.remSum);
          expect(fast.over).toBe(slow.over);
          if (!fast.over) expect(fast.intSum).toBe(slow.intSum);
          expect(fast.leftFree).toBe(slow.leftFree);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gets the quotient right just below an integer', () => {
    // num * s / den = 3 - 1/(2^49 - 1), just below 3: a double estimate of it may round up to 3.
    const den = 2 ** 49 - 1;
    const at = evaluate(input(0, [{ s: 3 * den - 1 }]), { num: 1n, den: BigInt(den) });
    expect(at.ints[0]).toBe(2);
    expect(at.rems[0]).toBe(den - 1);
  });
});

describe('clamped split: leftover fen', () => {
  const reference = (rems: bigint[], weight: number[], count: number): number[] =>
    rems
      .map((r, i) => ({ r, s: weight[i]!, i }))
      .filter((x) => x.r > 0n)
      .sort((a, b) => (a.r !== b.r ? (a.r > b.r ? -1 : 1) : b.s - a.s || a.i - b.i))
      .slice(0, count)
      .map((x) => x.i)
      .sort((a, b) => a - b);

  it('selects the same units as a full sort (largest remainder, larger driver total, earlier row)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ rem: fc.bigInt({ min: 0n, max: 6n }), s: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.boolean(),
        (rows, pick, huge) => {
          // Remainders above 2^53 that differ in the last digits only: equal as doubles.
          const rems = rows.map((r) => (huge && r.rem > 0n ? 2n ** 60n + r.rem : r.rem));
          const weight = rows.map((r) => r.s);
          const positive = rems.filter((r) => r > 0n).length;
          const count = positive === 0 ? 0 : pick % (positive + 1);
          const at = huge ? { rems: Float64Array.from(rems, Number), remsBig: rems } : { rems: Float64Array.from(rems, Number) };
          const x = input(0, weight.map((s) => ({ s })));
          expect(topRemainders(at, x, count).sort((a, b) => a - b)).toEqual(reference(rems, weight, count));
        },
      ),
      { numRuns: 500 },
    );
  });
});
