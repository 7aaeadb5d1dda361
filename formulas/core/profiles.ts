/**
 * Policy profiles: the dated policy numbers (per-student funding, staffing ratios,
 * balance thresholds ...) that formulas read instead of hard-coding.
 *
 * A profile is data: every key holds a list of dated entries, each with its value, the
 * date it takes effect and its source document. A county profile `extends` another and
 * overrides some keys. A profile argument in a cell is an id ("cn-national") or an id and a
 * date ("cn-national@2019-06-30"): the entries in force on that date are used; without a
 * date, those in force on the calculation date, today in Beijing (an entry that takes
 * effect next year is not used before then).
 */
import { z } from 'zod';
import { parseDateCell } from './dates.js';
import { type FormulaError, valueError } from './errors.js';
import { said } from './issue-messages.js';
import { entryInForce, PROFILE_ID, todayInChina } from './profile-rules.js';

/** A calendar date as YYYY-MM-DD: 2023-02-30 or 2023-13-01 would sort as text and take effect on no real day. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((text) => parseDateCell(text) !== undefined, said('不是真实存在的日期（YYYY-MM-DD），如 2023-02-30 不存在', 'is not a real calendar date (YYYY-MM-DD); e.g. 2023-02-30 does not exist'));

export const policyEntrySchema = z.object({
  value: z.union([z.number(), z.string(), z.boolean(), z.array(z.number())]),
  effective: isoDate,
  unit: z.string().optional(),
  source: z.object({ document: z.string().min(1), title: z.string().min(1) }),
  note: z.string().optional(),
});

export const policyProfileSchema = z.object({
  id: z.string().regex(PROFILE_ID, 'lower-case letters, digits and dashes'),
  title: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  version: z.number().int().min(1),
  extends: z.string().optional(),
  values: z.record(z.string(), z.array(policyEntrySchema).min(1)),
});

export type PolicyEntry = z.infer<typeof policyEntrySchema>;
export type PolicyProfile = z.infer<typeof policyProfileSchema>;

/** Where formulas find profiles: the shipped ones, or a county's stored ones on the service. */
export interface ProfileSource {
  /** The profile used when a formula's profile argument is omitted. */
  readonly defaultId: string;
  get(id: string): PolicyProfile | undefined;
}

export function staticProfileSource(profiles: readonly PolicyProfile[], defaultId: string): ProfileSource {
  const byId = new Map(profiles.map((p) => [p.id, p]));
  return { defaultId, get: (id) => byId.get(id) };
}

/** A profile chosen by a formula argument, ready to answer keys. */
export interface ResolvedProfile {
  id: string;
  /** The date whose values are used: the one written after @, else today. */
  asOf: string;
  /** True when the date was written after @; false when it is today's. */
  stated: boolean;
  entry(key: string): PolicyEntry | undefined;
}

const MAX_EXTENDS_DEPTH = 8;

/**
 * Resolves "id" or "id@YYYY-MM-DD" against `source`, following `extends`; without a date,
 * the values in force on `today`.
 */
export function resolveProfile(source: ProfileSource, ref: string | undefined, today: string = todayInChina()): ResolvedProfile | FormulaError {
  const text = (ref ?? '').trim() || source.defaultId;
  const [id, stated] = text.split('@') as [string, string | undefined];
  const asOf = stated ?? today;
  if (stated !== undefined && !isoDate.safeParse(stated).success) {
    return valueError(
      `政策配置 "${text}" 的日期写法不对：请写成 配置名@YYYY-MM-DD，例如 cn-national@2019-06-30`,
      `The date in policy profile "${text}" is not valid: write id@YYYY-MM-DD, e.g. cn-national@2019-06-30`,
    );
  }
  const chain: PolicyProfile[] = [];
  for (let next: string | undefined = id; next !== undefined; ) {
    const profile = source.get(next);
    if (!profile) {
      return valueError(
        `找不到政策配置 "${next}"：请检查名称；本县配置由管理员在任务窗格 › 政策配置中建立和修改（内置：${source.defaultId}）`,
        `Policy profile "${next}" was not found: check the name; an administrator creates and edits county profiles in Task pane › Policy profile (built in: ${source.defaultId})`,
      );
    }
    chain.push(profile);
    if (chain.length > MAX_EXTENDS_DEPTH) {
      return valueError(`政策配置 "${id}" 的继承层级过深或成环`, `Policy profile "${id}" extends too deeply or in a loop`);
    }
    next = profile.extends;
  }
  return {
    id,
    asOf,
    stated: stated !== undefined,
    entry(key) {
      for (const profile of chain) {
        // Keys come from cells: "constructor" or "__proto__" must not reach the object's prototype.
        if (!Object.prototype.hasOwnProperty.call(profile.values, key)) continue;
        const inForce = entryInForce(profile.values[key]!, asOf);
        if (inForce) return inForce;
      }
      return undefined;
    },
  };
}

/** The numeric value of `key`, or an error naming the profile, key and date. */
export function profileNumber(profile: ResolvedProfile, key: string): number | FormulaError {
  const entry = profile.entry(key);
  if (entry === undefined || typeof entry.value !== 'number') {
    const today = profile.stated ? '' : '，即今天';
    return valueError(
      `政策配置 "${profile.id}" 没有 ${profile.asOf}${today}有效的数值项 "${key}"：请在配置中补上该项（或写明另一个日期，如 ${profile.id}@2024-09-01），或改用含该项的配置`,
      `Policy profile "${profile.id}" has no numeric value "${key}" in force on ${profile.asOf}${profile.stated ? '' : ' (today)'}: add it to the profile (or state another date, e.g. ${profile.id}@2024-09-01), or use one that has it`,
    );
  }
  return entry.value;
}

/** Merges profile fragments (one file per formula family) into one profile. */
export function mergeFragments(base: Omit<PolicyProfile, 'values'>, fragments: readonly Record<string, unknown>[]): PolicyProfile {
  const values: Record<string, unknown> = {};
  for (const fragment of fragments) {
    for (const [key, entries] of Object.entries(fragment)) {
      if (key in values) throw new Error(`policy key ${key} is defined twice in ${base.id}`);
      values[key] = entries;
    }
  }
  return policyProfileSchema.parse({ ...base, values });
}
