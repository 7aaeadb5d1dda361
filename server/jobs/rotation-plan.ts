/**
 * POST /api/v1/rotation/plan: the teacher rotation plan (教师交流轮岗计划表) from a teacher
 * table and a school table. 400 when the body is not a plan request; 422 with a list of
 * problems when the input is inconsistent (code ROTATION_INPUT) or a rule cannot be met
 * (code ROTATION_INFEASIBLE: which school, which rule, required and existing); else 200
 * with the plan. The shapes are documented in docs/rotation.md. It runs in the worker pool
 * (heavy lane); the main thread writes the audit entry before the plan is sent.
 *
 * The plan is prepared, modelled and decoded in formulas/rotation/plan-*.ts, solved by HiGHS and, before it is
 * answered, re-checked by the independent verifier: a plan that broke a rule would be a bug,
 * answered 500 and logged, never sent.
 */
import { performance } from 'node:perf_hooks';
import { preparePlan } from '../../formulas/rotation/plan-prepare.js';
import { solvePlan } from '../../formulas/rotation/plan-solve.js';
import { planInputSchema } from '../../formulas/rotation/plan-types.js';
import { verifyPlan } from '../../formulas/rotation/plan-verify.js';
import type { JobDefinition } from '../pool/job.js';
import { zodProblem } from '../routes/zod-problem.js';
import { inputHash } from './input-hash.js';
import { violationSummary } from './violation-log.js';
import { ServiceError } from '../service-error.js';
import { highsVersion, solveLexicographic } from '../solvers/highs.js';

const BODY_HINT = {
  zh: '请发送 {"teachers": [{"id","name","school","subject","backbone","yearsAtSchool","birthdate","retireCategory"}], "schools": [{"id","name","role":"sending"|"receiving","needs":{"数学":2},"distances":{"<派出学校代码>":12.5}}], "parameters": {...}}（见 docs/rotation.md）。',
  en: 'Send {"teachers": [{"id","name","school","subject","backbone","yearsAtSchool","birthdate","retireCategory"}], "schools": [{"id","name","role":"sending"|"receiving","needs":{"数学":2},"distances":{"<sending id>":12.5}}], "parameters": {...}} (docs/rotation.md).',
};

export const rotationPlanJob: JobDefinition = {
  name: 'rotation.plan',
  lane: 'heavy',
  async run(input) {
    const t0 = performance.now();
    const body = planInputSchema.safeParse(input.body);
    if (!body.success) throw zodProblem(body.error, input.body, { zh: '交流轮岗计划请求', en: 'rotation plan request' }, BODY_HINT);
    const { profiles } = input.context;
    const prepared = preparePlan(body.data, profiles);
    if (!prepared.ok) {
      const badInput = prepared.kind === 'input';
      const count = prepared.problems.length + prepared.more;
      const zh = badInput ? `输入有 ${count} 处问题，无法编制交流轮岗计划：见 details.issues` : `有 ${count} 条规则无法满足，无法编制交流轮岗计划：见 details.issues`;
      const en = badInput
        ? `The input has ${count} problem${count === 1 ? '' : 's'}; no rotation plan can be made: see details.issues`
        : `${count} rule${count === 1 ? '' : 's'} cannot be met; no rotation plan can be made: see details.issues`;
      throw new ServiceError(422, badInput ? 'ROTATION_INPUT' : 'ROTATION_INFEASIBLE', { zh, en }, { details: { issues: prepared.problems, more: prepared.more } });
    }
    const solved = await solvePlan(prepared.plan, solveLexicographic);
    if ('error' in solved) {
      input.log('error', 'rotation.solver', { message: solved.error });
      throw new ServiceError(500, 'SOLVER', { zh: '交流轮岗计划求解出错，已记录；请联系管理员', en: 'The rotation plan could not be solved; it was logged. Please tell your administrator.' });
    }
    const plan = solved.result;
    const violations = verifyPlan(body.data, plan, profiles);
    if (violations.length > 0) {
      input.log('error', 'rotation.verify', violationSummary(violations, input.body));
      throw new ServiceError(500, 'PLAN_CHECK', { zh: '交流轮岗计划未通过规则复核，已记录；请联系管理员', en: 'The rotation plan failed its own rule check; it was logged. Please tell your administrator.' });
    }
    return {
      json: { ...plan, solver: { name: 'HiGHS', version: await highsVersion(), size: solved.size, stages: solved.stages, ms: performance.now() - t0 } },
      audit: {
        action: 'rotation.plan',
        inputHash: inputHash(input.body),
        details: { teachers: plan.totals.teachers, rotating: plan.totals.rotating },
      },
    };
  },
};
