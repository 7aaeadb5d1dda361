/**
 * EDU.RATIOPOSTS(count, per, [minimum], [rounding]): the posts a ratio requires, e.g.
 * psychology teachers "不低于 1:1000" of pupils and backbone teachers "每百名学生 1 名以上"
 * (seed 004), inspectors 1 per 5 schools (seed 002). The ratio is an "at least" rule, so
 * count / per is rounded up by default, exactly (no floating point decides a post); a
 * minimum (e.g. at least 1 per school) is applied after rounding.
 */
import { defineFormula, param } from '../core/definition.js';
import { isFormulaError, valueError } from '../core/errors.js';
import { div, rationalOf } from '../core/exact.js';
import { perUnitNumbers } from '../core/number-cells.js';
import { roundingSchema, roundRational } from './rounding.js';
import { layoutOf, shapeResult, spread, unitWhere } from './units.js';

/** The largest whole number a double (and so an Excel cell) holds exactly: 2^53 - 1. */
const MAX_POSTS = BigInt(Number.MAX_SAFE_INTEGER);

export const ratioPosts = defineFormula({
  id: 'RATIOPOSTS',
  category: 'staffing',
  summary: {
    zh: '按比例核定岗位数（如心理健康教师不低于 1:1000、督学 1:5、骨干教师每百名学生 1 名）',
    en: 'Posts required by a ratio (psychology teachers at least 1 per 1,000 pupils, inspectors 1 per 5 schools, backbone teachers 1 per 100 pupils)',
  },
  rounding: {
    zh: '精确计算 count ÷ per，默认向上取整（“不低于”）；可选 down（去尾）或 nearest（四舍五入）；再与 minimum 取大',
    en: 'count ÷ per exactly, rounded up by default ("at least"); down or nearest on request; then raised to minimum',
  },
  params: [
    param({
      name: 'count',
      summary: { zh: '学生数、学校数等（一个值，或每单位一项的一列/一行）', en: 'Pupils, schools, ... (one value, or a column/row with one per unit)' },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请填写不小于 0 的数', en: 'Enter numbers of 0 or more' },
      schema: perUnitNumbers({ min: 0 }),
    }),
    param({
      name: 'per',
      summary: { zh: '每个岗位对应的数量，如 1000（1:1000）', en: 'How many of count per post, e.g. 1000 for 1:1000' },
      dimensionality: 'matrix',
      type: 'number',
      hint: { zh: '请填写大于 0 的数，如 1:1000 填 1000', en: 'Enter a number above 0, e.g. 1000 for 1:1000' },
      schema: perUnitNumbers({ min: 0, positive: true }),
    }),
    param({
      name: 'minimum',
      summary: { zh: '可选：每单位至少的岗位数，默认 0', en: 'Optional: the fewest posts per unit, default 0' },
      dimensionality: 'matrix',
      type: 'number',
      optional: true,
      default: 0,
      hint: { zh: '请填写不小于 0 的整数', en: 'Enter a whole number of 0 or more' },
      schema: perUnitNumbers({ min: 0, integer: true }),
    }),
    param({
      name: 'rounding',
      summary: { zh: '可选：up（向上，默认）、down（向下）、nearest（四舍五入）', en: 'Optional: up (default), down or nearest' },
      dimensionality: 'scalar',
      type: 'string',
      optional: true,
      default: 'up',
      hint: { zh: '请填写 up、down 或 nearest（或 向上取整、向下取整、四舍五入）', en: 'Enter up, down or nearest (or 向上取整, 向下取整, 四舍五入)' },
      schema: roundingSchema(),
    }),
  ],
  result: {
    dimensionality: 'matrix',
    type: 'number',
    summary: { zh: '每单位岗位数（与 count 同向排列）', en: 'Posts per unit, laid out like count' },
  },
  pure: true,
  examples: [
    // Psychology teachers 不低于 1:1000: 2,350 pupils → 2.35 → 3.
    { formula: '=EDU.RATIOPOSTS(2350, 1000)', args: [2350, 1000], result: [[3]] },
    // Inspectors 1:5 for 12, 10 and 3 schools: 2.4 → 3, 2, 0.6 → 1.
    { formula: '=EDU.RATIOPOSTS({12;10;3}, 5)', args: [[[12], [10], [3]], 5], result: [[3], [2], [1]] },
    // Backbone teachers 1 per 100 pupils, rounded down for comparison, at least 1: 80 → 0 → 1; 250 → 2.
    { formula: '=EDU.RATIOPOSTS({80;250}, 100, 1, "down")', args: [[[80], [250]], 100, 1, 'down'], result: [[1], [2]] },
  ],
  compute({ count, per, minimum, rounding }, ctx) {
    const layout = layoutOf([
      { name: 'count', value: count },
      { name: 'per', value: per },
      { name: 'minimum', value: minimum },
    ]);
    if (isFormulaError(layout)) return layout;
    const pers = spread(per, layout);
    const minimums = spread(minimum, layout);
    const counts = spread(count, layout);
    const cells: number[] = [];
    for (let i = 0; i < counts.length; i++) {
      const posts = roundRational(div(rationalOf(counts[i]!), rationalOf(pers[i]!)), rounding);
      // A tiny per (1e-300) makes a post count no cell can hold exactly; say so rather than answer Infinity (null on the wire).
      if (posts > MAX_POSTS) {
        const at = unitWhere(i, layout, ctx.cells, 'per');
        return valueError(
          `${at.zh}count ÷ per = ${counts[i]} ÷ ${pers[i]} 超过 ${MAX_POSTS} 个岗位，无法精确表示：请检查 per（每个岗位对应的数量，如 1:1000 填 1000）`,
          `${at.en}count ÷ per = ${counts[i]} ÷ ${pers[i]} is more than ${MAX_POSTS} posts, beyond exact representation: check per (how many of count per post, e.g. 1000 for 1:1000)`,
        );
      }
      cells.push(Math.max(Number(posts), minimums[i]!));
    }
    return shapeResult(cells, layout);
  },
});
