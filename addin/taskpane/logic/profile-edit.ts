/**
 * The policy-profile editor's logic, apart from the DOM: a county's dated entries over the
 * national baseline (cn-national), one new entry checked field by field with the service's
 * own write rules (formulas/core/profile-write-rules.ts, so the pane and the PUT say the
 * same words), the difference from the baseline as table rows, and the PUT body.
 *
 * A county profile with the baseline's id adds its entries to the baseline key by key (an
 * entry on the same date replaces the baseline's, server/storage/county-profiles.ts), so
 * the county's draft holds only the county's own entries.
 */
import type { Bilingual } from '../../../formulas/core/errors.js';
import { issueReason } from '../../../formulas/core/issue-messages.js';
import { MAX_PROFILE_BYTES, policyEntryWriteSchema } from '../../../formulas/core/profile-write-rules.js';
import { entryInForce, type PolicyEntry, type PolicyProfile } from '../../../formulas/core/profiles.js';

export type CountyValues = Record<string, PolicyEntry[]>;

/** What the clerk typed for one new entry, as text. */
export interface EntryDraft {
  key: string;
  value: string;
  effective: string;
  document: string;
  title: string;
}

export type DraftField = keyof EntryDraft;

export interface FieldIssue extends Bilingual {
  field: DraftField;
}

export type CheckedEntry = { ok: true; key: string; entry: PolicyEntry } | { ok: false; issues: FieldIssue[] };

const MAX_KEY = 120;
/** A decimal as typed: digits with an optional fraction and sign (no thousands separators, no exponent). */
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** The value typed, as the baseline's kind: a number where the baseline has a number. */
function typedValue(text: string, baseline: PolicyEntry['value'] | undefined): PolicyEntry['value'] | FieldIssue {
  const t = text.trim();
  if (typeof baseline === 'number' || (baseline === undefined && DECIMAL.test(t))) {
    if (!DECIMAL.test(t)) return { field: 'value', zh: `取值 ${JSON.stringify(t)} 不是数字：请写成如 720 或 0.05 的数`, en: `The value ${JSON.stringify(t)} is not a number: write it like 720 or 0.05` };
    return Number(t);
  }
  if (typeof baseline === 'boolean') {
    if (t === '是' || t === 'true') return true;
    if (t === '否' || t === 'false') return false;
    return { field: 'value', zh: `取值 ${JSON.stringify(t)} 应为“是”或“否”`, en: `The value ${JSON.stringify(t)} must be yes (是) or no (否)` };
  }
  return t;
}

const FIELD_OF: Record<string, DraftField> = { value: 'value', effective: 'effective', document: 'document', title: 'title' };
const FIELD_NAME: Record<DraftField, Bilingual> = {
  key: { zh: '配置项', en: 'Key' },
  value: { zh: '取值', en: 'Value' },
  effective: { zh: '生效日期', en: 'Effective date' },
  document: { zh: '文件文号', en: 'Document' },
  title: { zh: '文件标题', en: 'Title' },
};

/**
 * One new entry, checked as the service will check it: the key, the value (a number where
 * the baseline has one, 0..10^12), a real date 1949-10-01..2100-12-31, the document and
 * title. Every problem is named with its field, so the pane shows it beside that field.
 */
export function checkEntry(draft: EntryDraft, baseline: PolicyProfile): CheckedEntry {
  const issues: FieldIssue[] = [];
  const key = draft.key.trim();
  if (key === '' || key.length > MAX_KEY) issues.push({ field: 'key', zh: `请填写配置项（1 到 ${MAX_KEY} 个字），如 funding.publicFunds.primary`, en: `Enter a key (1 to ${MAX_KEY} characters), e.g. funding.publicFunds.primary` });
  const known = Object.hasOwn(baseline.values, key) ? baseline.values[key]! : undefined;
  const value = typedValue(draft.value, known?.[0]?.value);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) issues.push(value);
  const unit = known?.[0]?.unit;
  const entry: PolicyEntry = {
    value: typeof value === 'object' && value !== null && !Array.isArray(value) ? 0 : value,
    effective: draft.effective.trim(),
    ...(unit === undefined ? {} : { unit }),
    source: { document: draft.document.trim(), title: draft.title.trim() },
  };
  const parsed = policyEntryWriteSchema.safeParse(entry);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path.at(-1))] ?? FIELD_OF[String(issue.path[0])] ?? 'value';
      if (issues.some((i) => i.field === field)) continue;
      const why = issueReason(issue);
      issues.push({ field, zh: `${FIELD_NAME[field].zh}${why.zh}`, en: `${FIELD_NAME[field].en} ${why.en}` });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, key, entry };
}

/** The county's entries with `entry` added to `key` (one on the same date is replaced), dates in order. */
export function withEntry(values: CountyValues, key: string, entry: PolicyEntry): CountyValues {
  const kept = (Object.hasOwn(values, key) ? values[key]! : []).filter((e) => e.effective !== entry.effective);
  return { ...values, [key]: [...kept, entry].sort((a, b) => a.effective.localeCompare(b.effective)) };
}

/** The county's entries without the one of `key` on `effective` (a key left with none is dropped). */
export function withoutEntry(values: CountyValues, key: string, effective: string): CountyValues {
  const rest = { ...values };
  const kept = (rest[key] ?? []).filter((e) => e.effective !== effective);
  if (kept.length > 0) rest[key] = kept;
  else delete rest[key];
  return rest;
}

export interface DiffRow {
  key: string;
  /** The baseline's value in force on the county entry's date (undefined: the baseline has no such key then). */
  baseline: PolicyEntry | undefined;
  county: PolicyEntry;
  /** in force today / takes effect later / replaced by a later county entry. */
  state: 'inForce' | 'later' | 'replaced';
  /** The county value differs from the baseline's in force on that date. */
  changed: boolean;
}

/** One row per county entry, by key then date: what the baseline had in force then, and whether it applies on `today`. */
export function diffRows(baseline: PolicyProfile, county: CountyValues, today: string): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const key of Object.keys(county).sort()) {
    const entries = county[key]!;
    const current = entryInForce(entries, today);
    for (const e of [...entries].sort((a, b) => a.effective.localeCompare(b.effective))) {
      const base = Object.hasOwn(baseline.values, key) ? entryInForce(baseline.values[key]!, e.effective) : undefined;
      // A county entry is in force today unless a later one (county or baseline) has taken over.
      const baseLater = base === undefined ? undefined : entryInForce(baseline.values[key]!, today);
      const overtaken = baseLater !== undefined && baseLater.effective > e.effective;
      const state = e.effective > today ? 'later' : current === e && !overtaken ? 'inForce' : 'replaced';
      rows.push({ key, baseline: base, county: e, state, changed: base === undefined || JSON.stringify(base.value) !== JSON.stringify(e.value) });
    }
  }
  return rows;
}

export interface ProfilePut {
  title: Bilingual;
  values: CountyValues;
  /** The county version the edit started from: a later save by someone else is then refused (409). */
  version?: number;
}

/** The PUT body, or why it cannot be sent: nothing to save, or over the size limit the service enforces. */
export function putBody(title: Bilingual, values: CountyValues, startedFrom: number | undefined): ProfilePut | Bilingual {
  if (Object.keys(values).length === 0) return { zh: '还没有本县的取值：请先添加一条', en: 'There is no county value yet: add one first' };
  const body: ProfilePut = { title, values, ...(startedFrom === undefined ? {} : { version: startedFrom }) };
  const bytes = new TextEncoder().encode(JSON.stringify(body)).length;
  if (bytes > MAX_PROFILE_BYTES) {
    return { zh: `配置有 ${bytes} 字节，超过每个配置 ${MAX_PROFILE_BYTES} 字节（256 KiB）的上限：请只保留本县改动的项`, en: `The profile is ${bytes} bytes, over the limit of ${MAX_PROFILE_BYTES} bytes (256 KiB): keep only the keys the county changes` };
  }
  return body;
}

/** A value as the table shows it. */
export function shownValue(entry: PolicyEntry | undefined): string {
  if (entry === undefined) return '—';
  const v = Array.isArray(entry.value) ? entry.value.join(', ') : typeof entry.value === 'boolean' ? (entry.value ? '是' : '否') : String(entry.value);
  return entry.unit ? `${v} ${entry.unit}` : v;
}
