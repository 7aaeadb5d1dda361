/**
 * Benchmark of the balance family, in-process through invoke() (what one batched request
 * costs the service): a large county's 2,000 schools through EDU.BALANCECV, EDU.BALANCECHECK
 * and EDU.GAPTOPASS, and the consolidation planner (request validation included) on a county
 * about twice seed 001's size (400 small schools, 60 receiving schools, every pair's road
 * distance: 24,000) and on a stress case of 1,000 small, 200 receiving schools and 200,000
 * distances. Targets: the formulas and the seed-sized plan under one second (a sheet
 * recalculates, a plan appears, without a visible wait); the stress case under five seconds.
 */
import { type ConsolidationPlan, consolidationInputSchema } from '../../formulas/balance/consolidation-schema.js';
import { planGreedy } from '../../formulas/balance/consolidation-greedy.js';
import { findFormula, invoke, shippedProfileSource } from '../../formulas/index.js';
import type { BenchSection } from './run.js';
import { measure, ms, table } from './timing.js';

const SCHOOLS = 2000;
const TARGET_MS = 1000;
const STRESS_TARGET_MS = 5000;

/** Deterministic, varied indicator rows around the primary thresholds (two decimals, as typed). */
function county(): { indicators: number[][]; students: number[][] } {
  const base = [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3];
  const indicators = Array.from({ length: SCHOOLS }, (_, s) => base.map((t, i) => Math.round(t * (0.7 + ((s * 7 + i * 13) % 61) / 100) * 100) / 100));
  const students = Array.from({ length: SCHOOLS }, (_, s) => [60 + ((s * 37) % 2400)]);
  return { indicators, students };
}

function consolidationBody(SMALL: number, RECEIVERS: number): unknown {
  const schools = [
    ...Array.from({ length: RECEIVERS }, (_, r) => ({ id: `R${r}`, name: `中心校${r}`, pupils: 300 + (r % 50) * 10, capacity: 340 + (r % 50) * 10 + (r % 7) * 5 })),
    ...Array.from({ length: SMALL }, (_, s) => ({ id: `S${s}`, name: `教学点${s}`, pupils: s % 31, teachers: 1 + (s % 4), temporaryStaff: s % 2, kept: s % 17 === 0 })),
  ];
  const distances = Array.from({ length: SMALL }, (_, s) => Array.from({ length: RECEIVERS }, (__, r) => ({ from: `S${s}`, to: `R${r}`, km: ((s * 31 + r * 17) % 400) / 10 }))).flat();
  return { schools, distances, thresholds: [10, 30], maxDistanceKm: 15 };
}

export async function bench(): Promise<BenchSection> {
  const ctx = { profiles: shippedProfileSource };
  const { indicators, students } = county();
  const rows: string[][] = [];
  const timed = async (label: string, fn: () => unknown, target = TARGET_MS): Promise<void> => {
    const t = await measure(fn, 5, 1);
    rows.push([label, ms(t.median), ms(t.best), ms(target), t.median < target ? 'yes' : 'no']);
  };
  await timed(`EDU.BALANCECV, ${SCHOOLS} schools x 7, with check`, () => invoke(findFormula('BALANCECV')!, [indicators, students, '小学', true, null], ctx));
  await timed(`EDU.BALANCECHECK, ${SCHOOLS} schools`, () => invoke(findFormula('BALANCECHECK')!, [indicators, '小学', null], ctx));
  await timed(`EDU.GAPTOPASS, ${SCHOOLS} schools`, () => invoke(findFormula('GAPTOPASS')!, [indicators, students, '小学', null], ctx));
  for (const [small, receivers, target] of [
    [400, 60, TARGET_MS],
    [1000, 200, STRESS_TARGET_MS],
  ] as const) {
    const body = consolidationBody(small, receivers);
    await timed(
      `consolidation plan, ${small} small + ${receivers} receiving schools, ${small * receivers} distances`,
      () => {
        const plan = planGreedy(consolidationInputSchema.parse(body));
        if ('error' in plan) throw new Error(`${plan.error.zh} / ${plan.error.en}`);
      },
      target,
    );
  }
  return {
    title: 'Balance family (in-process)',
    markdown: [
      table(['what', 'median', 'best', 'target', 'met'], rows),
      '',
      'Median of 5 runs after 1 warm-up, in-process. The consolidation figures include validating the request body (zod), which is most of the stress case.',
    ].join('\n'),
  };
}
