/**
 * A money split (FUNDSPLIT, FACTORSPLIT) at county-wide scale: 100,000 units x 6 drivers or
 * factors with a lump sum, a floor and a cap per unit. Target: under 200 ms in-process and
 * through one API call.
 *
 * - In-process: invoke (argument checks included), nested rows in and out, as the add-in's
 *   own code and the tests call it.
 * - One API call: POST /api/v1/calc/<ID> to the service running as its own process,
 *   exactly as `npm start` runs it, on 127.0.0.1, from a client in a process of its own
 *   (fundsplit-api-client.ts), as Excel is. The clock runs from the client holding
 *   the ranges as nested rows (what Excel hands over) to the client holding the decoded
 *   result: packing the ranges (contracts/packed-range.ts), the JSON text, the round
 *   trip, the service's parsing, checks and calculation, and decoding the packed answer.
 * - The same call with plain nested JSON arrays both ways, for comparison (no target: the
 *   packed form exists because of this figure).
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type AnyFormula, invoke, shippedProfileSource } from '../../formulas/index.js';
import { startService } from '../helpers/service-process.js';
import type { ApiRun } from './fundsplit-api-client.js';
import { type CaseKind, countyCase, DRIVERS, UNITS } from './fundsplit-county.js';
import type { BenchSection } from './run.js';
import { measure, ms, table } from './timing.js';

const TARGET_MS = 200;
const runClient = promisify(execFile);

/** The least CPU time (user + system, main and helper threads) of `repeat` runs, in ms. */
function cpuTime(fn: () => void, repeat = 7): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

export async function benchSplit(formula: AnyFormula, kind: CaseKind, title: string): Promise<BenchSection> {
  const args = countyCase(kind);
  const ctx = { profiles: shippedProfileSource };
  const run = (detail: boolean) => () => {
    const result = invoke(formula, [...args.slice(0, 6), detail], ctx);
    if (!Array.isArray(result)) throw new Error(`${formula.id} failed: ${JSON.stringify(result)}`);
  };
  const load = os.loadavg()[0]!;

  // The client in a process of its own (as Excel is), against the service in its own.
  const service = await startService({ EDU_LOG_LEVEL: 'warn' });
  let api: { packed: ApiRun; nested: ApiRun };
  try {
    const { stdout } = await runClient(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'fundsplit-api-client.ts'), service.url], { maxBuffer: 1 << 20 });
    api = JSON.parse(stdout) as typeof api;
  } finally {
    await service.stop();
  }
  const { packed, nested } = api;

  const inProcess = await measure(run(false), 7, 2);
  const inProcessCpu = cpuTime(run(false));
  const detail = await measure(run(true), 3, 1);
  const verdict = (t: number): string => (t < TARGET_MS ? 'met' : 'NOT met');
  const mib = (b: number): string => `${(b / 2 ** 20).toFixed(1)} MiB`;
  return {
    title: `EDU.${formula.id}: ${UNITS.toLocaleString('en')} units x ${DRIVERS} ${title}, floors and caps`,
    markdown: [
      table(
        ['path', 'median', 'best', `target < ${TARGET_MS} ms`],
        [
          [`in-process (invoke: argument checks + exact split; CPU time ${ms(inProcessCpu)})`, ms(inProcess.median), ms(inProcess.best), verdict(inProcess.median)],
          [`one API call, ranges packed both ways (${mib(packed.bytes)} request)`, ms(packed.median), ms(packed.best), verdict(packed.median)],
          [`one API call, plain nested JSON arrays both ways (${mib(nested.bytes)} request)`, ms(nested.median), ms(nested.best), '- (comparison)'],
          [`in-process with detail TRUE (${UNITS.toLocaleString('en')} x ${DRIVERS + 3} cells; no target)`, ms(detail.median), ms(detail.best), '-'],
        ],
      ),
      '',
      'Wall time; in-process: median and best of 7 runs after 2 warm-up runs (detail: 3 after 1); API: 15 calls after 3 warm-up calls. ' +
        'An API figure is what the client (a process of its own, as Excel is) waits for, from the ranges as nested rows in its memory to the answer decoded: ' +
        'packing and JSON text on the client, the round trip on 127.0.0.1 to the service in its own process (as `npm start` runs it), ' +
        "the service's parsing, checks, calculation and reply, and the client's decoding. " +
        'Packed ranges (docs/api.md) carry the numbers as base64 typed arrays: nested arrays of 100,000 rows cost more to format, parse and collect than the split itself. ' +
        `Load average when the run started: ${load.toFixed(1)} on ${os.cpus().length} logical cores (other work on the machine lengthens wall times; the CPU time is less affected).`,
    ].join('\n'),
  };
}
