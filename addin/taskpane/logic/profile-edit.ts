/**
 * The policy-profile editor's logic, apart from the DOM: one new entry checked field by
 * field with the service's own write rules, the county's draft kept one entry per date,
 * the profile's own fields (id, title), and the PUT body.
 *
 * The checks are the service's own bounds and words (formulas/core/profile-rules.ts, which
 * the PUT's schema is built from), applied without zod so the pane's bundle stays small.
 * The draft holds only the county profile's own entries; how they combine with the ones
 * beneath is in profile-layers.ts.
 */
import type { RouteBody } from '../../../contracts/routes.js';
import { YES_NO_HINT, yesNoOf, yesNoText } from '../../../formulas/core/cells.js';
import type { Bilingual } from '../../../formulas/core/errors.js';
import {
  isRealIsoDate,
  isWritableDate,
  isWritableNumber,
  MAX_DOCUMENT,
  MAX_ENTRIES_PER_KEY,
  MAX_KEY_LENGTH,
  MAX_LIST_LENGTH,
  MAX_PROFILE_BYTES,
  MAX_PROFILE_TITLE,
  MAX_TEXT_VALUE,
  MAX_TITLE,
  PROFILE_ID,
  RULE_WORDS,
} from '../../../formulas/core/profile-rules.js';
import type { PolicyEntry } from '../../../formulas/core/profiles.js';
import type { ProfileValues } from './profile-layers.js';

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
/** A list of numbers as typed: decimals separated by commas (, ，) or 、, e.g. "1, 1.2, 1.5". */
const LIST_SEPARATOR = /\s*[,，、]\s*/;
const isDecimalList = (text: string) => LIST_SEPARATOR.test(text) && text.split(LIST_SEPARATOR).every((part) => DECIMAL.test(part));

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

const isIssue = (v: unknown): v is FieldIssue => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A number as typed, or what is wrong with it (`what` names it: "取值", "第 2 个数"). */
function typedNumber(text: string, what: Bilingual): number | FieldIssue {
  if (!DECIMAL.test(text)) return { field: 'value', zh: `${what.zh} ${JSON.stringify(text)} 不是数字：请写成如 720 或 0.05 的数`, en: `${what.en} ${JSON.stringify(text)} is not a number: write it like 720 or 0.05` };
  const n = Number(text);
  return isWritableNumber(n) ? n : { field: 'value', zh: `${what.zh} ${text} ${RULE_WORDS.numberRange.zh}`, en: `${what.en} ${text} ${RULE_WORDS.numberRange.en}` };
}

/** A list of numbers typed as "1, 1.2, 1.5": each checked like a number, at most MAX_LIST_LENGTH of them. */
function typedList(text: string): number[] | FieldIssue {
  const parts = text.split(LIST_SEPARATOR);
  if (text === '') return issue('value', { zh: '是空的：这一项是一组数，请用逗号分隔，如 1, 1.2, 1.5', en: 'is empty: this key holds a list of numbers; separate them with commas, e.g. 1, 1.2, 1.5' });
  if (parts.length > MAX_LIST_LENGTH) return issue('value', { zh: `有 ${parts.length} 个数，最多 ${MAX_LIST_LENGTH} 个`, en: `has ${parts.length} numbers, at most ${MAX_LIST_LENGTH}` });
  const numbers: number[] = [];
  for (const [i, part] of parts.entries()) {
    const n = typedNumber(part, { zh: `第 ${i + 1} 个数`, en: `Number ${i + 1}` });
    if (isIssue(n)) return n;
    numbers.push(n);
  }
  return numbers;
}

/**
 * The value typed, as the kind the key holds beneath (a number, 是/否, a list of numbers,
 * or text), or what is wrong with it. A key new to the profile is a number when a decimal
 * is typed, a list when decimals separated by commas are typed, else text.
 */
function typedValue(text: string, beneath: PolicyEntry['value'] | undefined): PolicyEntry['value'] | FieldIssue {
  const value = { zh: '取值', en: 'The value' };
  if (Array.isArray(beneath) || (beneath === undefined && isDecimalList(text))) return typedList(text);
  if (typeof beneath === 'number' || (beneath === undefined && DECIMAL.test(text))) return typedNumber(text, value);
  if (typeof beneath === 'boolean') {
    // The one yes/no word list (formulas/core/cells.ts), as everywhere else a yes/no is typed.
    const answer = yesNoOf(text);
    if (answer !== undefined) return answer;
    return { field: 'value', zh: `取值 ${JSON.stringify(text)} 应为${YES_NO_HINT.zh}`, en: `The value ${JSON.stringify(text)} must be ${YES_NO_HINT.en}` };
  }
  return textIssue('value', text, MAX_TEXT_VALUE) ?? text;
}


/**
 * One new entry, checked as the service will check it: the key, the value (of the kind the
 * key holds in `known`, numbers 0..10^12), a real date 1949-10-01..2100-12-31, the document
 * and title. Every problem is named with its field, so the pane shows it beside that field.
 * `known` is the profile as formulas see it (the county's entries over the ones beneath).
 */
export function checkEntry(draft: EntryDraft, known: ProfileValues): CheckedEntry {
  const key = draft.key.trim();
  const effective = draft.effective.trim();
  const document = draft.document.trim();
  const title = draft.title.trim();
  const sample = Object.hasOwn(known, key) ? known[key]![0] : undefined;
  const value = typedValue(draft.value.trim(), sample?.value);
  const dateIssue = !isRealIsoDate(effective) ? issue('effective', RULE_WORDS.notRealDate) : !isWritableDate(effective) ? issue('effective', RULE_WORDS.dateRange) : undefined;
  const issues = [textIssue('key', key, MAX_KEY_LENGTH), isIssue(value) ? value : undefined, dateIssue, textIssue('document', document, MAX_DOCUMENT), textIssue('title', title, MAX_TITLE)].filter(
    (i): i is FieldIssue => i !== undefined,
  );
  if (issues.length > 0 || isIssue(value)) return { ok: false, issues };
  return { ok: true, key, entry: { value, effective, ...(sample?.unit === undefined ? {} : { unit: sample.unit }), source: { document, title } } };
}

/** The county's entries with `entry` added to `key` (one on the same date is replaced), dates in order. */
export function withEntry(values: ProfileValues, key: string, entry: PolicyEntry): ProfileValues {
  const kept = (Object.hasOwn(values, key) ? values[key]! : []).filter((e) => e.effective !== entry.effective);
  return { ...values, [key]: [...kept, entry].sort((a, b) => a.effective.localeCompare(b.effective)) };
}

/** The county's entries without the one of `key` on `effective` (a key left with none is dropped). */
export function withoutEntry(values: ProfileValues, key: string, effective: string): ProfileValues {
  const rest = { ...values };
  const kept = (rest[key] ?? []).filter((e) => e.effective !== effective);
  if (kept.length > 0) rest[key] = kept;
  else delete rest[key];
  return rest;
}

export type HeaderField = 'id' | 'titleZh' | 'titleEn';

export interface HeaderIssue extends Bilingual {
  field: HeaderField;
}

/**
 * The profile's own fields as the service checks them: its title (Chinese and English, not
 * empty, at most MAX_PROFILE_TITLE characters) and, for a new county profile, its id
 * (lower-case letters, digits and dashes, not one the county or the product already has).
 */
export function checkHeader(header: { id?: string; zh: string; en: string }, taken: readonly string[]): HeaderIssue[] {
  const issues: HeaderIssue[] = [];
  if (header.id !== undefined) {
    const id = header.id.trim();
    if (!PROFILE_ID.test(id)) issues.push({ field: 'id', zh: `配置名 ${JSON.stringify(id)} 不对：只能用小写字母、数字和连字符（开头不能是连字符），最多 64 个字符，如 jx-yudu`, en: `Profile id ${JSON.stringify(id)} is not valid: use lower-case letters, digits and dashes (not first), at most 64 characters, e.g. jx-yudu` });
    else if (taken.includes(id)) issues.push({ field: 'id', zh: `已有名为 ${id} 的配置：请换一个名字，或在上面选中它来修改`, en: `A profile ${id} already exists: choose another id, or select it above to edit it` });
  }
  for (const [field, lang, name] of [['titleZh', 'zh', { zh: '中文标题', en: 'Chinese title' }], ['titleEn', 'en', { zh: '英文标题', en: 'English title' }]] as const) {
    const text = header[lang].trim();
    const max = MAX_PROFILE_TITLE[lang];
    if (text === '') issues.push({ field, zh: `${name.zh}是空的`, en: `${name.en} is empty` });
    else if (text.length > max) issues.push({ field, zh: `${name.zh}超过 ${max} 个字`, en: `${name.en} is longer than ${max} characters` });
  }
  return issues;
}

/**
 * The PUT body as the contract declares it: title, values, `extends` (the profile a county
 * profile with its own id builds on) and `version` (the county version the edit started
 * from: a later save by someone else is then refused, 409).
 */
export type ProfilePut = RouteBody<'saveProfile'>;

/** The PUT body, or why it cannot be sent: nothing to save, too many dates for one key, or over the size limit the service enforces. */
export function putBody(body: ProfilePut): ProfilePut | Bilingual {
  if (Object.keys(body.values).length === 0) return { zh: '还没有本县的取值：请先添加一条', en: 'There is no county value yet: add one first' };
  const crowded = Object.entries(body.values).find(([, entries]) => entries.length > MAX_ENTRIES_PER_KEY);
  if (crowded) return { zh: `${crowded[0]} 有 ${crowded[1].length} 条取值，每项最多 ${MAX_ENTRIES_PER_KEY} 条：请删去早已不用的`, en: `${crowded[0]} has ${crowded[1].length} entries, at most ${MAX_ENTRIES_PER_KEY} per key: remove those long out of use` };
  const sent: ProfilePut = { title: { zh: body.title.zh.trim(), en: body.title.en.trim() }, ...(body.extends === undefined ? {} : { extends: body.extends }), values: body.values, ...(body.version === undefined ? {} : { version: body.version }) };
  const bytes = new TextEncoder().encode(JSON.stringify(sent)).length;
  if (bytes > MAX_PROFILE_BYTES) {
    return { zh: `配置有 ${bytes} 字节，超过每个配置 ${MAX_PROFILE_BYTES} 字节（256 KiB）的上限：请只保留本县改动的项`, en: `The profile is ${bytes} bytes, over the limit of ${MAX_PROFILE_BYTES} bytes (256 KiB): keep only the keys the county changes` };
  }
  return sent;
}

/** A value as the table shows it. */
export function shownValue(entry: PolicyEntry | undefined): string {
  if (entry === undefined) return '—';
  const v = Array.isArray(entry.value) ? entry.value.join(', ') : typeof entry.value === 'boolean' ? yesNoText(entry.value) : String(entry.value);
  return entry.unit ? `${v} ${entry.unit}` : v;
}
