/**
 * POST /api/v1/consolidation/plan: a school-consolidation plan (seed 001) from a table of
 * schools. A thin shell around the pure planner in formulas/balance/consolidation-*.ts:
 * 400 when the body is not a plan request, 422 when it is one the planner cannot use
 * (duplicate ids, a distance to an unknown school, a receiver without capacity), else 200
 * with the plan and the rows for a new sheet. The shape is documented in docs/balance.md.
 */
import { Router } from 'express';
import { planGreedy } from '../../formulas/balance/consolidation-greedy.js';
import { consolidationInputSchema } from '../../formulas/balance/consolidation-schema.js';
import { isFormulaError } from '../../formulas/core/errors.js';
import { badRequest } from '../http-error.js';

const MAX_LISTED_ISSUES = 3;

export function consolidationRouter(): Router {
  const router = Router();
  router.post('/consolidation/plan', (req, res) => {
    const body = consolidationInputSchema.safeParse(req.body);
    if (!body.success) {
      const issues = body.error.issues
        .slice(0, MAX_LISTED_ISSUES)
        .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(body)'}: ${issue.message}`)
        .join('; ');
      throw badRequest(
        `The body is not a consolidation plan request (${issues}). Send {"schools": [{"id", "name", "pupils", "teachers", "temporaryStaff", "capacity", "kept"}], "distances": [{"from", "to", "km"}], "thresholds": [10, 30], "maxDistanceKm"}`,
      );
    }
    const plan = planGreedy(body.data);
    if (isFormulaError(plan)) {
      res.status(422).json(plan);
      return;
    }
    res.json(plan);
  });
  return router;
}
