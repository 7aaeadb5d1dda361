/**
 * The schedule of 《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》
 * (2024-09-13, in force 2025-01-01), checked month by month at every boundary.
 *
 * Derivation from the Decision's 附件 (the rule the tables follow):
 * - 附件1 男职工, original 60: born 1965-01..1965-04 → 60岁1个月 (退休时间 2025-02..2025-05);
 *   each further 4 birth months add 1 month. Step j (1..36) covers the birth months
 *   1965-01 + 4(j−1) .. + 3. Step 36 (63岁) starts at 1965-01 + 140 months: 140 = 11 × 12 + 8,
 *   i.e. 1976-09; everyone born 1976-09 or later retires at 63. Step 35 (62岁11个月) is
 *   1976-05..1976-08.
 * - 附件2 原法定退休年龄55周岁的女职工: the same 4-month rule from 1970-01, 36 steps to 58;
 *   step 36 starts at 1970-01 + 140 months = 1981-09.
 * - 附件3 原法定退休年龄50周岁的女职工: one month per 2 birth months from 1975-01, 60 steps to
 *   55; step 60 starts at 1975-01 + 2 × 59 = 118 months = 9 × 12 + 10, i.e. 1984-11.
 * - Born before a schedule's first month (men 1964-12, cadres 1969-12, workers 1974-12 and
 *   earlier): the old age, reached by 2024-12 at the latest, before the Decision took effect.
 * The retirement month is the birth month plus the age; nobody retires in 2025-01 (those
 * who would have turned 60/55/50 then are the first to be delayed, to 2025-02).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, type CivilDate, compareDates, daysInMonth } from '../../../formulas/core/dates.js';
import {
  delayMonths,
  retireCategoryAliases,
  type RetireCategory,
  statutoryRetirement,
} from '../../../formulas/staffing/retirement-reform.js';

const d = (year: number, month: number, day = 15): CivilDate => ({ year, month, day });
const ym = (c: CivilDate) => `${c.year}-${String(c.month).padStart(2, '0')}`;

function check(birth: CivilDate, category: RetireCategory, years: number, months: number, retireMonth: string) {
  const r = statutoryRetirement(birth, category);
  expect(r.age, `${ym(birth)} ${category}`).toEqual({ years, months });
  expect(ym(r.date), `${ym(birth)} ${category}`).toBe(retireMonth);
}

describe('category names', () => {
  it('maps the Decision wording and the usual shorthands; keys are lower-case', () => {
    expect(retireCategoryAliases['男']).toBe('male');
    expect(retireCategoryAliases['男职工']).toBe('male');
    expect(retireCategoryAliases['女干部']).toBe('female-cadre');
    expect(retireCategoryAliases['女管理岗']).toBe('female-cadre');
    expect(retireCategoryAliases['原法定退休年龄55周岁的女职工']).toBe('female-cadre');
    expect(retireCategoryAliases['女工人']).toBe('female-worker');
    expect(retireCategoryAliases['原法定退休年龄50周岁的女职工']).toBe('female-worker');
    expect(retireCategoryAliases['女']).toBeUndefined();
    for (const key of Object.keys(retireCategoryAliases)) expect(key).toBe(key.toLowerCase());
  });
});

describe('附件1 男职工 (60 → 63, one month per 4 birth months from 1965-01)', () => {
  it('keeps 60 for the last birth month before the reform', () => {
    check(d(1964, 12), 'male', 60, 0, '2024-12');
    check(d(1950, 6), 'male', 60, 0, '2010-06');
  });

  it('steps at the published boundaries', () => {
    // Rows of 附件1 (出生时间 → 改革后法定退休年龄, 改革后退休时间).
    check(d(1965, 1), 'male', 60, 1, '2025-02');
    check(d(1965, 4), 'male', 60, 1, '2025-05');
    check(d(1965, 5), 'male', 60, 2, '2025-07');
    check(d(1965, 8), 'male', 60, 2, '2025-10');
    check(d(1965, 9), 'male', 60, 3, '2025-12');
    check(d(1966, 12), 'male', 60, 6, '2027-06');
    check(d(1976, 5), 'male', 62, 11, '2039-04');
    check(d(1976, 8), 'male', 62, 11, '2039-07');
    check(d(1976, 9), 'male', 63, 0, '2039-09');
    check(d(1976, 12), 'male', 63, 0, '2039-12');
    check(d(1977, 1), 'male', 63, 0, '2040-01');
    check(d(1990, 7), 'male', 63, 0, '2053-07');
  });

  it('gives step j to the first and the last birth month of that step, for all 36 steps', () => {
    for (let j = 1; j <= 36; j++) {
      const first = addMonths(d(1965, 1), 4 * (j - 1));
      const last = addMonths(first, 3);
      expect(delayMonths(first, 'male'), ym(first)).toBe(j);
      expect(delayMonths(last, 'male'), ym(last)).toBe(j);
      expect(ym(statutoryRetirement(first, 'male').date)).toBe(ym(addMonths(first, 720 + j)));
    }
  });
});

describe('附件2 原法定退休年龄55周岁的女职工 (55 → 58, one month per 4 birth months from 1970-01)', () => {
  it('keeps 55 for the last birth month before the reform', () => {
    check(d(1969, 12), 'female-cadre', 55, 0, '2024-12');
  });

  it('steps at the published boundaries', () => {
    check(d(1970, 1), 'female-cadre', 55, 1, '2025-02');
    check(d(1970, 4), 'female-cadre', 55, 1, '2025-05');
    check(d(1970, 5), 'female-cadre', 55, 2, '2025-07');
    check(d(1981, 5), 'female-cadre', 57, 11, '2039-04');
    check(d(1981, 8), 'female-cadre', 57, 11, '2039-07');
    check(d(1981, 9), 'female-cadre', 58, 0, '2039-09');
    check(d(1981, 12), 'female-cadre', 58, 0, '2039-12');
    check(d(1995, 3), 'female-cadre', 58, 0, '2053-03');
  });

  it('gives step j to the first and the last birth month of that step, for all 36 steps', () => {
    for (let j = 1; j <= 36; j++) {
      const first = addMonths(d(1970, 1), 4 * (j - 1));
      const last = addMonths(first, 3);
      expect(delayMonths(first, 'female-cadre'), ym(first)).toBe(j);
      expect(delayMonths(last, 'female-cadre'), ym(last)).toBe(j);
    }
  });
});

describe('附件3 原法定退休年龄50周岁的女职工 (50 → 55, one month per 2 birth months from 1975-01)', () => {
  it('keeps 50 for the last birth month before the reform', () => {
    check(d(1974, 12), 'female-worker', 50, 0, '2024-12');
  });

  it('steps at the published boundaries', () => {
    check(d(1975, 1), 'female-worker', 50, 1, '2025-02');
    check(d(1975, 2), 'female-worker', 50, 1, '2025-03');
    check(d(1975, 3), 'female-worker', 50, 2, '2025-05');
    check(d(1975, 12), 'female-worker', 50, 6, '2026-06');
    check(d(1984, 9), 'female-worker', 54, 11, '2039-08');
    check(d(1984, 10), 'female-worker', 54, 11, '2039-09');
    check(d(1984, 11), 'female-worker', 55, 0, '2039-11');
    check(d(1984, 12), 'female-worker', 55, 0, '2039-12');
    check(d(2000, 1), 'female-worker', 55, 0, '2055-01');
  });

  it('gives step j to the first and the last birth month of that step, for all 60 steps', () => {
    for (let j = 1; j <= 60; j++) {
      const first = addMonths(d(1975, 1), 2 * (j - 1));
      const last = addMonths(first, 1);
      expect(delayMonths(first, 'female-worker'), ym(first)).toBe(j);
      expect(delayMonths(last, 'female-worker'), ym(last)).toBe(j);
    }
  });
});

describe('the retirement day', () => {
  it('is the day the age is reached, clamped to the month end', () => {
    expect(statutoryRetirement(d(1965, 1, 31), 'male').date).toEqual(d(2025, 2, 28));
    expect(statutoryRetirement(d(1965, 1, 1), 'male').date).toEqual(d(2025, 2, 1));
    expect(statutoryRetirement(d(1984, 2, 29), 'male').date).toEqual(d(2047, 2, 28));
    expect(statutoryRetirement(d(1964, 2, 29), 'male').date).toEqual(d(2024, 2, 29));
    expect(statutoryRetirement(d(1975, 3, 31), 'female-worker').date).toEqual(d(2025, 5, 31));
  });
});

describe('properties', () => {
  const birth = fc
    .record({ year: fc.integer({ min: 1940, max: 2010 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map((x) => ({ ...x, day: Math.min(x.day, daysInMonth(x.year, x.month)) }));
  const category = fc.constantFrom<RetireCategory>('male', 'female-cadre', 'female-worker');
  const bounds: Record<RetireCategory, [number, number]> = { male: [720, 756], 'female-cadre': [660, 696], 'female-worker': [600, 660] };

  it('the retirement date never moves earlier for a later birth date (same category)', () => {
    fc.assert(
      fc.property(birth, birth, category, (a, b, c) => {
        const [early, late] = compareDates(a, b) <= 0 ? [a, b] : [b, a];
        expect(compareDates(statutoryRetirement(early, c).date, statutoryRetirement(late, c).date)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('the age lies between the old and the final age, and nobody retires in 2025-01', () => {
    fc.assert(
      fc.property(birth, category, (b, c) => {
        const r = statutoryRetirement(b, c);
        const months = r.age.years * 12 + r.age.months;
        expect(months).toBeGreaterThanOrEqual(bounds[c][0]);
        expect(months).toBeLessThanOrEqual(bounds[c][1]);
        expect(r.age.months).toBeLessThan(12);
        expect(ym(r.date)).not.toBe('2025-01');
        // Delayed exactly when the old age would fall in 2025-01 or later.
        const old = addMonths(b, bounds[c][0]);
        expect(months > bounds[c][0]).toBe(old.year >= 2025);
      }),
    );
  });
});
