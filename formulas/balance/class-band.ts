/**
 * EDU.CLASSBAND(students, classes, [level], [profile]): average class size and its band.
 * Standard class sizes 45 (primary) / 50 (junior) from 教督〔2017〕6号; 大班额 56–65 and
 * 超大班额 66+ from 国发〔2016〕40号 ("基本消除66人以上超大班额…56人以上大班额").
 *
 * The band is decided on ⌈students / classes⌉, not on the average itself: when 91 pupils
 * sit in 2 classes the average is 45.5, but one class must hold at least 46, which is over
 * the primary standard. A whole-number average gives the same band either way.
 */
import { rowName } from '../core/cell-names.js';
import { defineFormula, param } from '../core/definition.js';
import { type Bilingual, formulaError, type FormulaError, valueError } from '../core/errors.js';
import { type ResultCell } from '../core/excel-values.js';
import { numberVector } from '../core/number-cells.js';
import { profileParam } from '../core/profile-param.js';
import { profileNumber, resolveProfile, type ResolvedProfile } from '../core/profiles.js';
import { studentsParam } from './balance-params.js';
import { type Level, LEVEL_HINT, levelsFor, levelsSchema } from './indicators.js';

export const CLASS_BANDS = {
  within: '符合标准',
  over: '超标准',
  large: '大班额',
  extraLarge: '超大班额',
} as const;

interface ClassSizeRule {
  standard: number;
  large: number;
  extraLarge: number;
}

function readClassSizeRule(profile: ResolvedProfile, level: Level): ClassSizeRule | FormulaError {
  const standard = profileNumber(profile, `balance.classSize.standard.${level}`);
  if (typeof standard !== 'number') return standard;
  const large = profileNumber(profile, 'balance.classSize.large');
  if (typeof large !== 'number') return large;
  const extraLarge = profileNumber(profile, 'balance.classSize.extraLarge');
  if (typeof extraLarge !== 'number') return extraLarge;
  if (![standard, large, extraLarge].every(Number.isInteger) || !(standard < large && large <= extraLarge)) {
    return valueError(
      `政策配置 "${profile.id}" 的班额标准不合理（标准 ${standard}、大班额起点 ${large}、超大班额起点 ${extraLarge}）：应为整数且 标准 < 大班额起点 ≤ 超大班额起点`,
      `Policy profile "${profile.id}" has inconsistent class sizes (standard ${standard}, large from ${large}, extra large from ${extraLarge}): they must be whole numbers with standard < large ≤ extra large`,
    );
  }
  return { standard, large, extraLarge };
}

export function classBandOf(largestAtLeast: number, rule: ClassSizeRule): string {
  if (largestAtLeast >= rule.extraLarge) return CLASS_BANDS.extraLarge;
  if (largestAtLeast >= rule.large) return CLASS_BANDS.large;
  if (largestAtLeast > rule.standard) return CLASS_BANDS.over;
  return CLASS_BANDS.within;
}

const SCHOOLS: Bilingual = { zh: 'students', en: 'students' };

export const classBand = defineFormula({
  id: 'CLASSBAND',
  category: 'balance',
  summary: {
    zh: '平均班额及班额类别：符合标准（小学 ≤ 45、初中 ≤ 50）、超标准、大班额（56–65）、超大班额（66 及以上）',
    en: 'Average class size and its band: within standard (primary ≤ 45, junior ≤ 50), over standard, 大班额 (56–65), 超大班额 (66+)',
  },
  rounding: {
    zh: '第一列为平均班额（学生数 ÷ 班数，不取整）；第二列为“最大的班至少有”的人数 ⌈学生数 ÷ 班数⌉（向上取整：总有一个班不少于这个人数）；类别按第二列判定',
    en: 'Column 1 is the average (students ÷ classes, not rounded); column 2 is the size the largest class has at least, ⌈students ÷ classes⌉ (rounded up: some class holds at least that many); the band is decided on column 2',
  },
  params: [
    studentsParam(
      { zh: '各校（或各年级）学生数，一列或一个数', en: 'Pupils per school (or grade), a column or one number' },
      { zh: '请选择学生数所在的一列，每个为不小于 0 的整数', en: 'Select the column of pupil numbers, each a whole number of at least 0' },
    ),
    param({
      name: 'classes',
      summary: { zh: '对应的班级数，与 students 一一对应', en: 'The number of classes, one per entry of students' },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请选择班级数所在的一列，每个为不小于 0 的整数', en: 'Select the column of class counts, each a whole number of at least 0' },
      schema: numberVector({ min: 0, integer: true }),
    }),
    param({
      name: 'level',
      summary: {
        zh: '学段："小学"（默认）或 "初中"，或每校一个学段的一列',
        en: 'Level: "primary" (default) or "junior", or a column with one level per school',
      },
      dimensionality: 'matrix',
      type: 'string',
      optional: true,
      default: 'primary',
      hint: LEVEL_HINT,
      schema: levelsSchema(),
    }),
    profileParam(),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'any',
    summary: {
      zh: '每校一行 3 列：平均班额、最大的班至少有的人数、班额类别',
      en: 'One row per school, 3 columns: average class size, the size the largest class has at least, band',
    },
  },
  pure: false,
  examples: [
    { formula: '=EDU.CLASSBAND(90, 2)', args: [90, 2, null, null], result: [[45, 45, '符合标准']] },
    { formula: '=EDU.CLASSBAND(91, 2)', args: [91, 2, null, null], result: [[45.5, 46, '超标准']] },
    {
      formula: '=EDU.CLASSBAND({150;336;200}, {3;6;3}, "初中")',
      args: [[[150], [336], [200]], [[3], [6], [3]], '初中', null],
      result: [
        [50, 50, '符合标准'],
        [56, 56, '大班额'],
        [66.66666666666667, 67, '超大班额'],
      ],
    },
  ],
  compute({ students, classes, level, profile }, ctx) {
    const n = students.values.length;
    if (classes.values.length !== n) {
      return valueError(
        `参数 students 有 ${n} 个，classes 有 ${classes.values.length} 个：两者应一一对应`,
        `students has ${n} entries but classes has ${classes.values.length}: give one class count per pupil number`,
      );
    }
    const levels = levelsFor(level, n, SCHOOLS);
    if ('error' in levels) return levels;
    const resolved = resolveProfile(ctx.profiles, profile);
    if ('error' in resolved) return resolved;
    const rules = new Map<Level, ClassSizeRule>();
    for (const l of levels) {
      if (rules.has(l)) continue;
      const rule = readClassSizeRule(resolved, l);
      if ('error' in rule) return rule;
      rules.set(l, rule);
    }
    return students.values.map((s, i): ResultCell[] => {
      const c = classes.values[i]!;
      if (c === 0) {
        const at = rowName(ctx.cells, 'classes', i);
        const noClasses = formulaError(
          'VALUE',
          `${at.zh}班级数为 0，无法计算班额：请填写班级数`,
          `${at.en}: the number of classes is 0, so there is no class size: enter the number of classes`,
        );
        return [noClasses, noClasses, noClasses];
      }
      const largestAtLeast = Math.floor((s + c - 1) / c);
      return [s / c, largestAtLeast, classBandOf(largestAtLeast, rules.get(levels[i]!)!)];
    });
  },
});
