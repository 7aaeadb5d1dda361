import { consolidationInputSchema } from '../formulas/balance/consolidation-schema.js';
import { planConsolidation } from '../formulas/balance/consolidation-plan.js';
import { solveLexicographicMip } from '../server/solvers/highs-mip.js';
function rng(seed: number) { return () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
const SMALL=1000, RECEIVERS=200, SIDE=Number(process.argv[3] ?? 80), SLACK=Number(process.argv[2] ?? 1.3);
const r = rng(7);
const small = Array.from({ length: SMALL }, (_, s) => ({ id: `S${s}`, name: `教学点${s}`, pupils: r() < 0.9 ? 1 + Math.floor(r() * 10) : 11 + Math.floor(r() * 20), teachers: 1 + Math.floor(r() * 4), temporaryStaff: Math.floor(r() * 2), kept: r() < 0.05, x: r() * SIDE, y: r() * SIDE }));
const totalPupils = small.reduce((a, s) => a + s.pupils, 0);
const recv = Array.from({ length: RECEIVERS }, (_, i) => { const pupils = 200 + Math.floor(r() * 800); const free = Math.floor((totalPupils * SLACK / RECEIVERS) * (0.2 + 1.6 * r())); return { id: `R${i}`, name: `中心校${i}`, pupils, capacity: pupils + free, x: r() * SIDE, y: r() * SIDE }; });
const distances: any[] = [];
for (const s of small) for (const c of recv) { const d = Math.round(Math.hypot(s.x - c.x, s.y - c.y) * 1.3 * 10) / 10; if (d <= 25) distances.push({ from: s.id, to: c.id, km: d }); }
const body = { schools: [...recv.map(({x,y,...o}) => o), ...small.map(({x,y,...o}) => o)], distances, thresholds: [10, 30], maxDistanceKm: 15 };
import { prepareConsolidation } from '../formulas/balance/consolidation-prepare.js';
import { buildConsolidationModel, startOf } from '../formulas/balance/consolidation-model.js';
import { greedyPlacements } from '../formulas/balance/consolidation-greedy.js';
const prep: any = prepareConsolidation(consolidationInputSchema.parse(body));
const model = buildConsolidationModel(prep);
const t1 = performance.now();
const sol: any = await solveLexicographicMip(model.program, Number(process.argv[4] ?? 30), startOf(prep, model, greedyPlacements(prep)));
console.log('direct', Math.round(performance.now() - t1), JSON.stringify(sol.stages));
const t0 = performance.now();
const a: any = { solver: { objectives: [] }, summary: { text: {} } };
console.log(Math.round(performance.now() - t0), distances.length, a.solver.proven, a.solver.columns, JSON.stringify(a.solver.objectives.map((o: any) => [o.name, o.value, o.bound, o.greedy])), a.summary.text.zh);
