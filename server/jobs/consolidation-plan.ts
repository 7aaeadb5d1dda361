/**
 * POST /api/v1/consolidation/plan: a school-consolidation plan (seed 001) from a table of
 * schools. A thin shell around the pure planner in formulas/balance/consolidation-plan.ts:
 * 400 (in both languages, naming where the body is wrong) when the body is not a plan
 * request, 422 when it is one the planner cannot use (duplicate ids, a distance to an
 * unknown school, a receiver without capacity), else 200 with the plan and the rows for a
 * new sheet. The shape is documented in docs/balance.md.
 */
import { consolidationInputSchema, planConsolidation } from '../../formulas/balance/consolidation-plan.js';
import { isFormulaError } from '../../formulas/core/errors.js';
import type { JobDefinition } from '../pool/job.js';
import { zodProblem } from '../routes/zod-problem.js';

const BODY_HINT = {
  zh: '请发送 {"schools": [{"id", "name", "pupils", "teachers", "temporaryStaff", "capacity", "kept"}], "distances": [{"from", "to", "km"}], "thresholds": [10, 30], "maxDistanceKm"}（见 docs/balance.md）。',
  en: 'Send {"schools": [{"id", "name", "pupils", "teachers", "temporaryStaff", "capacity", "kept"}], "distances": [{"from", "to", "km"}], "thresholds": [10, 30], "maxDistanceKm"} (docs/balance.md).',
};

export const consolidationPlanJob: JobDefinition = {
  name: 'consolidation.plan',
  lane: 'heavy',
  run(input) {
    const body = consolidationInputSchema.safeParse(input.body);
    if (!body.success) throw zodProblem(body.error, { zh: '布局调整方案请求', en: 'consolidation plan request' }, BODY_HINT);
    const plan = planConsolidation(body.data);
    return { status: isFormulaError(plan) ? 422 : 200, json: plan };
  },
};
