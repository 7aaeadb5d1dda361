/**
 * EDU.GAPTOPASS(indicators, students, level, [profile], [juniorPupils]): for each school, the smallest
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
 *
 * A nine-year school's row (juniorPupils) is its part of the row's level (nine-year-parts.ts):
 * teachers are added to that part, a shared resource to the whole school, of which the part
 * gets its share, so it takes more m² (yuan, rooms) than an ordinary school of the part's size.
 */
import { defineFormula } from '../core/definition.js';
import { rowName } from '../core/cell-names.js';
import { formulaError } from '../core/errors.js';
import type { ResultCell } from '../core/excel-values.js';
import { type Rational, add, ceil, compare, mul, rationalOf, sub } from '../core/exact.js';
import { profileParam } from '../core/profile-param.js';
import { indicatorsParam, juniorPupilsParam, levelsParam, studentsParam } from './balance-params.js';
import { nineYearRows, partIndicators, partPupils, partSpread } from './nine-year-parts.js';
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
 * ⌈(target − value) × P / perPupils⌉, rounded up because the target is "at least". P is the
 * pupils an addition is spread over (a fraction for a nine-year school's shared resources).
 */
function unitsToReach(value: Rational, target: Rational, pupils: Rational, i: number): bigint {
  if (compare(value, target) >= 0) return 0n;
  return ceil(mul(sub(target, value), { n: pupils.n, d: pupils.d * perPupils(i) }));
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

/** The cheapest additions for one school, in natural units, per the order stated above; `spread[i]` is P of indicator i. */
function cheapestAdditions(values: readonly Rational[], spread: readonly Rational[], rule: BalanceRule): bigint[] {
  const toThreshold = values.map((v, i) => unitsToReach(v, rule.thresholds[i]!, spread[i]!, i));
  const toFloor = values.map((v, i) => unitsToReach(v, mul(rule.floorShare, rule.thresholds[i]!), spread[i]!, i));
  let best: { additions: bigint[]; changed: number; relative: Rational } | undefined;
  for (const atFloor of subsetsOfSize(INDICATOR_COUNT, INDICATOR_COUNT - rule.minimumMet)) {
    const additions = toThreshold.map((units, i) => (atFloor.includes(i) ? toFloor[i]! : units));
    const changed = additions.filter((a) => a > 0n).length;
    // Σ aᵢ·perPupilsᵢ / (Pᵢ·tᵢ): how far up each addition moves its indicator, as a share of the standard.
    let relative: Rational = { n: 0n, d: 1n };
    additions.forEach((a, i) => {
      const t = rule.thresholds[i]!;
      const p = spread[i]!;
      relative = add(relative, { n: a * perPupils(i) * t.d * p.d, d: t.n * p.n });
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
    zh: '每项向上取整到整数个自然单位（人、平方米、元、间），使“原指标 + 增量 ÷ 在校生数（每百名学生的乘 100）”不低于目标；目标为标准或标准的 85%，精确比较。最少的含义：先改动的指标项数最少，再使各项增量 ÷ 标准之和最小，仍相同时让排在前面的指标停在 85%。九年一贯制学校的一行（juniorPupils）：教师按该部分学生数换算；共用的用房、场馆、仪器设备、多媒体教室为全校需增加的量，其中该部分只分得 A ÷ (A + 1.1B)（小学部）或 1.1B ÷ (A + 1.1B)（初中部）',
    en: 'Each addition is rounded up to whole natural units (teachers, m², yuan, rooms) so that value + addition ÷ pupils (× 100 for per-100 indicators) reaches its target, the threshold or 85% of it, compared exactly. Smallest means: fewest indicators changed, then the smallest sum of addition ÷ threshold, then leaving the earliest-listed indicators at 85%. On a nine-year school’s row (juniorPupils), teachers are counted per pupil of that part; the shared floor space, grounds, equipment and rooms are what the whole school must add, of which the part gets A ÷ (A + 1.1B) (primary) or 1.1B ÷ (A + 1.1B) (junior)',
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
    juniorPupilsParam(),
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
      args: [[[4.5, 0.5, 1, 5, 6, 2100, 2.5]], 400, '小学', null, null],
      result: [[0, 2, 0, 0, 150, 0, 0]],
    },
    {
      // A junior school of 430 that already passes needs nothing.
      formula: '=EDU.GAPTOPASS({5.3,1,0.9,5.8,10.2,2500,2.4}, 430, "初中")',
      args: [[[5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4]], 430, '初中', null, null],
      result: [[0, 0, 0, 0, 0, 0, 0]],
    },
    {
      // A nine-year school of 376 pupils (210 junior), one row per part. The sports ground is for
      // the whole school: the primary part needs 7.5 m² × (166 + 1.1 × 210) = 2,977.5 m², has
      // 6.375 × 376 = 2,397, so 581 m² more; the junior part needs 85% of 10.2 = 8.67 m² per
      // pupil, 8.67 × 397 ÷ 1.1 = 3,129.08 m², so 733 m² more.
      formula: '=EDU.GAPTOPASS({4.5,1.2,1,6.18,6.375,6177,2.35;5.5,1.1,1,6.18,6.375,6177,2.35}, {376;376}, {"小学";"初中"}, , {210;210})',
      args: [
        [
          [4.5, 1.2, 1, 6.18, 6.375, 6177, 2.35],
          [5.5, 1.1, 1, 6.18, 6.375, 6177, 2.35],
        ],
        [[376], [376]],
        [['小学'], ['初中']],
        null,
        [[210], [210]],
      ],
      result: [
        [0, 0, 0, 0, 581, 0, 0],
        [0, 0, 0, 0, 733, 0, 0],
      ],
    },
  ],
  compute({ indicators, students, level, profile, juniorPupils }, ctx) {
    const mismatch = checkIndicatorsAndStudents(indicators, students.values);
    if (mismatch) return mismatch;
    const rules = rulesPerSchool(ctx.profiles, profile, level, indicators.length);
    if ('error' in rules) return rules;
    const nineYear = nineYearRows(indicators.length, students.values, juniorPupils?.values, ctx.profiles, profile, ctx.cells);
    if ('error' in nineYear) return nineYear;
    return indicators.map((row, i): ResultCell[] => {
      const rule = rules[i]!;
      const school = nineYear.schools[i];
      const pupils = school === undefined ? BigInt(students.values[i]!) : partPupils(school, rule.level);
      if (pupils === 0n) {
        const at = rowName(ctx.cells, 'students', i);
        const noPupils = formulaError(
          'VALUE',
          `${at.zh}在校生数为 0（九年一贯制学校指该学段部分），无法把生均差距换算成需增加的数量：请填写在校生数`,
          `${at.en}: the enrolment (of a nine-year school, its part of the level) is 0, so a per-pupil gap cannot be turned into an amount to add: enter the enrolment`,
        );
        return row.map(() => noPupils);
      }
      const values = row.map(rationalOf);
      if (school === undefined) return cheapestAdditions(values, values.map(() => ({ n: pupils, d: 1n })), rule).map(Number);
      const spread = values.map((_, j) => partSpread(j, school, rule.level, nineYear.weight));
      return cheapestAdditions(partIndicators(values, school, rule.level, nineYear.weight), spread, rule).map(Number);
    });
  },
});
