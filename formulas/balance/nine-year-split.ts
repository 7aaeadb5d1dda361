/**
 * EDU.NINEYEARSPLIT(resources, primaryPupils, juniorPupils, [juniorWeight], [profile]): splits
 * the resources a 九年一贯制 school's primary and junior parts share, so each part can enter
 * the balance indicators as a school of its own level.
 *
 * The rule (the only published one found; a third-party copy, no Ministry text located):
 * 《测算均衡系数拆分公式》, 文档文库, 2015-06-11,
 * https://www.dyhzdl.cn/k/doc/da4bfb8403d8ce2f0166234d.html — one junior pupil weighs as 1.1
 * primary pupils; primary part R·A ÷ (A + 1.1B), junior part R·1.1B ÷ (A + 1.1B), A and B
 * the primary and junior pupils. The weight 1.1 comes from the profile
 * (balance.nineYear.juniorWeight) and can be given instead.
 *
 * Rounding: the primary part is rounded down to the last decimal place the whole was typed
 * with (whole books stay whole books, 1234.5 m² splits in tenths), and the junior part is the
 * rest — the published procedure ("初中 = 总数 − 小学"), so the two parts always add up to the
 * whole exactly. Computed on exact fractions; no binary floating point decides a unit.
 */
import { rowName } from '../core/cell-names.js';
import { z } from 'zod';
import { defineFormula, param } from '../core/definition.js';
import { type Bilingual, type FormulaError, valueError } from '../core/errors.js';
import type { ResultCell } from '../core/excel-values.js';
import { decimalOf, rationalOf } from '../core/exact.js';
import { numberMatrix } from '../core/number-cells.js';
import { profileParam } from '../core/profile-param.js';
import { profileNumber, resolveProfile } from '../core/profiles.js';
import { pupilsParam } from './balance-params.js';

/** A resource of `units` (in steps of 1/10^scale) split: the primary part rounded down, the junior part the rest. */
function splitUnits(units: bigint, primary: bigint, juniorWeighted: bigint): [bigint, bigint] {
  const primaryUnits = (units * primary) / (primary + juniorWeighted);
  return [primaryUnits, units - primaryUnits];
}

/** The one error of a school that cannot be split, shown in all its cells. */
const noPupils = (at: Bilingual): FormulaError =>
  valueError(
    `${at.zh}小学、初中在校生数都是 0，无法按学生数拆分：请填写该校的在校生数`,
    `${at.en}: both primary and junior enrolment are 0, so the resources cannot be split by pupils: enter the school's enrolment`,
  );

export const nineYearSplit = defineFormula({
  id: 'NINEYEARSPLIT',
  category: 'balance',
  summary: {
    zh: '九年一贯制学校共用资源（用房、场馆、仪器设备值、多媒体教室、图书等）按“一个初中生折 1.1 个小学生”拆分为小学部、初中部两部分',
    en: "Splits a nine-year school's shared resources (floor space, grounds, equipment value, multimedia rooms, books…) into its primary and junior parts, one junior pupil weighing as 1.1 primary pupils",
  },
  rounding: {
    zh: '小学部 = 总量 × A ÷ (A + 1.1B)，向下取到总量所填的最后一位小数（整数则取整），初中部 = 总量 − 小学部，两部分之和恰为总量；按输入的小数精确计算',
    en: 'Primary = total × A ÷ (A + 1.1B), rounded down to the last decimal place the total was typed with (a whole number stays whole); junior = total − primary, so the parts add up to the total exactly; exact arithmetic on the decimals as typed',
  },
  params: [
    param({
      name: 'resources',
      summary: {
        zh: '共用资源：每所九年一贯制学校一行，每种资源一列（如教学及辅助用房面积、图书册数）',
        en: 'Shared resources: one row per nine-year school, one column per resource (e.g. floor space, books)',
      },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请选择 n 行、每种资源一列的区域，值不小于 0', en: 'Select the n-row range with one column per resource, each value at least 0' },
      schema: numberMatrix({ min: 0 }).transform((grid) => grid.resultRows()),
    }),
    pupilsParam('primaryPupils', { zh: '各校小学部在校生数，与 resources 的行一一对应', en: "Each school's primary enrolment, one per resources row" }),
    pupilsParam('juniorPupils', { zh: '各校初中部在校生数，与 resources 的行一一对应', en: "Each school's junior enrolment, one per resources row" }),
    param({
      name: 'juniorWeight',
      summary: {
        zh: '一个初中生折合几个小学生；省略取 1.1（政策配置 balance.nineYear.juniorWeight）',
        en: 'How many primary pupils one junior pupil weighs as; omitted: 1.1 (profile balance.nineYear.juniorWeight)',
      },
      dimensionality: 'scalar',
      type: 'number',
      optional: true,
      hint: { zh: '请填写大于 0 的数，如 1.1', en: 'Enter a number above 0, e.g. 1.1' },
      schema: z.number().positive().max(100),
      zero: { advice: { zh: '请填写大于 0 的折算系数，或省略该参数取 1.1', en: 'enter a weight above 0, or leave the argument out for 1.1' } },
    }),
    profileParam(),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'number',
    summary: {
      zh: '每校两行（先小学部，后初中部），列与 resources 相同',
      en: 'Two rows per school (primary part, then junior part), the columns of resources',
    },
  },
  pure: false,
  examples: [
    { formula: '=EDU.NINEYEARSPLIT(23226, 166, 210)', args: [23226, 166, 210, null, null], result: [[9711], [13515]] },
    {
      formula: '=EDU.NINEYEARSPLIT({1000,21.5;0,3}, {100;50}, {100;0}, 1)',
      args: [
        [
          [1000, 21.5],
          [0, 3],
        ],
        [[100], [50]],
        [[100], [0]],
        1,
        null,
      ],
      result: [
        [500, 10.7],
        [500, 10.8],
        [0, 3],
        [0, 0],
      ],
    },
  ],
  compute({ resources, primaryPupils, juniorPupils: juniors, juniorWeight, profile }, ctx) {
    const n = resources.length;
    for (const [name, column] of [['primaryPupils', primaryPupils], ['juniorPupils', juniors]] as const) {
      if (column.values.length !== n) {
        return valueError(`resources 有 ${n} 行，${name} 有 ${column.values.length} 个：每所学校一个`, `resources has ${n} rows but ${name} has ${column.values.length}: give one per school`);
      }
    }
    let weight = juniorWeight;
    if (weight === null || weight === undefined) {
      const resolved = resolveProfile(ctx.profiles, profile);
      if ('error' in resolved) return resolved;
      const fromProfile = profileNumber(resolved, 'balance.nineYear.juniorWeight');
      if (typeof fromProfile !== 'number') return fromProfile;
      weight = fromProfile;
    }
    // A : w·B over a common denominator: A·d : B·n for w = n/d.
    const w = rationalOf(weight);
    return resources.flatMap((row, i): ResultCell[][] => {
      const a = BigInt(primaryPupils.values[i]!) * w.d;
      const b = BigInt(juniors.values[i]!) * w.n;
      if (a + b === 0n) {
        const error = noPupils(rowName(ctx.cells, 'primaryPupils', i));
        return [row.map(() => error), row.map(() => error)];
      }
      const parts = row.map((total) => {
        const { digits, scale } = decimalOf(total);
        const unit = 10 ** scale;
        return splitUnits(digits, a, b).map((u) => Number(u) / unit);
      });
      return [parts.map((p) => p[0]!), parts.map((p) => p[1]!)];
    });
  },
});
