import { consolidationInputSchema } from '../formulas/balance/consolidation-schema.js';
import { planConsolidation } from '../formulas/balance/consolidation-plan.js';
import { solveLexicographicMip } from '../server/solvers/highs-mip.js';
const SMALL=1000, RECEIVERS=200;
const schools = [
    ...Array.from({ length: RECEIVERS }, (_, r) => ({ id: `R${r}`, name: `中心校${r}`, pupils: 300 + (r % 50) * 10, capacity: 340 + (r % 50) * 10 + (r % 7) * 5 })),
    ...Array.from({ length: SMALL }, (_, s) => ({ id: `S${s}`, name: `教学点${s}`, pupils: s % 31, teachers: 1 + (s % 4), temporaryStaff: s % 2, kept: s % 17 === 0 })),
  ];
const distances = Array.from({ length: SMALL }, (_, s) => Array.from({ length: RECEIVERS }, (__, r) => ({ from: `S${s}`, to: `R${r}`, km: ((s * 31 + r * 17) % 400) / 10 }))).flat();
const body = { schools, distances, thresholds: [10, 30], maxDistanceKm: Number(process.argv[2] ?? 15) };
const t0 = performance.now();
const a: any = await planConsolidation(consolidationInputSchema.parse(body), solveLexicographicMip);
console.log(performance.now() - t0, JSON.stringify(a.solver), a.summary?.text?.zh);
