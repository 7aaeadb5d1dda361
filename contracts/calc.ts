/**
 * The calculation endpoints' shapes. Arguments are positional, exactly as Excel passes
 * them (null for an omitted optional, 2-D arrays for ranges); any range may travel as a
 * packed range (packed-range.ts) and, with "pack": true, a large all-number result comes
 * back packed. A call's outcome is a value or a formula's error value (errors.ts shape).
 */
import { z } from 'zod';
import { bilingualSchema, errorBodySchema } from './errors.js';

/** A range of numbers as base64 typed-array bytes (packed-range.ts), in place of nested rows. */
export const packedRangeSchema = z.object({ dtype: z.enum(['f8', 'i4', 'i2']), shape: z.tuple([z.number().int(), z.number().int()]), bdata: z.string() });

const pack = z.boolean().optional().describe('true: every all-number result of 1024 cells or more comes back as a packed range');

/** Where each argument sits ("Sheet1!B2:B9"), when Excel gave the add-in the addresses: messages then name cells as "B7". */
const addresses = z.array(z.string().max(300).nullable()).max(64).optional();

export const calcOneBodySchema = z.object({ args: z.array(z.unknown()), pack, addresses });

export const calcCallSchema = z.object({ fn: z.string(), args: z.array(z.unknown()), addresses });
export const calcBatchBodySchema = z.object({ calls: z.array(calcCallSchema), pack });

const cellSchema = z.union([z.number(), z.string(), z.boolean(), errorBodySchema]);
/** A value as Excel takes it: one cell, or rows of cells; a large numeric result may be a packed range. */
export const resultValueSchema = z.union([cellSchema, z.array(z.array(cellSchema)), packedRangeSchema]);

export const calcValueSchema = z.object({ value: resultValueSchema });
export const calcOutcomeSchema = z.union([calcValueSchema, errorBodySchema]);
export const calcBatchResultSchema = z.object({ results: z.array(calcOutcomeSchema) });

/** GET /functions: the registry as data (formulas/catalog.ts). */
export const catalogParamSchema = z.object({
  name: z.string(),
  summary: bilingualSchema,
  dimensionality: z.enum(['scalar', 'matrix']),
  type: z.enum(['number', 'string', 'boolean', 'any']),
  optional: z.boolean(),
  default: z.unknown().optional(),
  zero: bilingualSchema.optional(),
});

export const catalogEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  summary: bilingualSchema,
  rounding: bilingualSchema,
  pure: z.boolean(),
  params: z.array(catalogParamSchema),
  result: z.object({ dimensionality: z.enum(['scalar', 'matrix']), type: z.enum(['number', 'string', 'boolean', 'any']), summary: bilingualSchema }),
  examples: z.array(z.object({ formula: z.string(), args: z.array(z.unknown()), result: z.unknown() })),
});

export const catalogSchema = z.object({ functions: z.array(catalogEntrySchema) });

export type CalcOneBody = z.infer<typeof calcOneBodySchema>;
export type CalcBatchBody = z.infer<typeof calcBatchBodySchema>;
export type CalcBatchResult = z.infer<typeof calcBatchResultSchema>;
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export type Catalog = z.infer<typeof catalogSchema>;
