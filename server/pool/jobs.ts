/**
 * Every job the worker pool runs, by name. To add one (a new planner, say): write a
 * JobDefinition beside the others in server/jobs/, list it here, declare its route in
 * contracts/routes.ts and give it the endpoint `{ job: 'its.name' }` (server/routes/endpoint.ts).
 */
import { calcBatchJob, calcOneJob } from '../jobs/calc.js';
import { consolidationPlanJob } from '../jobs/consolidation-plan.js';
import { formLayoutJob, formXlsxJob } from '../jobs/form-export.js';
import { rotationPlanJob } from '../jobs/rotation-plan.js';
import type { JobDefinition } from './job.js';

const jobs = new Map<string, JobDefinition>(
  [calcOneJob, calcBatchJob, rotationPlanJob, consolidationPlanJob, formXlsxJob, formLayoutJob].map((job) => [job.name, job]),
);

export const findJob = (name: string): JobDefinition | undefined => jobs.get(name);
