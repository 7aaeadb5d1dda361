/**
 * Issue 15 §1: the service stays responsive while it computes the largest allowed rotation
 * plan, and large requests keep memory bounded. The compiled service (what `npm start`
 * runs) is started as its own process; while the plan of 49,700 teachers and 1,400
 * schools runs, /healthz is probed every 20 ms and a 20-call batch every 50 ms. Then four
 * 19 MiB batches arrive at once (5 million one-cell rows each, over the value limit) and the
 * process's resident memory is followed. Targets: /healthz p99 under 100 ms, small batches
 * p99 under 200 ms.
 *
 * The plan's budget is raised for this run (EDU_CALC_BUDGET_MS), so that a shared, loaded
 * machine still finishes the plan and the probes cover all of it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildService } from '../../addin/build/build.js';
import { startService } from '../helpers/service-process.js';
import { largeBodies, type Latencies, whilePlanning } from './responsiveness.js';
import type { BenchSection } from './run.js';
import { ms, table } from './timing.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TARGETS = { healthz: 100, batches: 200 };

const row = (what: string, l: Latencies, target?: number) => [
  what,
  `${l.count} (${l.failed} failed)`,
  ms(l.p50),
  ms(l.p99),
  ms(l.max),
  target === undefined ? '—' : `${ms(target)}: ${l.p99 < target && l.failed === 0 ? 'met' : 'not met'}`,
];

export async function bench(): Promise<BenchSection> {
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  const out = mkdtempSync(path.join(root, 'dist', 'bench-service-'));
  try {
    await buildService(out);
    const load = os.loadavg()[0]!;
    const service = await startService({ EDU_CALC_BUDGET_MS: '300000', EDU_CALC_WALL_MS: '360000', EDU_REQUEST_TIMEOUT_MS: '360000' }, 30_000, 'http', path.join(out, 'main.js'));
    try {
      const pid = service.child.pid!;
      const plan = await whilePlanning(service.url, pid);
      const memory = await largeBodies(service.url, pid);
      const markdown = [
        `Largest allowed plan: ${plan.teachers.toLocaleString('en-US')} teachers, ${plan.schools.toLocaleString('en-US')} schools, every distance given (${plan.bodyMiB.toFixed(1)} MiB): ` +
          `HTTP ${plan.planStatus} after ${ms(plan.planMs)} (one-minute load average at the start: ${load.toFixed(1)} on ${os.cpus().length} cores).`,
        '',
        table(['while the plan runs', 'requests', 'p50', 'p99', 'max', 'target (p99)'], [row('GET /healthz', plan.healthz, TARGETS.healthz), row('20-call APPORTION batch', plan.batches, TARGETS.batches)]),
        '',
        table(
          ['resident memory of the service (MiB)', 'before', 'peak', 'after'],
          [
            ['the plan (after: 5 s later)', plan.rss.before.toFixed(0), plan.rss.peak.toFixed(0), plan.rss.after.toFixed(0)],
            [
              `${memory.requests} concurrent ${memory.bodyMiB.toFixed(0)} MiB batches (answers ${memory.statuses.join(', ')}; after: 15 s later)`,
              memory.rss.before.toFixed(0),
              memory.rss.peak.toFixed(0),
              memory.rss.after.toFixed(0),
            ],
          ],
        ),
        '',
        table(['while the 19 MiB batches arrive', 'requests', 'p50', 'p99', 'max', 'target (p99)'], [row('GET /healthz', memory.healthz, TARGETS.healthz)]),
      ].join('\n');
      return { title: 'Responsiveness under the largest plan; memory under large requests (issue 15 §1)', markdown };
    } finally {
      await service.stop();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
