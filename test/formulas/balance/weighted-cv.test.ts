import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedCv } from '../../../formulas/balance/weighted-cv.js';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';

const ctx = { profiles: shippedProfileSource };
const col = (xs: readonly number[]): number[][] => xs.map((x) => [x]);
const run = (values: unknown, students: unknown) => invoke(weightedCv, [values, students], ctx);
const code = (r: unknown): string | undefined => (r as { error?: { code: string } }).error?.code;

describe('EDU.WEIGHTEDCV: bad arguments', () => {
  it('rejects lengths that do not match, naming both counts', () => {
    const r = run(col([1, 2, 3]), col([10, 20]));
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('3');
    expect(JSON.stringify(r)).toContain('students has 2');
  });

  it('rejects a negative enrolment, naming the row', () => {
    const r = run(col([1, 2]), col([10, -5]));
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('row 2');
  });

  it('rejects a fractional enrolment and a negative value', () => {
    expect(code(run(col([1, 2]), col([10, 2.5])))).toBe('VALUE');
    expect(code(run(col([1, -2]), col([10, 20])))).toBe('VALUE');
  });

  it('answers #VALUE! (with what to do) when there are no pupils at all', () => {
    expect(code(run(col([1, 2]), col([0, 0])))).toBe('VALUE');
  });

  it('answers #VALUE! (with what to do) when the weighted mean is 0', () => {
    // The school with value 5 has no pupils, so it carries no weight: X̄ = 0.
    expect(code(run(col([0, 5]), col([100, 0])))).toBe('VALUE');
  });
});

describe('EDU.WEIGHTEDCV: reference values', () => {
  it('matches a hand computation for a small county, and differs from the unweighted CV', () => {
    // Four primary schools, teachers above the required qualification per 100 pupils:
    //   school  Pᵢ    Xᵢ
    //   A      100   2.0
    //   B      200   3.0
    //   C      300   4.0
    //   D      400   6.0            P = 1000
    // X̄ = (100·2 + 200·3 + 300·4 + 400·6) / 1000 = (200 + 600 + 1200 + 2400) / 1000 = 4.4
    // Xᵢ − X̄ = −2.4, −1.4, −0.4, 1.6;  squares 5.76, 1.96, 0.16, 2.56
    // Σ Pᵢ(Xᵢ − X̄)² = 576 + 392 + 48 + 1024 = 2040;  S² = 2040 / 1000 = 2.04
    // CV = √2.04 / 4.4 = 1.428285685708570… / 4.4 = 0.324610383115584…
    // Unweighted (every school counts once): mean 3.75, deviations −1.75, −0.75, 0.25, 2.25,
    // squares sum 8.75, population variance 2.1875, CV = 1.479019945774904 / 3.75 = 0.394405…;
    // with n − 1 (sample): 8.75 / 3, CV = 0.455420…, which would even fail the junior limit.
    const r = run(col([2, 3, 4, 6]), col([100, 200, 300, 400])) as number;
    expect(r).toBeCloseTo(0.324610383115584, 14);
    const unweighted = run(col([2, 3, 4, 6]), col([1, 1, 1, 1])) as number;
    expect(unweighted).toBeCloseTo(0.394405318873308, 14);
    expect(Math.abs(r - unweighted)).toBeGreaterThan(0.06);
    expect(r).not.toBeCloseTo(0.455420034042649, 2);
  });

  it('gives exactly 0.5 where the naive floating-point computation gives 0.5000000000000001', () => {
    // 0.27 = 3 × 0.09 with equal pupils: X̄ = 0.18, S = 0.09, CV = 1/2 exactly.
    const naiveMean = (0.09 * 100 + 0.27 * 100) / 200;
    const naive = Math.sqrt((100 * (0.09 - naiveMean) ** 2 + 100 * (0.27 - naiveMean) ** 2) / 200) / naiveMean;
    expect(naive).toBeGreaterThan(0.5);
    expect(run(col([0.09, 0.27]), col([100, 100]))).toBe(0.5);
  });

  it('accepts a row as well as a column', () => {
    expect(run([[1, 3]], [[100, 100]])).toBe(0.5);
  });
});

describe('EDU.WEIGHTEDCV: edge cases', () => {
  it('is 0 when every school has the same value', () => {
    expect(run(col([4.2, 4.2, 4.2]), col([10, 500, 3]))).toBe(0);
  });

  it('ignores a school with no pupils', () => {
    expect(run(col([1, 3, 1000]), col([100, 100, 0]))).toBe(0.5);
  });

  it('handles a single school', () => {
    expect(run(7.5, 120)).toBe(0);
  });
});

describe('EDU.WEIGHTEDCV: properties', () => {
  const county = fc
    .array(fc.record({ x: fc.integer({ min: 0, max: 10_000 }), p: fc.integer({ min: 0, max: 3000 }) }), { minLength: 1, maxLength: 12 })
    .filter((rows) => rows.some((r) => r.p > 0 && r.x > 0));

  it('is unchanged when every value or every enrolment is multiplied by the same whole number', () => {
    fc.assert(
      fc.property(county, fc.integer({ min: 1, max: 1000 }), (rows, k) => {
        const base = run(col(rows.map((r) => r.x)), col(rows.map((r) => r.p)));
        expect(run(col(rows.map((r) => r.x * k)), col(rows.map((r) => r.p)))).toBe(base);
        expect(run(col(rows.map((r) => r.x)), col(rows.map((r) => r.p * k)))).toBe(base);
      }),
    );
  });

  it('counts a school split in two like the whole school', () => {
    fc.assert(
      fc.property(county, (rows) => {
        const whole = run(col(rows.map((r) => r.x)), col(rows.map((r) => r.p * 2)));
        const split = run(col([...rows.map((r) => r.x), ...rows.map((r) => r.x)]), col([...rows.map((r) => r.p), ...rows.map((r) => r.p)]));
        expect(split).toBe(whole);
      }),
    );
  });

  it('agrees with the floating-point formula to 1e-9 and never goes negative', () => {
    fc.assert(
      fc.property(county, (rows) => {
        const P = rows.reduce((s, r) => s + r.p, 0);
        const mean = rows.reduce((s, r) => s + r.p * r.x, 0) / P;
        const s2 = rows.reduce((s, r) => s + r.p * (r.x - mean) ** 2, 0) / P;
        const r = run(col(rows.map((x) => x.x)), col(rows.map((x) => x.p))) as number;
        expect(r).toBeGreaterThanOrEqual(0);
        expect(Math.abs(r - Math.sqrt(s2) / mean)).toBeLessThan(1e-9 * Math.max(1, r));
      }),
    );
  });
});
