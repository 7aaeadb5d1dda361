import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoke, isFormulaError } from '../../../formulas/index.js';
import { staticProfileSource, type PolicyProfile } from '../../../formulas/core/profiles.js';
import { nationalProfile } from '../../../formulas/profiles/index.js';
import { establishment } from '../../../formulas/staffing/establishment.js';

/**
 * A county profile for the tests (illustrative numbers, not a real county's): it keeps the
 * national ratios and adds a class-based rule for small rural primary schools, 1.7 staff per
 * class (a 班师比 of the kind some provinces set for 村小 and 教学点).
 */
const entry = (value: number | string) => [{ value, effective: '2020-01-01', source: { document: '测试', title: '测试用县级配置' } }];
const county: PolicyProfile = {
  id: 'test-county',
  title: { zh: '测试县', en: 'Test county' },
  version: 1,
  extends: 'cn-national',
  values: { 'staffing.establishment.staffPerClass.primary': entry(1.7) },
};
const countyDown: PolicyProfile = { ...county, id: 'test-county-down', extends: 'test-county', values: { 'staffing.establishment.rounding': entry('down') } };
const countyNearest: PolicyProfile = { ...county, id: 'test-county-nearest', extends: 'test-county', values: { 'staffing.establishment.rounding': entry('nearest') } };
const countyBad: PolicyProfile = { ...county, id: 'test-county-bad', values: { 'staffing.establishment.rounding': entry('sideways') } };
const countyZero: PolicyProfile = { ...county, id: 'test-county-zero', values: { 'staffing.establishment.studentsPerStaff.senior': entry(0) } };
const ctx = { profiles: staticProfileSource([nationalProfile, county, countyDown, countyNearest, countyBad, countyZero], 'cn-national') };
const run = (...args: unknown[]) => invoke(establishment, args, ctx);
/** The one cell of a single-value call (a matrix result is 1 x 1). */
const cell = (...args: unknown[]): number => (run(...args) as number[][])[0]![0]!;
const message = (v: unknown) => (isFormulaError(v) ? `${v.error.zh} / ${v.error.en}` : `not an error: ${JSON.stringify(v)}`);

describe('EDU.ESTABLISHMENT: bad arguments', () => {
  it('rejects negative, fractional and non-numeric pupil counts, naming the row', () => {
    expect(message(run([[100], [-1]], 'primary'))).toMatch(/students 第 2 行.*-1/);
    expect(message(run([[100.5]], 'primary'))).toMatch(/不是整数/);
    expect(message(run([['many']], 'primary'))).toMatch(/students/);
  });

  it('rejects an unknown level and mismatched ranges', () => {
    expect(message(run(100, 'kindergarten'))).toMatch(/level.*"kindergarten"/);
    expect(message(run([[100], [200]], [['primary'], ['junior'], ['senior']]))).toMatch(/level 有 3 项.*students 有 2 项/);
    expect(message(run([[100], [200]], 'primary', [[1], [2], [3]], 'test-county'))).toMatch(/classes 有 3 项/);
  });

  it('rejects an unknown profile, and a date before the 2014 ratios took effect', () => {
    expect(message(run(100, 'primary', null, 'no-such-county'))).toMatch(/找不到政策配置.*任务窗格 › 政策配置/);
    expect(message(run(100, 'primary', null, 'cn-national@2010-01-01'))).toMatch(/studentsPerStaff\.primary.*2010-01-01/);
  });

  it('says when a class count is given but the profile has no class-based rule, in that school’s cell', () => {
    const out = run([[100], [60]], 'primary', [[null], [6]]) as unknown[][];
    expect(out[0]).toEqual([6]);
    expect(message(out[1]![0])).toMatch(/第 2 行.*没有小学班师比.*staffPerClass\.primary/);
    expect(message((run(60, 'junior', 6, 'test-county') as unknown[][])[0]![0])).toMatch(/^政策配置 "test-county" 没有初中班师比/);
  });

  it('reports a broken profile setting', () => {
    expect(message(run(100, 'primary', null, 'test-county-bad'))).toMatch(/rounding.*"sideways"/);
  });
});

describe('reference values: 中央编办发〔2014〕72号 ratios, rounded up per school', () => {
  it('primary 1:19', () => {
    // 190 / 19 = 10 exactly; 191 / 19 = 10.05… → 11; 18 / 19 → 1; 0 → 0.
    expect(run([[190], [191], [18], [0]], '小学')).toEqual([[10], [11], [1], [0]]);
  });

  it('junior 1:13.5 read exactly as 27/2 (no floating point)', () => {
    // 27 / 13.5 = 2; 1350 / 13.5 = 100; 1351 → 100.07… → 101; 2700 → 200.
    expect(run([[27], [1350], [1351], [2700]], '初中')).toEqual([[2], [100], [101], [200]]);
  });

  it('senior 1:12.5 read exactly as 25/2', () => {
    // 25 / 12.5 = 2; 1000 / 12.5 = 80; 1001 → 80.08 → 81.
    expect(run([[25], [1000], [1001]], 'senior')).toEqual([[2], [80], [81]]);
  });

  it('takes one level per school and keeps a row layout', () => {
    expect(run([[950, 1000, 500]], [['primary', 'junior', 'senior']])).toEqual([[50, 75, 40]]);
  });

  it('rounds as the profile says', () => {
    // 1000 / 13.5 = 74.07…: up 75, down 74, nearest 74.
    expect(run(1000, 'junior', null, 'test-county-down')).toEqual([[74]]);
    expect(run(1000, 'junior', null, 'test-county-nearest')).toEqual([[74]]);
    // Nearest: 520 / 13.5 = 38.52 → 39; 31 / 12.5 = 2.48 → 2; 32 / 12.5 = 2.56 → 3.
    expect(run([[520]], 'junior', null, 'test-county-nearest')).toEqual([[39]]);
    expect(run([[31], [32]], 'senior', null, 'test-county-nearest')).toEqual([[2], [3]]);
    // A pupil ratio never lands on an exact half (pupils = 19 × (k + ½) is never whole, nor
    // 13.5 × (k + ½) or 12.5 × (k + ½)); the class rule can: 5 classes × 1.7 = 8.5 → 9 (halves up).
    expect(run(1, 'primary', 5, 'test-county-nearest')).toEqual([[9]]);
  });
});

describe('the class-based rule of a county profile (1.7 staff per class for primary, illustrative)', () => {
  it('gives a school with classes the larger of the two; blank classes keep the ratio', () => {
    // Row 1: 60 pupils, 6 classes: 60/19 = 3.16 vs 6 × 1.7 = 10.2 → 11.
    // Row 2: 400 pupils, 6 classes: 400/19 = 21.05 vs 10.2 → 22.
    // Row 3: 60 pupils, classes blank: 3.16 → 4.
    // Row 4: 60 pupils, classes "" (an empty cell as Excel may pass it): 4.
    expect(run([[60], [400], [60], [60]], 'primary', [[6], [6], [null], ['']], 'test-county')).toEqual([[11], [22], [4], [4]]);
    // Down: 10.2 → 10.
    expect(run(60, 'primary', 6, 'test-county-down')).toEqual([[10]]);
  });

  it('the national profile still works for schools without classes', () => {
    expect(run([[60], [400]], 'primary', [[null], [null]])).toEqual([[4], [22]]);
  });
});

describe('edge cases', () => {
  it('one pupil needs one staff member under rounding up, none under rounding down', () => {
    expect(run(1, 'senior')).toEqual([[1]]);
    expect(run(1, 'senior', null, 'test-county-down')).toEqual([[0]]);
  });

  it('reports a non-positive ratio in the profile in that school’s cell', () => {
    const out = run([[100], [100]], [['primary'], ['senior']], null, 'test-county-zero') as unknown[][];
    expect(out[0]).toEqual([6]);
    expect(message(out[1]![0])).toMatch(/studentsPerStaff\.senior 为 0.*正数/);
  });

  it('handles large counts exactly', () => {
    // 2,700,000 / 13.5 = 200,000 exactly.
    expect(run(2_700_000, 'junior')).toEqual([[200_000]]);
    expect(run(2_700_001, 'junior')).toEqual([[200_001]]);
  });
});

describe('properties', () => {
  const level = fc.constantFrom('primary', 'junior', 'senior');
  const ratio = { primary: 19, junior: 13.5, senior: 12.5 } as const;

  it('never decreases when pupils increase', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 1000 }), level, (n, extra, lvl) => {
        expect(cell(n + extra, lvl)).toBeGreaterThanOrEqual(cell(n, lvl));
      }),
    );
  });

  it('is the least whole number of staff meeting the ratio (rounding up)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), level, (n, lvl) => {
        const staff = cell(n, lvl);
        // staff × ratio ≥ pupils > (staff − 1) × ratio, compared in halves to stay in integers.
        expect(staff * ratio[lvl] * 2).toBeGreaterThanOrEqual(n * 2);
        if (staff > 0) expect((staff - 1) * ratio[lvl] * 2).toBeLessThan(n * 2);
      }),
    );
  });

  it('a class count never lowers the establishment', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 60 }), (n, classes) => {
        expect(cell(n, 'primary', classes, 'test-county')).toBeGreaterThanOrEqual(cell(n, 'primary', null, 'test-county'));
      }),
    );
  });
});
