/**
 * EDU.APPORTION(total, weights, [method], [minimum], [maximum]): whole posts (seats, classes,
 * places) shared among units in proportion to their weights, e.g. the 48 posts of the 8
 * district education centres of 平办发〔2023〕22号 (seed 000), one director each at least.
 *
 * Exact: weights are read as the decimals typed and compared as bigint fractions; doubles
 * only give starting estimates. An exact tie for the last post is an error naming the tied
 * rows, never settled by row order.
 */
import { z } from 'zod';
import { defineFormula, param } from '../core/definition.js';
import { type Bilingual, type FormulaError, valueError } from '../core/errors.js';
import { showValue } from '../core/issue-messages.js';
import { decimalOf } from '../core/exact.js';
import { type Cell, choiceOf, type Orientation, orient, type PerUnit, perUnitOf } from '../core/excel-values.js';
import { numberVector } from '../core/number-cells.js';
import type { BoundedProblem } from './apportion-problem.js';
import { type DivisorMethod, divisorApportion, firstPostIsFree } from './divisor-methods.js';
import { hamiltonThenRaise } from './hamilton-raise.js';
import { largestRemainder } from './largest-remainder.js';
import { lookupTable } from '../core/lookup.js';
import { type CellNames, unitName, unitNames } from '../core/cell-names.js';
import { rowLabel, rowLabels } from '../core/row-label.js';

export type ApportionMethod = 'hamilton' | 'hamilton-raise' | DivisorMethod;

/** Every name a cell may use for a method (matched case-insensitively), Chinese names among them. */
export const APPORTION_METHOD_ALIASES: Readonly<Record<string, ApportionMethod>> = lookupTable({
  hamilton: 'hamilton',
  'largest-remainder': 'hamilton',
  'hare-niemeyer': 'hamilton',
  最大余额法: 'hamilton',
  最大余数法: 'hamilton',
  汉密尔顿: 'hamilton',
  汉密尔顿法: 'hamilton',
  'hamilton-raise': 'hamilton-raise',
  vinton: 'hamilton-raise',
  先分后补: 'hamilton-raise',
  jefferson: 'jefferson',
  dhondt: 'jefferson',
  "d'hondt": 'jefferson',
  杰斐逊: 'jefferson',
  杰斐逊法: 'jefferson',
  达洪特: 'jefferson',
  达洪特法: 'jefferson',
  webster: 'webster',
  'sainte-lague': 'webster',
  'sainte-laguë': 'webster',
  韦伯斯特: 'webster',
  韦伯斯特法: 'webster',
  圣拉古: 'webster',
  圣拉古法: 'webster',
  'huntington-hill': 'huntington-hill',
  'equal-proportions': 'huntington-hill',
  '亨廷顿-希尔': 'huntington-hill',
  亨廷顿希尔: 'huntington-hill',
  '亨廷顿-希尔法': 'huntington-hill',
  adams: 'adams',
  亚当斯: 'adams',
  亚当斯法: 'adams',
  dean: 'dean',
  迪安: 'dean',
  迪安法: 'dean',
});

const METHOD_NAMES: Readonly<Record<ApportionMethod, Bilingual>> = {
  hamilton: { zh: 'hamilton 法（最大余额法）', en: 'hamilton (largest remainder)' },
  'hamilton-raise': { zh: 'hamilton-raise 法（最大余额法，先分后补最低名额）', en: 'hamilton-raise (largest remainder, then raise to the minimum)' },
  jefferson: { zh: 'jefferson 法（杰斐逊/达洪特法）', en: "jefferson (D'Hondt)" },
  webster: { zh: 'webster 法（韦伯斯特/圣拉古法）', en: 'webster (Sainte-Laguë)' },
  'huntington-hill': { zh: 'huntington-hill 法（亨廷顿-希尔法）', en: 'huntington-hill' },
  adams: { zh: 'adams 法（亚当斯法）', en: 'adams' },
  dean: { zh: 'dean 法（迪安法）', en: 'dean' },
};

/** A bound cell as Excel sends it; checked in compute so a message can name its row. */
const boundCell = z.union([z.number(), z.string(), z.boolean(), z.null()]);

type BoundName = 'minimum' | 'maximum';

/** Where a bound cell sits, for a message: " 学校!D5" or " 第 3 行" / " row 3", or nothing for a single value. */
function cellAt(index: number | undefined, name: BoundName, orientation: Orientation, cells: CellNames): Bilingual {
  if (index === undefined) return { zh: '', en: '' };
  const at = unitName(cells, name, index, rowLabel(index, orientation));
  return { zh: ` ${at.zh}`, en: ` ${at.en}` };
}

/** One bound cell: blank means "no bound" (`blank`); otherwise a whole number >= 0. */
function boundValue(cell: Cell, name: BoundName, index: number | undefined, orientation: Orientation, blank: number, cells: CellNames): number | FormulaError {
  if (cell === null || cell === '') return blank;
  if (typeof cell === 'number' && Number.isSafeInteger(cell) && cell >= 0) return cell;
  const at = cellAt(index, name, orientation, cells);
  const what: Bilingual =
    name === 'minimum'
      ? { zh: '请填写最低名额（不小于 0 的整数，如 1），留空表示不设下限', en: 'Enter the least posts (a whole number >= 0, e.g. 1), or leave it blank for none' }
      : { zh: '请填写最高名额（大于 0 的整数），写 无 或留空表示不设上限', en: 'Enter the most posts (a whole number above 0), or 无 (none) or a blank for no limit' };
  return valueError(
    `参数 ${name}${at.zh} 的值 ${showValue(cell).zh} 不是不小于 0 的整数：${what.zh}`,
    `${name}${at.en}: ${showValue(cell).en} is not a whole number >= 0. ${what.en}`,
  );
}

/** Expands a bound to one value per unit, checking its length against the weights. */
function boundsOf(bound: PerUnit<Cell> | undefined, name: BoundName, n: number, blank: number, cells: CellNames): number[] | FormulaError {
  if (bound === undefined) return new Array<number>(n).fill(blank);
  if (bound.kind === 'all') {
    const v = boundValue(bound.value, name, undefined, 'column', blank, cells);
    return typeof v === 'number' ? new Array<number>(n).fill(v) : v;
  }
  if (bound.values.length !== n) {
    return valueError(
      `参数 ${name} 有 ${bound.values.length} 个值，而 weights 有 ${n} 个单位：请让 ${name} 与 weights 一一对应（同样多的单元格），或只填一个数用于所有单位`,
      `${name} has ${bound.values.length} values but weights has ${n} units: give one value per unit (as many cells as weights), or a single number for every unit`,
    );
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = boundValue(bound.values[i]!, name, i, bound.orientation, blank, cells);
    if (typeof v !== 'number') return v;
    out.push(v);
  }
  return out;
}

/** The weights exactly, as integers of one common decimal scale: 12.5 and 3 become 125 and 30. */
function exactWeights(values: readonly number[]): bigint[] {
  if (values.every(Number.isSafeInteger)) return values.map((v) => BigInt(v));
  const decimals = values.map(decimalOf);
  const scale = Math.max(...decimals.map((d) => d.scale));
  return decimals.map((d) => d.digits * 10n ** BigInt(scale - d.scale));
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

export const apportion = defineFormula({
  id: 'APPORTION',
  category: 'allocation',
  summary: {
    zh: '按权重把 total 个名额（编制、岗位、班额、学位）分给各单位，结果为整数且合计恰为 total，可设每个单位的最低与最高名额',
    en: 'Shares total whole posts (staff posts, classes, places) among units in proportion to weights; the parts sum to total exactly, with optional per-unit minimums and maximums',
  },
  rounding: {
    zh:
      '每个单位得到整数个名额，合计恰为 total。hamilton：各单位先得份额 total×权重/权重和 的整数部分，剩余名额按小数部分从大到小各补 1 个。' +
      'hamilton-raise：不设下限按 hamilton 分完，再把低于 minimum 的单位补足，所需名额从按小数部分多得 1 个的单位中、小数部分最小者起各收回 1 个。' +
      '除数法取一个公共除数 d，各单位得 权重/d 按本法规则取整，d 的选择使合计恰为 total：jefferson 向下取整；adams 向上取整；' +
      'webster 四舍五入（k 与 k+1 的分界点为 k+0.5）；huntington-hill 分界点为几何平均 √(k(k+1))；dean 分界点为调和平均 2k(k+1)/(2k+1)。' +
      '有最低/最高名额时，取整结果被限制在界内后仍合计为 total。所有判断均以精确分数（大整数）进行，浮点数只作初始估计；最后名额完全平局时报错，不按行序分配。',
    en:
      'Each unit gets a whole number of posts and the parts sum to total exactly. hamilton: each unit first gets the whole part of its quota total×weight/sum of weights, and the posts left go one each to the largest fractional parts. ' +
      'hamilton-raise: hamilton with no bounds, then units below their minimum are raised, the posts taken back one each from the units that won a leftover post, smallest fractional part first. ' +
      'The divisor methods pick one divisor d and round weight/d by their rule, d chosen so the parts sum to total: jefferson rounds down; adams rounds up; ' +
      'webster rounds to nearest (the point between k and k+1 is k+0.5); huntington-hill rounds at the geometric mean √(k(k+1)); dean at the harmonic mean 2k(k+1)/(2k+1). ' +
      'With minimums/maximums the roundings are clamped to each unit\'s bounds and still sum to total. Every decision is made on exact fractions (big integers); doubles only give starting estimates; an exact tie for the last post is an error, never settled by row order.',
  },
  params: [
    param({
      name: 'total',
      summary: { zh: '要分配的名额总数（不小于 0 的整数）', en: 'The number of posts to share out (a whole number >= 0)' },
      dimensionality: 'scalar',
      type: 'number',
      hint: { zh: '请填写要分配的名额总数：不小于 0 的整数，如 48', en: 'Enter the number of posts to share out: a whole number >= 0, e.g. 48' },
      schema: z.number().int().min(0),
    }),
    param({
      name: 'weights',
      summary: { zh: '各单位的权重（如学生数），一列或一行，不小于 0，可带小数', en: 'Each unit’s weight (e.g. pupils): one column or row, >= 0, decimals allowed' },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '每个单位的权重须是不小于 0 的数（如学生数），放在一列或一行中', en: 'Each unit’s weight must be a number >= 0 (e.g. its pupils), in one column or row' },
      schema: numberVector({ min: 0 }),
    }),
    param({
      name: 'method',
      summary: {
        zh: '分配方法（不区分大小写，中文名末尾的“法”可省）：hamilton（最大余额法、最大余数法、汉密尔顿，默认）、hamilton-raise（vinton、先分后补：先不设下限按最大余额法分，再把低于 minimum 的单位补足，名额从按余数多得 1 个、小数部分最小的单位收回）、jefferson（dhondt、杰斐逊、达洪特）、webster（sainte-lague、韦伯斯特、圣拉古）、huntington-hill（亨廷顿-希尔、亨廷顿希尔）、adams（亚当斯）、dean（迪安）',
        en: "Method (any case; Chinese names as listed in the reference): hamilton (largest-remainder, hare-niemeyer, 最大余额法; the default), hamilton-raise (vinton, 先分后补: Hamilton with no bounds, then units below minimum raised, the posts taken back from the smallest winning fractional parts), jefferson (dhondt, d'hondt, 杰斐逊/达洪特), webster (sainte-lague, sainte-laguë, 韦伯斯特/圣拉古), huntington-hill (equal-proportions, 亨廷顿-希尔), adams (亚当斯), dean (迪安)",
      },
      dimensionality: 'scalar',
      type: 'string',
      optional: true,
      default: 'hamilton',
      hint: {
        zh: '请填写 hamilton、hamilton-raise、jefferson、webster、huntington-hill、adams 或 dean（或其中文名，如 最大余额法）',
        en: 'Enter hamilton, hamilton-raise, jefferson, webster, huntington-hill, adams or dean (or a Chinese name such as 最大余额法)',
      },
      schema: choiceOf(APPORTION_METHOD_ALIASES),
    }),
    param({
      name: 'minimum',
      summary: { zh: '每个单位至少得到的名额：一个数用于所有单位，或与 weights 等长的一列/一行；空单元格表示不设下限', en: 'The least posts per unit: one number for every unit, or a column/row as long as weights; a blank cell means none' },
      dimensionality: 'matrix',
      type: 'any',
      optional: true,
      hint: { zh: '请填写不小于 0 的整数，或与 weights 一一对应的区域', en: 'Enter a whole number >= 0, or a range with one per unit of weights' },
      schema: perUnitOf(boundCell),
      cell: 'number',
    }),
    param({
      name: 'maximum',
      summary: {
        zh: '每个单位至多得到的名额：一个数用于所有单位，或与 weights 等长的一列/一行；写 无 或留空表示不设上限（0 不可用：Excel 桌面版把空单元格当作 0）',
        en: 'The most posts per unit: one number for every unit, or a column/row as long as weights; 无 / none or a blank means no limit (0 is refused: Excel desktop sends a blank cell as 0)',
      },
      dimensionality: 'matrix',
      type: 'any',
      optional: true,
      hint: { zh: '请填写大于 0 的整数，或与 weights 一一对应的区域；不设上限写 无', en: 'Enter a whole number above 0, or a range with one per unit of weights; for no limit write 无 (none)' },
      schema: perUnitOf(boundCell),
      cell: 'bound',
    }),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'number',
    summary: { zh: '各单位的名额，与 weights 同向（一列或一行）', en: 'Each unit’s posts, laid out like weights (a column or a row)' },
  },
  pure: true,
  examples: [
    {
      formula: '=EDU.APPORTION(48, {18200;12100;11900;12300;9800;12000;10100;9600})',
      args: [48, [[18200], [12100], [11900], [12300], [9800], [12000], [10100], [9600]]],
      result: [[9], [6], [6], [6], [5], [6], [5], [5]],
    },
    {
      formula: '=EDU.APPORTION(10, {1000;210;40}, "hamilton", 1)',
      args: [10, [[1000], [210], [40]], 'hamilton', 1],
      result: [[7], [2], [1]],
    },
    {
      formula: '=EDU.APPORTION(10, {1000;210;40}, "hamilton-raise", 1)',
      args: [10, [[1000], [210], [40]], 'hamilton-raise', 1],
      result: [[8], [1], [1]],
    },
    {
      formula: '=EDU.APPORTION(250, {1003200,1228600,4990700,813000,764500}, "jefferson")',
      args: [250, [[1003200, 1228600, 4990700, 813000, 764500]], 'jefferson'],
      result: [[28, 35, 143, 23, 21]],
    },
  ],
  compute({ total, weights, method, minimum, maximum }, { cells }) {
    const n = weights.values.length;
    const { orientation } = weights;
    const name = METHOD_NAMES[method];
    /** Units named by their cells in `param` when Excel gave its address, else by row or column. */
    const units = (param: string, indices: readonly number[]): Bilingual => unitNames(cells, param, indices, rowLabels(indices, orientation));
    const lo = boundsOf(minimum, 'minimum', n, 0, cells);
    if (!Array.isArray(lo)) return lo;
    const rawHi = boundsOf(maximum, 'maximum', n, Number.POSITIVE_INFINITY, cells);
    if (!Array.isArray(rawHi)) return rawHi;

    const crossed = lo.flatMap((l, i) => (l > rawHi[i]! ? [i] : []));
    if (crossed.length > 0) {
      const bound = cells.address('minimum', 0) !== undefined ? 'minimum' : 'maximum';
      const at = units(bound, crossed);
      const pairs = crossed.slice(0, 5).map((i) => ({ at: units(bound, [i]), lo: lo[i]!, hi: rawHi[i]! }));
      return valueError(
        `${at.zh}的 minimum 大于 maximum（${pairs.map((x) => `${x.at.zh}：${x.lo} > ${x.hi}`).join('；')}）：请让每个单位的最低名额不超过其最高名额`,
        `${at.en}: minimum is above maximum (${pairs.map((x) => `${x.at.en}: ${x.lo} > ${x.hi}`).join('; ')}): make each unit's minimum no more than its maximum`,
      );
    }

    const exact = exactWeights(weights.values);
    const zeroWeight = exact.flatMap((w, i) => (w === 0n ? [i] : []));
    if (zeroWeight.length === n && total > 0) {
      return valueError(
        `weights 中的权重全为 0，无法按比例分配 total 的 ${total} 个名额：请填写各单位的权重（如学生数），或把 total 设为 0`,
        `All weights are 0, so the ${total} posts of total cannot be shared in proportion: enter each unit's weight (e.g. its pupils), or set total to 0`,
      );
    }
    const loSum = sum(lo);
    if (loSum > total) {
      return valueError(
        `各单位的 minimum 之和为 ${loSum}，超过 total ${total}：请降低部分单位的最低名额，或把 total 提高到至少 ${loSum}`,
        `The minimums add up to ${loSum}, more than total ${total}: lower some units' minimums, or raise total to at least ${loSum}`,
      );
    }
    if (method === 'hamilton-raise') return raiseToMinimum(total, exact, lo, rawHi, weights.values, orientation, (rows) => units('weights', rows));
    const capped = rawHi.map((h) => Math.min(h, total));
    if (sum(capped) < total) {
      return valueError(
        `各单位的 maximum 之和为 ${sum(capped)}，少于 total ${total}：请提高部分单位的最高名额，或把 total 降到不超过 ${sum(capped)}`,
        `The maximums add up to ${sum(capped)}, less than total ${total}: raise some units' maximums, or lower total to at most ${sum(capped)}`,
      );
    }
    // A unit of weight 0 has no share to round: it gets its minimum and nothing more.
    const hi = capped.map((h, i) => (exact[i] === 0n ? lo[i]! : h));
    if (sum(hi) < total) {
      const at = units('weights', zeroWeight);
      const zeroMin = sum(zeroWeight.map((i) => lo[i]!));
      return valueError(
        `权重为 0 的单位（${at.zh}）只分到各自的 minimum（共 ${zeroMin}），其余单位的 maximum 之和为 ${sum(hi) - zeroMin}，合计 ${sum(hi)} 少于 total ${total}：请提高其余单位的 maximum、给这些单位填写大于 0 的权重，或降低 total`,
        `Units of weight 0 (${at.en}) get only their minimums (${zeroMin} in all) and the other units' maximums add up to ${sum(hi) - zeroMin}, ${sum(hi)} in all, less than total ${total}: raise the other units' maximums, give these units a weight above 0, or lower total`,
      );
    }
    // adams, dean and huntington-hill round any positive quotient up to at least 1 post.
    const low =
      method !== 'hamilton' && firstPostIsFree(method) ? lo.map((l, i) => (exact[i]! > 0n && hi[i]! >= 1 ? Math.max(l, 1) : l)) : lo;
    const lowSum = sum(low);
    if (lowSum > total) {
      const needing = low.flatMap((l, i) => (l > lo[i]! ? [i] : []));
      return valueError(
        `${name.zh}给每个权重大于 0 的单位至少 1 个名额（它在 0 与 1 之间的取整分界点为 0），${units('weights', needing).zh} 因此各需 1 个，连同 minimum 共需 ${lowSum} 个，多于 total ${total}：请把 total 提高到至少 ${lowSum}、把不参与分配的单位的权重设为 0，或改用 hamilton、jefferson 或 webster 法`,
        `${name.en} gives every unit of positive weight at least 1 post (its rounding point between 0 and 1 is 0), so ${units('weights', needing).en} each need 1; with the minimums that is ${lowSum} posts, more than total ${total}: raise total to at least ${lowSum}, set the weight of units that should get none to 0, or use hamilton, jefferson or webster`,
      );
    }

    if (total === lowSum) return orient(low, orientation);
    if (total === sum(hi)) return orient(hi, orientation);
    const problem: BoundedProblem = { total, weights: exact, approx: weights.values, lo: low, hi };
    const outcome = method === 'hamilton' ? largestRemainder(problem) : divisorApportion(method, problem);
    if (outcome.kind === 'tie') {
      const at = units('weights', outcome.rows);
      const shown = outcome.rows.slice(0, 10).map((i) => String(weights.values[i]));
      return valueError(
        `${at.zh}（权重 ${shown.join('、')}）按 ${name.zh}完全平局，争最后 ${outcome.posts} 个名额；本函数不按行序分配：请微调其中一个权重、改变 total，或用 minimum/maximum 指定由哪个单位得到`,
        `${at.en} (weights ${shown.join(', ')}) tie exactly under ${name.en} for the last ${outcome.posts} post${outcome.posts > 1 ? 's' : ''}, which is never given by row order: adjust one of their weights slightly, change total, or use minimum/maximum to say which unit gets it`,
      );
    }
    return orient(outcome.seats, orientation);
  },
});

/** EDU.APPORTION with method "hamilton-raise" (hamilton-raise.ts): minimums only. */
function raiseToMinimum(total: number, exact: bigint[], lo: number[], hi: number[], typed: readonly number[], orientation: Orientation, units: (rows: readonly number[]) => Bilingual) {
  if (hi.some((h) => h !== Number.POSITIVE_INFINITY)) {
    return valueError(
      'hamilton-raise 法只按已公布表格的做法补足最低名额，不支持 maximum：有最高名额时请改用 hamilton（先固定超界单位、其余重新分配）',
      'hamilton-raise only raises units to their minimum, as the published tables did, and takes no maximum: with maximums use hamilton (fix the units past a bound, re-split the rest)',
    );
  }
  if (total === 0) return orient(lo, orientation);
  const outcome = hamiltonThenRaise(total, exact, lo);
  if (outcome.kind === 'seats') return orient(outcome.seats, orientation);
  if (outcome.kind === 'short') {
    return valueError(
      `hamilton-raise 法要从按余数多得 1 个名额的单位收回 ${outcome.need} 个名额补足最低名额，但只有 ${outcome.donors} 个这样的单位：请改用 hamilton（先固定、再重新分配），或降低 minimum`,
      `hamilton-raise must take back ${outcome.need} posts from units that won a leftover post to raise units to their minimum, but only ${outcome.donors} such units exist: use hamilton (fix, then re-split), or lower the minimums`,
    );
  }
  const at = units(outcome.rows);
  const shown = outcome.rows.slice(0, 10).map((i) => showValue(typed[i]));
  return valueError(
    `${at.zh}（权重 ${shown.join('、')}）按 hamilton-raise 法的小数部分完全相同，争 ${outcome.posts} 个名额；本函数不按行序分配：请微调其中一个权重或改变 total`,
    `${at.en} (weights ${shown.join(', ')}) have exactly equal fractional parts under hamilton-raise for ${outcome.posts} post${outcome.posts > 1 ? 's' : ''}, which is never settled by row order: adjust one of their weights slightly or change total`,
  );
}
