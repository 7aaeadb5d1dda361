/**
 * The statutory retirement age under 《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》
 * (adopted 2024-09-13, in force 2025-01-01) and its three 附件 schedules.
 *
 * - 附件1 男职工 (original age 60): from those born 1965-01, one month later for every
 *   four months of birth (1965-01..04 → 60岁1个月, retiring 2025-02..05), up to 63.
 * - 附件2 原法定退休年龄55周岁的女职工 (female cadres / 管理岗 etc.): from those born
 *   1970-01, one month per four months of birth, up to 58.
 * - 附件3 原法定退休年龄50周岁的女职工 (female workers): from those born 1975-01, one
 *   month per two months of birth (1975-01..02 → 50岁1个月, retiring 2025-02..03), up to 55.
 *
 * Everyone born before a schedule's first month reached the old age before 2025-01 and
 * keeps it (men born 1964-12 turned 60 in 2024-12). The delay depends only on the birth
 * month: with k = whole months from the schedule's first birth month, the delay is
 * ⌊k / step⌋ + 1 months, capped at the schedule's maximum.
 *
 * The retirement date is the day the age is reached: the birth date plus the age in
 * months, the day of the month kept and clamped to the month's end (born 1965-01-31,
 * 60岁1个月 → 2025-02-28). Its month is the 附件's 改革后退休时间 column.
 */
import { addMonths, monthIndex, type CivilDate } from '../core/dates.js';
import { lookupTable } from '../core/lookup.js';

export type RetireCategory = 'male' | 'female-cadre' | 'female-worker';

/**
 * Names accepted for a category (lower-case keys; matching is case-insensitive after
 * trimming). The Chinese names follow the Decision's own wording (原法定退休年龄五十五周岁 /
 * 五十周岁的女职工) and the usual personnel-office shorthand: 女干部 and 管理岗/专业技术岗
 * for the 55 group, 女工人 and 工勤岗 for the 50 group.
 */
export const retireCategoryAliases: Readonly<Record<string, RetireCategory>> = lookupTable({
  male: 'male',
  man: 'male',
  men: 'male',
  m: 'male',
  男: 'male',
  男性: 'male',
  男职工: 'male',
  '原法定退休年龄60周岁的男职工': 'male',
  '原法定退休年龄六十周岁的男职工': 'male',
  'female-cadre': 'female-cadre',
  'female cadre': 'female-cadre',
  'female-55': 'female-cadre',
  女干部: 'female-cadre',
  女管理岗: 'female-cadre',
  '女管理岗位': 'female-cadre',
  '女专业技术岗': 'female-cadre',
  '女专业技术岗位': 'female-cadre',
  '女(55)': 'female-cadre',
  '女（55）': 'female-cadre',
  '原法定退休年龄55周岁的女职工': 'female-cadre',
  '原法定退休年龄五十五周岁的女职工': 'female-cadre',
  'female-worker': 'female-worker',
  'female worker': 'female-worker',
  'female-50': 'female-worker',
  女工人: 'female-worker',
  女工: 'female-worker',
  '女工勤岗': 'female-worker',
  '女工勤岗位': 'female-worker',
  '女(50)': 'female-worker',
  '女（50）': 'female-worker',
  '原法定退休年龄50周岁的女职工': 'female-worker',
  '原法定退休年龄五十周岁的女职工': 'female-worker',
});

export interface ReformSchedule {
  /** The age before the reform, in whole years. */
  originalYears: number;
  /** The first birth month whose age is delayed (year, month). */
  firstBirth: { year: number; month: number };
  /** Months of birth per month of delay. */
  step: number;
  /** The delay once the schedule is complete, in months. */
  maxDelayMonths: number;
}

export const reformSchedules: Readonly<Record<RetireCategory, ReformSchedule>> = {
  male: { originalYears: 60, firstBirth: { year: 1965, month: 1 }, step: 4, maxDelayMonths: 36 },
  'female-cadre': { originalYears: 55, firstBirth: { year: 1970, month: 1 }, step: 4, maxDelayMonths: 36 },
  'female-worker': { originalYears: 50, firstBirth: { year: 1975, month: 1 }, step: 2, maxDelayMonths: 60 },
};

/** The months of delay for someone born in `birth`'s month (0 before the schedule starts). */
export function delayMonths(birth: CivilDate, category: RetireCategory): number {
  const s = reformSchedules[category];
  const k = monthIndex(birth) - monthIndex({ ...s.firstBirth, day: 1 });
  if (k < 0) return 0;
  return Math.min(Math.floor(k / s.step) + 1, s.maxDelayMonths);
}

export interface StatutoryRetirement {
  date: CivilDate;
  age: { years: number; months: number };
}

/** The statutory retirement date and age for a birth date and category. */
export function statutoryRetirement(birth: CivilDate, category: RetireCategory): StatutoryRetirement {
  const s = reformSchedules[category];
  const totalMonths = s.originalYears * 12 + delayMonths(birth, category);
  return {
    date: addMonths(birth, totalMonths),
    age: { years: Math.floor(totalMonths / 12), months: totalMonths % 12 },
  };
}
