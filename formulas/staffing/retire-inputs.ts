/**
 * The arguments EDU.RETIREDATE and EDU.RETIREAGE share: birth dates (Excel serial dates or
 * ISO 'YYYY-MM-DD' text) and categories (English or Chinese names), one for everybody or
 * one per person. A bad date or an unknown category is an error in that person's cell
 * only, so one typo does not hide the rest of a staff list.
 */
import { z } from 'zod';
import { dateAdvice, isoOf, parseDateCell, toExcelSerial } from '../core/dates.js';
import { type FormulaError, isFormulaError, valueError } from '../core/errors.js';
import { showValue } from '../core/issue-messages.js';
import type { PerUnit } from '../core/excel-values.js';
import type { CellNames } from '../core/cell-names.js';
import { param } from '../core/definition.js';
import { retireCategoryAliases, type RetireCategory, statutoryRetirement, type StatutoryRetirement } from './retirement-reform.js';
import { layoutOf, spread, unitsOf, unitWhere, type UnitLayout } from './units.js';

const anyCell = z.union([z.number(), z.string(), z.boolean(), z.null()]);

export const birthdateParam = param({
  name: 'birthdate',
  summary: {
    zh: '出生日期：Excel 日期，或 1965-01-31、1965/1/31、1965年1月31日 这样的文本；只知年月时写 1965年1月 或 1965-01（按该月 1 日计）；一列或一行，一人一项',
    en: 'Birth date: an Excel date, or text such as 1965-01-31, 1965/1/31, 1965年1月31日; a month alone, 1965年1月 or 1965-01, counts as its first day; a column or row, one per person',
  },
  dimensionality: 'matrix',
  type: 'any',
  hint: { zh: '请填写 Excel 日期，或 1990-05-31、1990年5月 这样的文本', en: 'Enter an Excel date or text such as 1990-05-31 or 1990年5月' },
  schema: unitsOf(anyCell),
  cell: 'date',
});

export const categoryParam = param({
  name: 'category',
  summary: {
    zh: '类别：male/男职工、female-cadre/女干部（原 55 岁）、female-worker/女工人（原 50 岁）；一个值适用于所有人，或一人一项',
    en: 'Category: male, female-cadre (original age 55) or female-worker (original age 50), Chinese names accepted; one for all or one per person',
  },
  dimensionality: 'matrix',
  type: 'string',
  cell: 'text',
  hint: {
    zh: '请填写 男职工、女干部（原法定退休年龄 55 周岁）或 女工人（原法定退休年龄 50 周岁）',
    en: 'Enter male, female-cadre (original age 55) or female-worker (original age 50)',
  },
  schema: unitsOf(anyCell),
});

type Where = { zh: string; en: string };

function dateError(where: Where, raw: unknown): FormulaError {
  if (raw === null) return valueError(`${where.zh}没有出生日期：请填写出生日期`, `${where.en}no birth date: enter one`);
  const advice = dateAdvice(raw, true);
  return valueError(`${where.zh}出生日期 ${showValue(raw).zh} ${advice.zh}`, `${where.en}birth date ${showValue(raw).en} ${advice.en}`);
}

const ambiguousFemale = new Set(['女', '女性', '女职工', 'female', 'f', 'woman', 'women']);

function categoryError(where: Where, raw: unknown): FormulaError {
  if (typeof raw === 'string' && ambiguousFemale.has(raw.trim().toLowerCase())) {
    return valueError(
      `${where.zh}类别 ${showValue(raw).zh} 不够具体：女职工须区分原法定退休年龄 55 周岁（female-cadre / 女干部）和 50 周岁（female-worker / 女工人）`,
      `${where.en}category ${showValue(raw).en} is ambiguous: for women say female-cadre (original age 55) or female-worker (original age 50)`,
    );
  }
  return valueError(
    `${where.zh}类别 ${showValue(raw).zh} 无法识别：请填写 男职工（male）、女干部（female-cadre，原法定退休年龄 55 周岁）或 女工人（female-worker，原法定退休年龄 50 周岁）`,
    `${where.en}category ${showValue(raw).en} is not known: enter male, female-cadre (original age 55) or female-worker (original age 50)`,
  );
}

function categoryOf(raw: unknown): RetireCategory | undefined {
  return typeof raw === 'string' ? retireCategoryAliases[raw.trim().toLowerCase()] : undefined;
}

export interface PersonRetirement extends StatutoryRetirement {
  /** Excel serial of the retirement date. */
  serial: number;
}

/** Each person's retirement (or the error for that person), and how to lay the result out. */
export function retirementsOf(
  birthdate: PerUnit<unknown>,
  category: PerUnit<unknown>,
  cells: CellNames,
): { layout: UnitLayout; people: (PersonRetirement | FormulaError)[] } | FormulaError {
  const layout = layoutOf([
    { name: 'birthdate', value: birthdate },
    { name: 'category', value: category },
  ]);
  if (isFormulaError(layout)) return layout;
  const categories = spread(category, layout);
  const people = spread(birthdate, layout).map((raw, i): PersonRetirement | FormulaError => {
    const where = unitWhere(i, layout, cells, 'birthdate');
    // The retirement table goes by birth month, so a month is enough (its first day is used).
    const birth = parseDateCell(raw, { monthEnough: true });
    if (birth === undefined) return dateError(where, raw);
    const cat = categoryOf(categories[i]);
    if (cat === undefined) return categoryError(unitWhere(i, layout, cells, 'category'), categories[i]);
    const retirement = statutoryRetirement(birth, cat);
    if (retirement.date.year > 9999) {
      return valueError(
        `${where.zh}出生日期 ${isoOf(birth)} 的退休日期晚于 Excel 能表示的 9999-12-31：请检查出生日期`,
        `${where.en}born ${isoOf(birth)}, the retirement date falls after 9999-12-31, the last date Excel can show: check the birth date`,
      );
    }
    return { ...retirement, serial: toExcelSerial(retirement.date) };
  });
  return { layout, people };
}
