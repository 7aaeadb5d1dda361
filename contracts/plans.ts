/**
 * The two planners' shapes. Their requests are the planners' own input schemas (the core
 * checks what it computes on); the answers are described here at the level a client reads
 * them, with the full row types in formulas/rotation/plan-types.ts and
 * formulas/balance/consolidation-schema.ts (docs/rotation.md, docs/balance.md).
 */
import { z } from 'zod';
import { consolidationInputSchema, type ConsolidationPlan } from '../formulas/balance/consolidation-schema.js';
import { planInputSchema, type PlanResult } from '../formulas/rotation/plan-types.js';
import { bilingualSchema } from './errors.js';

export const rotationPlanBodySchema = planInputSchema;
export const consolidationPlanBodySchema = consolidationInputSchema;

export const rotationPlanSchema = z.looseObject({
  rows: z.array(z.looseObject({})),
  sending: z.array(z.looseObject({})),
  receiving: z.array(z.looseObject({})),
  totals: z.looseObject({ teachers: z.number(), eligible: z.number(), rotating: z.number() }),
  parameters: z.looseObject({}),
  form: z.object({ title: z.string(), columns: z.array(z.looseObject({})) }),
  warnings: z.array(bilingualSchema),
  solver: z.looseObject({ name: z.string(), version: z.string() }),
});

export const consolidationPlanSchema = z.looseObject({
  summary: z.looseObject({ schoolsMerged: z.number(), pupilsPlaced: z.number(), text: bilingualSchema }),
  merges: z.array(z.looseObject({})),
  receivers: z.array(z.looseObject({})),
  notMerged: z.array(z.looseObject({})),
  sheet: z.looseObject({ name: z.string(), rows: z.array(z.array(z.union([z.string(), z.number()]))) }),
  solver: z.looseObject({ method: z.string() }),
});

/**
 * The answers as clients read them: the planners' own result types with the solver the
 * service names, which the schemas above describe at the top level only. The check below
 * fails the build if a field the schema names is missing from the type.
 */
export type RotationPlanAnswer = PlanResult & Pick<z.output<typeof rotationPlanSchema>, 'solver'>;
export type ConsolidationPlanAnswer = ConsolidationPlan & Pick<z.output<typeof consolidationPlanSchema>, 'solver'>;
/** Every field the schema names (its index signature aside) is a field of T. */
type Fits<T, Schema extends z.ZodType> = [Exclude<keyof { [K in keyof z.output<Schema> as string extends K ? never : K]: 1 }, keyof T>] extends [never] ? true : false;
type MustBeTrue<T extends true> = T;
export type PlanAnswersFit = [MustBeTrue<Fits<RotationPlanAnswer, typeof rotationPlanSchema>>, MustBeTrue<Fits<ConsolidationPlanAnswer, typeof consolidationPlanSchema>>];

export const healthSchema = z.looseObject({ status: z.enum(['ok', 'unavailable']), storage: z.string().optional() });
