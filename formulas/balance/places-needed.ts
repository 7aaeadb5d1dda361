/**
 * EDU.PLACESNEEDED(enrolment, level, [seats], [classes], [classSize], [maxSchool], [profile]):
 * the classes and schools a projected enrolment needs, by area and school level, and what is
 * short against the seats and classes there now. For planners of urbanisation and of seed
 * 003's class sizes ("到2025年秋季开学，基本消除56人以上大班额，到2026年，中小学校全部达到国家
 * 规定标准班额和规模").
 *
 * - Classes at the standard size (45 primary, 50 junior: 教督〔2017〕6号, from the profile),
 *   or at a size the caller gives (55 keeps every class below 大班额, seed 003's 2025 step).
 * - Schools within the size cap: 2,000 pupils (教督〔2017〕6号; 2,500 for 九年一贯制, give
 *   maxSchool 2500).
 * - Every "needed" figure is "at least", so it rounds up, in integers (no floating point).
 */
import { z } from 'zod';
import { defineFormula, param } from '../core/definition.js';
import { type Bilingual, valueError } from '../core/errors.js';
import { type ResultCell, expandPerUnit } from '../core/excel-values.js';
import { numberVector, perUnitNumbers } from '../core/number-cells.js';
import { profileParam } from '../core/profile-param.js';
import { profileNumber, resolveProfile } from '../core/profiles.js';
import { levelsParam } from './balance-params.js';
import { type Level, levelsFor } from './indicators.js';

const AREAS: Bilingual = { zh: 'enrolment', en: 'enrolment' };

/** ⌈a / b⌉ for whole a ≥ 0, b > 0. */
const ceilDiv = (a: number, b: number): number => Math.floor((a + b - 1) / b);

const currentParam = (name: 'seats' | 'classes', summary: Bilingual, hint: Bilingual) =>
  param({ name, summary, dimensionality: 'matrix', type: 'number', optional: true, hint, schema: perUnitNumbers({ min: 0, integer: true }) });

const sizeParam = (name: 'classSize' | 'maxSchool', summary: Bilingual, hint: Bilingual, advice: Bilingual) =>
  param({ name, summary, dimensionality: 'scalar', type: 'number', optional: true, hint, schema: z.number().int().min(1).max(100_000), zero: { advice } });

export const placesNeeded = defineFormula({
  id: 'PLACESNEEDED',
  category: 'balance',
  summary: {
    zh: '预计在校生所需的班级数、学校数（不超过规模上限），以及对照现有学位、班级的缺口；按区域和学段逐行计算',
    en: 'The classes and schools (within the size cap) a projected enrolment needs, and the shortfall against current seats and classes; one row per area and level',
  },
  rounding: {
    zh: '“至少需要”一律向上取整：班数 ⌈在校生 ÷ 班额⌉，学校数 ⌈在校生 ÷ 规模上限⌉；缺口 = 需要 − 现有，不足 0 记 0；整数运算',
    en: '"At least" rounds up: classes ⌈enrolment ÷ class size⌉, schools ⌈enrolment ÷ size cap⌉; shortfall = needed − current, never below 0; integer arithmetic',
  },
  params: [
    param({
      name: 'enrolment',
      summary: { zh: '预计在校生数：每个区域、学段一行', en: 'Projected enrolment: one row per area and level' },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请选择预计在校生数所在的一列，每个为不小于 0 的整数', en: 'Select the column of projected enrolments, each a whole number of at least 0' },
      schema: numberVector({ min: 0, integer: true }),
    }),
    levelsParam(),
    currentParam(
      'seats',
      { zh: '现有学位数，与 enrolment 一一对应（或一个数用于每行）；省略或空白按 0', en: 'Current seats, one per enrolment row (or one number for every row); omitted or blank: 0' },
      { zh: '请选择现有学位数所在的一列，每个为不小于 0 的整数', en: 'Select the column of current seats, each a whole number of at least 0' },
    ),
    currentParam(
      'classes',
      { zh: '现有班级数，与 enrolment 一一对应（或一个数用于每行）；省略或空白按 0', en: 'Current classes, one per enrolment row (or one number for every row); omitted or blank: 0' },
      { zh: '请选择现有班级数所在的一列，每个为不小于 0 的整数', en: 'Select the column of current classes, each a whole number of at least 0' },
    ),
    sizeParam(
      'classSize',
      { zh: '每班最多人数；省略取标准班额（小学 45、初中 50，政策配置 balance.classSize.standard）', en: 'Most pupils per class; omitted: the standard size (primary 45, junior 50, profile balance.classSize.standard)' },
      { zh: '请填写大于 0 的整数，如 55（消除大班额的过渡目标）', en: 'Enter a whole number above 0, e.g. 55 (the interim step that removes 大班额)' },
      { zh: '请填写大于 0 的班额，或省略该参数取标准班额', en: 'enter a class size above 0, or leave the argument out for the standard size' },
    ),
    sizeParam(
      'maxSchool',
      { zh: '每校最多人数；省略取 2000（政策配置 balance.schoolSize.max）；九年一贯制学校可填 2500', en: 'Most pupils per school; omitted: 2000 (profile balance.schoolSize.max); 2500 for nine-year schools' },
      { zh: '请填写大于 0 的整数，如 2000 或 2500', en: 'Enter a whole number above 0, e.g. 2000 or 2500' },
      { zh: '请填写大于 0 的规模上限，或省略该参数取 2000', en: 'enter a size cap above 0, or leave the argument out for 2000' },
    ),
    profileParam(),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'number',
    summary: {
      zh: '每行 4 列：所需班级数、所需学校数、学位缺口、班级缺口',
      en: 'One row each, 4 columns: classes needed, schools needed, seats short, classes short',
    },
  },
  pure: false,
  examples: [
    { formula: '=EDU.PLACESNEEDED(6000, "小学")', args: [6000, '小学', null, null, null, null, null], result: [[134, 3, 6000, 134]] },
    { formula: '=EDU.PLACESNEEDED(3500, "初中")', args: [3500, '初中', null, null, null, null, null], result: [[70, 2, 3500, 70]] },
    {
      formula: '=EDU.PLACESNEEDED({5000;2300}, {"小学";"初中"}, {4600;2400}, {92;44}, 55)',
      args: [[[5000], [2300]], [['小学'], ['初中']], [[4600], [2400]], [[92], [44]], 55, null, null],
      result: [
        [91, 3, 400, 0],
        [42, 2, 0, 0],
      ],
    },
  ],
  compute({ enrolment, level, seats, classes, classSize, maxSchool, profile }, ctx) {
    const n = enrolment.values.length;
    for (const [name, column] of [['seats', seats], ['classes', classes]] as const) {
      if (column?.kind === 'each' && column.values.length !== n) {
        return valueError(`参数 enrolment 有 ${n} 个，${name} 有 ${column.values.length} 个：两者应一一对应`, `enrolment has ${n} entries but ${name} has ${column.values.length}: give one per enrolment row`);
      }
    }
    const currentSeats = seats ? expandPerUnit(seats, n) : [];
    const currentClasses = classes ? expandPerUnit(classes, n) : [];
    const levels = levelsFor(level, n, AREAS);
    if ('error' in levels) return levels;
    const resolved = resolveProfile(ctx.profiles, profile);
    if ('error' in resolved) return resolved;
    const cap = maxSchool ?? profileNumber(resolved, 'balance.schoolSize.max');
    if (typeof cap !== 'number') return cap;
    const sizes = new Map<Level, number>();
    for (const l of new Set(levels)) {
      const size = classSize ?? profileNumber(resolved, `balance.classSize.standard.${l}`);
      if (typeof size !== 'number') return size;
      sizes.set(l, size);
    }
    return enrolment.values.map((e, i): ResultCell[] => {
      const classesNeeded = ceilDiv(e, sizes.get(levels[i]!)!);
      return [classesNeeded, ceilDiv(e, cap), Math.max(0, e - (currentSeats[i] ?? 0)), Math.max(0, classesNeeded - (currentClasses[i] ?? 0))];
    });
  },
});
