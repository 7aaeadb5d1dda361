/**
 * What a county may save as a policy profile, checked on every write (the service's PUT,
 * and any editor before it sends): stricter than reading, so a profile stored under older
 * rules still loads. Messages are bilingual through issue-messages.ts.
 *
 * - an effective date is a real calendar date between 1949-10-01 and 2100-12-31 (a typo
 *   such as 2023-02-30 or 20230-01-01 would silently never or always be in force);
 * - a number is finite, at least 0 and at most 10^12 (money in yuan, counts, ratios and
 *   shares of the national profile are all in that range);
 * - texts are short enough to be a document number, a title or a note.
 */
import { z } from 'zod';
import { isValidCivilDate } from './dates.js';
import { said } from './issue-messages.js';
import { policyEntrySchema, policyProfileSchema } from './profiles.js';

const FIRST_DATE = '1949-10-01';
const LAST_DATE = '2100-12-31';
export const MAX_PROFILE_NUMBER = 1e12;

/**
 * The most JSON one county profile may hold when it is written: 20 times the shipped
 * national profile (12 KB), read and parsed in about a millisecond. Every calculation of
 * the county reads its profiles, so an oversized one would slow all of them (issue 15 §1:
 * a 19 MiB profile made every request wait about 2 s at each reload).
 */
export const MAX_PROFILE_BYTES = 256 * 1024;

function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isValidCivilDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}

const effectiveDate = z
  .string()
  .refine(isRealIsoDate, said('不是有效日期，请写成 YYYY-MM-DD，如 2023-01-01', 'is not a real date; write YYYY-MM-DD, e.g. 2023-01-01'))
  .refine((s) => s >= FIRST_DATE && s <= LAST_DATE, said(`生效日期须在 ${FIRST_DATE} 与 ${LAST_DATE} 之间`, `must be between ${FIRST_DATE} and ${LAST_DATE}`));

const profileNumber = z
  .number()
  .refine(Number.isFinite, said('不是有限的数', 'is not a finite number'))
  .refine((x) => x >= 0 && x <= MAX_PROFILE_NUMBER, said('须在 0 与 10^12 之间', 'must be between 0 and 10^12'));

const text = (max: number) => z.string().trim().min(1).max(max);

export const policyEntryWriteSchema = policyEntrySchema.extend({
  value: z.union([profileNumber, z.string().max(200), z.boolean(), z.array(profileNumber).max(100)]),
  effective: effectiveDate,
  unit: z.string().max(100).optional(),
  source: z.object({ document: text(200), title: text(500) }),
  note: z.string().max(2000).optional(),
});

export const policyProfileWriteSchema = policyProfileSchema.extend({
  title: z.object({ zh: text(100), en: text(200) }),
  values: z.record(z.string().min(1).max(120), z.array(policyEntryWriteSchema).min(1).max(50)),
});
