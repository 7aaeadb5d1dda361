import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoke, isFormulaError, shippedProfileSource } from '../../../formulas/index.js';
import { ratioPosts } from '../../../formulas/staffing/ratio-posts.js';
import { profileValue } from '../../../formulas/policy/profile-value.js';

const run = (...args: unknown[]) => invoke(ratioPosts, args, { profiles: shippedProfileSource });
/** The one cell of a single-value call (a matrix result is 1 x 1). */
const cell = (...args: unknown[]): number => (run(...args) as number[][])[0]![0]!;
const message = (v: unknown) => (isFormulaError(v) ? `${v.error.zh} / ${v.error.en}` : `not an error: ${JSON.stringify(v)}`);

describe('EDU.RATIOPOSTS: bad arguments', () => {
  it('rejects a negative count, a zero or negative ratio, a fractional minimum, naming the row', () => {
    expect(message(run([[1000], [-5]], 1000))).toMatch(/count 第 2 行.*-5/);
    expect(message(run(1000, 0))).toMatch(/per/);
    expect(message(run(1000, -100))).toMatch(/per/);
    // A ratio of 0 in a column is named by its row (the one range path, positive: above 0).
    expect(message(run([[1000], [10]], [[5], [0]]))).toMatch(/per 第 2 行 的值 0 不大于 0.*per row 2: 0 is not above 0/);
    expect(message(run(1000, 1000, 1.5))).toMatch(/minimum.*不是整数/);
    expect(message(run('many', 1000))).toMatch(/count/);
  });

  it('rejects an unknown rounding rule and ranges of different lengths', () => {
    expect(message(run(1000, 1000, 0, 'sideways'))).toMatch(/rounding.*"sideways"/);
    expect(message(run([[1], [2]], [[1], [2], [3]]))).toMatch(/per 有 3 项.*count 有 2 项/);
  });
});

describe('reference values', () => {
  it('psychology teachers 不低于 1:1000 of pupils (seed 004)', () => {
    // 1000 → 1; 1001 → 1.001 → 2; 2350 → 3; 999 → 0.999 → 1; 0 → 0.
    expect(run([[1000], [1001], [2350], [999], [0]], 1000)).toEqual([[1], [2], [3], [1], [0]]);
  });

  it('inspectors 1 per 5 schools (seed 002)', () => {
    // 25 → 5; 26 → 5.2 → 6; 4 → 1.
    expect(run([[25, 26, 4]], 5)).toEqual([[5, 6, 1]]);
  });

  it('backbone teachers 每百名学生 1 名以上 (seed 004)', () => {
    // A county of 12,345 pupils: 123.45 → 124.
    expect(run(12345, 100)).toEqual([[124]]);
  });

  it('rounds down or to nearest on request (halves up), Chinese names accepted', () => {
    expect(run([[2350], [2500], [2499]], 1000, 0, 'down')).toEqual([[2], [2], [2]]);
    expect(run([[2350], [2500], [2499]], 1000, 0, '四舍五入')).toEqual([[2], [3], [2]]);
    expect(run(2350, 1000, 0, '进一法')).toEqual([[3]]);
  });

  it('applies the minimum after rounding, one for all or one per unit', () => {
    // 300 pupils at 1:1000 → 1 anyway; 0 pupils with at least 1 per school → 1.
    expect(run([[300], [0]], 1000, 1)).toEqual([[1], [1]]);
    expect(run([[300], [0]], 1000, [[2], [0]])).toEqual([[2], [0]]);
  });

  it('takes a ratio per unit', () => {
    expect(run([[1000], [1000]], [[1000], [100]])).toEqual([[1], [10]]);
  });
});

describe('psychology teachers: the larger of the county ratio and the national per-school minimum', () => {
  it('reads both from the profile: 1 per 1,000 pupils (seed 004, county) and at least 1 full-time per school (教思政厅函〔2021〕10号)', () => {
    const profile = (key: string) => invoke(profileValue, ['cn-national', key], { profiles: shippedProfileSource });
    const per = profile('staffing.psychology.pupilsPerTeacher');
    const minimum = profile('staffing.psychology.perSchoolMinimum');
    expect([per, minimum]).toEqual([1000, 1]);
    // 0 pupils (a new school): ratio 0, minimum 1 -> 1; 350 -> 0.35 up to 1; 2,350 -> 2.35 up to 3;
    // 4,000 -> exactly 4.
    expect(invoke(ratioPosts, [[[0], [350], [2350], [4000]], per, minimum], { profiles: shippedProfileSource })).toEqual([[1], [1], [3], [4]]);
  });
});

describe('edge cases: exact decimals, not binary floating point', () => {
  it('reads typed decimals exactly', () => {
    // 0.7 / 0.1 is 6.999999999999999 in floating point; exactly 7. Floor must give 7.
    expect(run(0.7, 0.1, 0, 'down')).toEqual([[7]]);
    // 1.1 / 0.1 is 11.000000000000002 in floating point; exactly 11. Ceiling must give 11.
    expect(run(1.1, 0.1)).toEqual([[11]]);
  });

  it('handles large counts', () => {
    expect(run(9_000_000_001, 1000)).toEqual([[9_000_001]]);
  });

  it('answers #VALUE! with a message, never null, when a tiny per makes more posts than a cell holds exactly', () => {
    // 2^53 - 1 = 9,007,199,254,740,991 posts is the last exact whole number: 9007199254740991 ÷ 1 is still answered.
    expect(run(Number.MAX_SAFE_INTEGER, 1)).toEqual([[Number.MAX_SAFE_INTEGER]]);
    // 1 ÷ 1e-300 = 1e300 posts; 1e300 ÷ 1e-300 = 1e600 (Infinity as a double, null in JSON).
    const tiny = run(1, 1e-300);
    expect(isFormulaError(tiny) && tiny.error.code).toBe('VALUE');
    expect(message(tiny)).toMatch(/per/);
    expect(message(run([[10], [1e300]], [[1], [1e-300]]))).toMatch(/第 2 行.*1e\+300 ÷ 1e-300/);
  });
});

describe('properties', () => {
  const count = fc.integer({ min: 0, max: 10_000_000 });
  const per = fc.integer({ min: 1, max: 5000 });

  it('rounding up: posts × per ≥ count, and one post fewer would not do (above the minimum)', () => {
    fc.assert(
      fc.property(count, per, fc.integer({ min: 0, max: 5 }), (c, p, m) => {
        const posts = cell(c, p, m);
        expect(posts * p).toBeGreaterThanOrEqual(c);
        expect(posts).toBeGreaterThanOrEqual(m);
        if (posts > m) expect((posts - 1) * p).toBeLessThan(c);
      }),
    );
  });

  it('rounding down never exceeds the ratio and never falls below up minus one', () => {
    fc.assert(
      fc.property(count, per, (c, p) => {
        const down = cell(c, p, 0, 'down');
        const up = cell(c, p);
        const nearest = cell(c, p, 0, 'nearest');
        expect(down * p).toBeLessThanOrEqual(c);
        expect(up - down).toBeLessThanOrEqual(1);
        expect(nearest).toBeGreaterThanOrEqual(down);
        expect(nearest).toBeLessThanOrEqual(up);
      }),
    );
  });

  it('more pupils never mean fewer posts', () => {
    fc.assert(
      fc.property(count, fc.integer({ min: 0, max: 10_000 }), per, (c, extra, p) => {
        expect(cell(c + extra, p)).toBeGreaterThanOrEqual(cell(c, p));
      }),
    );
  });
});
