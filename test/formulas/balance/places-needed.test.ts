/**
 * EDU.PLACESNEEDED: bad arguments, reference values from seeds 001 and 003 worked by hand,
 * edge cases and properties (the classes and schools are the fewest that hold everyone).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placesNeeded } from '../../../formulas/balance/places-needed.js';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';

const ctx = { profiles: shippedProfileSource };
const col = (xs: readonly unknown[]): unknown[][] => xs.map((x) => [x]);
const run = (...args: unknown[]) => invoke(placesNeeded, args, ctx) as number[][];
const code = (r: unknown): string | undefined => (r as { error?: { code: string } }).error?.code;

describe('EDU.PLACESNEEDED: bad arguments', () => {
  it('needs one current figure per enrolment row, or one for all', () => {
    const r = run(col([900, 400]), '小学', col([800, 300, 100]));
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('seats has 3');
  });

  it('rejects fractional pupils, an unknown level and a class size of 0', () => {
    expect(code(run(90.5, '小学'))).toBe('VALUE');
    expect(code(run(90, '高中'))).toBe('VALUE');
    expect(code(run(90, '小学', null, null, 0))).toBe('VALUE');
  });
});

describe('EDU.PLACESNEEDED: reference values', () => {
  // Seed 001 (会府办字〔2023〕62号) builds 3 primary schools with 6,000 places and 2 junior
  // schools with 3,500. Filling them at the standard sizes:
  //   primary 6,000 ÷ 45 = 133.3… → 134 classes; 6,000 ÷ 2,000 = 3 schools;
  //   junior  3,500 ÷ 50 = 70 classes;          3,500 ÷ 2,000 = 1.75 → 2 schools.
  it('seed 001: 6,000 primary places are 134 classes in 3 schools; 3,500 junior places 70 classes in 2', () => {
    expect(run(col([6000, 3500]), col(['小学', '初中']))).toEqual([
      [134, 3, 6000, 134],
      [70, 2, 3500, 70],
    ]);
  });

  // Seed 003 (眉政发〔2023〕13号): no class of 56 or more by autumn 2025, every class at the
  // standard size by 2026. A town with 5,000 primary pupils in 92 classes and 4,600 seats:
  //   2025 (at most 55 a class): ⌈5,000 ÷ 55⌉ = 91 classes (90 × 55 = 4,950 < 5,000): none short;
  //   2026 (45 a class):         ⌈5,000 ÷ 45⌉ = 112 classes (111 × 45 = 4,995 < 5,000): 20 short.
  //   Seats short either year: 5,000 − 4,600 = 400.
  it('seed 003: 大班额 gone in 2025 with the classes there are; the standard size in 2026 needs 20 more', () => {
    expect(run(5000, '小学', 4600, 92, 55)).toEqual([[91, 3, 400, 0]]);
    expect(run(5000, '小学', 4600, 92)).toEqual([[112, 3, 400, 20]]);
  });

  // 九年一贯制 schools may hold 2,500 (教督〔2017〕6号): 4,800 pupils need ⌈4,800 ÷ 2,500⌉ = 2
  // such schools, but ⌈4,800 ÷ 2,000⌉ = 3 ordinary ones.
  it('the size cap: 2,000 by default, 2,500 for nine-year schools', () => {
    expect(run(4800, '初中')[0]![1]).toBe(3);
    expect(run(4800, '初中', null, null, null, 2500)[0]![1]).toBe(2);
  });
});

describe('EDU.PLACESNEEDED: edges', () => {
  it('exact multiples need no extra class or school; one more pupil needs one', () => {
    expect(run(col([450, 451, 2000, 2001]), '小学')).toEqual([
      [10, 1, 450, 10],
      [11, 1, 451, 11],
      [45, 1, 2000, 45],
      [45, 2, 2001, 45],
    ]);
  });

  it('no pupils need nothing; more seats and classes than needed are no shortfall', () => {
    expect(run(0, '初中', 100, 5)).toEqual([[0, 0, 0, 0]]);
  });
});

describe('EDU.PLACESNEEDED: properties', () => {
  it('the classes and schools are the fewest that hold every pupil within the sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 3000 }), (e, size, cap) => {
        const [[classes, schools]] = run(e, '小学', null, null, size, cap) as [[number, number]];
        expect(classes * size).toBeGreaterThanOrEqual(e);
        expect(Math.max(0, classes - 1) * size).toBeLessThan(Math.max(1, e));
        expect(schools * cap).toBeGreaterThanOrEqual(e);
        expect(Math.max(0, schools - 1) * cap).toBeLessThan(Math.max(1, e));
      }),
    );
  });
});
