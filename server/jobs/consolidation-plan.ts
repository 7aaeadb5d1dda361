/**
 * POST /api/v1/consolidation/plan: a school-consolidation plan (seed 001) from a table of
 * schools, run in the worker pool (heavy lane). A thin shell around the pure planner in
 * formulas/balance/consolidation-*.ts: 400 (in both languages, naming where the body is
 * wrong) when the body is not a plan request, 422 when it is one the planner cannot use
 * (duplicate ids, a distance to an unknown school, a receiver without capacity), else 200
 * with the plan and the rows for a new sheet. The shape is documented in docs/balance.md.
 */
import { planGreedy } from '../../formulas/balance/consolidation-greedy.js';
import { consolidationInputSchema } from '../../formulas/balance/consolidation-schema.js';
import { isFormulaError } from '../../formulas/core/errors.js';
import type { JobDefinition } from '../pool/job.js';
import { zodProblem } from '../routes/zod-problem.js';
import { unprocessable } from '../service-error.js';

const BODY_HINT = {
  zh: '请发送 {"schools": [{"id","name","pupils","teachers","temporaryStaff","capacity","kept"}], "distances": [{"from","to","km"}], "thresholds": [10, 30], "maxDistanceKm"}（见 docs/balance.md）。',
  en: 'Send {"schools": [{"id","name","pupils","teachers","temporaryStaff","capacity","kept"}], "distances": [{"from","to","km"}], "thresholds": [10, 30], "maxDistanceKm"} (docs/balance.md).',
};

export const consolidationPlanJob: JobDefinition = {
  name: 'consolidation.plan',
  lane: 'heavy',
  run(input) {
    const body = consolidationInputSchema.safeParse(input.body);
    if (!body.success) throw zodProblem(body.error, { zh: '布局调整计划请求', en: 'consolidation plan request' }, BODY_HINT);
    const plan = planGreedy(body.data);
    if (isFormulaError(plan)) throw unprocessable(plan);
    return { json: plan };
  },
};
