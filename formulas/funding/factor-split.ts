/**
 * EDU.FACTORSPLIT(budget, factors, shares, [lumpSums], [floors], [caps], [detail]): the
 * factor method (因素法) of Chinese fiscal allocation. Each factor takes a share of the pot
 * (按人数 50%、分类别 30%、分层次 20%), and that share is divided among the units in
 * proportion to each unit's value of the factor (factor-pots.ts).
 *
 * Floors and caps work as in FUNDSPLIT (clamped-split.ts): a unit below its floor or above
 * its cap is fixed there and the rest of the money is spread again over the other units,
 * each in proportion to its factor-method amount (so every free unit keeps the same mix of
 * shares), until nothing moves. When no floor or cap binds, that rate is exactly 1 and the
 * totals are the factor-method amounts themselves.
 */
import { defineFormula, param } from '../core/definition.js';
import { type FormulaError, valueError } from '../core/errors.js';
import { booleanCell, type ResultCell } from '../core/excel-values.js';
import { fenToYuan, formatYuan, yuanToFen } from '../core/money.js';
import { NumberGrid } from '../core/number-grid.js';
import { lowestTotal, type SplitInput, splitExactly } from './clamped-split.js';
import { shareWeights } from '../core/share.js';
import { potsByShares, splitPot } from './factor-pots.js';
import { numberMatrix, numberVector } from '../core/number-cells.js';
import { checkBudgetReach, checkFloorsBelowCaps, fenPerUnit, tooManyDecimals } from './split-checks.js';
import { budgetParam, capsParam, floorsParam, lumpSumsParam } from './split-params.js';

const percent = (x: number): string => `${Number((x * 100).toPrecision(12))}%`;

export const factorSplit = defineFormula({
  id: 'FACTORSPLIT',
  category: 'funding',
  summary: {
    zh: '因素法分配：每个因素按份额（如按人数 50%、分类别 30%、分层次 20%）取得一块资金，再按各单位该因素的数值比例分到单位；可加一次性拨款、保底和封顶，精确到分',
    en: 'The factor method (因素法): each factor takes a share of the pot (e.g. headcount 50%, category 30%, tier 20%), divided among the units in proportion to their value of that factor; with lump sums, floors and caps, exact to the fen',
  },
  rounding: {
    zh:
      '以分为单位精确计算。先把预算减去一次性拨款后的金额按份额分成各因素的资金块，用最大余数法取整到分（余数相同先给份额较大的因素，再相同给靠前的列），各块之和恰等于该金额；' +
      '每块再按因素值的比例分到各单位，同样用最大余数法取整（余数相同先给该因素值较大的单位，再相同给靠前的行），每块的列恰好相加为该块。' +
      '有保底、封顶起作用时，被保底或封顶的单位固定，其余单位按各自因素法金额的比例重新分配余款，尾差的分按 FUNDSPLIT 的规则（余数从大到小，相同给因素法金额较大者，再相同给靠前的行）。',
    en:
      'Exact in fen. The budget less the lump sums is cut into one pot per factor in the ratio of the shares, by largest remainder (ties to the larger share, then the earlier column), so the pots add up to it exactly; ' +
      'each pot is divided among the units in proportion to the factor, again by largest remainder (ties to the larger factor value, then the earlier row), so each pot\'s column adds up to the pot exactly. ' +
      'When floors or caps bind, those units are fixed and the rest is spread again over the others in proportion to their factor-method amounts, leftover fen as in FUNDSPLIT (largest remainder, ties to the larger factor-method amount, then the earlier row).',
  },
  params: [
    budgetParam,
    param({
      name: 'factors',
      summary: {
        zh: '因素值：每个单位一行，每个因素一列（人数、类别系数、层次系数、学校数……）',
        en: 'Factor values: one row per unit, one column per factor (headcount, category or tier coefficient, schools ...)',
      },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请选择每单位一行、每个因素一列的非负数区域', en: 'Select a range of non-negative numbers, one row per unit and one column per factor' },
      schema: numberMatrix({ min: 0 }),
    }),
    param({
      name: 'shares',
      summary: {
        zh: '各因素所占份额（一行，与 factors 列数相同），可写 50%、0.5 或 50（=1/3 即三分之一），按合计归一',
        en: 'Each factor\'s share of the pot (a row, one per factors column), as 50%, 0.5 or 50 (=1/3 is one third); normalised by their sum',
      },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请给 factors 的每一列一个非负份额', en: 'Give each factors column a non-negative share' },
      schema: numberVector({ min: 0 }),
      zero: {
        advice: { zh: '请给每个因素一个份额（如 50%、30%、20%），至少一个大于 0', en: 'give each factor a share (e.g. 50%, 30%, 20%), at least one above 0' },
        wholeOnly: true,
      },
    }),
    lumpSumsParam({ zh: '先给的一次性拨款（元），每单位一个或一个数给全部', en: 'Fixed amounts given first (yuan), one per unit or one for all' }),
    floorsParam,
    capsParam,
    param({
      name: 'detail',
      summary: {
        zh: 'TRUE：返回明细（一次性拨款、各因素金额、保底/封顶调整、合计）；FALSE 或省略：只返回合计',
        en: 'TRUE: the detail (lump sum, each factor\'s part, floor/cap adjustment, total); FALSE or omitted: totals only',
      },
      dimensionality: 'scalar',
      type: 'boolean',
      optional: true,
      default: false,
      hint: { zh: '请填写 TRUE 或 FALSE', en: 'Enter TRUE or FALSE' },
      schema: booleanCell(),
    }),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'number',
    summary: {
      zh: '每单位一行：合计（元）；detail 为 TRUE 时 n 行 × (因素个数 + 3) 列，各因素列恰好相加为该因素的资金块，调整列相加为 0',
      en: 'One row per unit: the total (yuan); with detail TRUE n rows x (factors + 3), each factor column adding up to its pot and the adjustments to 0',
    },
  },
  pure: true,
  examples: [
    {
      formula: '=EDU.FACTORSPLIT(1000, {1,0;1,1;2,1}, {60%,40%})',
      args: [1000, [[1, 0], [1, 1], [2, 1]], [[0.6, 0.4]]],
      result: [[150], [350], [500]],
    },
    {
      formula: '=EDU.FACTORSPLIT(100, {1;1;1}, 1, , , , TRUE)',
      args: [100, [[1], [1], [1]], 1, null, null, null, true],
      result: [
        [0, 33.34, 0, 33.34],
        [0, 33.33, 0, 33.33],
        [0, 33.33, 0, 33.33],
      ],
    },
    {
      formula: '=EDU.FACTORSPLIT(1000, {1,0;1,1;2,1}, {60,40}, , 200, , TRUE)',
      args: [1000, [[1, 0], [1, 1], [2, 1]], [[60, 40]], null, 200, null, true],
      result: [
        [0, 150, 0, 50, 200],
        [0, 150, 200, -20.59, 329.41],
        [0, 300, 200, -29.41, 470.59],
      ],
    },
  ],
  compute({ budget, factors, shares, lumpSums, floors, caps, detail }, ctx) {
    const n = factors.rows;
    const k = factors.cols;
    const budgetFen = yuanToFen(budget);
    if (budgetFen === undefined) return tooManyDecimals('budget', '', '', budget);
    if (shares.values.length !== k) {
      return valueError(
        `参数 shares 有 ${shares.values.length} 个份额，但 factors 有 ${k} 列（每列一个因素）：请给每个因素一个份额`,
        `shares has ${shares.values.length} values but factors has ${k} columns (one per factor): give one share per factor`,
      );
    }
    const lump = fenPerUnit('lumpSums', lumpSums, n, 0, ctx.cells);
    if (!(lump instanceof Float64Array)) return lump;
    const floor = fenPerUnit('floors', floors, n, 0, ctx.cells);
    if (!(floor instanceof Float64Array)) return floor;
    const cap = fenPerUnit('caps', caps, n, Infinity, ctx.cells);
    if (!(cap instanceof Float64Array)) return cap;
    const crossed = checkFloorsBelowCaps(floor, cap, ctx.cells);
    if (crossed) return crossed;
    // The factor method takes the lump sums off the budget before cutting the pots, so a cap
    // cannot excuse lump sums above the budget (the pots would be negative): refuse them as
    // FUNDSPLIT refuses lump sums and floors above the budget, naming the largest rows.
    let lumpTotal = 0n;
    for (const x of lump) lumpTotal += BigInt(x);
    if (lumpTotal > budgetFen) {
      const uncapped = new Float64Array(n).fill(Infinity);
      const over = checkBudgetReach({ budget: budgetFen, lump, floor, cap: uncapped, weight: lump }, { zh: '因素值', en: 'factor values' }, { cells: ctx.cells, param: 'lumpSums' });
      if (over) return over;
    }
    const parts = factorParts(budgetFen - lumpTotal, factors, shares.values);
    if (!Array.isArray(parts)) return parts;
    const amount = new Float64Array(n);
    for (const column of parts) for (let i = 0; i < n; i++) amount[i]! += column[i]!;
    const input: SplitInput = { budget: budgetFen, lump, floor, cap, weight: amount };
    const infeasible = checkBudgetReach(input, { zh: '因素值', en: 'factor values' }, { cells: ctx.cells, param: 'factors' });
    if (infeasible) return infeasible;
    const lowest = lowestTotal(input);
    if (lowest < budgetFen && amount.every((x) => x === 0)) {
      // Caps cut some lump sums, and nothing was split by the factors to make up the difference.
      const left = formatYuan(budgetFen - lowest);
      return valueError(
        `封顶额压低了一次性拨款，还有 ${left} 元没有分配依据（按因素分的金额都是 0）：请提高封顶额，或减少一次性拨款`,
        `Caps cut the lump sums and ${left} yuan is left with nothing to split it by (every factor part is 0): raise the caps or lower the lump sums`,
      );
    }
    const { totals } = splitExactly(input);
    if (!detail) {
      const yuan = new Float64Array(n);
      for (let i = 0; i < n; i++) yuan[i] = totals[i]! / 100;
      return new NumberGrid(n, 1, yuan);
    }
    return Array.from({ length: n }, (_, i): ResultCell[] => {
      const adjustment = totals[i]! - lump[i]! - amount[i]!;
      return [fenToYuan(lump[i]!), ...parts.map((column) => fenToYuan(column[i]!)), fenToYuan(adjustment), fenToYuan(totals[i]!)];
    });
  },
});

/**
 * Each factor's column of parts (whole fen): `money` (the budget less the lump sums, never
 * negative: compute() refuses lump sums above the budget) cut into
 * pots by share, each pot split by its factor. Errors when there is money to split and a
 * factor with a share has no values, or no factor has a share.
 */
function factorParts(money: bigint, factors: NumberGrid, shares: readonly number[]): Float64Array[] | FormulaError {
  const weights = shareWeights(shares);
  if (money > 0n && weights.every((w) => w === 0n)) {
    return valueError(
      '各因素的份额都是 0，预算减去一次性拨款后的钱没有分配依据：请至少给一个因素正的份额',
      'Every factor\'s share is 0, so the budget left after lump sums has nothing to be split by: give at least one factor a positive share',
    );
  }
  const pots = money > 0n ? potsByShares(money, weights) : shares.map(() => 0n);
  const shareTotal = shares.reduce((a, b) => a + b, 0);
  for (let j = 0; j < shares.length; j++) {
    if (weights[j] === 0n) continue;
    let empty = true;
    for (let i = 0; i < factors.rows && empty; i++) if (factors.data[i * factors.cols + j] !== 0) empty = false;
    if (empty && money > 0n) {
      const share = percent(shares[j]! / shareTotal);
      return valueError(
        `第 ${j + 1} 个因素（factors 第 ${j + 1} 列）各行都是 0，但它的份额是 ${shares[j]}（占 ${share}）：这部分钱没有分配依据。请填入该因素的数值，或把它的份额改为 0`,
        `Factor ${j + 1} (factors column ${j + 1}) is 0 in every row but its share is ${shares[j]} (${share} of the pot): that money has nothing to be split by. Fill in the factor's values or set its share to 0`,
      );
    }
  }
  return pots.map((pot, j) => splitPot(pot, factors, j));
}
