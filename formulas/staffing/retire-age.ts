/**
 * EDU.RETIREAGE(birthdate, category): the statutory retirement age, in whole years and
 * months, under the gradual retirement-age reform in force from 2025-01-01 (see
 * retirement-reform.ts), e.g. 60 years 1 month for a man born 1965-01.
 *
 * Each person gets two cells, years then months: a column of birth dates spills n × 2,
 * a row spills 2 × n (years in the first row), a single date gives one row of two.
 */
import { defineFormula } from '../core/definition.js';
import { isFormulaError } from '../core/errors.js';
import type { ResultCell } from '../core/excel-values.js';
import { birthdateParam, categoryParam, retirementsOf } from './retire-inputs.js';

export const retireAge = defineFormula({
  id: 'RETIREAGE',
  category: 'staffing',
  summary: {
    zh: '法定退休年龄（周岁 + 月，按 2025 年起渐进式延迟法定退休年龄的决定及其附件对照表）',
    en: 'Statutory retirement age (years and months) under the gradual retirement-age reform in force from 2025-01-01',
  },
  rounding: {
    zh: '不取整：原年龄加延迟月数（每 4 个月或 2 个月出生延迟 1 个月，至上限），拆为周岁与月',
    en: 'No rounding: the original age plus the delay (one month per 4 or 2 months of birth, up to the cap), split into years and months',
  },
  params: [birthdateParam, categoryParam],
  result: {
    dimensionality: 'matrix',
    type: 'number',
    summary: {
      zh: '每人两格：周岁、月（一列输入得 n 行 2 列，一行输入得 2 行 n 列）',
      en: 'Two cells per person: years, months (a column gives n rows × 2, a row gives 2 rows × n)',
    },
  },
  pure: true,
  examples: [
    { formula: '=EDU.RETIREAGE("1965-01-15", "male")', args: ['1965-01-15', 'male'], result: [[60, 1]] },
    // 附件2 first step (born 1970-01 → 55岁1个月) and 附件3 final age (born 1984-11 → 55岁).
    {
      formula: '=EDU.RETIREAGE({"1970-01-01";"1984-11-01"}, {"女干部";"女工人"})',
      args: [[['1970-01-01'], ['1984-11-01']], [['女干部'], ['女工人']]],
      result: [
        [55, 1],
        [55, 0],
      ],
    },
  ],
  compute({ birthdate, category }, ctx) {
    const found = retirementsOf(birthdate, category, ctx.cells);
    if (isFormulaError(found)) return found;
    const pairs: ResultCell[][] = found.people.map((p) => (isFormulaError(p) ? [p, p] : [p.age.years, p.age.months]));
    return found.layout.orientation === 'row' ? [pairs.map((p) => p[0]!), pairs.map((p) => p[1]!)] : pairs;
  },
});
