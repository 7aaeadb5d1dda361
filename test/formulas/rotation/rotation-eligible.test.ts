import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';
import { rotationEligibleFormula } from '../../../formulas/rotation/rotation-eligible.js';

const ctx = { profiles: shippedProfileSource };
const run = (...args: unknown[]) => invoke(rotationEligibleFormula, [...args, ...Array(6 - args.length).fill(null)], ctx);
const code = (r: unknown): string | undefined => (r as { error?: { code: string } }).error?.code;
const column = <T>(xs: T[]) => xs.map((x) => [x]);
const en = (r: unknown): string => (r as { error: { en: string } }).error.en;

describe('EDU.ROTATIONELIGIBLE: bad arguments', () => {
  it('names the row of a negative or missing number of years', () => {
    const r = run(column([8, -1]));
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('row 2');
    // A blank cell is 0 years on every Excel (desktop sends it as 0): not eligible.
    expect(run(column([8, null]))).toEqual([[true], [false]]);
    expect(run(column([8, '']))).toEqual(run(column([8, 0])));
  });

  it('names both lengths when a per-teacher argument is shorter than yearsAtSchool', () => {
    const r = run(column([8, 9, 10]), 6, column(['1970-01-01', '1980-01-01']), '男', '2025-09-01', 5);
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('birthdate has 2 items and yearsAtSchool has 3');
    const m = run(column([8, 9, 10]), column([6, 6, 6, 6]));
    expect(JSON.stringify(m)).toContain('minYears has 4 items and yearsAtSchool has 3');
  });

  it('asks for exemptYears when birth dates are given without it, and for the rest when it is given alone', () => {
    const r = run(column([8]), 6, column(['1970-01-01']), '男', '2025-09-01');
    expect(code(r)).toBe('VALUE');
    expect(JSON.stringify(r)).toContain('without exemptYears');
    const s = run(column([8]), 6, null, null, null, 5);
    expect(JSON.stringify(s)).toContain('exemptYears needs birthdate, retireCategory, asOf');
  });

  it('rejects an asOf that is not a date for every teacher at once', () => {
    const r = run(column([8, 9]), 6, column(['1970-01-01', '1980-01-01']), '男', '2025-13-01', 5);
    expect(code(r)).toBe('VALUE');
    expect(en(r)).toContain('asOf "2025-13-01" is not a valid date');
  });

  it('rejects a fractional exemptYears', () => {
    expect(code(run(column([8]), 6, '1970-01-01', '男', '2025-09-01', 2.5))).toBe('VALUE');
  });
});

describe('EDU.ROTATIONELIGIBLE: reference values', () => {
  it('counts 满6年 as 6 or more years at the school (the profile default)', () => {
    expect(run(column([5, 5.99, 6, 6.5, 20]))).toEqual(column([false, false, true, true, true]));
  });

  it('uses a given minimum, one for all or one per teacher', () => {
    expect(run(column([5, 8]), 5)).toEqual(column([true, true]));
    expect(run(column([5, 8]), column([5, 9]))).toEqual(column([true, false]));
  });

  it('exempts teachers with fewer than exemptYears to statutory retirement (2025 reform schedules)', () => {
    // asOf 2025-09-01 + 5 years = 2030-09-01.
    // 1966-03-10 男: 14 months after 1965-01 → delay ⌊14/4⌋+1 = 4 → 60岁4个月 → 2026-07-10 < 2030-09-01: exempt.
    // 1980-05-20 男: delay capped at 36 → 63岁 → 2043-05-20: not exempt.
    // 1978-02-14 女工人: 37 months after 1975-01 → ⌊37/2⌋+1 = 19 → 51岁7个月 → 2029-09-14: exempt.
    // 1972-07-31 女干部: 30 months after 1970-01 → ⌊30/4⌋+1 = 8 → 55岁8个月 → 2028-03-31: exempt.
    const birth = column(['1966-03-10', '1980-05-20', '1978-02-14', '1972-07-31']);
    const category = column(['男', 'male', '女工人', '女干部']);
    expect(run(column([8, 10, 7, 9]), 6, birth, category, '2025-09-01', 5)).toEqual(column([false, true, false, false]));
    // With a 3-year exemption (to 2028-09-01) the 女工人 (2029-09-14) stays eligible; 女干部 (2028-03-31) does not.
    expect(run(column([8, 10, 7, 9]), 6, birth, category, '2025-09-01', 3)).toEqual(column([false, true, true, false]));
  });

  it('does not exempt a teacher with exactly exemptYears left (不足 N 年)', () => {
    // 1970-09-01 男: 68 months after 1965-01 → ⌊68/4⌋+1 = 18 → 61岁6个月 → 2032-03-01.
    // asOf 2027-03-01 + 5 years = 2032-03-01: exactly 5 years left → eligible.
    expect(run(column([10]), 6, '1970-09-01', '男', '2027-03-01', 5)).toEqual([[true]]);
    // One day later, less than 5 years left → exempt.
    expect(run(column([10]), 6, '1970-09-01', '男', '2027-03-02', 5)).toEqual([[false]]);
  });

  it('reads Excel date serials: DATE(1980,5,20) = 29361, DATE(2025,9,1) = 45901', () => {
    expect(run(column([10]), 6, 29361, '男', 45901, 5)).toEqual([[true]]);
  });
});

describe('EDU.ROTATIONELIGIBLE: edge cases', () => {
  it('puts an error only in the row whose birth date or category cannot be read', () => {
    const r = run(column([8, 9, 10]), 6, column(['1980-01-01', 'soon', '1981-01-01']), column(['男', '男', '女教师']), '2025-09-01', 5) as unknown[][];
    expect(r[0]).toEqual([true]);
    expect(code(r[1]![0])).toBe('VALUE');
    expect(en(r[1]![0])).toContain('Row 2: birth date "soon" is not a valid date');
    expect(en(r[2]![0])).toContain('Row 3: retirement category "女教师" is not recognised');
  });

  it('needs no birth date for a teacher who is not eligible by years anyway', () => {
    expect(run(column([3, 8]), 6, column([null, '1985-01-01']), column([null, '男']), '2025-09-01', 5)).toEqual(column([false, true]));
  });

  it('exempts a teacher already past retirement even with exemptYears 无 (a 0 may be a blank cell, so it is refused)', () => {
    // 1960-06-15 男: before the reform, retired at 60 on 2020-06-15.
    expect(run(column([10, 10]), 6, column(['1960-06-15', '1985-06-15']), '男', '2025-09-01', '无')).toEqual(column([false, true]));
    expect(JSON.stringify(run(column([10, 10]), 6, column(['1960-06-15', '1985-06-15']), '男', '2025-09-01', 0))).toMatch(/exemptYears.*无/);
  });

  it('spills a row for a row of years', () => {
    expect(run([[5, 6, 7]])).toEqual([[false, true, true]]);
  });
});

describe('EDU.ROTATIONELIGIBLE: properties', () => {
  const birthYear = fc.integer({ min: 1960, max: 2000 });
  const teacher = fc.record({
    years: fc.integer({ min: 0, max: 400 }).map((x) => x / 10),
    birth: fc.tuple(birthYear, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    category: fc.constantFrom('男', '女干部', '女工人'),
  });

  it('is TRUE only with enough years; a longer exemption never makes more teachers eligible', () => {
    fc.assert(
      fc.property(fc.array(teacher, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (ts, a, b) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        const args = (years: number) => [column(ts.map((t) => t.years)), years, column(ts.map((t) => t.birth)), column(ts.map((t) => t.category)), '2025-09-01'];
        const withShort = (run(...args(6), short) as boolean[][]).map((r) => r[0]);
        const withLong = (run(...args(6), long) as boolean[][]).map((r) => r[0]);
        const plain = (run(column(ts.map((t) => t.years)), 6) as boolean[][]).map((r) => r[0]);
        ts.forEach((t, i) => {
          expect(plain[i]).toBe(t.years >= 6);
          if (withLong[i]) expect(withShort[i]).toBe(true);
          if (withShort[i]) expect(plain[i]).toBe(true);
        });
      }),
    );
  });
});
