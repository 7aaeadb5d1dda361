/**
 * Benchmark (a) of the foundation: 10,000 EDU.APPORTION calls (8 units, 48 posts, varied
 * weights) three ways — through the client core's batching client (client/batch.ts) to the running service (a
 * separate process, as in production), one HTTP request per call (4 at a time: the client
 * core's own in-flight limit, within what the service admits at once on 2 cores — one light
 * thread plus a queue of 4 — beyond which it answers 503 Retry-After), and the core called in-process through invoke().
 * Targets: batched at least 20x faster than one request per call, within 3x of in-process.
 */
import { BatchClient, ServiceClient } from '../../client/index.js';
import { findFormula, invoke, shippedProfileSource } from '../../formulas/index.js';
import { startService } from '../helpers/service-process.js';
import type { BenchSection } from './run.js';
import { measure, ms, table } from './timing.js';

const CALLS = 10_000;
const PER_CALL_CONCURRENCY = 4;

/** Eight centres with weights varied per call (no two calls alike, so no cache hits). */
function argsFor(i: number): unknown[] {
  const w = [1200 + (i % 97), 800 + (i % 13), 760, 700 + (i % 5), 520, 690 + (i % 11), 480, 450 + (i % 7)];
  return [48, w.map((x) => [x]), 'hamilton', null, null];
}

export async function bench(): Promise<BenchSection> {
  const apportion = findFormula('APPORTION')!;
  const ctx = { profiles: shippedProfileSource };
  const service = await startService({ EDU_LOG_LEVEL: 'warn' });
  try {
    let round = 0;
    // Nine runs each: this 2-core machine's timings swing by tens of milliseconds run to run.
    const inProcess = await measure(() => {
      for (let i = 0; i < CALLS; i++) invoke(apportion, argsFor(i), ctx);
    }, 9);

    let requests = 0;
    const batched = await measure(async () => {
      // A fresh client per run: the session cache must not answer anything.
      const client = new BatchClient(new ServiceClient({ serviceUrl: () => service.url, token: () => undefined }), { pure: new Set(), onRequest: () => requests++ });
      const offset = ++round * CALLS;
      const results = await Promise.all(Array.from({ length: CALLS }, (_, i) => client.call('APPORTION', argsFor(offset + i))));
      // A domain answer (e.g. an exact tie refused) is a fine result; a transport failure is not.
      const failed = results.find((r) => 'error' in r && r.error.code === 'NA');
      if (failed) throw new Error(`a batched call failed: ${JSON.stringify(failed)}`);
    }, 9);

    const perCall = await measure(
      async () => {
        let next = 0;
        const worker = async () => {
          while (next < CALLS) {
            const i = next++;
            const res = await fetch(`${service.url}/api/v1/calc/APPORTION`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ args: argsFor(i) }),
            });
            if (res.status !== 200 && res.status !== 422) throw new Error(`call ${i} answered ${res.status}`);
            await res.json();
          }
        };
        await Promise.all(Array.from({ length: PER_CALL_CONCURRENCY }, worker));
      },
      3,
      1,
    );

    const speedup = perCall.median / batched.median;
    const overhead = batched.median / inProcess.median;
    const rows = [
      ['in-process (invoke)', ms(inProcess.median), ms(inProcess.best), '1.0×'],
      [`batching client → service (${Math.round(requests / 10)} requests per run)`, ms(batched.median), ms(batched.best), `${overhead.toFixed(2)}×`],
      [`one HTTP request per call (${PER_CALL_CONCURRENCY} in flight)`, ms(perCall.median), ms(perCall.best), `${(perCall.median / inProcess.median).toFixed(1)}×`],
    ];
    return {
      title: `Batching: ${CALLS.toLocaleString('en')} APPORTION calls (8 units, 48 posts)`,
      markdown: [
        table(['path', 'median', 'best', 'vs in-process'], rows),
        '',
        `- Batched is **${speedup.toFixed(1)}×** faster than one request per call (target ≥ 20×): ${speedup >= 20 ? 'met' : 'NOT met'}.`,
        `- Batched takes **${overhead.toFixed(2)}×** the in-process time (target ≤ 3×): ${overhead <= 3 ? 'met' : 'NOT met'}.`,
        '- The service runs as its own process, from source (`node --max-semi-space-size=64 --import tsx server/main.ts`, the same flags as `npm start`); medians of 9 runs (3 for per-call) after a warm-up.',
      ].join('\n'),
    };
  } finally {
    await service.stop();
  }
}
