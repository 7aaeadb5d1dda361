/**
 * The consolidation plan of a request: the lexicographic optimum (consolidation-model.ts,
 * solved by the MipSolver the service passes: HiGHS) or, on request, the greedy plan
 * (consolidation-greedy.ts). Either way the greedy plan is computed too: improved by local
 * search (consolidation-improve.ts) it starts the solver, and its objective values are answered
 * beside the plan's, so a bureau sees what the optimum gains. The answer's `solver` says whether optimality was proven and, if the time limit
 * stopped the solver, how far from proven each objective still is.
 */
import type { FormulaError } from '../core/errors.js';
import type { MipSolver } from '../core/lex-program.js';
import { greedyPlacements } from './consolidation-greedy.js';
import { improvePlacements } from './consolidation-improve.js';
import { buildConsolidationModel, decodeConsolidation, startOf } from './consolidation-model.js';
import { KM_SCALE, type Placement, prepareConsolidation } from './consolidation-prepare.js';
import { objectivesOf, reportConsolidation } from './consolidation-report.js';
import type { ConsolidationAnswer, ConsolidationInput, ObjectiveLine, ObjectiveValues, SolverReport } from './consolidation-schema.js';

/** The objective lines of a plan, beside the greedy plan's; bounds (in the plan's units) from the solver when it ran. */
export function objectiveLines(values: ObjectiveValues, greedy: ObjectiveValues, thresholds: readonly number[], bounds?: readonly (number | null)[]): ObjectiveLine[] {
  const lines: ObjectiveLine[] = thresholds.map((t, s) => ({
    name: `stage${s + 1}`,
    zh: `撤并${t}人以下（本阶段）学校数`,
    en: `schools merged in stage ${s + 1} (up to ${t} pupils)`,
    sense: 'max',
    value: values.merged[s]!,
    bound: bounds?.[s] == null ? null : 0 - bounds[s]!,
    greedy: greedy.merged[s]!,
  }));
  const n = thresholds.length;
  lines.push(
    { name: 'pupilKm', zh: '学生总里程（人·公里）', en: 'pupil-kilometres', sense: 'min', value: values.pupilKmHundredths / KM_SCALE, bound: bounds?.[n] == null ? null : bounds[n]! / KM_SCALE, greedy: greedy.pupilKmHundredths / KM_SCALE },
    { name: 'seatsAdded', zh: '新增学位', en: 'seats added', sense: 'min', value: values.seatsAdded, bound: bounds?.[n + 1] ?? null, greedy: greedy.seatsAdded },
  );
  return lines;
}

export async function planConsolidation(input: ConsolidationInput, solve: MipSolver): Promise<ConsolidationAnswer | FormulaError | { bug: string }> {
  const t0 = Date.now();
  const prepared = prepareConsolidation(input);
  if ('error' in prepared) return prepared;
  const greedy = greedyPlacements(prepared);
  const greedyValues = objectivesOf(prepared, greedy);
  let placements: Placement[] = greedy;
  let solver: Omit<SolverReport, 'ms'>;
  if (input.method === 'greedy') {
    solver = { method: 'greedy', proven: false, objectives: objectiveLines(greedyValues, greedyValues, input.thresholds) };
  } else {
    const model = buildConsolidationModel(prepared);
    const solved = await solve(model.program, input.timeLimitSeconds, startOf(prepared, model, improvePlacements(prepared, greedy)));
    if (solved.status !== 'solved') return { bug: `consolidation: ${solved.message}` };
    placements = decodeConsolidation(prepared, model, solved.x);
    const values = objectivesOf(prepared, placements);
    // A stage stopped before any bound was proven has none to report (null).
    const bounds = solved.stages.map((s) => (Number.isFinite(s.bound) ? s.bound : null));
    solver = {
      method: 'optimal',
      proven: solved.proven,
      objectives: objectiveLines(values, greedyValues, input.thresholds, bounds),
      columns: model.program.numCols,
      rows: model.program.numRows,
    };
  }
  return { ...reportConsolidation(prepared, placements), solver: { ...solver, ms: Date.now() - t0 } };
}
