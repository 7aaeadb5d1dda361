/**
 * The one range-reading path (formulas/core/number-cells.ts, coerce.ts): reading a
 * 100,000-cell column of numbers, as every function's numeric range argument is read now,
 * against a zod schema per cell (how APPORTION, INSPECTORS, the balance functions and the
 * rotation functions read their ranges before), and the coercion pass (blank cells,
 * numbers stored as text) that runs over every argument first. Median of several runs.
 */
import { coerceArgument } from '../../formulas/core/coerce.js';
import type { ParamSpec } from '../../formulas/core/definition.js';
import { finiteNumber } from '../../formulas/core/excel-values.js';
import { numberVector } from '../../formulas/core/number-cells.js';
import { z } from 'zod';
import type { BenchSection } from './run.js';
import { measure, ms, table } from './timing.js';

const CELLS = 100_000;
const RUNS = 7;

/** The schema-per-cell reader the numeric ranges used before (zod arrays of zod numbers). */
const perCellSchema = z
  .array(z.array(finiteNumber().min(0)).length(1))
  .min(1)
  .transform((rows) => ({ values: rows.map((r) => r[0]!), orientation: 'column' as const }));

export async function bench(): Promise<BenchSection> {
  let s = 7;
  const column = Array.from({ length: CELLS }, () => [(s = (s * 48271) % 2147483647) % 5000]);
  const asText = column.map(([x]) => [x!.toLocaleString('en-US')]);
  const spec = { name: 'weights', dimensionality: 'matrix', type: 'number' } as ParamSpec;
  const fast = numberVector({ min: 0 });
  const rows = [
    ['one range path (numberVector)', (await measure(() => fast.parse(column), RUNS)).median],
    ['a zod schema per cell (before)', (await measure(() => perCellSchema.parse(column), RUNS)).median],
    ['coercion pass, plain numbers (no copy)', (await measure(() => coerceArgument(column, spec), RUNS)).median],
    ['coercion pass, every cell text such as "4,321"', (await measure(() => coerceArgument(asText, spec), RUNS)).median],
  ] as const;
  return {
    title: 'Reading a range argument: 100,000 numbers',
    markdown: [
      `A column of ${CELLS.toLocaleString('en-US')} whole numbers read as a range argument, median of ${RUNS} runs.`,
      '',
      table(
        ['reader', 'time'],
        rows.map(([label, t]) => [label, ms(t)]),
      ),
      '',
      'Every numeric range of every function now goes through the first reader; the coercion pass runs before it on every argument and copies only rows it changes.',
    ].join('\n'),
  };
}
