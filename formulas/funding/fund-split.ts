/**
 * EDU.FUNDSPLIT(budget, drivers, [weights], [lumpSums], [floors], [caps], [detail]):
 * splits a fixed pot exactly to the fen "按人数、分类别、分层次" (by headcount, by category,
 * by tier: seed 000, 平办发〔2023〕22号, 1,600,000 yuan a year over 8 district centres).
 *
 * Unit i gets lump_i + r * Σ_j w_j * d_ij, with r chosen so the parts add up to the
 * budget; a unit pushed below its floor is raised to it, one above its cap held at it, and
 * the rest re-spread over the others until stable (as in the UK school funding formula's
 * floors, capping and scaling). The arithmetic is in clamped-split.ts.
 */
import { type CellNames, rowStart } from '../core/cell-names.js';
import { defineFormula, param } from '../core/definition.js';
import { type FormulaError, valueError } from '../core/errors.js';
import { decimalOf, scaledInteger } from '../core/exact.js';
import { booleanCell, type ResultCell } from '../core/excel-values.js';
import { NumberGrid } from '../core/number-grid.js';
import { fenToYuan, formatYuan, MAX_FEN, yuanToFen } from '../core/money.js';
import { lowestTotal, type Level, type SplitInput, splitExactly } from './clamped-split.js';
import { numberMatrix, numberVector } from '../core/number-cells.js';
import { checkBudgetReach, checkFloorsBelowCaps, fenPerUnit, tooManyDecimals } from './split-checks.js';
import { budgetParam, capsParam, floorsParam, lumpSumsParam } from './split-params.js';


export const fundSplit = defineFormula({
  id: 'FUNDSPLIT',
  category: 'funding',
  summary: {
    zh: '把一笔固定经费按驱动量（人数、类别、层次）乘每单位权重、一次性拨款、保底和封顶分到各单位，精确到分，合计恰等于预算（权重是每人、每个编制的折算数；按各因素所占份额分配用 EDU.FACTORSPLIT）',
    en: 'Splits a fixed budget over units by drivers times a weight per unit of driver, with lump sums, floors and caps, exact to the fen; the parts add up to the budget (weights are per pupil, per post; to give each factor a share of the pot use EDU.FACTORSPLIT)',
  },
  rounding: {
    zh:
      '以分为单位精确计算（整数分与精确分数，不用二进制浮点）。各单位先得其精确金额的整数分；剩下的分（少于单位数）按余数从大到小各补 1 分，' +
      '余数相同先给加权驱动量合计较大的单位，再相同先给靠前的行。保底、封顶都是整分，补分后仍然成立；合计恰等于预算。' +
      '明细（detail 为 TRUE）中，各驱动份额在本行内同样按最大余数法取整（余数相同先给靠前的列），保底/封顶调整 = 合计 − 一次性拨款 − 各份额，故每行恰好相加为合计。',
    en:
      'Exact in fen (whole fen and exact fractions, no binary floating point). Each unit first gets the whole fen of its exact amount; the fen left over ' +
      '(fewer than the units) go one each by largest remainder, ties to the larger weighted driver total, then to the earlier row. Floors and caps are whole ' +
      'fen and still hold; the parts add up to the budget exactly. In the detail (detail TRUE) each row\'s driver shares are rounded the same way within the ' +
      'row (ties to the earlier column) and the floor/cap adjustment is total − lump sum − shares, so every row adds up exactly to its total.',
  },
  params: [
    budgetParam,
    param({
      name: 'drivers',
      summary: {
        zh: '驱动量：每个单位一行，每种驱动量一列（分类别学生数、寄宿生、编制人数、学校数……）',
        en: 'Drivers: one row per unit, one column per driver (pupils by category, boarders, staff, schools ...)',
      },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请选择每单位一行、每种驱动量一列的非负数区域', en: 'Select a range of non-negative numbers, one row per unit and one column per driver' },
      schema: numberMatrix({ min: 0 }),
    }),
    param({
      name: 'weights',
      summary: {
        zh: '每种驱动量“每一个单位”的相对权重（一个编制、一名学生各折多少；一行，与 drivers 列数相同；省略则都为 1）。不是各因素占总额的份额：按份额（如按人数 50%、分类别 30%、分层次 20%）分配请用 EDU.FACTORSPLIT',
        en: 'Relative weight of ONE unit of each driver (one post, one pupil; a row, one per drivers column; default all 1). Not each factor\'s share of the pot: to split by shares (headcount 50%, category 30%, tier 20%) use EDU.FACTORSPLIT',
      },
      dimensionality: 'matrix',
      type: 'number',
      optional: true,
      hint: { zh: '请给 drivers 的每一列一个非负权重', en: 'Give each drivers column a non-negative weight' },
      schema: numberVector({ min: 0 }),
      zero: {
        advice: { zh: '省略该参数则各驱动量权重都为 1；否则请给每一列一个权重（至少一个大于 0）', en: 'leave the argument out to weigh every driver 1; otherwise give each drivers column a weight, at least one above 0' },
        wholeOnly: true,
      },
    }),
    lumpSumsParam({ zh: '先给的一次性拨款（元），每单位一个或一个数给全部，如按层次（XLOOKUP 人数段）定的基数', en: 'Fixed amounts given first (yuan), one per unit or one for all, e.g. a base set by tier (XLOOKUP from a pupil band)' }),
    floorsParam,
    capsParam,
    param({
      name: 'detail',
      summary: {
        zh: 'TRUE：返回明细（一次性拨款、各驱动份额、保底/封顶调整、合计）；FALSE 或省略：只返回合计',
        en: 'TRUE: the detail (lump sum, each driver\'s share, floor/cap adjustment, total); FALSE or omitted: totals only',
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
      zh: '每单位一行：合计（元）；detail 为 TRUE 时 n 行 × (驱动量列数 + 3) 列',
      en: 'One row per unit: the total (yuan); with detail TRUE n rows x (drivers columns + 3)',
    },
  },
  pure: true,
  examples: [
    {
      formula: '=EDU.FUNDSPLIT(100, {1;1;1})',
      args: [100, [[1], [1], [1]]],
      result: [[33.34], [33.33], [33.33]],
    },
    {
      formula: '=EDU.FUNDSPLIT(1000, {10;30;60}, , {100;100;100}, , 450)',
      args: [1000, [[10], [30], [60]], null, [[100], [100], [100]], null, 450],
      result: [[187.5], [362.5], [450]],
    },
    {
      formula: '=EDU.FUNDSPLIT(1000, {10,0;30,1}, {1,50}, 100, , , TRUE)',
      args: [1000, [[10, 0], [30, 1]], [[1, 50]], 100, null, null, true],
      result: [
        [100, 88.89, 0, 0, 188.89],
        [100, 266.67, 444.44, 0, 811.11],
      ],
    },
  ],
  compute({ budget, drivers, weights, lumpSums, floors, caps, detail }, ctx) {
    const n = drivers.rows;
    const k = drivers.cols;
    const budgetFen = yuanToFen(budget);
    if (budgetFen === undefined) return tooManyDecimals('budget', '', '', budget);
    if (weights !== undefined && weights.values.length !== k) {
      return valueError(
        `参数 weights 有 ${weights.values.length} 个数，但 drivers 有 ${k} 列：请给每列驱动量一个权重`,
        `weights has ${weights.values.length} values but drivers has ${k} columns: give one weight per drivers column`,
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
    const scaled = scaleDrivers(drivers, weights?.values ?? Array.from({ length: k }, () => 1));
    const input: SplitInput = { budget: budgetFen, lump, floor, cap, weight: scaled.weight, ...(scaled.big ? { weightBig: scaled.big } : {}) };
    const infeasible = checkBudgetReach(input, { zh: '加权驱动量', en: 'weighted drivers' }, { cells: ctx.cells, param: 'drivers' }) ?? checkSomethingToSpread(input, weights?.values);
    if (infeasible) return infeasible;
    const { level, totals } = splitExactly(input);
    if (!detail) {
      // One column of yuan; a grid, so a county-wide answer is not 100,000 little arrays.
      const yuan = new Float64Array(n);
      for (let i = 0; i < n; i++) yuan[i] = totals[i]! / 100;
      return new NumberGrid(n, 1, yuan);
    }
    return detailRows(input, level, totals, scaled, ctx.cells);
  },
});

interface ScaledDrivers {
  /** S_i = Σ_j W_j * D_ij, the weighted driver totals on one integer scale, as doubles (exact unless `big`). */
  weight: Float64Array;
  /** The S_i as bigints when some are too large for doubles. */
  big?: bigint[];
  /** W_j * D_ij for one unit (the driver shares of the detail). */
  terms(i: number): bigint[];
}

/**
 * Weights and drivers as integers on one decimal scale each (0.5 staff -> 5 at scale 1).
 * Whole drivers whose weighted sums stay below 2^53 are summed exactly in doubles (whole
 * numbers only, checked in the same pass); otherwise every product is a bigint.
 */
function scaleDrivers(drivers: NumberGrid, weights: readonly number[]): ScaledDrivers {
  const { rows: n, data } = drivers;
  const k = weights.length;
  let weightScale = 0;
  for (const w of weights) weightScale = Math.max(weightScale, decimalOf(w).scale);
  const W = weights.map((w) => scaledInteger(w, weightScale)!);
  const Wn = Float64Array.from(W, Number);
  let weightSum = 0n;
  for (const w of W) weightSum += w;
  // Any whole driver up to this keeps every weighted sum below 2^53.
  const limit = weightSum === 0n ? Infinity : Number(BigInt(Number.MAX_SAFE_INTEGER) / weightSum);
  const weight = new Float64Array(n);
  // Drivers packed as integers are known to be whole; only the size limit is left to check.
  let whole = true;
  const known = drivers.whole;
  let most = 0;
  for (let i = 0, at = 0; i < n && whole; i++) {
    let s = 0;
    for (let j = 0; j < k; j++, at++) {
      const x = data[at]!;
      if (x > most) most = x;
      if (!known && x !== Math.floor(x)) whole = false;
      s += Wn[j]! * x;
    }
    weight[i] = s;
  }
  whole &&= most <= limit;
  let driverScale = 0;
  if (!whole) for (const x of data) if (!Number.isInteger(x)) driverScale = Math.max(driverScale, decimalOf(x).scale);
  const D = (x: number): bigint => (driverScale === 0 ? BigInt(x) : scaledInteger(x, driverScale)!);
  const terms = (i: number): bigint[] => W.map((w, j) => w * D(data[i * k + j]!));
  if (whole) return { weight, terms };
  const big = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    let s = 0n;
    for (const t of terms(i)) s += t;
    big[i] = s;
    weight[i] = Number(s);
  }
  return { weight, big, terms };
}

/**
 * The n x (k+3) detail: lump sum, each driver's share r * w_j * d_ij, floor/cap adjustment,
 * total. A free unit's shares add up to total - lump (adjustment 0); a floored or capped
 * unit's shares are its formula amount rounded half up to the fen, and the adjustment is
 * what the floor added or the cap took away.
 */
function detailRows(input: SplitInput, { num, den }: Level, totals: Float64Array, scaled: ScaledDrivers, cells: CellNames): ResultCell[][] | FormulaError {
  const rows: ResultCell[][] = [];
  for (let i = 0; i < totals.length; i++) {
    const lump = BigInt(input.lump[i]!);
    const total = BigInt(totals[i]!);
    const p = num * (scaled.big?.[i] ?? BigInt(scaled.weight[i]!));
    const q = p / den;
    const rho = p % den;
    const base = lump + q;
    const cap = input.cap[i]!;
    const clamped = base < BigInt(input.floor[i]!) || (cap !== Infinity && (base > BigInt(cap) || (base === BigInt(cap) && rho > 0n)));
    const target = clamped ? q + (rho > 0n && 2n * rho >= den ? 1n : 0n) : total - lump;
    if (target > MAX_FEN) {
      const at = rowStart(cells, 'drivers', i);
      return valueError(
        `${at.zh}按驱动量算出的份额超过 10^12 元，明细无法精确显示：请检查该行的驱动量与封顶额，或不用明细（detail 设为 FALSE）`,
        `${at.en}its formula share is above 10^12 yuan and cannot be shown exactly in the detail: check the row's drivers and cap, or set detail to FALSE`,
      );
    }
    const shares = splitRow(scaled.terms(i), num, den, target);
    let sum = lump;
    for (const s of shares) sum += s;
    rows.push([fenToYuan(lump), ...shares.map(fenToYuan), fenToYuan(total - sum), fenToYuan(total)]);
  }
  return rows;
}

/** Shares num * t_j / den rounded to whole fen adding up to `target`: largest remainder, ties to the earlier column. */
function splitRow(terms: readonly bigint[], num: bigint, den: bigint, target: bigint): bigint[] {
  const shares = terms.map((t) => (num * t) / den);
  const rems = terms.map((t, j) => num * t - shares[j]! * den);
  let left = target;
  for (const s of shares) left -= s;
  const order = rems
    .map((r, j) => ({ r, j }))
    .filter((x) => x.r > 0n)
    .sort((a, b) => (a.r > b.r ? -1 : a.r < b.r ? 1 : a.j - b.j));
  for (let m = 0; m < order.length && left > 0n; m++, left--) shares[order[m]!.j]! += 1n;
  return shares;
}

/** Money left after lump sums and floors, with nothing to spread it by. */
function checkSomethingToSpread(input: SplitInput, weights: readonly number[] | undefined): FormulaError | undefined {
  const { budget, weight } = input;
  const lowest = lowestTotal(input);
  if (lowest < budget && weight.every((s) => s === 0)) {
    const left = formatYuan(budget - lowest);
    if (weights !== undefined && weights.every((w) => w === 0)) {
      return valueError(
        `权重全为 0，但预算减去一次性拨款与保底额后还有 ${left} 元没有分配依据：请至少给一种驱动量正的权重`,
        `All weights are 0 but ${left} yuan of the budget is left after lump sums and floors with nothing to spread it by: give at least one driver a positive weight`,
      );
    }
    return valueError(
      `各行的加权驱动量都是 0，预算减去一次性拨款与保底额后还有 ${left} 元没有分配依据：请检查 drivers 区域（及权重）`,
      `Every row's weighted drivers are 0, so ${left} yuan left after lump sums and floors has nothing to be spread by: check the drivers range (and the weights)`,
    );
  }
  return undefined;
}
