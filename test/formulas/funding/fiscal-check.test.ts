import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';
import { fiscalCheck } from '../../../formulas/funding/fiscal-check.js';
import type { FormulaError } from '../../../formulas/core/errors.js';

const call = (...args: unknown[]) => invoke(fiscalCheck, args, { profiles: shippedProfileSource });
const col = (xs: readonly unknown[]) => xs.map((x) => [x]);
function message(result: unknown): string {
  expect(result).toHaveProperty('error');
  const { error } = result as FormulaError;
  return `${error.zh} / ${error.en}`;
}

describe('EDU.FISCALCHECK: bad arguments', () => {
  it('needs two years or more, earliest first', () => {
    expect(message(call(col([2024]), col([1]), col([1])))).toContain('give at least two');
    expect(message(call(col([2024, 2023]), col([1, 2]), col([1, 1])))).toContain('years item 2 (2023) is not after the one before (2024)');
  });

  it('names the argument whose count differs from the years', () => {
    expect(message(call(col([2023, 2024]), col([1, 2, 3]), col([1, 1])))).toContain('spending has 3 values but years has 2');
    expect(message(call(col([2023, 2024]), col([1, 2]), col([1, 1]), col([5])))).toContain('recurrentRevenue has 1 values');
  });

  it('refuses a year without pupils, a zero revenue and one pay column without the other', () => {
    expect(message(call(col([2023, 2024]), col([1, 2]), col([10, 0])))).toMatch(/pupils row 2: 0 is below 1/);
    expect(message(call(col([2023, 2024]), col([1, 2]), col([1, 1]), col([0, 5])))).toContain('recurrentRevenue for 2023 (item 1) is 0');
    expect(message(call(col([2023, 2024]), col([1, 2]), col([1, 1]), null, col([8, 9])))).toContain('give both, or neither');
  });
});

describe('EDU.FISCALCHECK: the seeds\' rules, worked by hand', () => {
  it('两个只增不减: total rising while per-pupil spending falls is caught', () => {
    // 2023: 1,100 / 100 = 11.00 per pupil; 2024: 1,150 / 120 = 9.5833…: total +50, per pupil -1.4166… -> -1.42.
    expect(call(col([2022, 2023, 2024]), col([1000, 1100, 1150]), col([100, 100, 120]))).toEqual([
      [2023, 100, 1, true, true],
      [2024, 50, -1.42, true, false],
    ]);
  });

  it('compares exactly: per pupil equal to the fen is not lower, however the decimals fall', () => {
    // 0.3 / 3 = 0.1 and 0.1 / 1 = 0.1 exactly (in doubles 0.3 / 3 = 0.09999999999999999).
    expect(call(col([2023, 2024]), col([0.1, 0.3]), col([1, 3]))).toEqual([[2024, 0.2, 0, true, true]]);
    // One fen less over 3 pupils: 299.99 / 3 = 99.996… < 100.
    expect(call(col([2023, 2024]), col([100, 299.99]), col([1, 3]))).toEqual([[2024, 199.99, 0, true, false]]);
  });

  it('教师工资不低于公务员 and 三个增长: spending must grow strictly faster than recurrent revenue', () => {
    // Spending 1,000 -> 1,080 (+8%); revenue 5,000 -> 5,400 (+8%): equal growth is not faster.
    // 2025: 1,080 -> 1,200 (+11.1%) against 5,400 -> 5,500 (+1.9%): faster. Teachers 8.5 vs 8.5: not lower.
    expect(
      call(col([2023, 2024, 2025]), col([1000, 1080, 1200]), col([100, 100, 100]), col([5000, 5400, 5500]), col([8, 8.4, 8.5]), col([8, 8.5, 8.5])),
    ).toEqual([
      [2024, 80, 0.8, true, true, false, false],
      [2025, 120, 1.2, true, true, true, true],
    ]);
  });
});

describe('EDU.FISCALCHECK: properties', () => {
  const series = fc.integer({ min: 2, max: 8 }).chain((n) =>
    fc.record({
      spending: fc.array(fc.integer({ min: 0, max: 10 ** 9 }).map((f) => f / 100), { minLength: n, maxLength: n }),
      pupils: fc.array(fc.integer({ min: 1, max: 100000 }), { minLength: n, maxLength: n }),
    }),
  );

  it('flags a fall in total spending exactly when a year\'s spending is below the year before', () => {
    fc.assert(
      fc.property(series, ({ spending, pupils }) => {
        const years = spending.map((_, t) => 2020 + t);
        const rows = call(col(years), col(spending), col(pupils)) as unknown[][];
        rows.forEach((row, t) => {
          expect(row[3]).toBe(Math.round(spending[t + 1]! * 100) >= Math.round(spending[t]! * 100));
          // Per pupil, decided in integers: S_t * P_(t-1) >= S_(t-1) * P_t, in fen.
          const now = BigInt(Math.round(spending[t + 1]! * 100)) * BigInt(pupils[t]!);
          const before = BigInt(Math.round(spending[t]! * 100)) * BigInt(pupils[t + 1]!);
          expect(row[4]).toBe(now >= before);
        });
      }),
    );
  });
});

describe('the example sheet 教育经费保障检查', () => {
  it('flags the illustrative years the seeds\' rules would catch', async () => {
    const { FISCAL_YEARS, fiscalSheets, FISCALCHECK_FORMULA, CHECK_ROW } = await import('../../../examples/sheets/fiscal.js');
    expect(fiscalSheets[0]!.cells.find((c) => c.ref === `A${CHECK_ROW}`)!.formula).toBe(FISCALCHECK_FORMULA);
    const column = (j: number) => col(FISCAL_YEARS.map((y) => y[j]));
    const rows = call(column(0), column(1), column(2), column(3), column(4), column(5)) as unknown[][];
    // 2022: 545,000,000 / 41,500 = 13,132.53… per pupil, 560,000,000 / 42,800 = 13,084.11…: falls by 48.42;
    //   teachers 103,500 < civil servants 104,000.
    //   Spending +2.75% (545 -> 560 million) against revenue +3.10% (3,230 -> 3,330 million): not faster.
    // 2021: +4.81% against +4.19%, and 2023: +6.79% against +3.30%: faster.
    // 2024: spending +2.0% (598 -> 610 million) against revenue +3.5% (3,440 -> 3,560 million): not faster.
    expect(rows.map((r) => r.slice(3))).toEqual([
      [true, true, true, true],
      [true, false, false, false],
      [true, true, true, true],
      [true, true, true, false],
    ]);
    expect(rows[1]!.slice(0, 3)).toEqual([2022, 15000000, -48.42]);
  });
});
