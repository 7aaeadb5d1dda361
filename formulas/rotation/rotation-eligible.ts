/**
 * EDU.ROTATIONELIGIBLE(yearsAtSchool, [minYears], [birthdate], [retireCategory], [asOf], [exemptYears]):
 * TRUE/FALSE per teacher, whether the teacher is eligible to rotate (符合交流条件).
 *
 * 教师〔2014〕4号: full-time teachers who have taught at the same school for the years set
 * locally should rotate; 6 years (满6年, i.e. 6 or more) is the common local rule and the
 * profile default. Many local rules exempt teachers close to retirement (e.g. 距法定退休
 * 不足5年); with `exemptYears` given, a teacher whose statutory retirement date (the 2025
 * gradual-reform schedules, formulas/staffing/retirement-reform.ts) falls before
 * asOf + exemptYears years is not eligible.
 */
import { type CellNames, rowStart } from '../core/cell-names.js';
import { z } from 'zod';
import { addMonths, type CivilDate, compareDates, dateAdvice, parseDateCell } from '../core/dates.js';
import { type CellKind, defineFormula, param } from '../core/definition.js';
import { type Bilingual, type FormulaError, valueError } from '../core/errors.js';
import { showValue } from '../core/issue-messages.js';
import { type PerUnit, type ResultCell, expandPerUnit, orient, perUnitOf } from '../core/excel-values.js';
import { numberVector, perUnitNumbers } from '../core/number-cells.js';
import { type RetireCategory, retireCategoryAliases, statutoryRetirement } from '../staffing/retirement-reform.js';
import { rotationDefaults } from './rotation-profile.js';

export interface Exemption {
  asOf: CivilDate;
  /** Whole years before the statutory retirement date within which a teacher is exempt. */
  exemptYears: number;
}

/**
 * True when the teacher's statutory retirement date is less than `exemptYears` years after
 * `asOf` (不足 N 年: exactly N years left is not exempt; already past it is exempt).
 */
export function nearRetirement(birth: CivilDate, category: RetireCategory, rule: Exemption): boolean {
  const retirement = statutoryRetirement(birth, category).date;
  return compareDates(retirement, addMonths(rule.asOf, 12 * rule.exemptYears)) < 0;
}

/** A retirement category from a cell ("男", "女干部", "female-worker" ...), case-insensitive. */
export function parseRetireCategory(v: unknown): RetireCategory | undefined {
  return typeof v === 'string' ? retireCategoryAliases[v.trim().toLowerCase()] : undefined;
}

const CATEGORY_CHOICES = { zh: '"男"、"女干部"（原 55 岁）或 "女工人"（原 50 岁）', en: '"male", "female-cadre" (formerly 55) or "female-worker" (formerly 50)' };

const dateCell = () => z.union([z.number(), z.string(), z.null()]);
const textCell = () => z.union([z.string(), z.null()]);

/**
 * One of the optional exemption inputs: a value or a column of raw cells, typed as any so a
 * blank or odd cell reaches `compute`, which names the row it is on.
 */
function exemptionCells<const N extends string, S extends z.ZodType>(name: N, summary: Bilingual, hint: Bilingual, cell: S, kind: CellKind) {
  return param({ name, summary, dimensionality: 'matrix', type: 'any', optional: true, hint, schema: perUnitOf(cell), cell: kind });
}

export const rotationEligibleFormula = defineFormula({
  id: 'ROTATIONELIGIBLE',
  category: 'rotation',
  summary: {
    zh: '逐个教师判断是否符合交流轮岗条件（在同一学校任教满规定年限，且不在临近退休的免交流期内）',
    en: 'Per teacher, whether eligible to rotate (enough years at the same school and not within the exemption before retirement)',
  },
  rounding: {
    zh: '不取整：任教年限与 minYears 精确比较（满 6 年即 ≥ 6）；免交流以法定退休日期早于 asOf 加 exemptYears 年为准（恰好剩 N 年不免）。',
    en: 'No rounding: years compared exactly with minYears (6 years means ≥ 6); exempt when the statutory retirement date is before asOf plus exemptYears years (exactly N years left is not exempt).',
  },
  params: [
    param({
      name: 'yearsAtSchool',
      summary: { zh: '各教师在本校连续任教年限（一列或一行）', en: 'Years each teacher has taught at the current school (a column or row)' },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请选择在本校任教年限一列，每格为不小于 0 的数', en: 'Select the column of years at the school, numbers of 0 or more' },
      schema: numberVector({ min: 0 }),
    }),
    param({
      name: 'minYears',
      summary: { zh: '须在本校任教满的年限；省略取政策配置 rotation.eligibility.minYears（6 年）', en: 'Years at the school required; omitted: profile rotation.eligibility.minYears (6)' },
      dimensionality: 'matrix',
      type: 'number',
      optional: true,
      hint: { zh: '请填写一个年限（如 6），或与教师一一对应的一列', en: 'Enter one number of years (e.g. 6) or one per teacher' },
      schema: perUnitNumbers({ min: 0 }),
      zero: {
        advice: {
          zh: '请填写大于 0 的年限（如 6）；省略该参数取政策配置的年限',
          en: "enter years above 0 (e.g. 6); leave the argument out for the profile's years",
        },
      },
    }),
    exemptionCells(
      'birthdate',
      { zh: '出生日期（与 exemptYears 一起使用）', en: 'Birth dates (used with exemptYears)' },
      { zh: '请选择出生日期一列（Excel 日期，或 1965-01-31、1965年1月 这样的文本）', en: 'Select the birth-date column (Excel dates, or text such as 1965-01-31 or 1965年1月)' },
      dateCell(),
      'date',
    ),
    exemptionCells(
      'retireCategory',
      { zh: '退休类别：男、女干部（原 55 岁）、女工人（原 50 岁）', en: 'Retirement category: male, female-cadre (formerly 55), female-worker (formerly 50)' },
      { zh: `请填写 ${CATEGORY_CHOICES.zh}，或选择一列`, en: `Enter ${CATEGORY_CHOICES.en}, or select a column` },
      textCell(),
      'text',
    ),
    exemptionCells(
      'asOf',
      { zh: '计算免交流的基准日期（如交流学年开始日）', en: 'The date the exemption is judged on (e.g. the start of the rotation year)' },
      { zh: '请填写日期，如 DATE(2025,9,1) 或 "2025-09-01"', en: 'Enter a date, e.g. DATE(2025,9,1) or "2025-09-01"' },
      dateCell(),
      'date',
    ),
    param({
      name: 'exemptYears',
      summary: { zh: '距法定退休不足多少年的教师免于交流（地方规定，如 5）；省略则不免', en: 'Teachers with fewer than this many years to statutory retirement are exempt (a local rule, e.g. 5); omitted: none' },
      dimensionality: 'matrix',
      type: 'number',
      optional: true,
      hint: { zh: '请填写 0 到 30 的整数年数，如 5', en: 'Enter whole years from 0 to 30, e.g. 5' },
      zero: {
        advice: {
          zh: '只免已过法定退休日期的教师请写 无；不按退休免交流则省略该参数',
          en: 'to exempt only teachers already past retirement write 无 (none); leave the argument out for no exemption check',
        },
        none: 0,
        wholeOnly: true,
      },
      schema: perUnitNumbers({ min: 0, max: 30, integer: true }),
    }),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'boolean',
    summary: { zh: '每个教师一格 TRUE/FALSE，排列方向与 yearsAtSchool 相同', en: 'TRUE/FALSE per teacher, laid out like yearsAtSchool' },
  },
  pure: false,
  examples: [
    {
      formula: '=EDU.ROTATIONELIGIBLE({5;6;12})',
      args: [[[5], [6], [12]], null, null, null, null, null],
      result: [[false], [true], [true]],
    },
    {
      formula: '=EDU.ROTATIONELIGIBLE({8;10;7}, 6, {"1966-03-10";"1980-05-20";"1978-02-14"}, {"男";"男";"女工人"}, "2025-09-01", 5)',
      args: [[[8], [10], [7]], 6, [['1966-03-10'], ['1980-05-20'], ['1978-02-14']], [['男'], ['男'], ['女工人']], '2025-09-01', 5],
      result: [[false], [true], [false]],
    },
  ],
  compute({ yearsAtSchool, minYears, birthdate, retireCategory, asOf, exemptYears }, ctx) {
    const n = yearsAtSchool.values.length;
    const given = { minYears, birthdate, retireCategory, asOf, exemptYears };
    for (const [name, bound] of Object.entries(given)) {
      if (bound?.kind === 'each' && bound.values.length !== n) {
        return valueError(
          `${name} 有 ${bound.values.length} 项，yearsAtSchool 有 ${n} 项：请给出一个值，或与教师一一对应的同样长的一列`,
          `${name} has ${bound.values.length} items and yearsAtSchool has ${n}: give one value, or one per teacher`,
        );
      }
    }
    let min: PerUnit<number>;
    if (minYears !== undefined) min = minYears;
    else {
      const defaults = rotationDefaults(ctx.profiles);
      if ('error' in defaults) return defaults;
      const value = defaults.minYears();
      if (typeof value !== 'number') return value;
      min = { kind: 'all', value };
    }
    if (exemptYears === undefined) {
      const stray = (['birthdate', 'retireCategory', 'asOf'] as const).filter((k) => given[k] !== undefined);
      if (stray.length > 0) {
        return valueError(
          `给出了 ${stray.join('、')}，但没有 exemptYears：请填写距退休不足多少年免于交流（如 5），或删去这些参数`,
          `${stray.join(', ')} given without exemptYears: enter how many years before retirement teachers are exempt (e.g. 5), or remove them`,
        );
      }
    } else {
      const missing = (['birthdate', 'retireCategory', 'asOf'] as const).filter((k) => given[k] === undefined);
      if (missing.length > 0) {
        return valueError(
          `给出了 exemptYears，还须给出 ${missing.join('、')}：按出生日期和退休类别算法定退休日期，再与 asOf 比较`,
          `exemptYears needs ${missing.join(', ')} as well: the statutory retirement date comes from the birth date and category and is compared with asOf`,
        );
      }
    }

    if (asOf?.kind === 'all') {
      const rule = exemptionAt(undefined, asOf.value, 0, ctx.cells);
      if ('error' in rule) return rule;
    }
    const mins = expandPerUnit(min, n);
    const exempt = exemptYears === undefined ? undefined : expandPerUnit(exemptYears, n);
    const births = birthdate === undefined ? undefined : expandPerUnit(birthdate, n);
    const categories = retireCategory === undefined ? undefined : expandPerUnit(retireCategory, n);
    const dates = asOf === undefined ? undefined : expandPerUnit(asOf, n);

    const cells = yearsAtSchool.values.map((years, i): ResultCell => {
      if (years < mins[i]!) return false;
      if (exempt === undefined) return true;
      const rule = exemptionAt(i, dates![i], exempt[i]!, ctx.cells);
      if ('error' in rule) return rule;
      // The exemption runs from the statutory retirement month, so a birth month is enough.
      const birth = parseDateCell(births![i], { monthEnough: true });
      if (birth === undefined) {
        const advice = births![i] === null ? { zh: '是空的：请填写出生日期', en: 'is blank: enter the birth date' } : dateAdvice(births![i], true);
        const at = rowStart(ctx.cells, 'birthdate', i);
        return valueError(`${at.zh}出生日期 ${showValue(births![i]).zh} ${advice.zh}`, `${at.en}birth date ${showValue(births![i]).en} ${advice.en}`);
      }
      const category = parseRetireCategory(categories![i]);
      if (category === undefined) {
        const at = rowStart(ctx.cells, 'retireCategory', i);
        return valueError(
          `${at.zh}退休类别 ${showValue(categories![i]).zh} 无法识别：请填写 ${CATEGORY_CHOICES.zh}`,
          `${at.en}retirement category ${showValue(categories![i]).en} is not recognised: enter ${CATEGORY_CHOICES.en}`,
        );
      }
      return !nearRetirement(birth, category, rule);
    });
    return orient(cells, yearsAtSchool.orientation);
  },
});

/** The exemption rule for row `i` (undefined: the one asOf for every row). */
function exemptionAt(i: number | undefined, asOf: unknown, exemptYears: number, cells: CellNames): Exemption | FormulaError {
  const date = parseDateCell(asOf);
  if (date === undefined) {
    const at = i === undefined ? { zh: '', en: '' } : rowStart(cells, 'asOf', i);
    const advice = asOf === null ? { zh: '是空的：请填写如 DATE(2025,9,1) 或 "2025-09-01" 的日期', en: 'is blank: enter a date such as DATE(2025,9,1) or "2025-09-01"' } : dateAdvice(asOf);
    return valueError(`${at.zh}基准日期 asOf ${showValue(asOf).zh} ${advice.zh}`, `${at.en}asOf ${showValue(asOf).en} ${advice.en}`);
  }
  return { asOf: date, exemptYears };
}

