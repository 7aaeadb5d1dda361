/**
 * EDU.BALANCECHECK(indicators, level, [profile], [students], [juniorPupils]): per school, how many of the seven resource
 * thresholds it meets and whether it passes the assessment's school-level rule
 * (教督〔2017〕6号: "每所学校至少6项指标达到上述要求，余项不能低于要求的85%"), with a
 * third column naming what it misses so a planner sees where to act. A nine-year school's row
 * (juniorPupils) is checked as its part of the row's level (nine-year-parts.ts).
 */
import { defineFormula } from '../core/definition.js';
import { rowName } from '../core/cell-names.js';
import { formulaError } from '../core/errors.js';
import type { ResultCell } from '../core/excel-values.js';
import type { Rational } from '../core/exact.js';
import { profileParam } from '../core/profile-param.js';
import { indicatorsParam, juniorPupilsParam, levelsParam, studentsParam } from './balance-params.js';
import {
  checkSevenColumns,
  INDICATORS,
  LEVEL_NAME,
  percentText,
  rulesPerSchool,
  type BalanceRule,
} from './indicators.js';
import { nineYearRows, partIndicators, partPupils } from './nine-year-parts.js';
import { percentOfThreshold, rationalsOf, type Standing, standingOf } from './school-standing.js';

/** The third column when nothing is missed. */
export const ALL_MET_TEXT = '全部达标';

function missedText(values: readonly Rational[], standing: Standing, rule: BalanceRule): string {
  const parts: string[] = [];
  for (let i = 0; i < INDICATORS.length; i++) {
    if (standing.met[i]) continue;
    const below = standing.aboveFloor[i] ? '' : `（低于${percentText(rule.floorShareValue)}）`;
    parts.push(`${INDICATORS[i]!.short} ${percentOfThreshold(values[i]!, rule.thresholds[i]!)}%${below}`);
  }
  return parts.length === 0 ? ALL_MET_TEXT : parts.join('；');
}

export const balanceCheck = defineFormula({
  id: 'BALANCECHECK',
  category: 'balance',
  summary: {
    zh: '每校七项资源配置指标达标项数、是否达到优质均衡要求（至少 6 项达标且其余不低于标准的 85%），以及未达标项',
    en: 'Per school: how many of the 7 resource thresholds are met, whether it passes (at least 6 met and the rest at least 85% of threshold), and what is missed',
  },
  rounding: {
    zh: '精确比较输入的小数：“达到…以上”含本数（≥ 标准即达标），余项 ≥ 85% × 标准（如 3.57 恰为 4.2 的 85%，算不低于）。第三列的百分比向下取到 0.1%，显示 85.0% 的一定不低于 85%。九年一贯制学校的一行（juniorPupils）：共用的四项设施先按 1 : 1.1 精确拆分（不取整）再比较',
    en: 'Exact comparison of the decimals as typed: a threshold is met at value ≥ threshold (以上 includes the number itself); a missed one passes the floor at value ≥ 85% × threshold (3.57 is exactly 85% of 4.2). Percentages in the third column are rounded down to 0.1%, so a shown 85.0% really is at least 85%. On a nine-year school’s row (juniorPupils) the four shared facilities are first split 1 : 1.1 exactly (unrounded)',
  },
  params: [
    indicatorsParam({
      zh: '每校一行、7 列（顺序同督导评估办法：高于规定学历教师、骨干教师、体育艺术教师、教学及辅助用房、体育运动场馆、仪器设备值、网络多媒体教室）',
      en: 'One row per school, 7 columns in the assessment order (qualified, backbone, PE/art teachers, teaching space, sports area, equipment, multimedia rooms)',
    }),
    levelsParam(),
    profileParam(),
    {
      ...studentsParam({
        zh: '各行学校的全校在校生数，一列（只在有九年一贯制学校时需要）',
        en: "Each row's whole-school enrolment, one column (needed only with nine-year schools)",
      }),
      optional: true as const,
    },
    juniorPupilsParam(),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'any',
    summary: {
      zh: '每校一行 3 列：达标项数、是否达到要求（TRUE/FALSE）、未达标项（名称与达到标准的百分比；全部达标时为“全部达标”）',
      en: 'One row per school, 3 columns: thresholds met, pass (TRUE/FALSE), what is missed (name and % of threshold; "全部达标" when none)',
    },
  },
  pure: false,
  examples: [
    {
      // Primary thresholds 4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3. School 1 meets all; school 2 misses
      // only the sports area, at 6.375 = exactly 85% of 7.5: it passes; school 3 misses two.
      formula: '=EDU.BALANCECHECK({4.2,1,0.9,4.5,7.5,2000,2.3;5,1.2,1,5,6.375,2100,2.5;4,1,0.9,4.5,7.5,1900,2.3}, "小学")',
      args: [
        [
          [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3],
          [5, 1.2, 1, 5, 6.375, 2100, 2.5],
          [4, 1, 0.9, 4.5, 7.5, 1900, 2.3],
        ],
        '小学',
        null,
        null,
        null,
      ],
      result: [
        [7, true, '全部达标'],
        [6, true, '生均体育运动场馆 85.0%'],
        [5, false, '高于规定学历教师 95.2%；生均教学仪器设备值 95.0%'],
      ],
    },
    {
      // A nine-year school of 376 pupils (210 junior), one row per part, shared facilities for the
      // whole school. Sports 6.375 m² is exactly 85% of 7.5, but the primary part gets
      // 6.375 × 376 ÷ (166 + 1.1 × 210) = 6.04 (80.5%), the junior part 1.1 × that (65.1% of 10.2).
      formula: '=EDU.BALANCECHECK({4.5,1.2,1,6.18,6.375,6177,2.35;5.5,1.1,1,6.18,6.375,6177,2.35}, {"小学";"初中"}, , {376;376}, {210;210})',
      args: [
        [
          [4.5, 1.2, 1, 6.18, 6.375, 6177, 2.35],
          [5.5, 1.1, 1, 6.18, 6.375, 6177, 2.35],
        ],
        [['小学'], ['初中']],
        null,
        [[376], [376]],
        [[210], [210]],
      ],
      result: [
        [5, false, '生均体育运动场馆 80.5%（低于85%）；网络多媒体教室 96.7%'],
        [6, false, '生均体育运动场馆 65.1%（低于85%）'],
      ],
    },
  ],
  compute({ indicators, level, profile, students, juniorPupils }, ctx) {
    const shape = checkSevenColumns(indicators, 'indicators');
    if (shape) return shape;
    const rules = rulesPerSchool(ctx.profiles, profile, level, indicators.length);
    if ('error' in rules) return rules;
    const nineYear = nineYearRows(indicators.length, students?.values, juniorPupils?.values, ctx.profiles, profile, ctx.cells);
    if ('error' in nineYear) return nineYear;
    return indicators.map((row, i): ResultCell[] => {
      const rule = rules[i]!;
      const school = nineYear.schools[i];
      if (school !== undefined && partPupils(school, rule.level) === 0n) {
        const at = rowName(ctx.cells, 'indicators', i);
        const empty = formulaError(
          'VALUE',
          `${at.zh}是九年一贯制学校的${LEVEL_NAME[rule.level].zh}部，但该部没有学生：请检查 level 与 juniorPupils`,
          `${at.en} is the ${LEVEL_NAME[rule.level].en} part of a nine-year school, but that part has no pupils: check level and juniorPupils`,
        );
        return [empty, empty, empty];
      }
      const values = school === undefined ? rationalsOf(row) : partIndicators(rationalsOf(row), school, rule.level, nineYear.weight);
      const standing = standingOf(values, rule);
      return [standing.metCount, standing.pass, missedText(values, standing, rule)];
    });
  },
});
