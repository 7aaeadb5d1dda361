/**
 * The policy-profile editor's logic, apart from the DOM: a county's dated entries over the
 * national baseline (cn-national), one new entry checked field by field with the service's
 * own write rules, the difference from the baseline as table rows, and the PUT body.
 *
 * The checks are the service's own bounds and words (formulas/core/profile-rules.ts, which
 * the PUT's schema is built from), applied without zod so the pane's bundle stays small.
 *
 * A county profile with the baseline's id adds its entries to the baseline key by key (an
 * entry on the same date replaces the baseline's, server/storage/county-profiles.ts), so
 * the county's draft holds only the county's own entries.
 */
import type { Bilingual } from '../../../formulas/core/errors.js';
import {
  entryInForce,
  isRealIsoDate,
  isWritableDate,
  isWritableNumber,
  MAX_DOCUMENT,
  MAX_KEY_LENGTH,
  MAX_PROFILE_BYTES,
  MAX_TEXT_VALUE,
  MAX_TITLE,
  RULE_WORDS,
} from '../../../formulas/core/profile-rules.js';
import type { PolicyEntry, PolicyProfile } from '../../../formulas/core/profiles.js';

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

/** A decimal as typed: digits with an optional fraction and sign (no thousands separators, no exponent). */
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

const FIELD_NAME: Record<DraftField, Bilingual> = {
  key: { zh: '配置项', en: 'Key' },
  value: { zh: '取值', en: 'Value' },
  effective: { zh: '生效日期', en: 'Effective date' },
  document: { zh: '文件文号', en: 'Document' },
  title: { zh: '文件标题', en: 'Title' },
};

const issue = (field: DraftField, why: Bilingual): FieldIssue => ({ field, zh: `${FIELD_NAME[field].zh}${why.zh}`, en: `${FIELD_NAME[field].en} ${why.en}` });

/** A text field: not empty, not over `max` characters (after trimming, as the service counts). */
function textIssue(field: DraftField, text: string, max: number): FieldIssue | undefined {
  if (text === '') return issue(field, { zh: '是空的', en: 'is empty' });
  if (text.length > max) return issue(field, { zh: `超过 ${max} 个字`, en: `is longer than ${max} characters` });
  return undefined;
}

/** The value typed, as the baseline's kind (a number where the baseline has a number), or what is wrong with it. */
function typedValue(text: string, baseline: PolicyEntry['value'] | undefined): PolicyEntry['value'] | FieldIssue {
  if (typeof baseline === 'number' || (baseline === undefined && DECIMAL.test(text))) {
    if (!DECIMAL.test(text)) return { field: 'value', zh: `取值 ${JSON.stringify(text)} 不是数字：请写成如 720 或 0.05 的数`, en: `The value ${JSON.stringify(text)} is not a number: write it like 720 or 0.05` };
    const n = Number(text);
    return isWritableNumber(n) ? n : issue('value', RULE_WORDS.numberRange);
  }
  if (typeof baseline === 'boolean') {
    if (text === '是' || text === 'true') return true;
    if (text === '否' || text === 'false') return false;
    return { field: 'value', zh: `取值 ${JSON.stringify(text)} 应为“是”或“否”`, en: `The value ${JSON.stringify(text)} must be yes (是) or no (否)` };
  }
  if (Array.isArray(baseline)) return { field: 'value', zh: '这一项是一组数，窗格还不能修改：请联系管理员', en: 'This key holds a list of numbers, which the pane cannot edit yet: ask your administrator' };
  return textIssue('value', text, MAX_TEXT_VALUE) ?? text;
}

const isIssue = (v: unknown): v is FieldIssue => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One new entry, checked as the service will check it: the key, the value (a number where
 * the baseline has one, 0..10^12), a real date 1949-10-01..2100-12-31, the document and
 * title. Every problem is named with its field, so the pane shows it beside that field.
 */
export function checkEntry(draft: EntryDraft, baseline: PolicyProfile): CheckedEntry {
  const key = draft.key.trim();
  const effective = draft.effective.trim();
  const document = draft.document.trim();
  const title = draft.title.trim();
  const known = Object.hasOwn(baseline.values, key) ? baseline.values[key]![0] : undefined;
  const value = typedValue(draft.value.trim(), known?.value);
  const dateIssue = !isRealIsoDate(effective) ? issue('effective', RULE_WORDS.notRealDate) : !isWritableDate(effective) ? issue('effective', RULE_WORDS.dateRange) : undefined;
  const issues = [textIssue('key', key, MAX_KEY_LENGTH), isIssue(value) ? value : undefined, dateIssue, textIssue('document', document, MAX_DOCUMENT), textIssue('title', title, MAX_TITLE)].filter(
    (i): i is FieldIssue => i !== undefined,
  );
  if (issues.length > 0 || isIssue(value)) return { ok: false, issues };
  return { ok: true, key, entry: { value, effective, ...(known?.unit === undefined ? {} : { unit: known.unit }), source: { document, title } } };
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

export interface InForceRow {
  key: string;
  entry: PolicyEntry;
  /** Whose entry is in force: the county's own, or the national baseline's. */
  from: 'county' | 'baseline';
}

/** Every key's value in force on `today`, the county's entries added to the baseline's (same date: the county's). */
export function valuesInForce(baseline: PolicyProfile, county: CountyValues, today: string): InForceRow[] {
  const keys = [...new Set([...Object.keys(baseline.values), ...Object.keys(county)])].sort();
  const rows: InForceRow[] = [];
  for (const key of keys) {
    const own = Object.hasOwn(county, key) ? entryInForce(county[key]!, today) : undefined;
    const base = Object.hasOwn(baseline.values, key) ? entryInForce(baseline.values[key]!, today) : undefined;
    if (own && (!base || own.effective >= base.effective)) rows.push({ key, entry: own, from: 'county' });
    else if (base) rows.push({ key, entry: base, from: 'baseline' });
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
