import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';
import { fundSplit } from '../../../formulas/funding/fund-split.js';
import type { FormulaError } from '../../../formulas/core/errors.js';
import { referenceSplit, type ReferenceUnit } from './reference-split.js';
import { decodePacked, packRows } from '../../../contracts/packed-range.js';

const ctx = { profiles: shippedProfileSource };
const call = (...args: unknown[]) => invoke(fundSplit, args, ctx);

/** The totals column of a successful call. */
function totals(result: ReturnType<typeof call>): number[] {
  if (!Array.isArray(result)) throw new Error(`expected a result, got ${JSON.stringify(result)}`);
  return result.map((row) => row[row.length - 1] as number);
}

/** Result cells are exact two-decimal yuan; as integer fen. */
const fen = (yuan: number): bigint => BigInt(Math.round(yuan * 100));
const sumFen = (xs: readonly number[]): bigint => xs.reduce((a, x) => a + fen(x), 0n);

function message(result: ReturnType<typeof call>): string {
  expect(result).toHaveProperty('error');
  const { error } = result as FormulaError;
  expect(error.code).toBe('VALUE');
  return `${error.zh} / ${error.en}`;
}

const col = (xs: readonly unknown[]) => xs.map((x) => [x]);

describe('EDU.FUNDSPLIT: bad arguments', () => {
  it('requires budget and drivers', () => {
    // A blank budget cell is 0 on every Excel (desktop sends 0): nothing to split.
    expect(call(null, [[1]])).toEqual(call(0, [[1]]));
    expect(message(call(100))).toContain('drivers');
  });

  it('rejects a negative, too large or non-numeric budget', () => {
    expect(message(call(-1, [[1]]))).toMatch(/budget.*-1/);
    expect(message(call(1e12 + 1, [[1]]))).toContain('1000000000001');
    expect(message(call('一百万', [[1]]))).toContain('budget');
  });

  it('rejects a third decimal place in any amount, naming where', () => {
    const m = message(call(1600000.005, [[1]]));
    expect(m).toContain('1600000.005');
    expect(m).toContain('超过两位的小数');
    expect(m).toContain('more than two decimal places');
    expect(message(call(100, col([1, 1]), null, col([10, 0.001])))).toMatch(/lumpSums row 2: 0\.001/);
    expect(message(call(100, col([1, 1]), null, null, [[1.234, 1]]))).toMatch(/floors column 1: 1\.234/);
    expect(message(call(100, col([1, 1]), null, null, null, 99.999))).toMatch(/caps: 99\.999/);
  });

  it('names the row, column and value of a negative or non-numeric driver', () => {
    expect(message(call(100, [[1, 2], [-3, 4]]))).toMatch(/第 2 行第 1 列 的值 -3 小于 0/);
    expect(message(call(100, [[1, 2], [3, 'x']]))).toMatch(/row 2, column 2: "x" is not a number/);
    expect(message(call(100, [[1, 2], [3]]))).toContain('has rows of different lengths');
    expect(message(call(100, [[1, Infinity]]))).toContain('is not a finite number');
  });

  it('rejects mismatched shapes with both counts', () => {
    expect(message(call(100, [[1, 2], [3, 4]], [[1]]))).toContain('weights has 1 values but drivers has 2 columns');
    expect(message(call(100, [[1, 2], [3, 4]], [[1, 2], [3, 4]]))).toContain('must be a single row or column');
    expect(message(call(100, col([1, 2, 3]), null, col([1, 2])))).toContain('lumpSums has 2 values but drivers has 3 rows');
    expect(message(call(100, col([1, 2, 3]), null, null, col([1, 2, 3, 4])))).toContain('floors has 4 values but drivers has 3 rows');
    expect(message(call(100, col([1, 2, 3]), null, null, null, [[1, 2]]))).toContain('caps has 2 values');
  });

  it('rejects negative weights, lump sums, floors and caps', () => {
    expect(message(call(100, [[1, 2]], [[1, -1]]))).toMatch(/weights column 2: -1 is below 0/);
    expect(message(call(100, col([1, 2]), null, col([5, -5])))).toMatch(/lumpSums row 2: -5 is below 0/);
    expect(message(call(100, col([1, 2]), null, null, -1))).toMatch(/floors: -1 is below 0/);
    expect(message(call(100, col([1, 2]), null, null, null, col([1, -1])))).toMatch(/caps row 2: -1 is below 0/);
  });

  it('rejects a floor above the cap of the same row', () => {
    const m = message(call(1000, col([1, 1, 1]), null, null, col([0, 400, 0]), col([500, 300, 500])));
    expect(m).toContain('第 2 行的保底额 400.00 元高于封顶额 300.00 元');
    expect(m).toContain('Row 2: the floor 400.00 yuan is above the cap 300.00 yuan');
  });

  it('rejects lump sums plus floors above the budget, with the sum, the excess and the largest rows', () => {
    // Lumps 300,000 + 200,000 + 0; row 3 floored to 150,000: 650,000 > 600,000 by 50,000.
    const m = message(call(600000, col([1, 1, 1]), null, col([300000, 200000, 0]), col([0, 0, 150000])));
    expect(m).toContain('一次性拨款与保底额合计 650,000.00 元，超过预算 600,000.00 元，多出 50,000.00 元');
    expect(m).toContain('largest: row 1 300,000.00, row 2 200,000.00, row 3 150,000.00');
  });

  it('rejects caps that cannot take the whole budget, naming rows without drivers', () => {
    // Rows 1-2 capped at 400 each, row 3 has no drivers and gets its lump 100: at most 900 < 1000.
    const m = message(call(1000, col([1, 2, 0]), null, col([0, 0, 100]), null, col([400, 400, 400])));
    expect(m).toContain('封顶后最多只能分出 900.00 元，低于预算 1,000.00 元，还差 100.00 元');
    expect(m).toContain('row 3 has no weighted drivers');
  });

  it('rejects all-zero weights or drivers when money is left to spread', () => {
    expect(message(call(1000, [[1, 2]], [[0, 0]], 100))).toContain('All weights are 0 but 900.00 yuan');
    expect(message(call(1000, col([0, 0]), null, 100))).toContain("Every row's weighted drivers are 0, so 800.00 yuan");
    // Nothing left to spread: zero drivers are fine.
    expect(totals(call(200, col([0, 0]), null, 100))).toEqual([100, 100]);
  });

  it('rejects a detail flag that is not TRUE/FALSE', () => {
    expect(message(call(100, [[1]], null, null, null, null, 'maybe'))).toContain('detail');
    expect(call(100, [[1]], null, null, null, null, '是')).toEqual(call(100, [[1]], null, null, null, null, true));
  });
});

describe('EDU.FUNDSPLIT: reference values', () => {
  it('splits the seed\'s 1,600,000 yuan by the 48 posts of 平办发〔2023〕22号', () => {
    // r = 1,600,000 / 48 = 33,333.33… yuan per post. 9 posts: 300,000; 6 posts: 200,000;
    // 5 posts: 166,666.666… -> 166,666.66 whole fen each. Whole fen add up to
    // 300,000 + 4 x 200,000 + 3 x 166,666.66 = 1,599,999.98: 2 fen left over. The three
    // 5-post centres (rows 5, 7, 8) tie on remainder (2/3 fen) and on driver total (5), so
    // the earlier rows 5 and 7 get them.
    const posts = [9, 6, 6, 6, 5, 6, 5, 5];
    const result = totals(call(1600000, col(posts)));
    expect(result).toEqual([300000, 200000, 200000, 200000, 166666.67, 200000, 166666.67, 166666.66]);
    expect(sumFen(result)).toBe(160000000n);
  });

  it('keeps the 5% teacher-training top-slice of 眉政发〔2023〕13号 exact', () => {
    // 1,600,000 x 5% = 80,000 for training; 1,520,000 over 48 posts = 31,666.66… per post:
    // 285,000 / 190,000 / 158,333.33…; whole fen leave 1 fen, to row 5 (first of the tie).
    expect(totals(call(1600000, col([5, 95])))).toEqual([80000, 1520000]);
    const result = totals(call(1520000, col([9, 6, 6, 6, 5, 6, 5, 5])));
    expect(result).toEqual([285000, 190000, 190000, 190000, 158333.34, 190000, 158333.33, 158333.33]);
  });

  it('gives lump sums first and spreads the rest by pupils', () => {
    // Tier lump sums 100,000 / 50,000 / 50,000 leave 800,000 for 20,000 pupils: 40 yuan each.
    expect(totals(call(1000000, col([12000, 6000, 2000]), null, col([100000, 50000, 50000])))).toEqual([580000, 290000, 130000]);
  });

  it('weights categories of pupils', () => {
    // Junior pupils weigh 1.5: S = 300 + 1.5 x 100 = 450 and 200 + 1.5 x 200 = 500; 9,500 / 950 = 10.
    expect(totals(call(9500, [[300, 100], [200, 200]], [[1, 1.5]]))).toEqual([4500, 5000]);
  });

  it('raises floors, holds caps and re-spreads the rest', () => {
    // Unclamped 1,000 / 2,000 / 3,000 / 4,000. Row 1 raised to 1,500, row 4 held at 3,500:
    // 5,000 left for rows 2-3 (5 driver units): 1,000 each unit, as before.
    expect(totals(call(10000, col([1, 2, 3, 4]), null, null, 1500, 3500))).toEqual([1500, 2000, 3000, 3500]);
  });

  it('re-spreads in a cascade: fixing one floor pushes another unit below its floor', () => {
    // 1,000 over 1:2:3:14 = 50 / 100 / 150 / 700. Row 1 raised to 100 leaves 900 over 19:
    // row 2 gets 94.74 < 100, so it is raised too, leaving 800 over 17: row 3 = 2,400/17 =
    // 141.176…, row 4 = 11,200/17 = 658.823…. Whole fen 14,117 + 65,882 + 20,000 = 99,999:
    // 1 fen left, to row 3 (remainder 0.647 > 0.353).
    expect(totals(call(1000, col([1, 2, 3, 14]), null, null, 100))).toEqual([100, 100, 141.18, 658.82]);
  });

  it('breaks remainder ties by the larger driver total, then by the earlier row', () => {
    // 2 fen over 1:3: 0.5 and 1.5 fen; whole fen 0 + 1, remainders tie at 0.5: row 2 has
    // the larger driver total.
    expect(totals(call(0.02, col([1, 3])))).toEqual([0, 0.02]);
    // 2 fen over 1:1:1: all tie, the earlier rows win.
    expect(totals(call(0.02, col([1, 1, 1])))).toEqual([0.01, 0.01, 0]);
    // 1 fen over 1:2:2: 0.2 / 0.4 / 0.4 fen; rows 2 and 3 tie, row 2 is earlier.
    expect(totals(call(0.01, col([1, 2, 2])))).toEqual([0, 0.01, 0]);
  });

  it('returns the detail: lump sum, each driver\'s share, floor/cap adjustment, total', () => {
    // Same case as the floors-and-caps reference: r = 1,000 per unit. Row 1's formula share
    // is 1,000, raised by 500; row 4's is 4,000, reduced by 500.
    expect(call(10000, col([1, 2, 3, 4]), null, null, 1500, 3500, true)).toEqual([
      [0, 1000, 500, 1500],
      [0, 2000, 0, 2000],
      [0, 3000, 0, 3000],
      [0, 4000, -500, 3500],
    ]);
    // Lump sums and two drivers: 800 over S = 10 + 0 and 30 + 50 (weight 50 on driver 2):
    // r = 80/9. Row 2's shares 266.666… and 444.444… must add to its 711.11: 266.67 + 444.44.
    expect(call(1000, [[10, 0], [30, 1]], [[1, 50]], 100, null, null, true)).toEqual([
      [100, 88.89, 0, 0, 188.89],
      [100, 266.67, 444.44, 0, 811.11],
    ]);
  });

  it('reads a blank cap as no cap', () => {
    expect(totals(call(1000, col([1, 1]), null, null, null, col([300, ''])))).toEqual([300, 700]);
    expect(totals(call(1000, col([1, 1]), null, null, null, col([300, null])))).toEqual([300, 700]);
  });

  it('handles decimal drivers exactly, including ones a double prints with 17 digits', () => {
    expect(totals(call(100, col([0.5, 1.5])))).toEqual([25, 75]);
    // 0.1 + 0.2 prints as 0.30000000000000004 and is read as that decimal: the shares are
    // 100 x 0.30000000000000004 / 1.00000000000000004 = 30.0000000000000028… and
    // 69.9999999999999971… fen: whole 30 + 69, 1 fen left to row 2.
    expect(totals(call(1, col([0.1 + 0.2, 0.7])))).toEqual([0.3, 0.7]);
  });
});

describe('EDU.FUNDSPLIT: edge cases', () => {
  it('splits nothing: a zero budget with zero lump sums gives zeros', () => {
    expect(totals(call(0, col([1, 2])))).toEqual([0, 0]);
  });

  it('uses exactly the lump sums when they take the whole budget', () => {
    expect(totals(call(300, col([5, 7]), null, col([100, 200])))).toEqual([100, 200]);
  });

  it('gives a single unit the whole budget', () => {
    expect(totals(call(1234567.89, [[3, 4, 5]]))).toEqual([1234567.89]);
  });

  it('splits 10^12 yuan exactly', () => {
    const result = totals(call(1e12, col([1, 1, 1])));
    expect(result).toEqual([333333333333.34, 333333333333.33, 333333333333.33]);
    expect(sumFen(result)).toBe(100000000000000n);
  });

  it('fills every cap exactly when the budget equals their sum, with the smallest rate in the detail', () => {
    // min(r, 300) + min(2r, 400) reaches 700 at r = 300 (row 1 at its cap) and stays there.
    expect(call(700, col([1, 2]), null, null, null, col([300, 400]), true)).toEqual([
      [0, 300, 0, 300],
      [0, 600, -200, 400],
    ]);
  });

  it('takes the smallest rate on a flat stretch in the middle', () => {
    // Row 1 is pinned at 100 (floor = cap); row 2 is capped at 50: f(r) = 100 + min(r, 50)
    // reaches 150 at r = 50. Row 1's formula share is 50, raised by 50.
    expect(call(150, col([1, 1]), null, null, col([100, 0]), col([100, 50]), true)).toEqual([
      [0, 50, 50, 100],
      [0, 50, 0, 50],
    ]);
  });

  it('holds a unit whose lump sum is above its cap at the cap', () => {
    // Row 1 is held at 500, so row 2 gets the other 500: r = 500. Row 1's formula amount is
    // its lump 600 plus its driver share 500; the cap takes 600 away.
    expect(call(1000, col([1, 1]), null, col([600, 0]), null, col([500, 1000]), true)).toEqual([
      [600, 500, -600, 500],
      [0, 500, 0, 500],
    ]);
  });

  it('gives units without drivers only their lump sum or floor', () => {
    // Row 1 has no drivers: its lump 100 is raised to its floor 250. Rows 2-3 keep their
    // lumps (200) and share 1,000 - 250 - 200 = 550 over 1 + 3 driver units: 137.5 each.
    expect(totals(call(1000, col([0, 1, 3]), null, 100, col([250, 0, 0])))).toEqual([250, 237.5, 512.5]);
  });
});

/** A feasible random case: amounts in whole fen, budget between the lowest and highest totals. */
const caseArb = fc
  .record({
    k: fc.integer({ min: 1, max: 3 }),
    rows: fc.array(
      fc.record({
        drivers: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 3, maxLength: 3 }),
        lump: fc.integer({ min: 0, max: 50_000 }),
        floor: fc.integer({ min: 0, max: 200_000 }),
        capExtra: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    weights: fc.array(fc.constantFrom(0, 0.5, 1, 1.3, 2, 6), { minLength: 3, maxLength: 3 }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    extra: fc.integer({ min: 0, max: 99 }),
  })
  .map(({ k, rows, weights, at, extra }) => {
    const units = rows.map((r) => ({
      drivers: r.drivers.slice(0, k),
      lump: r.lump,
      floor: r.floor,
      // A cap of 0 is refused (Excel desktop sends a blank cell as 0): the least cap is 1 fen.
      cap: r.capExtra === undefined ? undefined : Math.max(1, r.floor + r.capExtra),
    }));
    // A single weight of 0 is refused likewise (leave weights out instead).
    const w = k === 1 && weights[0] === 0 ? [1] : weights.slice(0, k);
    const S = units.map((u) => u.drivers.reduce((a, d, j) => a + d * w[j]!, 0));
    const clampFen = (u: (typeof units)[number]) => Math.min(Math.max(u.lump, u.floor), u.cap ?? Infinity);
    const lowest = units.reduce((a, u) => a + clampFen(u), 0);
    const capped = units.every((u, i) => S[i] === 0 || u.cap !== undefined);
    const highest = capped ? units.reduce((a, u, i) => a + (S[i] === 0 ? clampFen(u) : u.cap!), 0) : lowest + 10_000_000;
    const budgetFen = S.every((s) => s === 0) ? lowest : Math.min(highest, lowest + Math.floor(at * (highest - lowest)) + extra);
    return { units, weights: w, budgetFen, S };
  });

const yuan = (f: number): number => f / 100;

function argsOf(c: { units: { drivers: number[]; lump: number; floor: number; cap: number | undefined }[]; weights: number[]; budgetFen: number }) {
  return [
    yuan(c.budgetFen),
    c.units.map((u) => u.drivers),
    [c.weights],
    c.units.map((u) => [yuan(u.lump)]),
    c.units.map((u) => [yuan(u.floor)]),
    c.units.map((u) => [u.cap === undefined ? '' : yuan(u.cap)]),
  ];
}

const referenceUnits = (c: { units: { drivers: number[]; lump: number; floor: number; cap: number | undefined }[] }): ReferenceUnit[] =>
  c.units.map((u) => ({ drivers: u.drivers, lump: yuan(u.lump), floor: yuan(u.floor), cap: u.cap === undefined ? undefined : yuan(u.cap) }));

describe('EDU.FUNDSPLIT: properties', () => {
  it('adds up to the budget to the fen, keeps floors and caps, and agrees with the plain reference', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = totals(call(...argsOf(c)));
        expect(sumFen(result)).toBe(BigInt(c.budgetFen));
        result.forEach((t, i) => {
          const u = c.units[i]!;
          expect(fen(t)).toBeGreaterThanOrEqual(BigInt(u.floor));
          if (u.cap !== undefined) expect(fen(t)).toBeLessThanOrEqual(BigInt(u.cap));
        });
        expect(result.map(fen)).toEqual(referenceSplit(yuan(c.budgetFen), referenceUnits(c), c.weights));
      }),
      { numRuns: 300 },
    );
  });

  it('never gives less money for more of a driver, all else equal', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 400 }), (c, row, column, more) => {
        const i = row % c.units.length;
        const before = totals(call(...argsOf(c)))[i]!;
        const units = c.units.map((u, r) => (r === i ? { ...u, drivers: u.drivers.map((d, j) => (j === column % u.drivers.length ? d + more : d)) } : u));
        const after = totals(call(...argsOf({ ...c, units })))[i]!;
        expect(fen(after)).toBeGreaterThanOrEqual(fen(before));
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing when every driver is scaled by the same factor (also past 2^53, on the bigint path)', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(2, 7, 1000, 1e13), (c, factor) => {
        const scaled = { ...c, units: c.units.map((u) => ({ ...u, drivers: u.drivers.map((d) => d * factor) })) };
        expect(totals(call(...argsOf(scaled)))).toEqual(totals(call(...argsOf(c))));
      }),
      { numRuns: 200 },
    );
  });

  it('gives a detail whose rows add up to their totals and whose totals are the plain result', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const plain = totals(call(...argsOf(c)));
        const detail = call(...argsOf(c), true) as number[][];
        expect(detail.map((row) => row[row.length - 1])).toEqual(plain);
        for (const row of detail) {
          expect(row).toHaveLength(c.weights.length + 3);
          expect(sumFen(row.slice(0, -1))).toBe(fen(row[row.length - 1]!));
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** The same arguments with every range packed (packed-range.ts) and decoded as the service does. */
/** A range as the service hands it to a formula after decoding its packed wire form (server/jobs/calc.ts). */
const asDecoded = (a: unknown): unknown => {
  const packed = Array.isArray(a) ? packRows(a, { minCells: 1 }) : undefined;
  return packed ? decodePacked(JSON.parse(JSON.stringify(packed)) as Record<string, unknown>) : a;
};
const packedArgs = (args: readonly unknown[]) => args.map(asDecoded);

describe('EDU.FUNDSPLIT: packed ranges', () => {
  it('gives exactly the same answer (and detail) for packed ranges as for nested rows', () => {
    fc.assert(
      fc.property(caseArb, fc.boolean(), (c, detail) => {
        const args = [...argsOf(c), detail];
        expect(call(...packedArgs(args))).toEqual(call(...args));
      }),
      { numRuns: 200 },
    );
  });

  it('reads a packed blank (NaN) as no cap, like an empty cell', () => {
    const args = [1000, col([1, 3]), null, null, null, col([100, ''])];
    expect(totals(call(...packedArgs(args)))).toEqual([100, 900]);
  });

  it('names the row, column and value of a bad cell inside a packed range', () => {
    const drivers = [[1, 2, 3], [4, -5, 6]];
    expect(message(call(100, ...packedArgs([drivers])))).toContain('参数 drivers 第 2 行第 2 列 的值 -5 小于 0');
    expect(message(call(100, ...packedArgs([drivers])))).toContain('drivers row 2, column 2: -5 is below 0');
    expect(message(call(100, col([1, 2]), null, ...packedArgs([col([1, 0.001])])))).toContain('lumpSums 第 2 行 的值 0.001 有超过两位的小数');
  });

});
