/**
 * EDU.WEIGHTEDCV(values, students): the enrolment-weighted coefficient of variation (差异系数) of
 * one indicator across a county's schools, as the national assessment defines it
 * (教督〔2017〕6号): weighted by each school's pupils, population form (divide by P, no
 * n − 1). An unweighted CV, or a sample standard deviation, gives a different number.
 */
import { defineFormula, param } from '../core/definition.js';
import { formulaError, valueError } from '../core/errors.js';
import { numberVector } from '../core/number-cells.js';
import { studentsParam } from './balance-params.js';
import { cvSquared, sqrtToNumber, weightedMoments } from './cv-exact.js';

export const weightedCv = defineFormula({
  id: 'WEIGHTEDCV',
  category: 'balance',
  summary: {
    zh: '按在校生数加权的差异系数（督导评估口径：S/X̄，不用 n−1，不是简单平均）',
    en: 'The enrolment-weighted coefficient of variation of the assessment (S/X̄, no n−1, not unweighted)',
  },
  rounding: {
    zh: '不取整。CV² = S²/X̄² 由输入的小数精确算出（有理数）；显示的 CV 是该精确值开方后最接近的双精度数。需要判定是否达标时请用 EDU.BALANCECV 的判定行（精确比较）',
    en: 'None. CV² = S²/X̄² is computed exactly (a rational) from the decimals as typed; the CV shown is the double nearest its exact square root. For a pass/fail decision use the check row of EDU.BALANCECV, which compares exactly',
  },
  params: [
    param({
      name: 'values',
      summary: {
        zh: '各校的指标值（生均或每百名学生），一列或一行',
        en: "Each school's indicator value (per pupil or per 100 pupils), one column or row",
      },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请选择各校指标值所在的一列，值不小于 0', en: "Select the column of the schools' values, each at least 0" },
      schema: numberVector({ min: 0 }),
    }),
    studentsParam({ zh: '各校在校生数，与 values 一一对应', en: "Each school's enrolment, one per value" }),
  ],
  result: { dimensionality: 'scalar', type: 'number', summary: { zh: '差异系数', en: 'The coefficient of variation' } },
  pure: true,
  examples: [
    { formula: '=EDU.WEIGHTEDCV({1;3}, {100;100})', args: [[[1], [3]], [[100], [100]]], result: 0.5 },
    // X̄ = (300·2 + 100·6)/400 = 3, S² = (300·1 + 100·9)/400 = 3, CV = √3/3.
    { formula: '=EDU.WEIGHTEDCV({2;6}, {300;100})', args: [[[2], [6]], [[300], [100]]], result: 0.5773502691896257 },
    // X̄ = 4.4, S² = 0.84, CV = √0.84/4.4; unweighted it would be 0.340.
    { formula: '=EDU.WEIGHTEDCV({2;4;5}, {100;300;600})', args: [[[2], [4], [5]], [[100], [300], [600]]], result: 0.20829889522526546 },
  ],
  compute({ values, students }) {
    const n = values.values.length;
    if (students.values.length !== n) {
      return valueError(
        `参数 values 有 ${n} 个值，students 有 ${students.values.length} 个：两者应一一对应（每校一个指标值、一个在校生数）`,
        `values has ${n} entries but students has ${students.values.length}: give one value and one enrolment per school`,
      );
    }
    const moments = weightedMoments(values.values, students.values);
    if (moments.p === 0n) {
      return formulaError('VALUE', '在校生总数为 0，无法计算差异系数：请检查 students', 'The total enrolment is 0, so there is no weighted mean: check students');
    }
    if (moments.a === 0n) {
      return formulaError(
        'VALUE',
        '加权平均值为 0（各校指标都是 0 或其学校没有学生），差异系数无定义：请检查 values',
        'The weighted mean is 0 (every school with pupils has the value 0), so the CV is undefined: check values',
      );
    }
    return sqrtToNumber(cvSquared(moments));
  },
});
