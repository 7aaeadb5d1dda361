/**
 * The parameters FUNDSPLIT and FACTORSPLIT share, declared once so both read, check and
 * describe them alike: the budget in yuan up to 10^12; lump sums, floors and caps in yuan
 * (exact to the fen), one per unit or one for all; a blank is "no bound" and a cap of 0 is
 * refused (Excel desktop sends a blank cell as 0, docs/excel-behaviour.md).
 */
import { param } from '../core/definition.js';
import { MAX_YUAN } from '../core/money.js';
import { finiteNumber } from '../core/excel-values.js';
import { perUnitCells } from '../core/number-cells.js';

const money = { min: 0, max: MAX_YUAN };

export const budgetParam = param({
  name: 'budget',
  summary: { zh: '要分配的经费总额（元，最多两位小数，不超过 10^12）', en: 'The pot to split (yuan, at most 2 decimals, up to 10^12)' },
  dimensionality: 'scalar',
  type: 'number',
  hint: { zh: '请填写以元为单位、不超过两位小数的非负金额', en: 'Enter a non-negative amount in yuan with at most 2 decimals' },
  schema: finiteNumber().min(0).max(MAX_YUAN),
});

/** Fixed amounts given first; `summary` says what they stand for in each function. */
export const lumpSumsParam = (summary: { zh: string; en: string }) =>
  param({
    name: 'lumpSums',
    summary,
    dimensionality: 'matrix',
    type: 'number',
    optional: true,
    hint: { zh: '请填写每单位一个、以元为单位且不超过两位小数的非负金额（空白为 0）', en: 'Enter one non-negative yuan amount (at most 2 decimals) per unit; blank means 0' },
    schema: perUnitCells({ ...money, blank: true }),
  });

export const floorsParam = param({
  name: 'floors',
  summary: { zh: '保底额（元）：单位合计不低于此数；每单位一个或一个数给全部，空白为不设', en: 'Floors (yuan): a unit\'s total is never below; one per unit or one for all, blank for none' },
  dimensionality: 'matrix',
  type: 'number',
  optional: true,
  hint: { zh: '请填写以元为单位、不超过两位小数的非负金额，空白表示不设保底', en: 'Enter non-negative yuan amounts with at most 2 decimals; blank means no floor' },
  schema: perUnitCells({ ...money, blank: true }),
});

export const capsParam = param({
  name: 'caps',
  summary: {
    zh: '封顶额（元）：单位合计不高于此数；每单位一个或一个数给全部；写 无 或留空为不封顶（0 不可用：Excel 桌面版把空单元格当作 0）',
    en: "Caps (yuan): a unit's total is never above; one per unit or one for all; 无 / none or a blank for no cap (0 is refused: Excel desktop sends a blank cell as 0)",
  },
  dimensionality: 'matrix',
  type: 'number',
  optional: true,
  hint: { zh: '请填写以元为单位、不超过两位小数的正金额；不封顶写 无 或留空', en: 'Enter positive yuan amounts with at most 2 decimals; for no cap write 无 (none) or leave it blank' },
  schema: perUnitCells({ ...money, blank: true }),
  cell: 'bound',
});
