/**
 * Lexicographic mixed-integer programs with HiGHS (branch and cut). Each stage minimises its
 * objective; its value is then held as a row (objective ≤ value) and the next objective is
 * minimised over what is left. Unlike the LP case (highs.ts) there are no reduced costs to fix
 * an optimal face by, so a row carries it.
 *
 * One time budget covers all stages (each run gets what the runs before it left). When it runs out, the stage keeps the best solution found, and the answer carries the
 * proven bound beside the value: the gap still open. A later stage then holds the value
 * found, not a proven optimum. Every objective has integer costs, so a stage is proven when
 * value − bound < 1. Each stage starts from the better of the last stage's solution and the
 * caller's start (a known feasible plan, e.g. the greedy one) while that still meets the values
 * held, so there is always a solution to answer with and it is never worse than the start.
 */
import { performance } from 'node:perf_hooks';
import type { LexProgram, MipSolution, MipStage } from '../../formulas/core/lex-program.js';
import { highsRuntime } from './highs.js';

/** Integer objectives: a gap below 1 proves optimality; HiGHS may stop there. */
const ABSOLUTE_GAP = 1 - 1e-6;

const objectiveOf = (cost: Float64Array, x: Float64Array): number => {
  let sum = 0;
  for (let j = 0; j < x.length; j++) sum += cost[j]! * x[j]!;
  return sum;
};

export async function solveLexicographicMip(p: LexProgram, timeLimitSeconds: number, start?: Float64Array): Promise<MipSolution> {
  const highs = await highsRuntime();
  const stages: MipStage[] = [];
  if (p.numCols === 0) {
    return { status: 'solved', proven: true, x: new Float64Array(0), stages: p.objectives.map((o) => ({ name: o.name, value: 0, bound: 0, proven: true, ms: 0, iterations: 0 })) };
  }
  const model = highs.createModel({
    numCols: p.numCols,
    numRows: p.numRows,
    colCost: p.objectives[0]!.cost,
    colLower: p.colLower,
    colUpper: p.colUpper,
    rowLower: p.rowLower,
    rowUpper: p.rowUpper,
    matrix: { format: 'csc', numRows: p.numRows, numCols: p.numCols, starts: p.starts, indices: p.indices, values: p.values },
    integrality: Int32Array.from(p.integer ?? new Uint8Array(p.numCols)),
  });
  try {
    model.options.set({ output_flag: false, random_seed: 0, mip_rel_gap: 0, mip_abs_gap: ABSOLUTE_GAP });
    const all = { kind: 'range', from: 0, to: p.numCols - 1 } as const;
    const deadline = performance.now() + timeLimitSeconds * 1000;
    // Holds a stage's value for the stages after it (every cost is an integer): at its floor by
    // its floor rows made equalities, else by one row over its cost.
    const holdValue = (s: number, cost: Float64Array, value: number): void => {
      const { floor, floorRows } = p.objectives[s]!;
      if (s === p.objectives.length - 1) return;
      if (floorRows && floor !== undefined && value <= floor) {
        const upper = Float64Array.from(floorRows, (r) => p.rowUpper[r]!);
        model.changeRowsBounds({ kind: 'set', indices: floorRows }, upper, upper);
        return;
      }
      const nonzero = [...cost.keys()].filter((j) => cost[j] !== 0);
      if (nonzero.length > 0) {
        model.addRow(-Infinity, value, { indices: Int32Array.from(nonzero), values: Float64Array.from(nonzero, (j) => cost[j]!) });
      }
    };
    let x = start;
    for (let s = 0; s < p.objectives.length; s++) {
      const { name, cost } = p.objectives[s]!;
      if (s > 0) model.changeColsCost(all, cost);
      const startHolds = start !== undefined && stages.every((st, e) => objectiveOf(p.objectives[e]!.cost, start) <= st.value);
      if (startHolds && (!x || objectiveOf(cost, start) < objectiveOf(cost, x))) x = start;
      const floor = p.objectives[s]!.floor;
      if (x && floor !== undefined && objectiveOf(cost, x) <= floor) {
        // The start already reaches a value no solution can beat: proven, no solve needed.
        const value = objectiveOf(cost, x);
        stages.push({ name, value, bound: value, proven: true, ms: 0, iterations: 0 });
        holdValue(s, cost, value);
        continue;
      }
      if (x) model.setSolution({ colValue: x });
      model.options.set({ time_limit: Math.max(0.01, (deadline - performance.now()) / 1000) });
      const t0 = performance.now();
      model.run();
      const ms = performance.now() - t0;
      const status = model.getModelStatus();
      if (status === highs.constants.modelStatus.infeasible) return { status: 'infeasible', message: `stage ${name}: no feasible solution` };
      const solved = status === highs.constants.modelStatus.optimal;
      if (!solved && status !== highs.constants.modelStatus.timeLimit) return { status: 'error', message: `stage ${name}: HiGHS ended with model status ${status}` };
      const found = model.getSolution().colValue;
      if (!found || found.length !== p.numCols) return { status: 'error', message: `stage ${name}: stopped with no solution` };
      x = Float64Array.from(found, (v, j) => (p.integer?.[j] ? Math.round(v) : v));
      const value = objectiveOf(cost, x);
      // Stopped before any bound was proven: −∞ (answered as null, "no bound yet").
      const dual = Number(model.info.get('mip_dual_bound'));
      const bound = solved ? value : Number.isFinite(dual) ? Math.min(value, Math.ceil(dual - 1e-9)) : -Infinity;
      const proven = value - bound < ABSOLUTE_GAP + 1e-9;
      stages.push({ name, value, bound: proven ? value : bound, proven, ms, iterations: Number(model.info.get('mip_node_count')) });
      holdValue(s, cost, value);
    }
    return { status: 'solved', proven: stages.every((st) => st.proven), x: x!, stages };
  } finally {
    model.dispose();
  }
}
