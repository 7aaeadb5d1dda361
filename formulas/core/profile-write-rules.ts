/**
 * What a county may save as a policy profile, checked on every write (the service's PUT):
 * stricter than reading, so a profile stored under older rules still loads. The bounds and
 * their words are in profile-rules.ts (the task pane checks with the same ones before it
 * sends); messages are bilingual through issue-messages.ts.
 */
import { z } from 'zod';
import { said } from './issue-messages.js';
import { isRealIsoDate, isWritableDate, isWritableNumber, MAX_DOCUMENT, MAX_ENTRIES_PER_KEY, MAX_KEY_LENGTH, MAX_LIST_LENGTH, MAX_PROFILE_TITLE, MAX_TEXT_VALUE, MAX_TITLE, RULE_WORDS } from './profile-rules.js';
import { policyEntrySchema, policyProfileSchema } from './profiles.js';

const words = (w: { zh: string; en: string }) => said(w.zh, w.en);

const effectiveDate = z.string().refine(isRealIsoDate, words(RULE_WORDS.notRealDate)).refine(isWritableDate, words(RULE_WORDS.dateRange));

const profileNumber = z.number().refine(Number.isFinite, words(RULE_WORDS.notFinite)).refine(isWritableNumber, words(RULE_WORDS.numberRange));

const text = (max: number) => z.string().trim().min(1).max(max);

export const policyEntryWriteSchema = policyEntrySchema.extend({
  value: z.union([profileNumber, z.string().max(MAX_TEXT_VALUE), z.boolean(), z.array(profileNumber).max(MAX_LIST_LENGTH)]),
  effective: effectiveDate,
  unit: z.string().max(100).optional(),
  source: z.object({ document: text(MAX_DOCUMENT), title: text(MAX_TITLE) }),
  note: z.string().max(2000).optional(),
});

export const policyProfileWriteSchema = policyProfileSchema.extend({
  title: z.object({ zh: text(MAX_PROFILE_TITLE.zh), en: text(MAX_PROFILE_TITLE.en) }),
  values: z.record(z.string().min(1).max(MAX_KEY_LENGTH), z.array(policyEntryWriteSchema).min(1).max(MAX_ENTRIES_PER_KEY)),
});
