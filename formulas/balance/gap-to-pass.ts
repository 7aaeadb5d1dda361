/**
 * EDU.GAPTOPASS(indicators, students, level, [profile]): for each school, the smallest
 * additions in natural units (whole teachers, m², yuan, classrooms) that make it pass the
 * school-level rule of 教督〔2017〕6号 (at least 6 of the 7 thresholds met, every other one
 * at least 85% of its threshold). A school that already passes gets a row of zeros.
 *
 * "Smallest" is chosen among the plans that raise every indicator but a few to its
 * threshold and those few (7 − 6 = 1 with the national rule) to 85% of theirs:
 *   1. the fewest indicators changed;
 *   2. then the smallest sum of relative additions (each addition ÷ its threshold, i.e.
 *      how far up it moves the indicator as a share of the standard);
 *   3. then, on a tie, the plan leaving the earliest-listed indicators below threshold.
 * No plan with fewer indicators changed, or the same number and a smaller relative sum, passes.
 */
import { rowName } from '../core/cell-names.js';
import { defineFormula } from '../core/definition.js';
import { formulaError } from '../core/errors.js';
import type { ResultCell } from '../core/excel-values.js';
import { type Rational, add, ceil, compare, mul, rationalOf, sub } from '../core/exact.js';
import { profileParam } from '../core/profile-param.js';
import { indicatorsParam, levelsParam, studentsParam } from './balance-params.js';
import {
  type BalanceRule,
  checkIndicatorsAndStudents,
  INDICATOR_COUNT,
  INDICATORS,
  rulesPerSchool,
} from './indicators.js';

/** Pupils an indicator is counted per: 100 for "per 100 pupils", 1 for "per pupil". */
const perPupils = (i: number): bigint => (INDICATORS[i]!.basis === 'per100' ? 100n : 1n);

/**
 * Whole units to add so that value + units × perPupils / P reaches target (0 if it already does):
 * ⌈(target − value) × P / perPupils⌉, rounded up because the target is "at least".
 */
function unitsToReach(value: Rational, target: Rational, pupils: bigint, i: number): bigint {
  if (compare(value, target) >= 0) return 0n;
  return ceil(mul(sub(target, value), { n: pupils, d: perPupils(i) }));
}

/** Every set of k indices out of n, in lexicographic order. */
function subsetsOfSize(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  const walk = (start: number, chosen: number[]): void => {
    if (chosen.length === k) {
      out.push(chosen.slice());
      return;
    }
    for (let i = start; i <= n - (k - chosen.length); i++) {
      chosen.push(i);
      walk(i + 1, chosen);
      chosen.pop();
    }
  };
  walk(0, []);
  return out;
}

/** The cheapest additions for one school, in natural units, per the order stated above. */
export function cheapestAdditions(row: readonly number[], pupils: number, rule: BalanceRule): bigint[] {
  const p = BigInt(pupils);
  const values = row.map(rationalOf);
  const toThreshold = values.map((v, i) => unitsToReach(v, rule.thresholds[i]!, p, i));
  const toFloor = values.map((v, i) => unitsToReach(v, mul(rule.floorShare, rule.thresholds[i]!), p, i));
  let best: { additions: bigint[]; changed: number; relative: Rational } | undefined;
  for (const atFloor of subsetsOfSize(INDICATOR_COUNT, INDICATOR_COUNT - rule.minimumMet)) {
    const additions = toThreshold.map((units, i) => (atFloor.includes(i) ? toFloor[i]! : units));
    const changed = additions.filter((a) => a > 0n).length;
    // Σ aᵢ·perPupilsᵢ / tᵢ: the relative rise of each indicator (P is the same for all, so left out).
    let relative: Rational = { n: 0n, d: 1n };
    additions.forEach((a, i) => {
      relative = add(relative, mul({ n: a * perPupils(i), d: 1n }, { n: rule.thresholds[i]!.d, d: rule.thresholds[i]!.n }));
    });
    if (best === undefined || changed < best.changed || (changed === best.changed && compare(relative, best.relative) < 0)) {
      best = { additions, changed, relative };
    }
  }
  return best!.additions;
}

export const gapToPass = defineFormula({
  id: 'GAPTOPASS',
  category: 'balance',
  summary: {
    zh: '未达到优质均衡要求的学校最少还需增加多少：教师（人）、用房和场馆（平方米）、仪器设备（元）、多媒体教室（间）',
    en: 'For a school that fails, the smallest additions that make it pass: teachers, m² of floor space and sports area, yuan of equipment, classrooms',
  },
  rounding: {
    zh: '每项向上取整到整数个自然单位（人、平方米、元、间），使“原指标 + 增量 ÷ 在校生数（每百名学生的乘 100）”不低于目标；目标为标准或标准的 85%，精确比较。最少的含义：先改动的指标项数最少，再使各项增量 ÷ 标准之和最小，仍相同时让排在前面的指标停在 85%',
    en: 'Each addition is rounded up to whole natural units (teachers, m², yuan, rooms) so that value + addition ÷ pupils (× 100 for per-100 indicators) reaches its target, the threshold or 85% of it, compared exactly. Smallest means: fewest indicators changed, then the smallest sum of addition ÷ threshold, then leaving the earliest-listed indicators at 85%',
  },
  params: [
    indicatorsParam({
      zh: '每校一行、7 列，与 EDU.BALANCECHECK 相同',
      en: 'One row per school, 7 columns, as for EDU.BALANCECHECK',
    }),
    studentsParam(
      { zh: '各校在校生数，一列（把生均、每百名学生的差距换算成人、平方米、元、间）', en: "Each school's enrolment, one column (turns per-pupil gaps into teachers, m², yuan, rooms)" },
      { zh: '请选择各校在校生数所在的一列，每个为大于 0 的整数', en: 'Select the column of enrolments, each a whole number above 0' },
    ),
    levelsParam(),
    profileParam(),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'number',
    summary: {
      zh: '每校一行 7 列，与指标列对齐：需增加的高于规定学历教师、骨干教师、体育艺术教师（人），教学及辅助用房、体育运动场馆（平方米），仪器设备值（元），网络多媒体教室（间）',
      en: 'One row per school, 7 columns aligned with the indicators: qualified, backbone, PE/art teachers to add, m² of teaching space and sports area, yuan of equipment, multimedia rooms',
    },
  },
  pure: false,
  examples: [
    {
      // 400 pupils. Backbone teachers 0.5 per 100 (2 teachers), sports area 6 m² per pupil: two
      // misses. Cheapest: sports area only to 85% of 7.5 = 6.375 (+0.375 × 400 = 150 m²) and
      // backbone to 1 per 100 (+0.5 × 400 / 100 = 2 teachers): 2 changes, relative 0.05 + 0.5.
      formula: '=EDU.GAPTOPASS({4.5,0.5,1,5,6,2100,2.5}, 400, "小学")',
      args: [[[4.5, 0.5, 1, 5, 6, 2100, 2.5]], 400, '小学', null],
      result: [[0, 2, 0, 0, 150, 0, 0]],
    },
    {
      // A junior school of 430 that already passes needs nothing.
      formula: '=EDU.GAPTOPASS({5.3,1,0.9,5.8,10.2,2500,2.4}, 430, "初中")',
      args: [[[5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4]], 430, '初中', null],
      result: [[0, 0, 0, 0, 0, 0, 0]],
    },
    {
      // The two schools above on one sheet, one row each: every school is checked against its own level.
      formula: '=EDU.GAPTOPASS({4.5,0.5,1,5,6,2100,2.5;5.3,1,0.9,5.8,10.2,2500,2.4}, {400;430}, {"小学";"初中"})',
      args: [
        [
          [4.5, 0.5, 1, 5, 6, 2100, 2.5],
          [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4],
        ],
        [[400], [430]],
        [['小学'], ['初中']],
        null,
      ],
      result: [
        [0, 2, 0, 0, 150, 0, 0],
        [0, 0, 0, 0, 0, 0, 0],
      ],
    },
  ],
  compute({ indicators, students, level, profile }, ctx) {
    const mismatch = checkIndicatorsAndStudents(indicators, students.values);
    if (mismatch) return mismatch;
    const rules = rulesPerSchool(ctx.profiles, profile, level, indicators.length);
    if ('error' in rules) return rules;
    return indicators.map((row, i): ResultCell[] => {
      const pupils = students.values[i]!;
      if (pupils === 0) {
        const at = rowName(ctx.cells, 'students', i);
        const noPupils = formulaError(
          'VALUE',
          `${at.zh}在校生数为 0，无法把生均差距换算成需增加的数量：请填写在校生数`,
          `${at.en}: the enrolment is 0, so a per-pupil gap cannot be turned into an amount to add: enter the enrolment`,
        );
        return row.map(() => noPupils);
      }
      return cheapestAdditions(row, pupils, rules[i]!).map(Number);
    });
  },
});
