/**
 * The plain rules of a policy profile, without zod, so the task pane can check an entry
 * before sending it and its bundle stays small: which entry is in force on a date, and the
 * date a profile is read for by default, and the bounds every write must keep (profile-write-rules.ts builds the service's schema from
 * these same predicates and words).
 *
 * - an effective date is a real calendar date between 1949-10-01 and 2100-12-31 (a typo
 *   such as 2023-02-30 or 20230-01-01 would silently never or always be in force);
 * - a number is finite, at least 0 and at most 10^12 (money in yuan, counts, ratios and
 *   shares of the national profile are all in that range);
 * - texts are short enough to be a document number, a title or a note.
 */
import { isValidCivilDate } from './dates.js';
import type { Bilingual } from './errors.js';
import type { PolicyEntry } from './profiles.js';

export const FIRST_DATE = '1949-10-01';
export const LAST_DATE = '2100-12-31';
export const MAX_PROFILE_NUMBER = 1e12;
export const MAX_KEY_LENGTH = 120;
export const MAX_TEXT_VALUE = 200;
export const MAX_DOCUMENT = 200;
export const MAX_TITLE = 500;
/** A profile's own title: Chinese, English. */
export const MAX_PROFILE_TITLE = { zh: 100, en: 200 } as const;
/** Numbers in one list-valued entry, and dated entries per key. */
export const MAX_LIST_LENGTH = 100;
export const MAX_ENTRIES_PER_KEY = 50;
/** A profile id: lower-case letters, digits and dashes, as in jx-yudu (also the URL path segment). */
export const PROFILE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The most JSON one county profile may hold when it is written: 20 times the shipped
 * national profile (12 KB), read and parsed in about a millisecond. Every calculation of
 * the county reads its profiles, so an oversized one would slow all of them (issue 15 §1:
 * a 19 MiB profile made every request wait about 2 s at each reload).
 */
export const MAX_PROFILE_BYTES = 256 * 1024;

export function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isValidCivilDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}

export const isWritableDate = (s: string): boolean => s >= FIRST_DATE && s <= LAST_DATE;
export const isWritableNumber = (x: number): boolean => x >= 0 && x <= MAX_PROFILE_NUMBER;

/** What is wrong with a value, as a predicate ("须在 0 与 10^12 之间" / "must be between 0 and 10^12"). */
export const RULE_WORDS = {
  notRealDate: { zh: '不是有效日期，请写成 YYYY-MM-DD，如 2023-01-01', en: 'is not a real date; write YYYY-MM-DD, e.g. 2023-01-01' },
  dateRange: { zh: `生效日期须在 ${FIRST_DATE} 与 ${LAST_DATE} 之间`, en: `must be between ${FIRST_DATE} and ${LAST_DATE}` },
  notFinite: { zh: '不是有限的数', en: 'is not a finite number' },
  numberRange: { zh: '须在 0 与 10^12 之间', en: 'must be between 0 and 10^12' },
} satisfies Record<string, Bilingual>;

/** Today's date in China (UTC+8), YYYY-MM-DD: the default calculation date. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The entry of a key in force on `asOf`: the latest that took effect on or before it. */
export function entryInForce(entries: readonly PolicyEntry[], asOf: string): PolicyEntry | undefined {
  let found: PolicyEntry | undefined;
  for (const e of entries) if (e.effective <= asOf && (found === undefined || e.effective > found.effective)) found = e;
  return found;
}
