/**
 * Benchmark of the optimal consolidation plan (POST /api/v1/consolidation/plan, HiGHS) on a
 * county of 1,000 small schools and 200 receiving schools, the issue's scale, through the HTTP
 * route with the solver's default 10 s budget; target: proven optimal within 10 s.
 *
 * The county is geometric and seeded: schools scattered over 60 × 60 km, road distance 1.3 ×
 * the straight line, pairs within 25 km listed (about 48,000), at most 15 km allowed; pupils as
 * in seed 001 (nine in ten small schools have 1–10 pupils, the rest 11–30); receivers' free
 * seats 0.2–1.8 × the fair share of twice the pupils to place (roomy) and, in the tight case,
 * of 1.2 times. The answer's own report says whether each objective was proven and the gap.
 */
import os from 'node:os';
import request from 'supertest';
import { createApp } from '../../server/app.js';
import { highsRuntime } from '../../server/solvers/highs.js';
import { mulberry32 } from '../formulas/rotation/synthetic-county.js';
import type { BenchSection } from './run.js';
import { ms, table } from './timing.js';

const TARGET_MS = 10_000;

function county(slack: number): object {
  const rand = mulberry32(7);
  const small = Array.from({ length: 1000 }, (_, s) => ({
    id: `S${s}`,
    name: `教学点${s}`,
    pupils: rand() < 0.9 ? 1 + Math.floor(rand() * 10) : 11 + Math.floor(rand() * 20),
    teachers: 1 + Math.floor(rand() * 3),
    temporaryStaff: Math.floor(rand() * 2),
    kept: rand() < 0.05,
    x: rand() * 60,
    y: rand() * 60,
  }));
  const share = (slack * small.reduce((a, s) => a + s.pupils, 0)) / 200;
  const receivers = Array.from({ length: 200 }, (_, r) => {
    const pupils = 200 + Math.floor(rand() * 800);
    return { id: `R${r}`, name: `中心校${r}`, pupils, capacity: pupils + Math.floor(share * (0.2 + 1.6 * rand())), x: rand() * 60, y: rand() * 60 };
  });
  const distances = small.flatMap((s) =>
    receivers.flatMap((r) => {
      const km = Math.round(Math.hypot(s.x - r.x, s.y - r.y) * 13) / 10;
      return km <= 25 ? [{ from: s.id, to: r.id, km }] : [];
    }),
  );
  const strip = ({ x: _x, y: _y, ...rest }: { x: number; y: number } & Record<string, unknown>) => rest;
  return { schools: [...receivers.map(strip), ...small.map(strip)], distances, thresholds: [10, 30], maxDistanceKm: 15 };
}

export async function bench(): Promise<BenchSection> {
  const load1 = os.loadavg()[0]!.toFixed(1);
  await highsRuntime();
  const app = createApp();
  const rows: string[][] = [];
  for (const [label, slack] of [
    ['roomy (free seats 2 × the pupils)', 2],
    ['tight (free seats 1.2 × the pupils)', 1.2],
  ] as const) {
    const body = county(slack);
    const t0 = performance.now();
    const res = await request(app).post('/api/v1/consolidation/plan').send(body);
    const elapsed = performance.now() - t0;
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    const solver = res.body.solver as { proven: boolean; objectives: { name: string; value: number; bound: number | null; greedy: number }[] };
    const lines = solver.objectives.map((o) => `${o.name} ${o.value}${o.bound !== null && o.bound !== o.value ? ` (bound ${o.bound})` : ''}, greedy ${o.greedy}`).join('; ');
    rows.push([label, ms(elapsed), solver.proven ? 'yes' : 'no (time limit)', lines, elapsed < TARGET_MS && solver.proven ? 'yes' : 'no']);
  }
  return {
    title: 'School consolidation plan (HiGHS, 1,000 small + 200 receiving schools)',
    markdown: [
      table(['case', 'HTTP round trip', 'proven optimal', 'objectives (value, bound when open, greedy)', 'met (proven in 10 s)'], rows),
      '',
      `Load average when the section started: ${load1} on ${os.cpus().length} logical cores (other work lengthens wall times). One run each through the HTTP route and the worker pool (heavy lane), the solver with its default budget of 10 s. A seeded geometric county (test/bench/65-consolidation-plan.bench.ts): 1,000 small schools (nine in ten with 1–10 pupils, as in seed 001) and 200 receiving schools over 60 × 60 km, about 48,000 listed distances, at most 15 km. The solver starts from the greedy plan improved by local search (consolidation-improve.ts: schools moved on to make room for those left behind, then nearer receivers and exchanges); a stage whose start already merges every school with a receiver in range is proven without a solve and held by per-school equalities, and pupil-km is then left with the gap shown (bound beside value) when the budget runs out. The target — proven optimal in under 10 s — is met only when the last column says yes: the answers themselves say so (solver.proven, with the bounds).`,
    ].join('\n'),
  };
}
