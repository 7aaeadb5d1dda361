import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPORTION_METHOD_ALIASES, apportion } from '../../../formulas/allocation/apportion.js';
import type { FormulaError } from '../../../formulas/core/errors.js';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';
import { type Method, divisorOracle, hamiltonOracle, isDivisorAllocation } from './apportion-oracle.js';

const ctx = { profiles: shippedProfileSource };
const run = (...args: unknown[]) => invoke(apportion, args, ctx);
const col = (xs: readonly unknown[]): unknown[][] => xs.map((x) => [x]);
const METHODS: readonly Method[] = ['hamilton', 'jefferson', 'webster', 'huntington-hill', 'adams', 'dean'];
const DIVISOR_METHODS = METHODS.filter((m): m is Exclude<Method, 'hamilton'> => m !== 'hamilton');

/** The seats of a column result. */
function seats(result: unknown): number[] {
  if (!Array.isArray(result)) throw new Error(`expected seats, got ${JSON.stringify(result)}`);
  return (result as number[][]).map((r) => r[0]!);
}

function errorOf(result: unknown): FormulaError['error'] {
  expect(result).toHaveProperty('error');
  return (result as FormulaError).error;
}

const isTie = (result: unknown): boolean =>
  typeof result === 'object' && result !== null && 'error' in result && (result as FormulaError).error.en.includes('tie exactly');

describe('EDU.APPORTION bad arguments', () => {
  it('total must be a whole number >= 0', () => {
    for (const [total, zh, en] of [
      [-1, '小于 0', 'is below 0'],
      [2.5, '不是整数', 'is not a whole number'],
      ['四十八', '不是数字', 'is not a number'],
    ] as const) {
      const e = errorOf(run(total, col([1, 2])));
      expect(e.code).toBe('VALUE');
      expect(e.zh).toContain('total');
      expect(e.zh).toContain(zh);
      expect(e.zh).toContain('不小于 0 的整数');
      expect(e.en).toContain(en);
      expect(e.en).toContain(String(total));
    }
  });

  it('a negative, non-numeric or empty weight names its row (or column) and value', () => {
    let e = errorOf(run(10, col([5, -3, 5])));
    expect(e.zh).toContain('weights 第 2 行');
    expect(e.zh).toContain('-3');
    expect(e.zh).toContain('小于 0');
    expect(e.en).toContain('weights row 2: -3 is below 0');
    e = errorOf(run(10, col([5, 5, 'abc'])));
    expect(e.zh).toContain('第 3 行');
    expect(e.en).toContain('row 3: "abc" is not a number');
    // A blank weight is 0 whichever way Excel sends it (null, "" or 0), and text showing a number is that number.
    expect(run(10, col([5, null, 5]))).toEqual(run(10, col([5, 0, 5])));
    expect(run(10, col([5, '', 5]))).toEqual(run(10, col([5, 0, 5])));
    expect(run(10, col(['5', ' 0 ', '５']))).toEqual(run(10, col([5, 0, 5])));
    e = errorOf(run(10, [[5, 5, -1]]));
    expect(e.zh).toContain('第 3 列');
    expect(e.en).toContain('column 3');
    e = errorOf(run(10, [[1, 2], [3, 4]]));
    expect(e.zh).toContain('必须是一行或一列');
    expect(e.en).toContain('must be a single row or column');
  });

  it('an unknown method lists the choices', () => {
    const e = errorOf(run(10, col([1, 2]), 'fair'));
    expect(e.zh).toContain('"fair"');
    expect(e.zh).toContain('不是可选值之一');
    expect(e.en).toContain('Enter hamilton, hamilton-raise, jefferson, webster, huntington-hill, adams or dean');
  });

  it('all weights zero with total > 0', () => {
    const e = errorOf(run(48, col([0, 0, 0])));
    expect(e.zh).toContain('权重全为 0');
    expect(e.zh).toContain('48');
    expect(e.en).toContain('All weights are 0, so the 48 posts');
    expect(run(0, col([0, 0, 0]))).toEqual([[0], [0], [0]]);
  });

  it('minimums summing above total say both sums', () => {
    const e = errorOf(run(10, col([1, 2, 3]), 'hamilton', col([4, 4, 3])));
    expect(e.zh).toContain('minimum 之和为 11，超过 total 10');
    expect(e.en).toContain('The minimums add up to 11, more than total 10');
    expect(e.en).toContain('raise total to at least 11');
  });

  it('maximums summing below total say both sums', () => {
    const e = errorOf(run(10, col([1, 2, 3]), 'webster', null, 3));
    expect(e.zh).toContain('maximum 之和为 9，少于 total 10');
    expect(e.en).toContain('The maximums add up to 9, less than total 10');
  });

  it('a minimum above its maximum names the row and both numbers', () => {
    const e = errorOf(run(10, col([1, 2, 3]), 'hamilton', col([0, 5, 0]), col([9, 4, 9])));
    expect(e.zh).toContain('第 2 行的 minimum 大于 maximum');
    expect(e.zh).toContain('5 > 4');
    expect(e.en).toContain('row 2: minimum is above maximum (row 2: 5 > 4)');
  });

  it('mismatched range sizes give both lengths', () => {
    let e = errorOf(run(10, col([1, 2, 3]), 'hamilton', col([1, 1])));
    expect(e.zh).toContain('minimum 有 2 个值，而 weights 有 3 个单位');
    expect(e.en).toContain('minimum has 2 values but weights has 3 units');
    e = errorOf(run(10, col([1, 2, 3]), 'hamilton', null, [[1, 2, 3, 4]]));
    expect(e.en).toContain('maximum has 4 values but weights has 3 units');
  });

  it('a bad bound cell names its row and value', () => {
    let e = errorOf(run(10, col([1, 2, 3]), 'hamilton', col([1, -2, 0])));
    expect(e.zh).toContain('minimum 第 2 行 的值 -2 不是不小于 0 的整数');
    expect(e.en).toContain('minimum row 2: -2 is not a whole number >= 0');
    e = errorOf(run(10, col([1, 2, 3]), 'hamilton', null, [[5, 1.5, 5]]));
    expect(e.zh).toContain('maximum 第 2 列 的值 1.5');
    expect(e.en).toContain('maximum column 2: 1.5 is not a whole number');
    e = errorOf(run(10, col([1, 2, 3]), 'hamilton', 'two'));
    expect(e.en).toContain('minimum: "two" is not a whole number >= 0');
  });

  it('units of weight 0 that would have to take posts above their minimum', () => {
    const e = errorOf(run(10, col([5, 0, 5]), 'hamilton', null, col([3, null, 3])));
    expect(e.zh).toContain('权重为 0 的单位（第 2 行）');
    expect(e.zh).toContain('少于 total 10');
    expect(e.en).toContain('Units of weight 0 (row 2) get only their minimums');
    expect(e.en).toContain('6 in all, less than total 10');
  });

  it('huntington-hill, dean and adams need a post for every unit of positive weight', () => {
    for (const method of ['huntington-hill', 'dean', 'adams']) {
      const e = errorOf(run(2, col([100, 1, 1]), method));
      expect(e.zh).toContain('给每个权重大于 0 的单位至少 1 个名额');
      expect(e.zh).toContain('共需 3 个，多于 total 2');
      expect(e.en).toContain(`${method} gives every unit of positive weight at least 1 post`);
      expect(e.en).toContain('rows 1, 2, 3 each need 1');
    }
  });
});

describe('EDU.APPORTION reference values', () => {
  // United States, 1790 census: the apportionment populations of the 15 states (total 3,615,920),
  // as tabulated in COMAP, For All Practical Purposes, 10th ed., ch. 14, Example 6, and in
  // Balinski & Young, Fair Representation (2nd ed., 2001), ch. 3.
  const states = ['CT', 'DE', 'GA', 'KY', 'MD', 'MA', 'NH', 'NJ', 'NY', 'NC', 'PA', 'RI', 'SC', 'VT', 'VA'];
  const pop1790 = [236841, 55540, 70835, 68705, 278514, 475327, 141822, 179570, 331589, 353523, 432879, 68446, 206236, 85533, 630560];

  it('1792: Hamilton, 120 seats (the bill Washington vetoed)', () => {
    // Standard divisor 3,615,920 / 120 = 30,132.67. Lower quotas sum to 111; the 9 seats left go
    // to the largest fractions: NJ .959, VA .926, CT .860, SC .844, DE .843, VT .839, MA .774,
    // NC .732, NH .707 (next: PA .366). Result as in FAPP Table 14.5 and in the bill
    // (National Archives, "The 1790 Census and the First Veto": NH 5, MA 16, VT 3, RI 2, CT 8,
    // NY 11, NJ 6, PA 14, DE 2, MD 9, VA 21, KY 2, NC 12, SC 7, GA 2).
    const expected = { CT: 8, DE: 2, GA: 2, KY: 2, MD: 9, MA: 16, NH: 5, NJ: 6, NY: 11, NC: 12, PA: 14, RI: 2, SC: 7, VT: 3, VA: 21 };
    expect(seats(run(120, col(pop1790)))).toEqual(states.map((s) => expected[s as keyof typeof expected]));
  });

  it('1792: Jefferson, 105 seats (the Apportionment Act of 1792, one per 33,000)', () => {
    // Divisor 33,000: CT 7.18, DE 1.68, GA 2.15, KY 2.08, MD 8.44, MA 14.40, NH 4.30, NJ 5.44,
    // NY 10.05, NC 10.71, PA 13.12, RI 2.07, SC 6.25, VT 2.59, VA 19.11; rounded down they sum to 105.
    const expected = [7, 1, 2, 2, 8, 14, 4, 5, 10, 10, 13, 2, 6, 2, 19];
    expect(seats(run(105, col(pop1790), 'jefferson'))).toEqual(expected);
    expect(seats(run(105, col(pop1790), 'dhondt'))).toEqual(expected);
  });

  // Republic of Hydrangea: 5 states, 250 seats (Angel, Abbott & Runde, A Survey of Mathematics
  // with Applications, §14.3, Examples 3-6). Populations A 1,003,200, B 1,228,600,
  // C 4,990,700, D 813,000, E 764,500; total 8,800,000, standard divisor 35,200.
  const hydrangea = [1003200, 1228600, 4990700, 813000, 764500];

  it('Hydrangea, hamilton', () => {
    // Quotas 28.50, 34.90, 141.78, 23.10, 21.72; lower quotas sum to 247; the 3 seats left go to
    // B (.90), C (.78), E (.72) ahead of A (.50) and D (.10).
    expect(seats(run(250, col(hydrangea)))).toEqual([28, 35, 142, 23, 22]);
  });

  it('Hydrangea, jefferson (the book: divisor 34,900, C gets 143 and breaks quota)', () => {
    // 34,900: 28.74, 35.20, 143.00, 23.30, 21.91 -> 28, 35, 143, 23, 21 = 250.
    expect(seats(run(250, col(hydrangea), 'jefferson'))).toEqual([28, 35, 143, 23, 21]);
  });

  it('Hydrangea, adams (the book: divisor 35,400)', () => {
    // 35,400: 28.34, 34.71, 140.98, 22.97, 21.60 -> rounded up 29, 35, 141, 23, 22 = 250.
    expect(seats(run(250, col(hydrangea), 'adams'))).toEqual([29, 35, 141, 23, 22]);
  });

  it('Hydrangea, webster, huntington-hill and dean (divisor 35,240 works for all three)', () => {
    // 35,240: quotients 28.468, 34.864, 141.621, 23.070, 21.694.
    // webster: nearest -> 28, 35, 142, 23, 22 = 250 (at 35,200 A's 28.5 would round up to 251).
    // huntington-hill signposts √(k(k+1)): 28.4956, (34.4964, 35.4965), (141.4991, 142.4991),
    //   (22.4944, 23.4947), (21.4942, 22.4944) -> 28, 35, 142, 23, 22.
    // dean signposts 2k(k+1)/(2k+1): 28.4912, (34.4928, 35.4930), (141.4982, 142.4982),
    //   (22.4889, 23.4894), (21.4884, 22.4889) -> 28, 35, 142, 23, 22.
    for (const method of ['webster', 'huntington-hill', 'dean']) {
      expect(seats(run(250, col(hydrangea), method))).toEqual([28, 35, 142, 23, 22]);
    }
  });

  it('the divisors quoted above reproduce each method (certificate check)', () => {
    const rule: Record<string, (q: number) => number> = {
      jefferson: Math.floor,
      adams: Math.ceil,
      webster: (q) => Math.floor(q + 0.5),
      'huntington-hill': (q) => (q > Math.sqrt(Math.floor(q) * (Math.floor(q) + 1)) ? Math.ceil(q) : Math.floor(q)),
      dean: (q) => {
        const k = Math.floor(q);
        return q > (2 * k * (k + 1)) / (2 * k + 1) ? k + 1 : k;
      },
    };
    const divisor: Record<string, number> = { jefferson: 34900, adams: 35400, webster: 35240, 'huntington-hill': 35240, dean: 35240 };
    for (const method of Object.keys(rule)) {
      const rounded = hydrangea.map((p) => rule[method]!(p / divisor[method]!));
      expect(rounded.reduce((a, b) => a + b, 0)).toBe(250);
      expect(seats(run(250, col(hydrangea), method))).toEqual(rounded);
    }
  });

  it('seed 000: 48 posts over the 8 district centres (illustrative pupil numbers)', () => {
    // 平办发〔2023〕22号 gives the centres 9, 6, 6, 6, 5, 6, 5, 5 posts (48 in all, 1 书记兼主任 each).
    // The seed gives no pupil numbers; these are illustrative, chosen to sum to 96,000, so each
    // quota is pupils × 48 / 96,000 = pupils / 2,000:
    //   18,200 -> 9.10   12,100 -> 6.05   11,900 -> 5.95   12,300 -> 6.15
    //    9,800 -> 4.90   12,000 -> 6.00   10,100 -> 5.05    9,600 -> 4.80
    // Whole parts 9+6+5+6+4+6+5+4 = 45; the 3 left go to the largest fractions .95 (centre 3),
    // .90 (centre 5), .80 (centre 8) -> 9, 6, 6, 6, 5, 6, 5, 5: the seed's table.
    const pupils = [18200, 12100, 11900, 12300, 9800, 12000, 10100, 9600];
    const seed = [9, 6, 6, 6, 5, 6, 5, 5];
    expect(seats(run(48, col(pupils)))).toEqual(seed);
    // With at least 1 post per centre (the 书记兼主任) nothing changes: every quota is above 1.
    expect(seats(run(48, col(pupils), 'hamilton', 1))).toEqual(seed);
    // At least 5 (the smallest centre's 1 + 4): centres 5 and 8 (quotas 4.90, 4.80) are fixed at
    // 5 and the other 38 posts re-split over 76,600 pupils: 9.030, 6.003, 5.903, 6.102, 5.953,
    // 5.010 -> whole parts 36, the 2 left to .953 (centre 6) and .903 (centre 3).
    expect(seats(run(48, col(pupils), 'hamilton', 5))).toEqual(seed);
  });

  it('a minimum that binds: 10 posts over 1,000, 210 and 40 pupils, at least 1 each', () => {
    // Unbounded: quotas 8.00, 1.68, 0.32 -> 8, 1, 0 and the 1 left to .68: 8, 2, 0.
    expect(seats(run(10, col([1000, 210, 40])))).toEqual([8, 2, 0]);
    // Minimum 1: the third unit's quota 0.32 < 1, so it is fixed at 1; 9 posts over 1,210:
    // 7.438, 1.562 -> 7, 1 and the 1 left to .562: 7, 2, 1.
    expect(seats(run(10, col([1000, 210, 40]), 'hamilton', 1))).toEqual([7, 2, 1]);
  });

  it('the Alabama paradox: hamilton, 10 -> 11 posts, the smallest unit loses its post', () => {
    // Wellesley College, Math & Politics modules, apportionment exercises: populations 540, 2,430, 7,030.
    // 10 posts: quotas 0.54, 2.43, 7.03 -> 0, 2, 7 and the 1 left to .54: 1, 2, 7.
    // 11 posts: quotas 0.594, 2.673, 7.733 -> 0, 2, 7 and the 2 left to .733 and .673: 0, 3, 8.
    expect(seats(run(10, col([540, 2430, 7030])))).toEqual([1, 2, 7]);
    expect(seats(run(11, col([540, 2430, 7030])))).toEqual([0, 3, 8]);
    // A divisor method does not do that. webster, divisor 1,000: 0.54, 2.43, 7.03 -> 1, 2, 7;
    // 11 posts, divisor 950: 0.568, 2.558, 7.400 -> 1, 3, 7 (the smallest unit keeps its post).
    expect(seats(run(10, col([540, 2430, 7030]), 'webster'))).toEqual([1, 2, 7]);
    expect(seats(run(11, col([540, 2430, 7030]), 'webster'))).toEqual([1, 3, 7]);
  });
});

describe('EDU.APPORTION edge cases', () => {
  it('a row of weights gives a row; a column gives a column', () => {
    expect(run(10, [[540, 2430, 7030]])).toEqual([[1, 2, 7]]);
    expect(run(10, col([540, 2430, 7030]))).toEqual([[1], [2], [7]]);
    // A per-unit bound may run the other way; only its length must match.
    expect(run(10, [[540, 2430, 7030]], 'hamilton', col([1, 1, 1]))).toEqual([[1, 2, 7]]);
    // One unit takes everything.
    expect(run(7, [[3]])).toEqual([[7]]);
  });

  it('total 0 gives zeros', () => {
    for (const method of METHODS) expect(run(0, col([3, 4, 5]), method)).toEqual([[0], [0], [0]]);
  });

  it('units of weight 0 get 0, or their minimum', () => {
    expect(seats(run(4, col([0, 10, 20])))).toEqual([0, 1, 3]);
    // Minimum 1 for the first: it takes 1, and the 3 others split 10:20 -> 1, 2.
    expect(seats(run(4, col([0, 10, 20]), 'hamilton', col([1, 0, 0])))).toEqual([1, 1, 2]);
    for (const method of ['huntington-hill', 'dean', 'adams']) expect(seats(run(2, col([0, 5, 5]), method))).toEqual([0, 1, 1]);
  });

  it('huntington-hill: every unit of positive weight gets 1 when the total allows; weight 0 opts out, maximum 0 is refused', () => {
    // Weights 100, 1, 1 over 3 posts: the first post of each unit has an infinite claim.
    expect(seats(run(3, col([100, 1, 1]), 'huntington-hill'))).toEqual([1, 1, 1]);
    // Jefferson, by contrast, gives all 3 to the big unit.
    expect(seats(run(3, col([100, 1, 1]), 'jefferson'))).toEqual([3, 0, 0]);
    expect(seats(run(2, col([100, 0, 1]), 'huntington-hill'))).toEqual([1, 0, 1]);
    // A maximum of 0 may be a blank cell on Excel desktop: refused, saying to write 无 for no limit.
    const e = errorOf(run(2, col([100, 1, 1]), 'huntington-hill', null, col([5, 0, 5])));
    expect(e.zh).toMatch(/maximum 第 2 行 的值是 0.*0 和空白的含义不同.*无/);
    expect(run(2, col([100, 1, 1]), 'huntington-hill', null, col([5, '无', 'none']))).toEqual(run(2, col([100, 1, 1]), 'huntington-hill', null, col([5, null, ''])));
  });

  it('maximums and minimums per unit, with blank cells meaning no bound', () => {
    // 20 posts over 50, 30, 20 with maximum 8 on the first: quotas 10, 6, 4 -> the first is fixed
    // at 8, and the 12 left split 30:20 -> 7.2, 4.8 -> 7, 4 and the 1 left to .8: 8, 7, 5.
    expect(seats(run(20, col([50, 30, 20]), 'hamilton', null, col([8, null, ''])))).toEqual([8, 7, 5]);
    // Jefferson with the same cap: the first gets 8, the other 12 go 30:20 by floor(w/d): d = 4.2857
    // (30/7) gives 7 and 4 (11), so d = 4 gives 7 and 5: 8, 7, 5.
    expect(seats(run(20, col([50, 30, 20]), 'jefferson', null, col([8, null, null])))).toEqual([8, 7, 5]);
    // Webster with minimum 6 on the smallest and maximum 9 on the largest, divisor 5.5:
    // 50/5.5 = 9.09 -> 9 (at its maximum), 30/5.5 = 5.45 -> 5, 20/5.5 = 3.64 -> 4, raised to 6: 20.
    expect(seats(run(20, col([50, 30, 20]), 'webster', col([0, 0, 6]), col([9, null, null])))).toEqual([9, 5, 6]);
  });

  it('a bound equal to the total leaves one allocation', () => {
    expect(seats(run(6, col([1, 1, 1]), 'hamilton', 2))).toEqual([2, 2, 2]);
    expect(seats(run(6, col([1, 5, 1]), 'jefferson', null, 2))).toEqual([2, 2, 2]);
  });

  it('an exact tie for the last post is an error naming the tied rows, never row order', () => {
    // Hamilton: 4 posts over three equal units: quotas 1.333 each, one post left, all three tie.
    let e = errorOf(run(4, col([1, 1, 1])));
    expect(e.zh).toContain('第 1、2、3 行（权重 1、1、1）');
    expect(e.zh).toContain('完全平局，争最后 1 个名额');
    expect(e.zh).toContain('不按行序分配');
    expect(e.en).toContain('rows 1, 2, 3 (weights 1, 1, 1) tie exactly under hamilton');
    expect(e.en).toContain('adjust one of their weights slightly, change total, or use minimum/maximum');
    // Jefferson: weights 2 and 1, 2 posts: the first goes to row 1 (claim 2), then row 1's second
    // post (2/2 = 1) and row 2's first (1/1 = 1) tie.
    e = errorOf(run(2, [[2, 1]], 'jefferson'));
    expect(e.en).toContain('columns 1, 2 (weights 2, 1) tie exactly');
    // Webster: two equal units and an odd total.
    e = errorOf(run(3, col([7, 1, 7]), 'webster'));
    expect(e.en).toContain('rows 1, 3 (weights 7, 7) tie exactly');
    // Two posts contested among four equal rows (6 posts, 4 units).
    e = errorOf(run(6, col([5, 5, 5, 5]), 'huntington-hill'));
    expect(e.en).toContain('rows 1, 2, 3, 4');
    expect(e.en).toContain('for the last 2 posts');
    expect(e.zh).toContain('争最后 2 个名额');
  });

  it('a tie is broken by a bound or a slight change of weight', () => {
    expect(seats(run(3, col([7, 1, 7]), 'webster', col([2, 0, 0])))).toEqual([2, 0, 1]);
    expect(seats(run(3, col([7, 1, 7.001]), 'webster'))).toEqual([1, 0, 2]);
    expect(seats(run(4, col([1, 1, 1]), 'hamilton', null, col([1, 2, 1])))).toEqual([1, 2, 1]);
  });

  it('decimal weights are read as typed: 0.1 and 0.3 over 2 posts tie exactly', () => {
    // Quotas 2 × 0.1 / 0.4 = 0.5 and 2 × 0.3 / 0.4 = 1.5: equal fractions, a tie. In doubles the
    // second is 1.4999999999999998, which would silently give the post to row 1.
    expect(2 * 0.3 / (0.1 + 0.3)).toBeLessThan(1.5);
    expect(isTie(run(2, col([0.1, 0.3])))).toBe(true);
    // And decimals give what the same numbers scaled to integers give.
    expect(run(10, col([5.4, 24.3, 70.3]))).toEqual(run(10, col([540, 2430, 7030])));
  });

  it('weights near 10^10 are decided exactly where doubles decide wrongly', () => {
    // total 9,999,999; weights 10,000,000,504, 9,999,997,504, 9,999,998,991 (sum W = 29,999,996,999).
    // total × w:   99,999,995,039,999,496   99,999,965,040,002,496   99,999,979,910,001,009
    // ÷ W: whole   3,333,333                3,333,332                3,333,332   (sum 9,999,997: 2 left)
    //      rest    15,043,331,829           15,043,331,828           29,913,330,341
    // The 2 posts left go to row 3 and to row 1, whose remainder beats row 2's by 1/W ≈ 3.3e-11.
    // Quotas near 3.3 million carry only about 5e-10 in a double, so a double computation puts
    // row 2 ahead (its fraction comes out .50144444452599 against row 1's .50144444406033)
    // and answers 3,333,333 each.
    const w = [10000000504, 9999997504, 9999998991];
    const big = w.map(BigInt);
    const W = big.reduce((a, b) => a + b, 0n);
    expect(W).toBe(29999996999n);
    expect(big.map((x) => (9999999n * x) % W)).toEqual([15043331829n, 15043331828n, 29913330341n]);
    const doubles = w.map((x) => (9999999 * x) / 29999996999).map((q) => q - Math.floor(q));
    expect(doubles[1]).toBeGreaterThan(doubles[0]!);
    expect(seats(run(9999999, col(w)))).toEqual([3333334, 3333332, 3333333]);
  });

  it('weights one double apart near 10^10 are still ordered exactly (huntington-hill)', () => {
    // 50 weights 10^10 + k·2^-19 (k = 0..49), adjacent doubles, read as the decimals they print as.
    // 75 posts: each unit's first post has an infinite claim; the other 25 go to the 25 largest
    // claims w/√2, i.e. to the 25 largest weights.
    const w = Array.from({ length: 50 }, (_, k) => 1e10 + k * 2 ** -19);
    expect(new Set(w).size).toBe(50);
    const expected = w.map((_, k) => (k >= 25 ? 2 : 1));
    expect(seats(run(75, col(w), 'huntington-hill'))).toEqual(expected);
    expect(seats(run(75, col(w), 'webster'))).toEqual(expected);
    // Reversed order, to show no row order is involved.
    expect(seats(run(75, col([...w].reverse()), 'dean'))).toEqual([...expected].reverse());
  });

  it('method names are case-insensitive and accept every alias, Chinese among them', () => {
    const w = col([540, 2430, 7030, 1200, 333]);
    for (const [alias, method] of Object.entries(APPORTION_METHOD_ALIASES)) {
      expect(run(23, w, alias.toUpperCase())).toEqual(run(23, w, method));
    }
    expect(run(23, w, ' 最大余额法 ')).toEqual(run(23, w));
    expect(APPORTION_METHOD_ALIASES['最大余额法']).toBe('hamilton');
    expect(APPORTION_METHOD_ALIASES['杰斐逊']).toBe('jefferson');
    expect(APPORTION_METHOD_ALIASES['达洪特']).toBe('jefferson');
    expect(APPORTION_METHOD_ALIASES['韦伯斯特']).toBe('webster');
    expect(APPORTION_METHOD_ALIASES['圣拉古']).toBe('webster');
    expect(APPORTION_METHOD_ALIASES['亨廷顿-希尔']).toBe('huntington-hill');
    expect(APPORTION_METHOD_ALIASES['亚当斯']).toBe('adams');
    expect(APPORTION_METHOD_ALIASES['迪安']).toBe('dean');
  });

  it("the method parameter's summary lists every alias", () => {
    const summary = apportion.params[2]!.summary;
    for (const alias of Object.keys(APPORTION_METHOD_ALIASES)) {
      if (/[\u4e00-\u9fff]/.test(alias)) expect(summary.zh).toContain(alias.replace(/法$/, ''));
      else expect(summary.en).toContain(alias);
    }
  });

  it('10,000 units and 1,000,000 posts: exact divisor criterion holds (huntington-hill)', () => {
    let s = 7;
    const next = () => (s = (s * 48271) % 2147483647);
    const w = Array.from({ length: 10000 }, () => 1000 + (next() % 10_000_000));
    const result = seats(run(1_000_000, col(w), 'huntington-hill'));
    expect(result.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    const zeros = w.map(() => 0);
    const none = w.map(() => Number.POSITIVE_INFINITY);
    expect(isDivisorAllocation('huntington-hill', w.map(BigInt), result, zeros.map(() => 1), none)).toBe(true);
    const hamilton = seats(run(1_000_000, col(w)));
    const W = BigInt(w.reduce((a, b) => a + b, 0));
    hamilton.forEach((a, i) => {
      const floor = Number((1_000_000n * BigInt(w[i]!)) / W);
      expect(a - floor).toBeGreaterThanOrEqual(0);
      expect(a - floor).toBeLessThanOrEqual(1);
    });
  });
});

describe('EDU.APPORTION properties', () => {
  const weight = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: 1000 }) });
  const problem = fc.integer({ min: 1, max: 7 }).chain((n) =>
    fc.record({
      method: fc.constantFrom(...METHODS),
      weights: fc.array(weight, { minLength: n, maxLength: n }),
      total: fc.integer({ min: 0, max: 60 }),
      lo: fc.option(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }), { nil: undefined }),
      extra: fc.option(fc.array(fc.integer({ min: 0, max: 15 }), { minLength: n, maxLength: n }), { nil: undefined }),
    }),
  );
  const boundsOf = (p: { weights: number[]; lo?: number[]; extra?: number[] }) => {
    const lo = p.lo ?? p.weights.map(() => 0);
    // A maximum of 0 is refused (it may be a blank cell), so the least maximum is 1.
    const hi = p.extra ? p.extra.map((x, i) => Math.max(1, lo[i]! + x)) : p.weights.map(() => Number.POSITIVE_INFINITY);
    return { lo, hi };
  };
  const call = (p: { method: Method; weights: number[]; total: number; lo?: number[]; extra?: number[] }) => {
    const { lo, hi } = boundsOf(p);
    return run(p.total, col(p.weights), p.method, p.lo ? col(lo) : null, p.extra ? col(hi) : null);
  };

  it('matches the textbook procedures exactly, ties and infeasible cases included', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const { lo, hi } = boundsOf(p);
        const result = call(p);
        const exact = p.weights.map(BigInt);
        if (p.total > 0 && p.weights.every((w) => w === 0)) {
          expect(errorOf(result).en).toContain('All weights are 0');
          return;
        }
        const oracle = p.method === 'hamilton' ? hamiltonOracle(p.total, exact, lo, hi) : divisorOracle(p.method, p.total, exact, lo, hi);
        if ('seats' in oracle) expect(seats(result)).toEqual(oracle.seats);
        else if ('tie' in oracle) expect(isTie(result)).toBe(true);
        else {
          expect(errorOf(result).code).toBe('VALUE');
          expect(isTie(result)).toBe(false);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('sums to total and honours every bound', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const result = call(p);
        fc.pre(Array.isArray(result));
        const { lo, hi } = boundsOf(p);
        const a = seats(result);
        expect(a.reduce((x, y) => x + y, 0)).toBe(p.total);
        a.forEach((x, i) => {
          expect(x).toBeGreaterThanOrEqual(lo[i]!);
          expect(x).toBeLessThanOrEqual(hi[i]!);
          if (p.weights[i] === 0) expect(x).toBe(lo[i]);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('hamilton without bounds stays within quota (floor or ceiling of total × w / W)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100000 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 500 }), (w, total) => {
        const result = run(total, col(w));
        fc.pre(Array.isArray(result));
        const W = BigInt(w.reduce((a, b) => a + b, 0));
        seats(result).forEach((a, i) => {
          const x = BigInt(total) * BigInt(w[i]!);
          const floor = Number(x / W);
          expect(a === floor || (a === floor + 1 && x % W !== 0n)).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('divisor methods are house-monotone: one more post never costs a unit a post', () => {
    fc.assert(
      fc.property(problem, fc.constantFrom(...DIVISOR_METHODS), (p, method) => {
        const before = call({ ...p, method });
        const after = call({ ...p, method, total: p.total + 1 });
        fc.pre(Array.isArray(before) && Array.isArray(after));
        const b = seats(before);
        seats(after).forEach((x, i) => expect(x).toBeGreaterThanOrEqual(b[i]!));
      }),
      { numRuns: 1000 },
    );
  });

  it('scaling every weight (typed as decimals or multiplied) changes nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...METHODS),
        fc.array(fc.integer({ min: 1, max: 99999 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 80 }),
        fc.constantFrom(10, 1000, 1e6),
        (method, w, total, scale) => {
          const base = run(total, col(w), method);
          for (const scaled of [w.map((x) => x / scale), w.map((x) => x * scale)]) {
            const result = run(total, col(scaled), method);
            if (Array.isArray(base)) expect(result).toEqual(base);
            else expect(errorOf(result).en.replace(/\(weights [^)]*\)/, '')).toBe(errorOf(base).en.replace(/\(weights [^)]*\)/, ''));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a row gives the same posts as a column, laid out as a row', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const { lo, hi } = boundsOf(p);
        const asRow = run(p.total, [p.weights], p.method, p.lo ? [lo] : null, p.extra ? [hi] : null);
        const asColumn = call(p);
        if (Array.isArray(asColumn)) expect(asRow).toEqual([seats(asColumn)]);
        else expect(Array.isArray(asRow)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('permuting the units permutes the posts (no row order anywhere)', () => {
    fc.assert(
      fc.property(problem, fc.integer({ min: 0, max: 1000 }), (p, seed) => {
        const n = p.weights.length;
        const perm = Array.from({ length: n }, (_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
        const { lo, hi } = boundsOf(p);
        const original = call(p);
        const permuted = run(
          p.total,
          col(perm.map((i) => p.weights[i]!)),
          p.method,
          p.lo ? col(perm.map((i) => lo[i]!)) : null,
          p.extra ? col(perm.map((i) => hi[i]!)) : null,
        );
        if (Array.isArray(original)) expect(seats(permuted)).toEqual(perm.map((i) => seats(original)[i]!));
        else expect(isTie(permuted)).toBe(isTie(original));
      }),
      { numRuns: 500 },
    );
  });
});

describe('EDU.APPORTION hamilton-raise: Hamilton first, then the minimum, as the published tables did', () => {
  it('takes the post for a unit below its minimum back from the smallest winning remainder', () => {
    // Quotas 8.00, 1.68, 0.32 -> 8, 1, 0; the 1 left over goes to .68: 8, 2, 0. The third unit is
    // raised to 1 and the post comes back from the only winner (.68): 8, 1, 1.
    // The re-split convention (hamilton) instead fixes the third unit first: 7, 2, 1.
    expect(seats(run(10, col([1000, 210, 40]), 'hamilton-raise', 1))).toEqual([8, 1, 1]);
    expect(seats(run(10, col([1000, 210, 40]), 'hamilton', 1))).toEqual([7, 2, 1]);
  });

  it('takes back from the smallest of several winning remainders first', () => {
    // 20 posts over 600, 555, 535, 300, 10 (total 2,000): quotas 6.0, 5.55, 5.35, 3.0, 0.1 ->
    // 6, 5, 5, 3, 0 = 19; the 1 left goes to .55. With minimum 1 for every unit the last unit
    // is raised and the post comes back from the smallest winning remainder, .55 (the only winner).
    expect(seats(run(20, col([600, 555, 535, 300, 10]), 'hamilton-raise', 1))).toEqual([6, 5, 5, 3, 1]);
    // 30 posts over 1,000, 560, 470, 960, 10 (total 3,000): quotas 10.0, 5.6, 4.7, 9.6, 0.1 ->
    // 10, 5, 4, 9, 0 = 28; the 2 left go to .7 and .6 (.6 twice: tie at the cut) -> error.
    expect(errorOf(run(30, col([1000, 560, 470, 960, 10]), 'hamilton-raise', 1)).en).toContain('exactly equal fractional parts');
    // 1,000, 580, 470, 940, 10: 10, 5.8, 4.7, 9.4, 0.1 -> winners .8 (unit 2) and .7 (unit 3); the
    // last unit's post comes back from the smaller, unit 3: 10, 6, 4, 9, 1.
    expect(seats(run(30, col([1000, 580, 470, 940, 10]), 'hamilton-raise', 1))).toEqual([10, 6, 4, 9, 1]);
  });

  it('is plain Hamilton when no minimum binds, and refuses a maximum', () => {
    const pupils = [18200, 12100, 11900, 12300, 9800, 12000, 10100, 9600];
    expect(seats(run(48, col(pupils), 'hamilton-raise', 1))).toEqual([9, 6, 6, 6, 5, 6, 5, 5]);
    expect(errorOf(run(10, col([1, 2]), 'hamilton-raise', 0, 5)).en).toContain('takes no maximum');
  });

  it('always sums to the total, keeps every minimum, and moves no unit more than one post from Hamilton unless raised', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 2 }),
        (weights, total, minimum) => {
          fc.pre(weights.some((w) => w > 0) && minimum * weights.length <= total);
          const raised = run(total, col(weights), 'hamilton-raise', minimum);
          const plain = run(total, col(weights), 'hamilton');
          fc.pre(Array.isArray(raised) && Array.isArray(plain));
          const r = seats(raised);
          const h = seats(plain);
          expect(r.reduce((a, b) => a + b, 0)).toBe(total);
          r.forEach((x, i) => {
            expect(x).toBeGreaterThanOrEqual(minimum);
            if (h[i]! >= minimum) expect(h[i]! - x).toBeLessThanOrEqual(1);
            if (h[i]! >= minimum) expect(x).toBeLessThanOrEqual(h[i]!);
          });
        },
      ),
    );
  });
});
