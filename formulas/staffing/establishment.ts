/**
 * EDU.ESTABLISHMENT(students, level, [classes], [profile]): each school's staff
 * establishment (教职工编制) from its pupils by level, under a policy profile.
 *
 * The national profile carries the 2014 unified urban-rural ratios (中央编办发〔2014〕72号:
 * 小学 1:19, 初中 1:13.5, 高中 1:12.5). A county profile may add a class-based rule for
 * small rural schools (村小、教学点: staff per class, 班师比); a school whose `classes` cell
 * is filled then gets the larger of the two. The ratio is read exactly (13.5 is 27/2) and
 * the count is made whole once, per school, by the profile's rounding rule (the national
 * default rounds up: a ratio standard is a floor).
 */
import { defineFormula, param } from '../core/definition.js';
import { type FormulaError, isFormulaError, valueError } from '../core/errors.js';
import { showValue } from '../core/issue-messages.js';
import { choiceOf, type ResultCell } from '../core/excel-values.js';
import { compare, div, mul, rationalOf, type Rational } from '../core/exact.js';
import { profileParam } from '../core/profile-param.js';
import { profileNumber, resolveProfile, type ResolvedProfile } from '../core/profiles.js';
import { roundingAliases, roundRational, type RoundingMode } from './rounding.js';
import { layoutOf, shapeResult, spread, unitsOf, unitWhere } from './units.js';
import { lookupTable } from '../core/lookup.js';
import { perUnitNumbers } from '../core/number-cells.js';

export type SchoolLevel = 'primary' | 'junior' | 'senior';

export const schoolLevelAliases: Readonly<Record<string, SchoolLevel>> = lookupTable({
  primary: 'primary',
  'primary school': 'primary',
  小学: 'primary',
  junior: 'junior',
  'junior secondary': 'junior',
  'junior high': 'junior',
  初中: 'junior',
  初级中学: 'junior',
  senior: 'senior',
  'senior secondary': 'senior',
  'senior high': 'senior',
  高中: 'senior',
  普通高中: 'senior',
  高级中学: 'senior',
});

const levelNames: Readonly<Record<SchoolLevel, string>> = { primary: '小学', junior: '初中', senior: '高中' };

export const establishmentKeys = {
  studentsPerStaff: (level: SchoolLevel) => `staffing.establishment.studentsPerStaff.${level}`,
  staffPerClass: (level: SchoolLevel) => `staffing.establishment.staffPerClass.${level}`,
  rounding: 'staffing.establishment.rounding',
} as const;

/** A blank cell (Excel gives null or "") means: no class count for this school. */

function roundingOf(profile: ResolvedProfile): RoundingMode | FormulaError {
  const entry = profile.entry(establishmentKeys.rounding);
  if (entry === undefined) return 'up';
  const mode = typeof entry.value === 'string' ? roundingAliases[entry.value.trim().toLowerCase()] : undefined;
  if (mode === undefined) {
    return valueError(
      `政策配置 "${profile.id}" 的 ${establishmentKeys.rounding} 为 ${showValue(entry.value).zh}，应为 up（向上）、down（向下）或 nearest（四舍五入）：请更正配置`,
      `Policy profile "${profile.id}" sets ${establishmentKeys.rounding} to ${showValue(entry.value).en}; it must be up, down or nearest: correct the profile`,
    );
  }
  return mode;
}

/** A positive ratio from the profile, read exactly. */
function positiveRatio(profile: ResolvedProfile, key: string): Rational | FormulaError {
  const value = profileNumber(profile, key);
  if (isFormulaError(value)) return value;
  if (!Number.isFinite(value) || value <= 0) {
    return valueError(
      `政策配置 "${profile.id}" 的 ${key} 为 ${value}，应为正数：请更正配置`,
      `Policy profile "${profile.id}" sets ${key} to ${value}; it must be positive: correct the profile`,
    );
  }
  return rationalOf(value);
}

export const establishment = defineFormula({
  id: 'ESTABLISHMENT',
  category: 'staffing',
  summary: {
    zh: '按学段师生比（及县级配置中的班师比）核定每校教职工编制',
    en: "Each school's staff establishment from its pupils by level (and staff per class where the county's profile sets it)",
  },
  rounding: {
    zh: '按精确分数计算（13.5 即 27/2），每校取整一次；取整方式由配置项 staffing.establishment.rounding 决定，国家基准为向上取整',
    en: 'Exact fractions (13.5 is 27/2), made whole once per school by the profile setting staffing.establishment.rounding; the national baseline rounds up',
  },
  params: [
    param({
      name: 'students',
      summary: { zh: '每校在校生数（一列或一行，一校一项）', en: 'Pupils per school (a column or row, one per school)' },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请填写不小于 0 的整数学生数', en: 'Enter whole pupil counts of 0 or more' },
      schema: perUnitNumbers({ min: 0, integer: true }),
    }),
    param({
      name: 'level',
      summary: {
        zh: '学段：primary/小学、junior/初中、senior/高中；一个值适用于所有学校，或每校一项',
        en: 'Level: primary, junior or senior (Chinese names accepted); one for all schools or one per school',
      },
      dimensionality: 'matrix',
      type: 'string',
      hint: { zh: '请填写 小学、初中 或 高中（或 primary、junior、senior）', en: 'Enter primary, junior or senior (or 小学, 初中, 高中)' },
      schema: unitsOf(choiceOf(schoolLevelAliases)),
    }),
    param({
      name: 'classes',
      summary: {
        zh: '可选：每校班级数（仅对适用班师比的学校填写，其余留空）',
        en: 'Optional: classes per school (fill only for schools under the class-based rule; leave the others blank)',
      },
      dimensionality: 'matrix',
      type: 'any',
      optional: true,
      hint: { zh: '请填写不小于 0 的整数班级数，或留空', en: 'Enter whole class counts of 0 or more, or leave blank' },
      schema: perUnitNumbers({ min: 0, integer: true }),
      cell: 'number',
    }),
    profileParam(
      {
        zh: '政策配置名，可加 @日期；省略为国家基准 cn-national',
        en: 'Policy profile id, optionally @date; omitted: the national baseline cn-national',
      },
      { zh: '请填写配置名，如 "cn-national"', en: 'Enter a profile id such as "cn-national"' },
    ),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'number',
    summary: { zh: '每校编制数（与学生数同向排列）', en: 'Establishment per school, laid out like students' },
  },
  pure: false,
  examples: [
    // 950 / 19 = 50 exactly; 1000 / 19 = 52.63… → 53.
    { formula: '=EDU.ESTABLISHMENT({950;1000}, "primary")', args: [[[950], [1000]], 'primary'], result: [[50], [53]] },
    // 1000 / 13.5 = 2000/27 = 74.07… → 75.
    { formula: '=EDU.ESTABLISHMENT(1000, "初中")', args: [1000, '初中'], result: [[75]] },
    // 500 / 12.5 = 40 exactly.
    { formula: '=EDU.ESTABLISHMENT(500, "senior", , "cn-national")', args: [500, 'senior', null, 'cn-national'], result: [[40]] },
  ],
  compute({ students, level, classes, profile }, ctx) {
    const resolved = resolveProfile(ctx.profiles, profile);
    if (isFormulaError(resolved)) return resolved;
    const layout = layoutOf([
      { name: 'students', value: students },
      { name: 'level', value: level },
      { name: 'classes', value: classes },
    ]);
    if (isFormulaError(layout)) return layout;
    const mode = roundingOf(resolved);
    if (isFormulaError(mode)) return mode;

    const pupils = spread(students, layout);
    const levels = spread(level, layout);
    const classCounts = classes === undefined ? undefined : spread(classes, layout);

    // One profile lookup per level and key, not per school.
    const lookups = new Map<string, Rational | FormulaError>();
    const ratioOf = (key: string) => {
      let r = lookups.get(key);
      if (r === undefined) lookups.set(key, (r = positiveRatio(resolved, key)));
      return r;
    };

    const cells: ResultCell[] = pupils.map((n, i) => {
      const lvl = levels[i]!;
      const ratio = ratioOf(establishmentKeys.studentsPerStaff(lvl));
      if (isFormulaError(ratio)) return ratio;
      let need = div({ n: BigInt(n), d: 1n }, ratio);
      const c = classCounts?.[i];
      // A blank classes cell reaches here as 0 (Excel desktop sends it so): no classes, no class-based rule.
      if (c !== undefined && c > 0) {
        const key = establishmentKeys.staffPerClass(lvl);
        if (resolved.entry(key) === undefined) {
          const where = unitWhere(i, layout, ctx.cells, 'classes');
          return valueError(
            `${where.zh}政策配置 "${resolved.id}" 没有${levelNames[lvl]}班师比（${key}），填写的班级数 ${c} 无法使用：请删去该校班级数，或改用含班师比的县级配置`,
            `${where.en}policy profile "${resolved.id}" has no staff-per-class rule for ${lvl} (${key}), so the class count ${c} cannot be used: clear it or use a county profile that sets the rule`,
          );
        }
        const perClass = ratioOf(key);
        if (isFormulaError(perClass)) return perClass;
        const byClass = mul({ n: BigInt(c), d: 1n }, perClass);
        if (compare(byClass, need) > 0) need = byClass;
      }
      return Number(roundRational(need, mode));
    });
    return shapeResult(cells, layout);
  },
});
