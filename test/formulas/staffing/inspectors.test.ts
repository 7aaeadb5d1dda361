/**
 * Seed 002 (平办发〔2022〕30号 二(四)1): "县本级和督学责任区按照督学与学校数 1:5 的比例配备督学。
 * 县级专职督学的比例不高于三分之一，每个责任区至少聘用 2 名专职督学，并根据工作需要，聘用兼职督学。"
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoke, isFormulaError, shippedProfileSource } from '../../../formulas/index.js';
import { inspectors } from '../../../formulas/staffing/inspectors.js';

const run = (...args: unknown[]) => invoke(inspectors, args, { profiles: shippedProfileSource });
const message = (v: unknown) => (isFormulaError(v) ? `${v.error.zh} / ${v.error.en}` : `not an error: ${JSON.stringify(v)}`);
const column = (xs: number[]) => xs.map((x) => [x]);

describe('EDU.INSPECTORS: bad arguments', () => {
  it('rejects negative or fractional school counts, naming the row, and a 2-D range', () => {
    expect(message(run([[20], [-1]]))).toMatch(/schoolsPerArea 第 2 行.*-1/);
    expect(message(run([[20], [2.5]]))).toMatch(/不是整数/);
    expect(message(run([[1, 2], [3, 4]]))).toMatch(/一行或一列/);
  });

  it('rejects a non-positive ratio, a fractional minimum and a share outside (0, 1]', () => {
    expect(message(run([[20]], 0))).toMatch(/schoolsPerInspector/);
    expect(message(run([[20]], 5, 1.5))).toMatch(/minFullTimePerArea/);
    expect(message(run([[20]], 5, 2, 0))).toMatch(/maxFullTimeShare/);
    expect(message(run([[20]], 5, 2, 1.5))).toMatch(/maxFullTimeShare/);
    expect(message(run([[20]], 5, 2, 'a third'))).toMatch(/maxFullTimeShare/);
    expect(message(run([[20]], 5, 2, '4/3'))).toMatch(/maxFullTimeShare/);
  });
});

describe('reference values (hand computations)', () => {
  it('gives total = ⌈schools / 5⌉, 2 full-time and the rest part-time per area, and a county row', () => {
    // Areas of 28, 40, 35, 31 schools: ⌈5.6⌉ = 6, 8, 7, ⌈6.2⌉ = 7. Full-time 2 each.
    // County: 28 inspectors, 8 full-time; 8 ≤ 28/3 = 9.33, so the cap holds.
    expect(run(column([28, 40, 35, 31]))).toEqual([
      [6, 2, 4],
      [8, 2, 6],
      [7, 2, 5],
      [7, 2, 5],
      [28, 8, 20],
    ]);
  });

  it('transposes for a row of areas', () => {
    expect(run([[28, 40]])).toEqual([
      [6, 8, 14],
      [2, 2, 4],
      [4, 6, 10],
    ]);
  });

  it('accepts exactly one third: 2 full-time of 6 (area of 30 schools)', () => {
    expect(run(30)).toEqual([
      [6, 2, 4],
      [6, 2, 4],
    ]);
    // =1/3 typed in Excel arrives as 0.3333333333333333 and is read as 1/3; text "1/3" too.
    expect(run(30, 5, 2, 1 / 3)).toEqual(run(30));
    expect(run(30, 5, 2, '1/3')).toEqual(run(30));
    // 0.3333 typed is 3333/10000 < 1/3: 2 of 6 is then above the cap.
    expect(isFormulaError((run(30, 5, 2, 0.3333) as unknown[][])[1]![0])).toBe(true);
  });
});

describe('where the rules cannot all hold', () => {
  it('an area whose ratio gives fewer inspectors than the full-time minimum: that row says which rule gives way and by how much', () => {
    // Area 2 has 3 schools: ⌈3/5⌉ = 1 inspector, but 2 full-time are required: the ratio gives way by 1.
    const out = run(column([28, 3, 40])) as unknown[][];
    expect(out[0]).toEqual([6, 2, 4]);
    expect(message(out[1]![0])).toMatch(/第 2 个责任区有 3 所学校.*1:5 只配 1 名.*至少 2 名专职.*多配 1 名.*ratio gives way by 1/);
    expect(out[1]![1]).toEqual(out[1]![0]);
    expect(out[2]).toEqual([8, 2, 6]);
    expect(message(out[3]![0])).toMatch(/全县合计无法计算.*第 2 个责任区/);
  });

  it('an area without schools', () => {
    const out = run(column([30, 0])) as unknown[][];
    expect(message(out[1]![0])).toMatch(/第 2 个责任区没有学校/);
  });

  it('a county whose full-time minimums exceed one third: the county row says how many part-time to add or by how much the cap is exceeded', () => {
    // Four areas of 10 schools: 2 inspectors each, both full-time. County 8 of 8 full-time.
    // Cap: ⌊8/3⌋ = 2 full-time allowed, exceeded by 6. Keeping 8 full-time needs a total of
    // 8 × 3 = 24, i.e. 16 part-time beyond the ratio.
    const out = run(column([10, 10, 10, 10])) as unknown[][];
    for (let i = 0; i < 4; i++) expect(out[i]).toEqual([2, 2, 0]);
    const county = message(out[4]![0]);
    expect(county).toMatch(/督学 8 名.*专职 8 名.*100\.0%.*1\/3/);
    expect(county).toMatch(/再聘兼职督学 16 名（总数 24，兼职 16）/);
    expect(county).toMatch(/超出 6 名（上限内最多 2 名专职）/);
  });

  it('the checks follow the arguments: a minimum of 1 resolves the small area; share 1 removes the cap', () => {
    expect(run(column([28, 3]), 5, 1)).toEqual([
      [6, 1, 5],
      [1, 1, 0],
      [7, 2, 5],
    ]);
    expect(run(column([10, 10]), 5, 2, 1)).toEqual([
      [2, 2, 0],
      [2, 2, 0],
      [4, 4, 0],
    ]);
  });
});

describe('edge cases', () => {
  it('no full-time minimum (无, since 0 may be a blank cell): everyone part-time; other ratios', () => {
    expect(message(run(column([0, 7]), 5, 0))).toMatch(/minFullTimePerArea.*0 和空白的含义不同.*无/);
    expect(run(column([0, 7]), 5, '无')).toEqual(run(column([0, 7]), 5, 'none'));
    expect(run(column([0, 7]), 5, '无')).toEqual([
      [0, 0, 0],
      [2, 0, 2],
      [2, 0, 2],
    ]);
    // 1:4.5 read exactly: 9 schools → 2; 10 → ⌈2.22⌉ = 3.
    expect(run(column([9, 10]), 4.5, '无')).toEqual([
      [2, 0, 2],
      [3, 0, 3],
      [5, 0, 5],
    ]);
  });
});

describe('properties', () => {
  const areas = fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 30 });

  it('each valid area: total covers its schools at 1:5 with no inspector to spare, full + part = total', () => {
    fc.assert(
      fc.property(areas, fc.integer({ min: 1, max: 3 }), (schools, m) => {
        const out = run(column(schools), 5, m, 1) as unknown[][];
        schools.forEach((s, i) => {
          const row = out[i]!;
          if (Math.ceil(s / 5) < m) {
            expect(isFormulaError(row[0])).toBe(true);
            return;
          }
          const [total, full, part] = row as number[];
          expect(total! * 5).toBeGreaterThanOrEqual(s);
          if (total! > 0) expect((total! - 1) * 5).toBeLessThan(s);
          expect(full).toBe(m);
          expect(full! + part!).toBe(total);
        });
      }),
    );
  });

  it('the county row is the column sums, and is an error exactly when full-time exceed one third', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 10, max: 200 }), { minLength: 1, maxLength: 30 }), (schools) => {
        const out = run(column(schools)) as unknown[][];
        const rows = out.slice(0, -1) as number[][];
        const total = rows.reduce((a, r) => a + r[0]!, 0);
        const full = rows.reduce((a, r) => a + r[1]!, 0);
        const county = out[out.length - 1]!;
        if (3 * full > total) expect(isFormulaError(county[0])).toBe(true);
        else expect(county).toEqual([total, full, total - full]);
      }),
    );
  });
});
