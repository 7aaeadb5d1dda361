/**
 * HiGHS (MIT, University of Edinburgh) compiled to WebAssembly by the `highs` package. The
 * runtime is loaded once per process and reused; each solve owns one model and disposes it
 * (Wasm memory is not garbage collected).
 *
 * `solveLexicographic` minimises several objectives in priority order on one LP. After a
 * stage is optimal, every column whose reduced cost is not zero is fixed at the bound it sits
 * on: with all rows equalities, those columns are exactly the ones that are at that bound in
 * every optimal solution (complementary slackness: c'x = b'y + d'x, and d'x is smallest only
 * when such columns sit at their bounds). So the next stage ranges over precisely the optimal
 * solutions of the stages before it, with no weights that could overflow or be outweighed.
 * Fixing bounds leaves the matrix alone, so a unimodular program stays integral at every
 * stage, and the previous optimum stays feasible, so each stage warm-starts from the last
 * basis. The bounds after the last stage describe its whole optimal face, which a second
 * program can start from (the rotation plan's placement does). The solve is single-threaded
 * and has no time limit, so it is deterministic: the same program gives the same answer.
 */
import { performance } from 'node:perf_hooks';
import highsPackage, { type Highs } from 'highs';
import type { LexProgram, LexSolution, LexStage } from '../../formulas/core/lex-program.js';

type Loader = typeof highsPackage.default;
/**
 * The package is CommonJS with an ES build beside it: its types describe the CommonJS export
 * (the loader under `.default`) while Node's ES import gets the loader itself.
 */
const loadHighs: Loader = (highsPackage as unknown as { default?: Loader }).default ?? (highsPackage as unknown as Loader);

let runtime: Promise<Highs> | undefined;

/** The HiGHS runtime, loaded on first use (about a quarter of a second) and kept. */
export function highsRuntime(): Promise<Highs> {
  const loading =
    runtime ??
    loadHighs().catch((err: unknown) => {
      runtime = undefined;
      throw err;
    });
  runtime = loading;
  return loading;
}

/** A reduced cost this far from zero fixes its column; costs are integers, so optimal duals are too. */
const REDUCED_COST_TOLERANCE = 1e-6;

const objectiveOf = (cost: Float64Array, x: Float64Array): number => {
  let sum = 0;
  for (let j = 0; j < x.length; j++) sum += cost[j]! * x[j]!;
  return sum;
};

/** `options` are extra HiGHS options (snake_case), e.g. { presolve: 'on' }; a time limit would cost determinism. */
export async function solveLexicographic(p: LexProgram, options: Readonly<Record<string, string | number | boolean>> = {}): Promise<LexSolution> {
  const highs = await highsRuntime();
  if (p.numCols === 0) {
    const none = new Float64Array(0);
    return { status: 'optimal', x: none, faceLower: none, faceUpper: none, stages: p.objectives.map((o) => ({ name: o.name, value: 0, ms: 0, iterations: 0 })) };
  }
  const model = highs.createModel({
    numCols: p.numCols,
    numRows: p.numRows,
    colCost: p.objectives[0]?.cost ?? new Float64Array(p.numCols),
    colLower: p.colLower,
    colUpper: p.colUpper,
    rowLower: p.rowLower,
    rowUpper: p.rowUpper,
    matrix: { format: 'csc', numRows: p.numRows, numCols: p.numCols, starts: p.starts, indices: p.indices, values: p.values },
  });
  try {
    // Simplex, not interior point: a vertex (basic) solution is what makes the answer integral.
    // Presolve off: it finds little to remove in a network program and cost more than it saved
    // in the rotation benchmark (and later stages warm-start from a basis, skipping it anyway).
    model.options.set({ output_flag: false, solver: 'simplex', presolve: 'off', random_seed: 0, ...options });
    const lower = Float64Array.from(p.colLower);
    const upper = Float64Array.from(p.colUpper);
    const all = { kind: 'range', from: 0, to: p.numCols - 1 } as const;
    const stages: LexStage[] = [];
    let x = new Float64Array(p.numCols);
    const objectives = p.objectives.length > 0 ? p.objectives : [{ name: 'feasibility', cost: new Float64Array(p.numCols) }];
    for (let s = 0; s < objectives.length; s++) {
      const { name, cost } = objectives[s]!;
      if (s > 0) model.changeColsCost(all, cost);
      const t0 = performance.now();
      model.run();
      const ms = performance.now() - t0;
      const status = model.getModelStatus();
      if (status === highs.constants.modelStatus.infeasible) {
        return { status: 'infeasible', message: `stage ${name}: the program has no feasible solution` };
      }
      if (status !== highs.constants.modelStatus.optimal) {
        return { status: 'error', message: `stage ${name}: HiGHS ended with model status ${status}` };
      }
      const solution = model.getSolution();
      x = Float64Array.from(solution.colValue);
      stages.push({ name, value: objectiveOf(cost, x), ms, iterations: Number(model.info.get('simplex_iteration_count')) });
      for (let e = 0; e < s; e++) {
        const before = stages[e]!.value;
        const now = objectiveOf(objectives[e]!.cost, x);
        if (Math.abs(now - before) > 1e-6 * (1 + Math.abs(before))) {
          return { status: 'error', message: `stage ${name} moved stage ${objectives[e]!.name} from ${before} to ${now}` };
        }
      }
      const fixed: number[] = [];
      const d = solution.colDual;
      for (let j = 0; j < p.numCols; j++) {
        if (lower[j] === upper[j]) continue;
        if (d[j]! > REDUCED_COST_TOLERANCE) upper[j] = lower[j]!;
        else if (d[j]! < -REDUCED_COST_TOLERANCE) lower[j] = upper[j]!;
        else continue;
        fixed.push(j);
      }
      if (fixed.length > 0 && s < objectives.length - 1) {
        model.changeColsBounds(
          { kind: 'set', indices: Int32Array.from(fixed) },
          Float64Array.from(fixed, (j) => lower[j]!),
          Float64Array.from(fixed, (j) => upper[j]!),
        );
      }
    }
    return { status: 'optimal', x, stages, faceLower: lower, faceUpper: upper };
  } finally {
    model.dispose();
  }
}

/** The HiGHS version string, for the plan's `solver` field. */
export async function highsVersion(): Promise<string> {
  return (await highsRuntime()).version.string;
}
