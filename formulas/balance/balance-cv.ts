/**
 * EDU.BALANCECV(indicators, students, level, [withCheck], [profile], [juniorPupils]): the weighted CV of each
 * of the seven resource indicators across a county's schools of one level (教督〔2017〕6号:
 * "所有指标校际差异系数，小学均小于或等于0.50，初中均小于或等于0.45"), and optionally a
 * second row saying, exactly, whether each is within the limit.
 */
import { defineFormula, param } from '../core/definition.js';
import { formulaError } from '../core/errors.js';
import { booleanCell, type ResultCell, vectorOf } from '../core/excel-values.js';
import { rationalOf } from '../core/exact.js';
import { profileParam } from '../core/profile-param.js';
import { profileNumber, resolveProfile } from '../core/profiles.js';
import { indicatorsParam, juniorPupilsParam, studentsParam } from './balance-params.js';
import { checkIndicatorsAndStudents, INDICATORS, levelChoice } from './indicators.js';
import { cvSquared, cvWithin, rationalMoments, sqrtToNumber } from './cv-exact.js';
import { nineYearRows, partIndicators, partPupils } from './nine-year-parts.js';

export const balanceCv = defineFormula({
  id: 'BALANCECV',
  category: 'balance',
  summary: {
    zh: '七项资源配置指标的校际差异系数（按在校生数加权），可加一行是否达标（小学 ≤ 0.50、初中 ≤ 0.45）',
    en: 'The weighted CV of each of the seven resource indicators, optionally with a row of TRUE/FALSE against the limit (primary ≤ 0.50, junior ≤ 0.45)',
  },
  rounding: {
    zh: '不取整。判定行精确比较 CV² ≤ 限值²（由输入的小数精确计算）；第一行显示的 CV 是精确值开方后最接近的双精度数',
    en: 'None. The check row compares CV² ≤ limit² exactly (from the decimals as typed); the CVs in the first row are the doubles nearest the exact roots',
  },
  params: [
    indicatorsParam({
      zh: '每校一行、7 列：高于规定学历教师、骨干教师、体育艺术教师（每百名学生），教学及辅助用房、体育运动场馆（生均平方米），仪器设备值（生均元），网络多媒体教室（每百名学生）',
      en: 'One row per school, 7 columns: qualified, backbone, PE/art teachers (per 100 pupils), teaching space, sports area (m² per pupil), equipment (yuan per pupil), multimedia rooms (per 100 pupils)',
    }),
    studentsParam({ zh: '各校在校生数，一列，与 indicators 的行一一对应', en: "Each school's enrolment, one column, one per row of indicators" }),
    param({
      name: 'level',
      summary: { zh: '学段："小学" 或 "初中"（差异系数按学段分别计算）', en: 'Level: "primary" or "junior" (the CV is computed per level)' },
      dimensionality: 'scalar',
      type: 'string',
      hint: { zh: '请填写 "小学" 或 "初中"（也可写 primary / junior）', en: 'Enter "primary" or "junior" (小学 / 初中)' },
      schema: levelChoice(),
    }),
    param({
      name: 'withCheck',
      summary: { zh: 'TRUE：增加第二行，各指标是否不超过限值', en: 'TRUE: add a second row saying whether each CV is within the limit' },
      dimensionality: 'scalar',
      type: 'boolean',
      optional: true,
      default: false,
      hint: { zh: '请填写 TRUE 或 FALSE', en: 'Enter TRUE or FALSE' },
      schema: booleanCell(),
    }),
    profileParam(),
    juniorPupilsParam(),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'any',
    summary: { zh: '1 行 7 列的差异系数；加判定时第二行为 TRUE/FALSE', en: '1 x 7 CVs; with the check, a second row of TRUE/FALSE' },
  },
  pure: false,
  examples: [
    {
      // Two schools of 100 pupils each, every indicator at 1 and 3: CV = 1/2 in every column, within 0.50.
      formula: '=EDU.BALANCECV({1,1,1,1,1,1,1;3,3,3,3,3,3,3}, {100;100}, "小学", TRUE)',
      args: [
        [
          [1, 1, 1, 1, 1, 1, 1],
          [3, 3, 3, 3, 3, 3, 3],
        ],
        [[100], [100]],
        '小学',
        true,
        null,
        null,
      ],
      result: [
        [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
        [true, true, true, true, true, true, true],
      ],
    },
    {
      // The same county as junior schools: 0.5 is above the junior limit of 0.45.
      formula: '=EDU.BALANCECV({1,1,1,1,1,1,1;3,3,3,3,3,3,3}, {100;100}, "初中", TRUE)',
      args: [
        [
          [1, 1, 1, 1, 1, 1, 1],
          [3, 3, 3, 3, 3, 3, 3],
        ],
        [[100], [100]],
        '初中',
        true,
        null,
        null,
      ],
      result: [
        [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
        [false, false, false, false, false, false, false],
      ],
    },
  ],
  compute({ indicators, students, level, withCheck, profile, juniorPupils }, ctx) {
    const mismatch = checkIndicatorsAndStudents(indicators, students.values);
    if (mismatch) return mismatch;
    let limit: number | undefined;
    if (withCheck) {
      const resolved = resolveProfile(ctx.profiles, profile);
      if ('error' in resolved) return resolved;
      const value = profileNumber(resolved, `balance.cvLimit.${level}`);
      if (typeof value !== 'number') return value;
      limit = value;
    }
    const nineYear = nineYearRows(indicators.length, students.values, juniorPupils?.values, ctx.profiles, profile, ctx.cells);
    if ('error' in nineYear) return nineYear;
    // Each row as the schools of `level` see it: a nine-year school by its part, weighted by that part's pupils.
    const rows = indicators.map((row, i) => {
      const school = nineYear.schools[i];
      const values = row.map(rationalOf);
      return school === undefined ? values : partIndicators(values, school, level, nineYear.weight);
    });
    const weights = students.values.map((p, i) => {
      const school = nineYear.schools[i];
      return school === undefined ? BigInt(p) : partPupils(school, level);
    });
    const cvs: ResultCell[] = [];
    const checks: ResultCell[] = [];
    for (let j = 0; j < INDICATORS.length; j++) {
      const moments = rationalMoments(
        rows.map((row) => row[j]!),
        weights,
      );
      if (moments.p === 0n || moments.a === 0n) {
        const problem =
          moments.p === 0n
            ? formulaError('VALUE', '在校生总数为 0，无法计算差异系数：请检查 students', 'The total enrolment is 0, so there is no weighted mean: check students')
            : formulaError(
                'VALUE',
                `第 ${j + 1} 列“${INDICATORS[j]!.name.zh}”的加权平均值为 0，差异系数无定义：请检查该列`,
                `Column ${j + 1} (${INDICATORS[j]!.name.en}) has a weighted mean of 0, so its CV is undefined: check that column`,
              );
        cvs.push(problem);
        checks.push(problem);
        continue;
      }
      const cv2 = cvSquared(moments);
      cvs.push(sqrtToNumber(cv2));
      if (limit !== undefined) checks.push(cvWithin(cv2, rationalOf(limit)));
    }
    return limit === undefined ? [cvs] : [cvs, checks];
  },
});
