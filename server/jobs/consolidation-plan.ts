/**
 * POST /api/v1/consolidation/plan: a school-consolidation plan (seed 001) from a table of
 * schools, run in the worker pool (heavy lane). A thin shell around the planner in
 * formulas/balance/consolidation-*.ts, with HiGHS as its solver: 400 when the body is not a
 * plan request, 422 when it is one the planner cannot use (duplicate ids, a distance to an
 * unknown school, a receiver without capacity), else 200 with the plan, the rows for a new
 * sheet and the solver's report. Before it is answered every plan is re-checked by the
 * independent verifier: a plan that broke a rule would be a bug, answered 500 and logged,
 * never sent. The shape is in docs/balance.md.
 */
import { planConsolidation } from '../../formulas/balance/consolidation-plan.js';
import { consolidationInputSchema } from '../../formulas/balance/consolidation-schema.js';
import { verifyConsolidation } from '../../formulas/balance/consolidation-verify.js';
import { isFormulaError } from '../../formulas/core/errors.js';
import type { JobDefinition } from '../pool/job.js';
import { zodProblem } from '../routes/zod-problem.js';
import { violationSummary } from './violation-log.js';
import { ServiceError, unprocessable } from '../service-error.js';
import { highsVersion } from '../solvers/highs.js';
import { solveLexicographicMip } from '../solvers/highs-mip.js';

const BODY_HINT = {
  zh: '请发送 {"schools": [{"id","name","pupils","teachers","temporaryStaff","capacity","kept"}], "distances": [{"from","to","km"}], "thresholds": [10, 30], "maxDistanceKm"}（见 docs/balance.md）。',
  en: 'Send {"schools": [{"id","name","pupils","teachers","temporaryStaff","capacity","kept"}], "distances": [{"from","to","km"}], "thresholds": [10, 30], "maxDistanceKm"} (docs/balance.md).',
};

export const consolidationPlanJob: JobDefinition = {
  name: 'consolidation.plan',
  lane: 'heavy',
  async run(input) {
    const body = consolidationInputSchema.safeParse(input.body);
    if (!body.success) throw zodProblem(body.error, input.body, { zh: '布局调整计划请求', en: 'consolidation plan request' }, BODY_HINT);
    const plan = await planConsolidation(body.data, solveLexicographicMip);
    if ('bug' in plan) {
      input.log('error', 'consolidation.solver', { message: plan.bug });
      throw new ServiceError(500, 'SOLVER', { zh: '布局调整方案求解出错，已记录；请联系管理员', en: 'The consolidation plan could not be solved; it was logged. Please tell your administrator.' });
    }
    if (isFormulaError(plan)) throw unprocessable(plan);
    const violations = verifyConsolidation(body.data, plan);
    if (violations.length > 0) {
      input.log('error', 'consolidation.verify', violationSummary(violations, input.body));
      throw new ServiceError(500, 'PLAN_CHECK', { zh: '布局调整方案未通过规则复核，已记录；请联系管理员', en: 'The consolidation plan failed its own rule check; it was logged. Please tell your administrator.' });
    }
    if (plan.solver.method === 'optimal') plan.solver = { ...plan.solver, name: 'HiGHS', version: await highsVersion() };
    return { json: plan };
  },
};
