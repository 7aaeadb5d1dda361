/**
 * Every job the worker pool runs, by name: the calculations, the two plans and the form
 * exports, listed with registryOf (formulas/core/registry-of.ts) like the formulas, forms
 * and example sheets. To add one (a new planner, say): write a
 * JobDefinition beside the others in server/jobs/, list it here, declare its route in
 * contracts/routes.ts and give it the endpoint `{ job: 'its.name' }` (server/routes/endpoint.ts).
 */
import { calcBatchJob, calcOneJob } from '../jobs/calc.js';
import { consolidationPlanJob } from '../jobs/consolidation-plan.js';
import { formLayoutJob, formXlsxJob } from '../jobs/form-export.js';
import { rotationPlanJob } from '../jobs/rotation-plan.js';
import type { JobDefinition } from './job.js';
import { registryOf } from '../../formulas/core/registry-of.js';

export const jobs = registryOf('job', [calcOneJob, calcBatchJob, rotationPlanJob, consolidationPlanJob, formXlsxJob, formLayoutJob], { key: (job: JobDefinition) => job.name });

export const findJob = jobs.find;
