/**
 * The two planners' shapes. Their requests are the planners' own input schemas (the core
 * checks what it computes on); the answers are described here at the level a client reads
 * them, with the full row types in formulas/rotation/plan-types.ts and
 * formulas/balance/consolidation-schema.ts (docs/rotation.md, docs/balance.md).
 */
import { z } from 'zod';
import { consolidationInputSchema } from '../formulas/balance/consolidation-schema.js';
import { planInputSchema } from '../formulas/rotation/plan-types.js';
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

/** GET /example-sheets: the example workbook's sheets as data for "insert the example sheets". */
export const exampleSheetsSchema = z.object({
  sheets: z.array(z.looseObject({ name: z.string() })),
  font: z.unknown(),
  styles: z.record(z.string(), z.unknown()),
});

export const healthSchema = z.looseObject({ status: z.enum(['ok', 'unavailable']), storage: z.string().optional() });
