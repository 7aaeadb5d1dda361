/**
 * POST /api/v1/rotation/plan: the teacher rotation plan (教师交流轮岗计划表) from a teacher
 * table and a school table. 400 when the body is not a plan request; 422 with a list of
 * problems when the input is inconsistent (code ROTATION_INPUT) or a rule cannot be met
 * (code ROTATION_INFEASIBLE: which school, which rule, required and existing); else 200
 * with the plan. The shapes are documented in docs/rotation.md.
 *
 * The plan is prepared, modelled and decoded in formulas/rotation/plan-*.ts, solved by HiGHS and, before it is
 * answered, re-checked by the independent verifier: a plan that broke a rule would be a bug,
 * answered 500 and logged, never sent.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type Request, Router } from 'express';
import type { ComputeContext } from '../../formulas/index.js';
import { preparePlan } from '../../formulas/rotation/plan-prepare.js';
import { solvePlan } from '../../formulas/rotation/plan-solve.js';
import { planInputSchema } from '../../formulas/rotation/plan-types.js';
import { verifyPlan } from '../../formulas/rotation/plan-verify.js';
import type { AuditEvent } from '../app.js';
import type { Logger } from '../logger.js';
import { ServiceError } from '../service-error.js';
import { highsVersion, solveLexicographic } from '../solvers/highs.js';
import { zodProblem } from './zod-problem.js';

const BODY_HINT = {
  zh: '请发送 {"teachers": [{"id","name","school","subject","backbone","yearsAtSchool","birthdate","retireCategory"}], "schools": [{"id","name","role":"sending"|"receiving","needs":{"数学":2},"distances":{"<派出学校代码>":12.5}}], "parameters": {...}}（见 docs/rotation.md）。',
  en: 'Send {"teachers": [{"id","name","school","subject","backbone","yearsAtSchool","birthdate","retireCategory"}], "schools": [{"id","name","role":"sending"|"receiving","needs":{"数学":2},"distances":{"<sending id>":12.5}}], "parameters": {...}} (docs/rotation.md).',
};

export interface RotationOptions {
  logger: Logger;
  contextFor(req: Request): ComputeContext;
  audit(req: Request, event: AuditEvent): Promise<void>;
}

export function rotationRouter(opts: RotationOptions): Router {
  const router = Router();
  router.post('/rotation/plan', async (req, res) => {
    const t0 = performance.now();
    const body = planInputSchema.safeParse(req.body);
    if (!body.success) throw zodProblem(body.error, req.body, { zh: '交流轮岗计划请求', en: 'rotation plan request' }, BODY_HINT);
    const { profiles } = opts.contextFor(req);
    const prepared = preparePlan(body.data, profiles);
    if (!prepared.ok) {
      const input = prepared.kind === 'input';
      const count = prepared.problems.length + prepared.more;
      const zh = input ? `输入有 ${count} 处问题，无法编制交流轮岗计划：见 details.issues` : `有 ${count} 条规则无法满足，无法编制交流轮岗计划：见 details.issues`;
      const en = input
        ? `The input has ${count} problem${count === 1 ? '' : 's'}; no rotation plan can be made: see details.issues`
        : `${count} rule${count === 1 ? '' : 's'} cannot be met; no rotation plan can be made: see details.issues`;
      throw new ServiceError(422, input ? 'ROTATION_INPUT' : 'ROTATION_INFEASIBLE', { zh, en }, { details: { issues: prepared.problems, more: prepared.more } });
    }
    const solved = await solvePlan(prepared.plan, solveLexicographic);
    if ('error' in solved) {
      opts.logger.log('error', 'rotation.solver', { message: solved.error });
      throw new ServiceError(500, 'SOLVER', { zh: '交流轮岗计划求解出错，已记录；请联系管理员', en: 'The rotation plan could not be solved; it was logged. Please tell your administrator.' });
    }
    const plan = solved.result;
    const violations = verifyPlan(body.data, plan, profiles);
    if (violations.length > 0) {
      opts.logger.log('error', 'rotation.verify', { violations: violations.slice(0, 20) });
      throw new ServiceError(500, 'PLAN_CHECK', { zh: '交流轮岗计划未通过规则复核，已记录；请联系管理员', en: 'The rotation plan failed its own rule check; it was logged. Please tell your administrator.' });
    }
    await opts.audit(req, {
      action: 'rotation.plan',
      inputHash: createHash('sha256').update(JSON.stringify(req.body)).digest('hex'),
      details: { teachers: plan.totals.teachers, rotating: plan.totals.rotating },
    });
    res.json({
      ...plan,
      solver: {
        name: 'HiGHS',
        version: await highsVersion(),
        size: solved.size,
        stages: solved.stages,
        ms: performance.now() - t0,
      },
    });
  });
  return router;
}
