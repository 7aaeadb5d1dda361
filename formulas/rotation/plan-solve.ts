/**
 * A prepared rotation plan solved: the selection program, then the placement program over the
 * selection's optimal face (plan-model.ts), read back into the plan (plan-decode.ts).
 */
import type { LexSolver, LexStage } from '../core/lex-program.js';
import { decodePlan } from './plan-decode.js';
import { type PlanModel, buildPlacementModel, buildSelectionModel } from './plan-model.js';
import type { PreparedPlan } from './plan-prepare.js';
import type { PlanResult } from './plan-types.js';

export interface SolvedPlan {
  result: PlanResult;
  stages: LexStage[];
  size: { selection: { columns: number; rows: number }; placement: { columns: number; rows: number } };
}

/**
 * Selection, then placement over the selection's optimal face: the plan of a prepared input.
 * A solver failure is returned as a message (with a sound input it is a bug, not a user error).
 */
export async function solvePlan(plan: PreparedPlan, solve: LexSolver): Promise<SolvedPlan | { error: string }> {
  const selection = buildSelectionModel(plan);
  const first = await solve(selection.program);
  if (first.status !== 'optimal') return { error: `selection: ${first.message}` };
  const placement = buildPlacementModel(plan, selection, first.faceLower, first.faceUpper);
  const second = await solve(placement.program);
  if (second.status !== 'optimal') return { error: `placement: ${second.message}` };
  const size = (m: PlanModel) => ({ columns: m.program.numCols, rows: m.program.numRows });
  return {
    result: decodePlan(plan, placement, second.x),
    stages: [...first.stages, ...second.stages],
    size: { selection: size(selection), placement: size(placement) },
  };
}
