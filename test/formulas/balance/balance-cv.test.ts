import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceCv } from '../../../formulas/balance/balance-cv.js';
import { weightedCv } from '../../../formulas/balance/weighted-cv.js';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';

const ctx = { profiles: shippedProfileSource };
const col = (xs: readonly number[]): number[][] => xs.map((x) => [x]);
const run = (...args: unknown[]) => invoke(balanceCv, args, ctx);
const code = (r: unknown): string | undefined => (r as { error?: { code: string } }).error?.code;
/** Every one of the seven columns holding the same value per school. */
const sameInAllSeven = (xs: readonly number[]): number[][] => xs.map((x) => Array.from({ length: 7 }, () => x));

describe('EDU.BALANCECV: bad arguments', () => {
  it('needs exactly seven columns and lists them', () => {
    const r = run([[1, 2, 3, 4, 5, 6]], col([100]), '小学');
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('6 columns');
    expect(JSON.stringify(r)).toContain('生均教学仪器设备值');
  });

  it('needs one enrolment per school', () => {
    const r = run(sameInAllSeven([1, 2, 3]), col([100, 200]), 'primary');
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('students has 2');
  });

  it('rejects an unknown level and lists the choices', () => {
    const r = run(sameInAllSeven([1, 3]), col([100, 100]), '高中');
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('初中');
  });

  it('rejects a profile date before the assessment rules existed', () => {
    const r = run(sameInAllSeven([1, 3]), col([100, 100]), '小学', true, 'cn-national@2016-12-31');
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('balance.cvLimit.primary');
  });
});

describe('EDU.BALANCECV: reference values', () => {
  it('gives the CV of each column, weighted by enrolment (hand computation in weighted-cv.test.ts)', () => {
    // Column 1 is the county of weighted-cv.test.ts (CV 0.324610…); column 2 the same values unweighted
    // would be 0.394…, but BALANCECV weights every column by enrolment.
    const indicators = [
      [2, 2, 1, 1, 1, 1, 1],
      [3, 3, 1, 1, 1, 1, 1],
      [4, 4, 1, 1, 1, 1, 1],
      [6, 6, 1, 1, 1, 1, 3],
    ];
    const r = run(indicators, col([100, 200, 300, 400]), '小学', true) as (number | boolean)[][];
    expect(r).toHaveLength(2);
    expect(r[0]![0]).toBeCloseTo(0.324610383115584, 14);
    expect(r[0]![1]).toBe(r[0]![0]);
    expect(r[0]!.slice(2, 6)).toEqual([0, 0, 0, 0]);
    // Column 7: X̄ = (600·1 + 400·3)/1000 = 1.8, S² = (600·0.64 + 400·1.44)/1000 = 0.96, CV = √0.96/1.8.
    expect(r[0]![6]).toBeCloseTo(Math.sqrt(0.96) / 1.8, 14);
    expect(r[1]).toEqual([true, true, true, true, true, true, false]);
  });

  it('decides the primary limit exactly: CV of exactly 0.50 is within it', () => {
    // 0.27 = 3 × 0.09, equal pupils: CV = 0.5 exactly; naive floats give 0.5000000000000001.
    const r = run(sameInAllSeven([0.09, 0.27]), col([100, 100]), '小学', true) as unknown[][];
    expect(r[0]).toEqual(Array(7).fill(0.5));
    expect(r[1]).toEqual(Array(7).fill(true));
  });

  it('decides the junior limit exactly: 0.45 within, a hair above it not', () => {
    // 0.605 and 1.595 with equal pupils: X̄ = 1.1, S = 0.495, CV = 0.45 exactly (naive floats
    // give 0.45000000000000007 here and would call it a fail).
    const at = run(sameInAllSeven([0.605, 1.595]), col([7, 7]), '初中', true) as unknown[][];
    expect(at[1]).toEqual(Array(7).fill(true));
    // 54.99 and 145.01: S = 45.01, CV = 0.4501.
    const above = run(sameInAllSeven([54.99, 145.01]), col([7, 7]), 'junior', true) as unknown[][];
    expect(above[0]![0]).toBeCloseTo(0.4501, 15);
    expect(above[1]).toEqual(Array(7).fill(false));
  });
});

describe('EDU.BALANCECV: edge cases', () => {
  it('gives one row without the check', () => {
    expect(run(sameInAllSeven([1, 3]), col([100, 100]), '小学')).toEqual([Array(7).fill(0.5)]);
  });

  it('puts #VALUE! (with what to do) only in a column whose weighted mean is 0', () => {
    const indicators = [
      [4, 0, 1, 5, 8, 2100, 2.5],
      [5, 0, 1, 5, 8, 2100, 2.5],
    ];
    const r = run(indicators, col([100, 300]), '小学', true) as unknown[][];
    expect(code(r[0]![1])).toBe('VALUE');
    expect(code(r[1]![1])).toBe('VALUE');
    expect(typeof r[0]![0]).toBe('number');
    expect(r[1]![0]).toBe(true);
  });

  it('uses the limit in force on a date', () => {
    const r = run(sameInAllSeven([1, 3]), col([100, 100]), '小学', true, 'cn-national@2020-01-01') as unknown[][];
    expect(r[1]).toEqual(Array(7).fill(true));
  });
});

describe('EDU.BALANCECV: properties', () => {
  it('each column equals EDU.WEIGHTEDCV of that column', () => {
    const school = fc.tuple(fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 7, maxLength: 7 }), fc.integer({ min: 1, max: 2000 }));
    fc.assert(
      fc.property(fc.array(school, { minLength: 1, maxLength: 10 }), (schools) => {
        const indicators = schools.map(([row]) => row);
        const students = col(schools.map(([, p]) => p));
        const r = run(indicators, students, '小学') as number[][];
        for (let j = 0; j < 7; j++) {
          expect(r[0]![j]).toBe(invoke(weightedCv, [col(indicators.map((row) => row[j]!)), students], ctx));
        }
      }),
    );
  });
});
