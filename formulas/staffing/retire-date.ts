/**
 * EDU.RETIREDATE(birthdate, category): the statutory retirement date under the gradual
 * retirement-age reform in force from 2025-01-01 (see retirement-reform.ts for the
 * schedule), and the old ages for those who reached them before it.
 *
 * The date is the day the age is reached: the birth date plus the age in months, keeping
 * the day of the month (clamped to the month's end: born 1965-01-31, 60岁1个月 → 2025-02-28).
 * Its month is the 改革后退休时间 of the Decision's 附件. It is returned as an Excel serial
 * date: format the cells as dates.
 */
import { defineFormula } from '../core/definition.js';
import { isFormulaError } from '../core/errors.js';
import type { ResultCell } from '../core/excel-values.js';
import { birthdateParam, categoryParam, retirementsOf } from './retire-inputs.js';
import { shapeResult } from './units.js';

export const retireDate = defineFormula({
  id: 'RETIREDATE',
  category: 'staffing',
  summary: {
    zh: '法定退休日期（按 2025 年起渐进式延迟法定退休年龄的决定及其附件对照表）',
    en: 'Statutory retirement date under the gradual retirement-age reform in force from 2025-01-01',
  },
  rounding: {
    zh: '不取整：按出生月份查延迟月数；日期为达到退休年龄当日（出生日加年龄月数，日超出当月天数时取当月末日）',
    en: 'No rounding: the delay follows the birth month; the date is the day the age is reached (birth date plus the age in months, clamped to the month end)',
  },
  params: [birthdateParam, categoryParam],
  result: {
    dimensionality: 'matrix',
    type: 'number',
    summary: { zh: '每人的退休日期（Excel 日期序号，与出生日期同向排列）', en: 'Retirement date per person (Excel serial date), laid out like birthdate' },
  },
  pure: true,
  examples: [
    // 附件1 first step: born 1965-01 → 60岁1个月 → 2025-02; 2025-02-15 is serial 45703.
    { formula: '=EDU.RETIREDATE("1965-01-15", "male")', args: ['1965-01-15', 'male'], result: [[45703]] },
    // Born 1964-12 keeps 60 (reached 2024-12-10, serial 45636); born 1976-09 has the final 63 (2039-09-30, serial 51043).
    {
      formula: '=EDU.RETIREDATE({"1964-12-10";"1976-09-30"}, "男职工")',
      args: [[['1964-12-10'], ['1976-09-30']], '男职工'],
      result: [[45636], [51043]],
    },
  ],
  compute({ birthdate, category }, ctx) {
    const found = retirementsOf(birthdate, category, ctx.cells);
    if (isFormulaError(found)) return found;
    const cells: ResultCell[] = found.people.map((p) => (isFormulaError(p) ? p : p.serial));
    return shapeResult(cells, found.layout);
  },
});
