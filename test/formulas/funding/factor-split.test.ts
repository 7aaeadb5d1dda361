import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';
import { factorSplit } from '../../../formulas/funding/factor-split.js';
import { fundSplit } from '../../../formulas/funding/fund-split.js';
import type { FormulaError } from '../../../formulas/core/errors.js';
import { decodePacked, packRows } from '../../../contracts/packed-range.js';

/** A range as the service hands it to a formula after decoding its packed wire form (server/jobs/calc.ts). */
const asDecoded = (a: unknown): unknown => {
  const packed = Array.isArray(a) ? packRows(a, { minCells: 1 }) : undefined;
  return packed ? decodePacked(JSON.parse(JSON.stringify(packed)) as Record<string, unknown>) : a;
};

import { referenceSplit } from './reference-split.js';

const ctx = { profiles: shippedProfileSource };
const call = (...args: unknown[]) => invoke(factorSplit, args, ctx);

/** Result cells are exact two-decimal yuan; as integer fen. */
const fen = (yuan: number): bigint => BigInt(Math.round(yuan * 100));
const yuan = (f: number | bigint): number => Number(f) / 100;
const col = (xs: readonly unknown[]) => xs.map((x) => [x]);

function rows(result: ReturnType<typeof call>): number[][] {
  if (!Array.isArray(result)) throw new Error(`expected a result, got ${JSON.stringify(result)}`);
  return result as number[][];
}
const totals = (result: ReturnType<typeof call>): number[] => rows(result).map((r) => r[r.length - 1]!);

function message(result: ReturnType<typeof call>): string {
  expect(result).toHaveProperty('error');
  const { error } = result as FormulaError;
  expect(error.code).toBe('VALUE');
  return `${error.zh} / ${error.en}`;
}

/**
 * The 公用经费分配表 example (server/forms/templates/public-funds.ts): 1,600,000 yuan over the
 * 8 district centres of seed 000 (平办发〔2023〕22号), 按人数 50% by the 48 posts, 分类别 30%
 * by the townships each centre covers, 分层次 20% by a tier coefficient (第一学区 1.5).
 */
const POSTS = [9, 6, 6, 6, 5, 6, 5, 5];
const TOWNSHIPS = [4, 4, 3, 3, 2, 4, 3, 2];
const TIER = [1.5, 1, 1, 1, 1, 1, 1, 1];
const CENTRES = POSTS.map((p, i) => [p, TOWNSHIPS[i]!, TIER[i]!]);

describe('EDU.FACTORSPLIT: bad arguments', () => {
  it('names the factor, its column and its share when a factor with a share is 0 in every row', () => {
    const m = message(call(1000, [[1, 0], [2, 0]], [[0.7, 0.3]]));
    expect(m).toContain('第 2 个因素（factors 第 2 列）各行都是 0，但它的份额是 0.3（占 30%）');
    expect(m).toContain('Factor 2 (factors column 2) is 0 in every row but its share is 0.3 (30% of the pot)');
    expect(m).toContain('set its share to 0');
    // With no share, an empty factor is harmless.
    expect(totals(call(1000, [[1, 0], [3, 0]], [[1, 0]]))).toEqual([250, 750]);
  });

  it('names the row, column and value of a negative factor or share', () => {
    expect(message(call(100, [[1, 2], [3, -4]], [[1, 1]]))).toContain('参数 factors 第 2 行第 2 列 的值 -4 小于 0');
    expect(message(call(100, [[1, 2]], [[1, -1]]))).toMatch(/shares column 2: -1 is below 0/);
  });

  it('rejects shapes that do not match, with both counts', () => {
    expect(message(call(100, [[1, 2], [3, 4]], [[1, 2, 3]]))).toContain('shares has 3 values but factors has 2 columns');
    expect(message(call(100, [[1, 2], [3, 4]], [[1, 2], [3, 4]]))).toContain('must be a single row or column');
    expect(message(call(100, col([1, 2, 3]), 1, col([1, 2])))).toContain('lumpSums has 2 values but drivers has 3 rows');
  });

  it('rejects floors above the budget and caps below it, with the amounts', () => {
    const floors = message(call(1000, col([1, 1]), 1, null, 600));
    expect(floors).toContain('一次性拨款与保底额合计 1,200.00 元，超过预算 1,000.00 元，多出 200.00 元');
    const caps = message(call(1000, col([1, 0]), 1, null, null, 400));
    expect(caps).toContain('The caps allow at most 400.00 yuan, 600.00 short of the budget of 1,000.00');
    expect(caps).toContain('row 2 has no factor values');
    expect(message(call(1000, col([1, 1]), 1, null, col([0, 500]), col([600, 400])))).toContain('Row 2: the floor 500.00 yuan is above the cap 400.00 yuan');
  });

  it('rejects lump sums above the budget even when a cap would cut them back (the pots would be negative)', () => {
    // Budget 0.13 yuan = 13 fen; the one unit's lump sum is 14 fen, so budget − lump sums = −1 fen.
    // FUNDSPLIT answers 0.13 here (its cap cuts the lump sum); the factor method cannot cut −1 fen into pots.
    const over = message(call(0.13, [[1.5]], 1, 0.14, 0, 0.13, true));
    expect(over).toContain('一次性拨款与保底额合计 0.14 元，超过预算 0.13 元，多出 0.01 元');
    expect(over).toContain('row 1 0.14');
  });

  it('rejects all-zero shares when there is money to split, and a fraction of a fen', () => {
    expect(message(call(100, col([1, 2]), 0))).toContain('give each factor a share');
    expect(message(call(100, [[1, 2], [3, 4]], [[0, 0]]))).toContain('Every factor\'s share is 0');
    expect(totals(call(0, [[1, 2], [3, 4]], [[0, 0]]))).toEqual([0, 0]);
    expect(message(call(100.005, col([1]), 1))).toContain('100.005');
    // A lump sum above its cap leaves money that no factor part can take.
    expect(message(call(0.02, [[1, 2]], [[1, 1]], 0.02, 0, 0.01))).toContain('Caps cut the lump sums and 0.01 yuan is left');
  });
});

describe('EDU.FACTORSPLIT: reference values', () => {
  it('gives the 公用经费分配表 example in one call: 第一学区 283,270.58, each column summing to its pot', () => {
    // Worked by hand in fen (the example's own comment):
    // 按人数 50% = 800,000.00 over 48 posts: 16,666.666… a post; 9 -> 150,000.00, 6 -> 100,000.00,
    //   5 -> 83,333.333…: the three 5s floor to 83,333.33 (sum 799,999.99), the spare fen goes to the
    //   earliest of the tied rows, 第五学区: 83,333.34.
    // 分类别 30% = 480,000.00 over 25 townships: 19,200 each, 4 -> 76,800, 3 -> 57,600, 2 -> 38,400.
    // 分层次 20% = 320,000.00 over 8.5: 1.5 -> 56,470.588…, 1 -> 37,647.058…; floors leave 7 fen, and
    //   the seven remainders .8 fen beat .4 fen: 37,647.06 for the seven, 56,470.58 for 第一学区.
    const detail = rows(call(1600000, CENTRES, [[0.5, 0.3, 0.2]], null, null, null, true));
    expect(detail[0]).toEqual([0, 150000, 76800, 56470.58, 0, 283270.58]);
    expect(detail[4]).toEqual([0, 83333.34, 38400, 37647.06, 0, 159380.4]);
    expect(detail[6]).toEqual([0, 83333.33, 57600, 37647.06, 0, 178580.39]);
    expect(detail.map((r) => r[5])).toEqual([283270.58, 214447.06, 195247.06, 195247.06, 159380.4, 214447.06, 178580.39, 159380.39]);
    const column = (j: number) => detail.reduce((a, r) => a + fen(r[j]!), 0n);
    expect([column(1), column(2), column(3), column(5)]).toEqual([80_000_000n, 48_000_000n, 32_000_000n, 160_000_000n]);
  });

  it('reads shares as 50%, 0.5 or 50 alike', () => {
    const percent = call(1600000, CENTRES, [[0.5, 0.3, 0.2]]);
    expect(call(1600000, CENTRES, [[50, 30, 20]])).toEqual(percent);
    expect(call(1600000, CENTRES, [[5, 3, 2]])).toEqual(percent);
  });

  it('reads a share typed as =1/3 as one third (formulas/core/share.ts), so a tie of remainders goes by the stated rule', () => {
    // Three units, one factor each, so each unit's amount is its factor's pot. Shares
    // {=1/3, =1/3, =1/12} are 4 : 4 : 1 of 3,000 yuan = 300,000 fen: 300,000 × 4/9 = 133,333⅓
    // twice and 300,000 × 1/9 = 33,333⅓, which floor to 299,999 fen; the one fen left goes
    // to the largest remainder, all ⅓ here, so to the larger share, then the earlier column:
    // the first factor. Read as the decimals 0.3333333333333333 and 0.08333333333333333,
    // the third factor's remainder came out largest and took that fen (1,333.33, 1,333.33, 333.34).
    const identity = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    expect(totals(call(3000, identity, [[1 / 3, 1 / 3, 1 / 12]]))).toEqual([1333.34, 1333.33, 333.33]);
    expect(call(3000, identity, [[1 / 3, 1 / 3, 1 / 12]])).toEqual(call(3000, identity, [[4, 4, 1]]));
  });

  it('differs from FUNDSPLIT with the same numbers as weights per unit of driver: 289,156.63', () => {
    // FUNDSPLIT weighs one post 50, one township 30, one tier point 20: 第一学区 600 of 3,320 points,
    // 1,600,000 × 600 / 3,320 = 289,156.626… -> 289,156.63.
    const perUnit = invoke(fundSplit, [1600000, CENTRES, [[50, 30, 20]]], ctx) as number[][];
    expect(perUnit[0]).toEqual([289156.63]);
    expect(totals(call(1600000, CENTRES, [[50, 30, 20]]))[0]).toBe(283270.58);
  });

  it('gives lump sums first, then the pots of what is left', () => {
    // 1,000 - 100 - 200 = 700: pots 60% = 420 and 40% = 280. Factor 1 (1, 2, 4): 60, 120, 240.
    // Factor 2 (1, 1, 0): 140, 140, 0. Totals 100+60+140, 200+120+140, 0+240+0.
    expect(rows(call(1000, [[1, 1], [2, 1], [4, 0]], [[60, 40]], col([100, 200, 0]), null, null, true))).toEqual([
      [100, 60, 140, 0, 300],
      [200, 120, 140, 0, 460],
      [0, 240, 0, 0, 240],
    ]);
  });

  it('fixes a floored unit and spreads the rest in proportion to the others\' factor-method amounts', () => {
    // Plain split of 1,000 (60% by 1,1,2 and 40% by 0,1,1): 150, 350, 500. Unit 1's floor 200 binds;
    // 800 is left for units 2 and 3 in the ratio 350 : 500: 329.411…, 470.588…; floors 329.41 + 470.58
    // leave one fen, which goes to the larger remainder (.88 fen over .17): 470.59.
    expect(rows(call(1000, [[1, 0], [1, 1], [2, 1]], [[60, 40]], null, 200, null, true))).toEqual([
      [0, 150, 0, 50, 200],
      [0, 150, 200, -20.59, 329.41],
      [0, 300, 200, -29.41, 470.59],
    ]);
  });

  it('caps a unit and re-spreads until nothing moves', () => {
    // Plain: 100 by (6, 3, 1) -> 60, 30, 10. Cap 40 on unit 1: 60 left over 30 : 10 -> 45, 15.
    expect(totals(call(100, col([6, 3, 1]), 1, null, null, col([40, '', ''])))).toEqual([40, 45, 15]);
  });
});

// ---------------------------------------------------------------- properties

interface Case {
  factors: number[][];
  shares: number[];
  budgetFen: number;
  lumps: number[];
  floors: number[];
  caps: (number | undefined)[];
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({ n: fc.integer({ min: 1, max: 8 }), k: fc.integer({ min: 1, max: 4 }) })
  .chain(({ n, k }) =>
    fc.record({
      factors: fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constantFrom(0.5, 1.25, 2.75)), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
      shares: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: k, maxLength: k }),
      budgetFen: fc.integer({ min: 0, max: 10_000_000 }),
      lumps: fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: n, maxLength: n }),
      floors: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300_000 })), { minLength: n, maxLength: n }),
      caps: fc.array(fc.option(fc.integer({ min: 1, max: 5_000_000 }), { nil: undefined }), { minLength: n, maxLength: n }),
    }),
  )
  // Every factor with a share has some value, so the only errors left are the budget's.
  .map((c) => ({ ...c, factors: c.factors.map((r, i) => (i === 0 ? r.map((x) => x + 1) : r)) }));

const argsOf = (c: Case, withBounds = true, detail = false) => [
  yuan(c.budgetFen),
  c.factors,
  [c.shares],
  col(c.lumps.map(yuan)),
  withBounds ? col(c.floors.map(yuan)) : null,
  withBounds ? col(c.caps.map((x) => (x === undefined ? '' : yuan(x)))) : null,
  detail,
];

/** Largest remainder over exact quotients of `total` in proportion to `weights`; ties to the larger weight, then the earlier index. */
function plainHamilton(total: bigint, weights: readonly number[]): bigint[] {
  const scale = 1000n; // every factor above has at most 2 decimals
  const w = weights.map((x) => BigInt(Math.round(x * 1000)) * (scale / 1000n));
  const sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return w.map(() => 0n);
  const out = w.map((x) => (total * x) / sum);
  const order = w.map((x, i) => ({ i, x, rem: total * x - out[i]! * sum })).sort((a, b) => (a.rem !== b.rem ? (b.rem > a.rem ? 1 : -1) : a.x !== b.x ? (b.x > a.x ? 1 : -1) : a.i - b.i));
  let left = total - out.reduce((a, b) => a + b, 0n);
  for (let m = 0; left > 0n; m++, left--) out[order[m]!.i]! += 1n;
  return out;
}

const feasible = (result: ReturnType<typeof call>): boolean => Array.isArray(result);

describe('EDU.FACTORSPLIT: properties', () => {
  it('cuts pots that add up exactly to the money split, and columns that add up exactly to their pots', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = call(...argsOf(c, false, true));
        const lumpTotal = c.lumps.reduce((a, b) => a + b, 0);
        if (lumpTotal > c.budgetFen) {
          expect(message(result)).toContain('超过预算');
          return;
        }
        const pots = plainHamilton(BigInt(c.budgetFen - lumpTotal), c.shares);
        expect(pots.reduce((a, b) => a + b, 0n)).toBe(BigInt(c.budgetFen - lumpTotal));
        const detail = rows(result);
        pots.forEach((pot, j) => {
          const column = detail.map((r) => fen(r[1 + j]!));
          expect(column.reduce((a, b) => a + b, 0n)).toBe(pot);
          expect(column).toEqual(plainHamilton(pot, c.factors.map((r) => r[j]!)));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('with floors and caps, matches FUNDSPLIT\'s plain reference applied to the factor-method amounts, and every row adds up', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = call(...argsOf(c, true, true));
        fc.pre(feasible(result));
        const detail = rows(result);
        const amounts = detail.map((r) => yuan(r.slice(1, -2).reduce((a, x) => a + fen(x), 0n)));
        const units = c.factors.map((_, i) => ({ lump: yuan(c.lumps[i]!), floor: yuan(c.floors[i]!), cap: c.caps[i] === undefined ? undefined : yuan(c.caps[i]!), drivers: [amounts[i]!] }));
        expect(detail.map((r) => fen(r[r.length - 1]!))).toEqual(referenceSplit(yuan(c.budgetFen), units, [1]));
        for (const r of detail) expect(r.slice(0, -1).reduce((a, x) => a + fen(x), 0n)).toBe(fen(r[r.length - 1]!));
        expect(detail.reduce((a, r) => a + fen(r[r.length - 2]!), 0n)).toBe(0n);
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing when one factor column is multiplied by a constant', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.constantFrom(2, 3, 100, 1e9), fc.boolean(), (c, pick, times, bounds) => {
        const j = pick % c.shares.length;
        const scaled = { ...c, factors: c.factors.map((r) => r.map((x, m) => (m === j ? x * times : x))) };
        expect(call(...argsOf(scaled, bounds, true))).toEqual(call(...argsOf(c, bounds, true)));
      }),
      { numRuns: 300 },
    );
  });

  it('never gives a unit less money for more of a factor, all else equal', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 40 }), fc.boolean(), (c, row, pick, more, bounds) => {
        const i = row % c.factors.length;
        const j = pick % c.shares.length;
        const before = call(...argsOf(c, bounds));
        fc.pre(feasible(before));
        const grown = { ...c, factors: c.factors.map((r, m) => (m === i ? r.map((x, q) => (q === j ? x + more : x)) : r)) };
        const after = call(...argsOf(grown, bounds));
        fc.pre(feasible(after));
        expect(fen(totals(after)[i]!)).toBeGreaterThanOrEqual(fen(totals(before)[i]!));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same answer for packed ranges as for nested rows', () => {
    fc.assert(
      fc.property(caseArb, fc.boolean(), (c, detail) => {
        const args = argsOf(c, true, detail);
        const packed = args.map(asDecoded);
        expect(call(...packed)).toEqual(call(...args));
      }),
      { numRuns: 100 },
    );
  });
});
