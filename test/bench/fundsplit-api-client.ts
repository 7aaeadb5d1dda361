/**
 * The API half of the split benchmarks (argv[3]: 'weights' for FUNDSPLIT, 'shares' for FACTORSPLIT), run as its own process (as Excel is): it holds
 * the county's ranges as nested rows and times whole calls to the service at argv[2],
 * packed and then as plain nested JSON, and prints the figures as JSON on stdout.
 * A process of its own keeps the other benchmarks' garbage out of the client's collector.
 */
import { argsJson, decodePacked, packArgs } from '../../contracts/packed-range.js';
import { NumberGrid } from '../../formulas/core/number-grid.js';
import { type CaseKind, countyCase, UNITS } from './fundsplit-county.js';
import { measure } from './timing.js';

export interface ApiRun {
  median: number;
  best: number;
  /** Request body size, bytes. */
  bytes: number;
}

/** Times whole calls: `makeBody` from the nested rows, POST, and `read` of the answer. */
async function timeCalls(url: string, makeBody: () => string, read: (json: unknown) => number): Promise<ApiRun> {
  let bytes = 0;
  const { median, best } = await measure(async () => {
    const body = makeBody();
    bytes = body.length;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json: unknown = await res.json();
    if (res.status !== 200 || read(json) !== UNITS) throw new Error(`${url} over the API answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
  }, 15, 3);
  return { median, best, bytes };
}

async function main(): Promise<void> {
  const kind = process.argv[3] as CaseKind;
  const url = `${process.argv[2]!}/api/v1/calc/${kind === 'shares' ? 'FACTORSPLIT' : 'FUNDSPLIT'}`;
  const args = countyCase(kind);
  const packed = await timeCalls(
    url,
    () => `{"args":${argsJson(packArgs(args))},"pack":true}`,
    (json) => {
      const grid = decodePacked((json as { value: Record<string, unknown> }).value);
      return grid instanceof NumberGrid ? grid.rows : -1;
    },
  );
  const nested = await timeCalls(url, () => JSON.stringify({ args }), (json) => ((json as { value: unknown[] }).value ?? []).length);
  process.stdout.write(JSON.stringify({ packed, nested }));
}

await main();
