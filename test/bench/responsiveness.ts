/**
 * What a running service does for everyone else while it computes the largest allowed
 * rotation plan, and how much memory large requests take: the measuring half of
 * 90-responsiveness.bench.ts, kept apart so the same probes can be pointed at any running
 * service (`npx tsx test/bench/responsiveness.ts http://127.0.0.1:3000 PID` measured the
 * code before the worker pool for BENCHMARKS.md).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { syntheticCounty } from '../formulas/rotation/synthetic-county.js';

/** The largest plan the limits allow in spirit: 49,700 teachers and 1,400 schools, every distance given (issue 15: 50,000 and 1,400). */
export const LARGEST_PLAN = { seed: 7, sending: 700, receiving: 700, perSending: 70, perReceiving: 1, needsPerSchool: 2, distances: true, exemption: true };

const SMALL_BATCH = JSON.stringify({ calls: Array.from({ length: 20 }, (_, i) => ({ fn: 'APPORTION', args: [48 + i, [[120], [80], [60]], 'hamilton', null, null] })) });

export interface Latencies {
  count: number;
  /** Probes that failed (refused, reset, or not 2xx); their time counts as the time to failure. */
  failed: number;
  p50: number;
  p99: number;
  max: number;
}

export interface Sample {
  ms: number;
  ok: boolean;
}

export function latencies(samples: Sample[]): Latencies {
  const s = samples.map((x) => x.ms).sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { count: s.length, failed: samples.filter((x) => !x.ok).length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1] ?? NaN };
}

/** The process's resident memory in MiB (all its threads: the workers are threads of it). */
export function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) / 1024;
}

async function timed(fn: () => Promise<Response>): Promise<Sample> {
  const t0 = performance.now();
  try {
    const res = await fn();
    await res.arrayBuffer();
    return { ms: performance.now() - t0, ok: res.ok };
  } catch {
    return { ms: performance.now() - t0, ok: false };
  }
}

/** Calls `probe` back to back (at most one in flight, `gapMs` apart) until `done` settles. */
async function probeUntil(done: Promise<unknown>, probe: () => Promise<Sample>, gapMs: number): Promise<Sample[]> {
  let finished = false;
  void done.finally(() => (finished = true));
  const samples: Sample[] = [];
  while (!finished) {
    samples.push(await probe());
    await new Promise((r) => setTimeout(r, gapMs));
  }
  return samples;
}

export interface PlanRun {
  teachers: number;
  schools: number;
  bodyMiB: number;
  planMs: number;
  planStatus: number;
  healthz: Latencies;
  batches: Latencies;
  rss: { before: number; peak: number; after: number };
}

/** Posts the largest plan and, while it runs, probes /healthz every 20 ms and a 20-call batch every 50 ms. */
export async function whilePlanning(url: string, pid: number): Promise<PlanRun> {
  const county = syntheticCounty(LARGEST_PLAN);
  const body = JSON.stringify(county);
  const post = (path: string, text: string) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
  // Workers started and the solver loaded, so what is measured is the plan, not a cold start.
  await timed(() => post('/api/v1/calc', SMALL_BATCH));
  await timed(() => fetch(`${url}/healthz`));
  const before = rssMiB(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 50);
  const t0 = performance.now();
  let planStatus = 0;
  const plan = post('/api/v1/rotation/plan', body).then(async (res) => {
    planStatus = res.status;
    await res.arrayBuffer();
    return performance.now() - t0;
  });
  const [planMs, health, batches] = await Promise.all([
    plan,
    probeUntil(plan, () => timed(() => fetch(`${url}/healthz`)), 20),
    probeUntil(plan, () => timed(() => post('/api/v1/calc', SMALL_BATCH)), 50),
  ]);
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 5000));
  return {
    teachers: county.teachers.length,
    schools: county.schools.length,
    bodyMiB: Buffer.byteLength(body) / 2 ** 20,
    planMs,
    planStatus,
    healthz: latencies(health),
    batches: latencies(batches),
    rss: { before, peak, after: rssMiB(pid) },
  };
}

export interface MemoryRun {
  requests: number;
  bodyMiB: number;
  statuses: number[];
  healthz: Latencies;
  rss: { before: number; peak: number; after: number };
}

/** Four concurrent batches of one APPORTION over 5 million one-cell rows (19 MiB each), as in issue 15. */
export async function largeBodies(url: string, pid: number, settleMs = 15_000): Promise<MemoryRun> {
  const rows = `[${Array.from({ length: 5_000_000 }, (_, i) => `[${(i % 9) + 1}]`).join(',')}]`;
  const body = `{"calls":[{"fn":"APPORTION","args":[1000,${rows},"hamilton",null,null]}]}`;
  const before = rssMiB(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 50);
  const all = Promise.all(
    Array.from({ length: 4 }, () => fetch(`${url}/api/v1/calc`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => (await r.arrayBuffer(), r.status))),
  );
  const [statuses, health] = await Promise.all([all, probeUntil(all, () => timed(() => fetch(`${url}/healthz`)), 20)]);
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, settleMs));
  return { requests: 4, bodyMiB: Buffer.byteLength(body) / 2 ** 20, statuses, healthz: latencies(health), rss: { before, peak, after: rssMiB(pid) } };
}

const isMain = process.argv[1]?.endsWith('responsiveness.ts');
if (isMain) {
  const [url, pid] = [process.argv[2]!, Number(process.argv[3])];
  const parts = process.argv[4] ?? 'plan,memory';
  if (parts.includes('plan')) process.stdout.write(`${JSON.stringify(await whilePlanning(url, pid), null, 2)}\n`);
  if (parts.includes('memory')) process.stdout.write(`${JSON.stringify(await largeBodies(url, pid), null, 2)}\n`);
}
