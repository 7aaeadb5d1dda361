import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';
import { publicFunds } from '../../../formulas/funding/public-funds.js';
import { staticProfileSource, type PolicyProfile } from '../../../formulas/core/profiles.js';
import { nationalProfile } from '../../../formulas/profiles/index.js';
import type { FormulaError } from '../../../formulas/core/errors.js';

const ctx = { profiles: shippedProfileSource };
const call = (...args: unknown[]) => invoke(publicFunds, args, ctx);
const col = (xs: readonly unknown[]) => xs.map((x) => [x]);
const amounts = (result: ReturnType<typeof call>): unknown[] => {
  if (!Array.isArray(result)) throw new Error(JSON.stringify(result));
  return result.flat();
};
function message(result: unknown): string {
  expect(result).toHaveProperty('error');
  return `${(result as FormulaError).error.zh} / ${(result as FormulaError).error.en}`;
}

/** A central-western county: 600/800 from 2016 (国发〔2015〕67号) and an illustrative later raise. */
const county: PolicyProfile = {
  id: 'county-test',
  title: { zh: '测试县', en: 'Test county' },
  version: 1,
  extends: 'cn-national',
  values: {
    'funding.publicFunds.primary': [
      { value: 600, effective: '2016-01-01', source: { document: '国发〔2015〕67号', title: '中西部地区基准定额' } },
      { value: 700, effective: '2024-01-01', source: { document: '测试文件', title: '示意的提标' } },
    ],
    'funding.publicFunds.junior': [{ value: 800, effective: '2016-01-01', source: { document: '国发〔2015〕67号', title: '中西部地区基准定额' } }],
  },
};
const broken: PolicyProfile = {
  id: 'broken',
  title: { zh: '错误配置', en: 'Broken' },
  version: 1,
  extends: 'cn-national',
  values: { 'funding.publicFunds.boarder': [{ value: -200, effective: '2016-01-01', source: { document: 'x', title: 'x' } }] },
};
const countyCtx = { profiles: staticProfileSource([nationalProfile, county, broken], 'cn-national') };

describe('EDU.PUBLICFUNDS: bad arguments', () => {
  it('requires whole, non-negative pupil counts and names the cell', () => {
    expect(call(null, 10)).toEqual(call(0, 10));
    expect(message(call(col([10, 2.5]), col([0, 0])))).toMatch(/primary row 2: 2\.5 is not a whole number/);
    expect(message(call(col([10, 5]), col([0, -1])))).toMatch(/junior row 2: -1 is below 0/);
    expect(message(call(10, 10, 'many'))).toContain('boarders');
  });

  it('rejects mismatched numbers of schools', () => {
    expect(message(call(col([10, 20]), col([1])))).toContain('junior has 1 values but primary has 2 schools');
    expect(message(call(col([10, 20]), col([1, 2]), col([1, 2, 3])))).toContain('boarders has 3 values');
    expect(message(call(col([10, 20]), col([1, 2]), 0, 0, null, col([true, false, true])))).toContain('rural has 3 values');
  });

  it('puts an error in the cell of a school with more boarders than pupils, keeping the others', () => {
    const result = call(col([100, 10]), col([0, 5]), col([20, 16])) as unknown[][];
    // Today's rates (from 2023): 100 x 720 + 20 x 300.
    expect(result[0]![0]).toBe(100 * 720 + 20 * 300);
    expect(message(result[1]![0])).toContain('School 2 has 16 boarders but only 15 pupils');
  });

  it('names an unknown profile, a date before the baseline, and an unusable profile value', () => {
    expect(message(call(10, 10, 0, 0, 'nowhere'))).toContain('"nowhere" was not found');
    expect(message(call(10, 10, 0, 0, 'cn-national@2015-12-31'))).toContain('funding.publicFunds.primary" in force on 2015-12-31');
    expect(message(invoke(publicFunds, [10, 10, 0, 0, 'broken'], countyCtx))).toContain('funding.publicFunds.boarder = -200');
  });
});

describe('EDU.PUBLICFUNDS: reference values (国发〔2015〕67号, in force 2016 to 2022)', () => {
  /** The same arguments with the profile stated as of 2016-09-01 (primary, junior, boarders, special, rural). */
  const at2016 = (primary: unknown, junior: unknown, boarders: unknown = 0, special: unknown = 0, _profile: unknown = null, rural: unknown = null) =>
    call(primary, junior, boarders, special, 'cn-national@2016-09-01', rural);

  it('funds primary and junior pupils at 650 and 850 yuan', () => {
    // 300 x 650 + 200 x 850 = 195,000 + 170,000 = 365,000.
    expect(amounts(at2016(300, 200))).toEqual([365000]);
  });

  it('adds 200 yuan per boarder and 6,000 per special-education pupil', () => {
    // 365,000 + 50 x 200 + 2 x 6,000 = 387,000.
    expect(amounts(at2016(300, 200, 50, 2))).toEqual([387000]);
  });

  it('funds a rural school under 100 pupils as 100, scaling primary and junior in proportion', () => {
    // 40 primary + 20 junior = 60 pupils, funded as 100: 66.67 primary + 33.33 junior,
    // i.e. (40 x 650 + 20 x 850) x 100 / 60 = 4,300,000 / 60 = 71,666.666… -> up to 71,666.67.
    expect(amounts(at2016(40, 20))).toEqual([71666.67]);
    // 1 primary + 2 junior: (650 + 1,700) x 100 / 3 = 78,333.333… -> 78,333.34 (rounded up).
    expect(amounts(at2016(1, 2))).toEqual([78333.34]);
    // 99 pupils and 100 pupils get the same.
    expect(amounts(at2016(col([99, 100]), col([0, 0])))).toEqual([65000, 65000]);
  });

  it('counts special-education pupils towards the 100 but keeps their own rate', () => {
    // 50 primary + 10 special = 60 pupils: the 40 missing go to primary, so 90 x 650 = 58,500,
    // plus 10 x 6,000 = 60,000: 118,500.
    expect(amounts(at2016(50, 0, 0, 10))).toEqual([118500]);
    // A school of special-education pupils only is funded at the special rate alone.
    expect(amounts(at2016(0, 0, 0, 5))).toEqual([30000]);
  });

  it('adds boarders to a small school without scaling them', () => {
    // 30 primary funded as 100 (65,000) plus 10 boarders x 200.
    expect(amounts(at2016(30, 0, 10))).toEqual([67000]);
  });

  it('applies the 100-pupil rule to rural schools only', () => {
    expect(amounts(at2016(col([30, 30]), col([0, 0]), 0, 0, null, col([true, false])))).toEqual([65000, 19500]);
    expect(amounts(at2016(30, 0, 0, 0, null, false))).toEqual([19500]);
  });

  it('gives nothing to a school without pupils', () => {
    expect(amounts(at2016(0, 0))).toEqual([0]);
  });

  it('lays the results out like primary', () => {
    expect(at2016([[300, 40]], [[200, 20]])).toEqual([[365000, 71666.67]]);
  });

  it('reads a county profile and the values in force on a date', () => {
    // The county's own 700 from 2024 overrides cn-national's 720; its junior 800 (2016) is the
    // newest junior entry it has, so it is used although cn-national has 940 from 2023.
    // Central-western 2016 values: 300 x 600 + 200 x 800 = 340,000; the illustrative 2024
    // raise to 700 gives 300 x 700 + 160,000 = 370,000.
    expect(amounts(invoke(publicFunds, [300, 200, 0, 0, 'county-test@2020-09-01'], countyCtx))).toEqual([340000]);
    expect(amounts(invoke(publicFunds, [300, 200, 0, 0, 'county-test'], countyCtx))).toEqual([370000]);
    // The county inherits the boarder supplement from cn-national.
    expect(amounts(invoke(publicFunds, [300, 200, 10, 0, 'county-test@2020-09-01'], countyCtx))).toEqual([342000]);
  });
});

describe('EDU.PUBLICFUNDS: the rates in force on the calculation date', () => {
  it('gives 720 x pupils for an urban primary school with default arguments (today: rates from spring 2023)', () => {
    // 1,200 x 720 = 864,000; the profile argument omitted means cn-national as of today.
    expect(amounts(call(1200, 0, 0, 0, null, false))).toEqual([864000]);
  });

  it('uses 720 / 940 and 300 per boarder from 2023 (财政部, 中国教育报 2023-05-08)', () => {
    // 300 x 720 + 200 x 940 + 50 x 300 = 216,000 + 188,000 + 15,000 = 419,000.
    expect(amounts(call(300, 200, 50, 0, 'cn-national@2024-09-01'))).toEqual([419000]);
    // The day before: still the 2016 rates, 300 x 650 + 200 x 850 + 50 x 200 = 375,000.
    expect(amounts(call(300, 200, 50, 0, 'cn-national@2022-12-31'))).toEqual([375000]);
  });

  it('uses 7,000 per special-education pupil from spring 2025 (财政部 2025-08-13), 6,000 before', () => {
    // A special-education school of 40 pupils: 40 x 6,000 in 2024, 40 x 7,000 in 2025.
    expect(amounts(call(0, 0, 0, 40, 'cn-national@2024-12-31'))).toEqual([240000]);
    expect(amounts(call(0, 0, 0, 40, 'cn-national@2025-09-01'))).toEqual([280000]);
  });

  it('funds a small rural school as 100 pupils at today\'s rate: 30 primary -> 100 x 720', () => {
    expect(amounts(call(30, 0))).toEqual([72000]);
  });
});

describe('EDU.PUBLICFUNDS: properties', () => {
  const school = fc.record({
    primary: fc.integer({ min: 0, max: 3000 }),
    junior: fc.integer({ min: 0, max: 3000 }),
    special: fc.integer({ min: 0, max: 30 }),
    boarderShare: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  it('never funds a rural school below a non-rural one, nor a rural school with pupils below 100 primary pupils', () => {
    fc.assert(
      fc.property(school, ({ primary, junior, special, boarderShare }) => {
        const boarders = Math.floor(boarderShare * (primary + junior + special));
        const [rural] = amounts(call(primary, junior, boarders, special, null, true)) as number[];
        const [urban] = amounts(call(primary, junior, boarders, special, null, false)) as number[];
        expect(rural!).toBeGreaterThanOrEqual(urban!);
        if (primary + junior > 0) expect(rural!).toBeGreaterThanOrEqual(100 * 720);
        // A whole number of fen: the cell's decimal has at most two places.
        expect(String(rural)).toMatch(/^\d+(\.\d{1,2})?$/);
      }),
    );
  });

  it('is additive for schools of 100 pupils or more: the sum of two schools is one merged school', () => {
    fc.assert(
      fc.property(school, school, (a, b) => {
        fc.pre(a.primary + a.junior + a.special >= 100 && b.primary + b.junior + b.special >= 100);
        const [x, y] = amounts(call(col([a.primary, b.primary]), col([a.junior, b.junior]), 0, col([a.special, b.special]))) as number[];
        const [merged] = amounts(call(a.primary + b.primary, a.junior + b.junior, 0, a.special + b.special)) as number[];
        expect(Math.round(x! * 100) + Math.round(y! * 100)).toBe(Math.round(merged! * 100));
      }),
    );
  });
});
