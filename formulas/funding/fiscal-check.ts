/**
 * EDU.FISCALCHECK(years, spending, pupils, [recurrentRevenue], [teacherPay], [civilServantPay]):
 * the fiscal guarantees the seeds require, year on year.
 *
 * - 两个只增不减 (seeds 003, 004: "确保财政一般公共预算教育支出逐年只增不减，确保按在校学生
 *   人数平均的一般公共预算教育支出逐年只增不减"): spending, and spending per pupil, never below
 *   the year before.
 * - 教师平均工资不低于当地公务员平均工资 (seed 003): teachers' average pay at least the local
 *   civil servants'.
 * - 三个增长 (教育法 第五十五条: 教育财政拨款的增长应当高于财政经常性收入的增长): spending
 *   grows faster than recurrent revenue, S_t / S_(t-1) > R_t / R_(t-1).
 *
 * Every comparison is exact on the decimals typed (fractions of bigints), never on doubles.
 */
import { unitName } from '../core/cell-names.js';
import { defineFormula, param } from '../core/definition.js';
import { type FormulaError, valueError } from '../core/errors.js';
import { compare, div, mul, type Rational, rationalOf, sub } from '../core/exact.js';
import type { ResultCell, Vector } from '../core/excel-values.js';
import { numberVector } from '../core/number-cells.js';

const HUNDRED: Rational = { n: 100n, d: 1n };

/** A fraction of yuan rounded half up to the fen, as a number of yuan (for display only). */
function yuanToFenHalfUp(x: Rational): number {
  const fen = mul(x, HUNDRED);
  const sign = fen.n < 0n ? -1n : 1n;
  const abs = sign * fen.n;
  const rounded = (2n * abs + fen.d) / (2n * fen.d);
  return Number(sign * rounded) / 100;
}

const perYear = (zh: string, en: string) => ({ zh: `${zh}（每年一个，与 years 同样多）`, en: `${en} (one per year, as many as years)` });

const ZERO_OR_MORE = { zh: '请填写每年一个不小于 0 的金额', en: 'Enter one amount of 0 or more per year' };

/** An optional column of yearly amounts: the three optional inputs differ only in name and words. */
const optionalAmounts = <N extends string>(name: N, summary: { zh: string; en: string }, hint: { zh: string; en: string }) =>
  param({ name, summary, dimensionality: 'matrix', type: 'number', optional: true, hint, schema: numberVector({ min: 0 }) });

export const fiscalCheck = defineFormula({
  id: 'FISCALCHECK',
  category: 'funding',
  summary: {
    zh: '教育经费保障检查：逐年列出支出增减、生均支出增减，以及“两个只增不减”、教师工资不低于公务员、“三个增长”（财政拨款增长高于经常性收入增长）是否达到',
    en: 'Fiscal guarantee check, year on year: the change in spending and in spending per pupil, and whether 两个只增不减 (total and per pupil never fall), teachers paid at least civil servants, and 三个增长 (spending grows faster than recurrent revenue) hold',
  },
  rounding: {
    zh: '所有比较都按输入的十进制数精确进行（分数运算），不取整。显示的生均支出变化按四舍五入到分，但“生均不减”的判断用精确值。',
    en: 'Every comparison is exact on the decimals typed (fractions), with no rounding. The per-pupil change shown is rounded half up to the fen; the per-pupil rule is decided on the exact values.',
  },
  params: [
    param({
      name: 'years',
      summary: { zh: '年份（一列或一行，从早到晚，至少两年）', en: 'Years (a column or row, earliest first, at least two)' },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请填写从早到晚的年份，如 2021、2022、2023', en: 'Enter the years, earliest first, e.g. 2021, 2022, 2023' },
      schema: numberVector({ min: 1900, max: 9999, integer: true }),
    }),
    param({
      name: 'spending',
      summary: perYear('一般公共预算教育支出（元或万元，各年单位一致）', 'General-budget education spending (yuan or 10,000 yuan, the same unit every year)'),
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请填写每年一个不小于 0 的金额', en: 'Enter one amount of 0 or more per year' },
      schema: numberVector({ min: 0 }),
    }),
    param({
      name: 'pupils',
      summary: perYear('在校学生数', 'Pupils enrolled'),
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请填写每年一个大于 0 的整数', en: 'Enter one whole number above 0 per year' },
      schema: numberVector({ min: 1, integer: true }),
    }),
    optionalAmounts('recurrentRevenue', perYear('可选：财政经常性收入（用于“三个增长”）', 'Optional: recurrent fiscal revenue (for 三个增长)'), {
      zh: '请填写每年一个大于 0 的金额',
      en: 'Enter one amount above 0 per year',
    }),
    optionalAmounts('teacherPay', perYear('可选：教师平均工资', 'Optional: teachers\' average pay'), ZERO_OR_MORE),
    optionalAmounts('civilServantPay', perYear('可选：当地公务员平均工资（与 teacherPay 同时给出）', 'Optional: local civil servants\' average pay (given with teacherPay)'), ZERO_OR_MORE),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'any',
    summary: {
      zh: '从第二年起每年一行：年份、支出变化、生均支出变化、总额不减、生均不减，再按给出的参数依次加上：教师工资不低于公务员、三个增长（TRUE/FALSE）',
      en: 'One row per year from the second: year, spending change, per-pupil change, total not lower, per pupil not lower, then as the arguments are given: teachers paid at least civil servants, 三个增长 (TRUE/FALSE)',
    },
  },
  pure: true,
  examples: [
    {
      formula: '=EDU.FISCALCHECK({2022;2023;2024}, {1000;1100;1150}, {100;100;120})',
      args: [[[2022], [2023], [2024]], [[1000], [1100], [1150]], [[100], [100], [120]]],
      result: [
        [2023, 100, 1, true, true],
        [2024, 50, -1.42, true, false],
      ],
    },
    {
      formula: '=EDU.FISCALCHECK({2023;2024}, {1000;1100}, {100;100}, {5000;5400}, {8;9}, {8.5;9})',
      args: [[[2023], [2024]], [[1000], [1100]], [[100], [100]], [[5000], [5400]], [[8], [9]], [[8.5], [9]]],
      result: [[2024, 100, 1, true, true, true, true]],
    },
  ],
  compute({ years, spending, pupils, recurrentRevenue: revenueArg, teacherPay: teacherArg, civilServantPay: civilArg }, { cells }) {
    const n = years.values.length;
    // A lone blank cell (sent as 0 by Excel desktop) for an optional per-year column means "not given".
    const given = (v: Vector<number> | undefined) => (v !== undefined && v.values.length === 1 && v.values[0] === 0 ? undefined : v);
    const recurrentRevenue = given(revenueArg);
    const teacherPay = given(teacherArg);
    const civilServantPay = given(civilArg);
    if (n < 2) {
      return valueError('years 只有 1 年：请至少给出两年，才能与上一年比较', 'years has only 1 year: give at least two so each year can be compared with the one before');
    }
    for (let t = 1; t < n; t++) {
      if (years.values[t]! <= years.values[t - 1]!) {
        const at = unitName(cells, 'years', t, { zh: `第 ${t + 1} 个`, en: `item ${t + 1}` });
        return valueError(
          `years ${at.zh} ${years.values[t]} 不晚于前一个 ${years.values[t - 1]}：请按从早到晚排列年份`,
          `years ${at.en} (${years.values[t]}) is not after the one before (${years.values[t - 1]}): list the years earliest first`,
        );
      }
    }
    const columns: [string, Vector<number> | undefined][] = [['spending', spending], ['pupils', pupils], ['recurrentRevenue', recurrentRevenue], ['teacherPay', teacherPay], ['civilServantPay', civilServantPay]];
    for (const [name, v] of columns) {
      if (v !== undefined && v.values.length !== n) {
        return valueError(
          `参数 ${name} 有 ${v.values.length} 个数，但 years 有 ${n} 年：请每年给一个数`,
          `${name} has ${v.values.length} values but years has ${n}: give one value per year`,
        );
      }
    }
    if ((teacherPay === undefined) !== (civilServantPay === undefined)) {
      return valueError(
        '教师工资与公务员工资要同时给出，才能比较：请给出 teacherPay 和 civilServantPay 两列，或都不给',
        'teacherPay and civilServantPay are compared with each other: give both, or neither',
      );
    }
    const revenueZero = recurrentRevenue?.values.findIndex((x) => x === 0) ?? -1;
    if (revenueZero >= 0) {
      const at = unitName(cells, 'recurrentRevenue', revenueZero, { zh: `第 ${revenueZero + 1} 年`, en: `item ${revenueZero + 1}` });
      return valueError(
        `recurrentRevenue ${at.zh}（${years.values[revenueZero]}）为 0，无法计算增长率：请填写该年的财政经常性收入`,
        `recurrentRevenue for ${years.values[revenueZero]} (${at.en}) is 0, so its growth cannot be computed: enter that year's recurrent revenue`,
      );
    }
    return checkYears(years.values, spending.values, pupils.values, recurrentRevenue?.values, teacherPay?.values, civilServantPay?.values);
  },
});

function checkYears(
  years: readonly number[],
  spending: readonly number[],
  pupils: readonly number[],
  revenue: readonly number[] | undefined,
  teacherPay: readonly number[] | undefined,
  civilPay: readonly number[] | undefined,
): ResultCell[][] | FormulaError {
  const S = spending.map(rationalOf);
  const perPupil = S.map((s, t) => div(s, rationalOf(pupils[t]!)));
  const rows: ResultCell[][] = [];
  for (let t = 1; t < years.length; t++) {
    const change = sub(S[t]!, S[t - 1]!);
    const row: ResultCell[] = [
      years[t]!,
      Number(change.n) / Number(change.d),
      yuanToFenHalfUp(sub(perPupil[t]!, perPupil[t - 1]!)),
      compare(S[t]!, S[t - 1]!) >= 0,
      compare(perPupil[t]!, perPupil[t - 1]!) >= 0,
    ];
    if (teacherPay && civilPay) row.push(compare(rationalOf(teacherPay[t]!), rationalOf(civilPay[t]!)) >= 0);
    if (revenue) {
      // Spending grows faster than recurrent revenue: S_t / S_(t-1) > R_t / R_(t-1). A year
      // with no spending before cannot have a growth rate: spending rising from 0 counts as faster.
      const R = revenue.map(rationalOf);
      const faster =
        S[t - 1]!.n === 0n ? S[t]!.n > 0n : compare(div(S[t]!, S[t - 1]!), div(R[t]!, R[t - 1]!)) > 0;
      row.push(faster);
    }
    rows.push(row);
  }
  return rows;
}
