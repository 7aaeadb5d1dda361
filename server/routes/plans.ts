/**
 * The planners, run in the worker pool (server/jobs/rotation-plan.ts, consolidation-plan.ts):
 *   POST /api/v1/rotation/plan        the teacher rotation plan (教师交流轮岗计划)
 *   POST /api/v1/consolidation/plan   the school consolidation plan (学校布局调整方案)
 */
import type { Endpoints } from './endpoint.js';

export const planEndpoints: Pick<Endpoints, 'rotationPlan' | 'consolidationPlan'> = {
  rotationPlan: { job: 'rotation.plan' },
  consolidationPlan: { job: 'consolidation.plan' },
};
