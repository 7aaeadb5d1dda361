/**
 * Issue 15 §1: the stated limits and the time budget agree. The budget counts the CPU time
 * a calculation uses in its worker (server/pool/thread-cpu.ts), so the question is how much
 * CPU the largest allowed rotation plan needs: it is run here in-process, once, and its CPU
 * time (all of this process's threads, an upper bound on the worker's) is set against the
 * default budget.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { shippedProfileSource } from '../../formulas/index.js';
import { rotationPlanJob } from '../../server/jobs/rotation-plan.js';
import { defaultPoolOptions } from '../../server/pool/pool.js';
import { syntheticCounty } from '../formulas/rotation/synthetic-county.js';
import { LARGEST_PLAN } from './responsiveness.js';
import type { BenchSection } from './run.js';
import { ms, table } from './timing.js';

export async function bench(): Promise<BenchSection> {
  const body: unknown = JSON.parse(JSON.stringify(syntheticCounty(LARGEST_PLAN)));
  const { teachers, schools } = body as { teachers: unknown[]; schools: unknown[] };
  const load = os.loadavg()[0]!;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const answer = await rotationPlanJob.run({ body, params: {}, query: {}, context: { profiles: shippedProfileSource }, limits: { maxCalls: 5000, maxValues: 2_000_000 }, log: () => {} });
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1000;
  const { budgetMs, wallMs } = defaultPoolOptions();
  if (!('json' in answer)) throw new Error('the largest plan did not answer a plan');
  return {
    title: 'The largest allowed plan against the CPU budget',
    markdown: [
      `${teachers.length.toLocaleString('en-US')} teachers, ${schools.length.toLocaleString('en-US')} schools, every distance given; in-process, one-minute load average ${load.toFixed(1)} on ${os.cpus().length} cores.`,
      '',
      table(
        ['', 'time', 'default limit', 'share of the limit'],
        [
          ['CPU time used (the budget counts this)', ms(cpu), ms(budgetMs), `${((100 * cpu) / budgetMs).toFixed(0)} %`],
          ['wall time on this machine now', ms(wall), `${ms(wallMs)} from admission`, `${((100 * wall) / wallMs).toFixed(0)} %`],
        ],
      ),
    ].join('\n'),
  };
}
