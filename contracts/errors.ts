/**
 * The one JSON shape of every failure the service answers, whatever its status (400 to
 * 507, Node's own 400/408/431 included), and of a formula's error value inside a batch:
 *   { "error": { "code": "NOT_FOUND", "zh": "…", "en": "…", "details"?: { … } } }
 * `zh` and `en` travel apart; a client joins them only where one string is needed (an
 * Excel cell's error tooltip).
 */
import { z } from 'zod';

export const bilingualSchema = z.object({ zh: z.string(), en: z.string() });

/** One problem of a list the service attaches: a form payload's issues, a plan's unmet rules. */
export const errorItemSchema = z.looseObject({ zh: z.string(), en: z.string() });

export const errorDetailsSchema = z.object({
  /** Every problem found, each naming its row or field. */
  issues: z.array(errorItemSchema).optional(),
  /** How many more problems were counted but not listed. */
  more: z.number().int().min(0).optional(),
});

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    zh: z.string(),
    en: z.string(),
    details: errorDetailsSchema.optional(),
  }),
});

export type ErrorItem = z.infer<typeof errorItemSchema>;
export type ErrorDetails = z.infer<typeof errorDetailsSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;
