/**
 * The profile editor's logic: each field checked with the service's write rules (so the pane
 * says what the PUT would say), the county's entries kept one per date, the difference from
 * the national baseline as the pane's table shows it, and the PUT body with its limits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEntry, diffRows, putBody, valuesInForce, withEntry, withoutEntry, type EntryDraft } from '../../../addin/taskpane/logic/profile-edit.js';
import { entryInForce } from '../../../formulas/core/profile-rules.js';
import { policyEntryWriteSchema } from '../../../formulas/core/profile-write-rules.js';
import type { PolicyEntry, PolicyProfile } from '../../../formulas/core/profiles.js';
import { shippedProfiles } from '../../../formulas/index.js';

const baseline = shippedProfiles.find((p) => p.id === 'cn-national') as PolicyProfile;
const KEY = 'funding.publicFunds.primary';
const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({ key: KEY, value: '800', effective: '2024-09-01', document: '某财教〔2024〕1号', title: '关于提高公用经费标准的通知', ...over });
const entry = (value: number, effective: string): PolicyEntry => ({ value, effective, source: { document: 'd', title: 't' } });
const fieldsOf = (d: EntryDraft) => {
  const r = checkEntry(d, baseline);
  return r.ok ? [] : r.issues.map((i) => i.field);
};

describe('checkEntry: the service’s write rules, field by field', () => {
  it('accepts a county rate as a number with the baseline’s unit', () => {
    expect(checkEntry(draft(), baseline)).toEqual({ ok: true, key: KEY, entry: { value: 800, effective: '2024-09-01', unit: 'yuan/pupil/year', source: { document: '某财教〔2024〕1号', title: '关于提高公用经费标准的通知' } } });
  });

  it('names the field of each mistake, in Chinese and English', () => {
    const r = checkEntry(draft({ value: '七百二十', effective: '2023-02-30', document: ' ' }), baseline);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.field)).toEqual(['value', 'effective', 'document']);
    expect(r.issues[0]).toMatchObject({ zh: expect.stringContaining('不是数字'), en: expect.stringContaining('not a number') });
    expect(r.issues[1]!.zh).toContain('不是有效日期');
    expect(r.issues[2]!.zh).toBe('文件文号是空的');
  });

  it('keeps dates within 1949-10-01..2100-12-31 and numbers within 0..10^12, the bounds included', () => {
    expect(fieldsOf(draft({ effective: '1949-10-01' }))).toEqual([]);
    expect(fieldsOf(draft({ effective: '1949-09-30' }))).toEqual(['effective']);
    expect(fieldsOf(draft({ effective: '2100-12-31' }))).toEqual([]);
    expect(fieldsOf(draft({ effective: '2101-01-01' }))).toEqual(['effective']);
    expect(fieldsOf(draft({ value: '1000000000000' }))).toEqual([]);
    expect(fieldsOf(draft({ value: '1000000000001' }))).toEqual(['value']);
    expect(fieldsOf(draft({ value: '-1' }))).toEqual(['value']);
    expect(fieldsOf(draft({ key: '' }))).toEqual(['key']);
  });
  it('property: the pane accepts exactly the entries the service’s PUT schema accepts', () => {
    const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((x) => String(x).padStart(n, '0'));
    const dateText = fc.oneof(
      fc.tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.tuple(digits(5), digits(2), digits(2)).map((p) => p.join('-')),
      fc.constantFrom('1949-10-01', '1949-09-30', '2100-12-31', '2101-01-01', '2024-02-29', '2023-02-29', ''),
    );
    const number = fc.oneof(fc.integer({ min: -10, max: 10 }), fc.constantFrom(1e12, 1e12 + 1, 0.5, 720), fc.double({ min: 0, max: 2e12, noNaN: true }).map((x) => Math.round(x * 100) / 100));
    const text = (max: number) => fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom(' ', 'x'.repeat(max), 'x'.repeat(max + 1)));
    fc.assert(
      fc.property(number, dateText, text(200), text(500), (value, effective, document, title) => {
        const typed = String(value);
        const pane = checkEntry({ key: KEY, value: typed, effective, document, title }, baseline);
        const service = policyEntryWriteSchema.safeParse({ value, effective, source: { document, title } });
        expect(pane.ok).toBe(service.success);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('withEntry and diffRows', () => {
  it('keeps one entry per date, in date order', () => {
    const v = withEntry(withEntry(withEntry({}, KEY, entry(800, '2024-09-01')), KEY, entry(700, '2019-01-01')), KEY, entry(820, '2024-09-01'));
    expect(v[KEY]!.map((e) => [e.effective, e.value])).toEqual([
      ['2019-01-01', 700],
      ['2024-09-01', 820],
    ]);
  });

  it('shows each county entry beside the baseline in force on its date, and whether it applies today', () => {
    // Baseline: 650 from 2016-01-01, 720 from 2023-01-01. County: 700 from 2019, 800 from 2024-09-01, 900 from 2030.
    const county = { [KEY]: [entry(700, '2019-01-01'), entry(800, '2024-09-01'), entry(900, '2030-01-01')] };
    const rows = diffRows(baseline, county, '2025-06-01');
    expect(rows.map((r) => [r.county.effective, r.baseline?.value, r.county.value, r.state, r.changed])).toEqual([
      ['2019-01-01', 650, 700, 'replaced', true],
      ['2024-09-01', 720, 800, 'inForce', true],
      ['2030-01-01', 720, 900, 'later', true],
    ]);
    // The baseline's 720 of 2023 overtakes a county entry of 2019 when that is the county's only one.
    expect(diffRows(baseline, { [KEY]: [entry(700, '2019-01-01')] }, '2025-06-01')[0]!.state).toBe('replaced');
    expect(diffRows(baseline, { [KEY]: [entry(720, '2023-01-01')] }, '2025-06-01')[0]).toMatchObject({ state: 'inForce', changed: false });
    expect(diffRows(baseline, { 'county.only': [entry(1, '2020-01-01')] }, '2025-06-01')[0]).toMatchObject({ baseline: undefined, state: 'inForce', changed: true });
  });

  it('removes one county entry, and the key once it has none', () => {
    const v = withEntry(withEntry({}, KEY, entry(700, '2019-01-01')), KEY, entry(800, '2024-09-01'));
    expect(withoutEntry(v, KEY, '2019-01-01')[KEY]!.map((e) => e.value)).toEqual([800]);
    expect(withoutEntry(withoutEntry(v, KEY, '2019-01-01'), KEY, '2024-09-01')).toEqual({});
  });

  it('lists every key in force today: the county’s entry where it is the latest, else the baseline’s', () => {
    const rows = valuesInForce(baseline, { [KEY]: [entry(800, '2024-09-01')], 'funding.publicFunds.junior': [entry(900, '2019-01-01')] }, '2025-06-01');
    expect(rows).toHaveLength(Object.keys(baseline.values).length);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get(KEY)).toMatchObject({ from: 'county', entry: { value: 800 } });
    // The county's 900 of 2019 is overtaken by the national 940 of 2023-01-01.
    expect(byKey.get('funding.publicFunds.junior')).toMatchObject({ from: 'baseline', entry: { value: 940, effective: '2023-01-01' } });
    // Before the county's date the national 720 applies.
    expect(new Map(valuesInForce(baseline, { [KEY]: [entry(800, '2024-09-01')] }, '2024-08-31').map((r) => [r.key, r])).get(KEY)).toMatchObject({ from: 'baseline', entry: { value: 720 } });
  });

  it('property: an added entry is the county’s value in force on its own date', () => {
    const date = fc.date({ min: new Date('1949-10-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), date), { maxLength: 8 }), fc.integer({ min: 0, max: 10_000 }), date, (earlier, value, effective) => {
        let v = {};
        for (const [x, d] of earlier) v = withEntry(v, KEY, entry(x, d));
        const after = withEntry(v, KEY, entry(value, effective));
        expect(entryInForce(after[KEY]!, effective)?.value).toBe(value);
        expect(new Set(after[KEY]!.map((e) => e.effective)).size).toBe(after[KEY]!.length);
      }),
    );
  });
});

describe('putBody', () => {
  const title = { zh: '本县', en: 'County' };
  it('sends the version the edit started from, and nothing when there is nothing to save', () => {
    expect(putBody(title, { [KEY]: [entry(800, '2024-09-01')] }, 3)).toEqual({ title, values: { [KEY]: [entry(800, '2024-09-01')] }, version: 3 });
    expect(putBody(title, { [KEY]: [entry(800, '2024-09-01')] }, undefined)).not.toHaveProperty('version');
    expect(putBody(title, {}, 3)).toMatchObject({ zh: expect.stringContaining('还没有本县的取值') });
  });

  it('refuses a profile over 256 KiB before sending it', () => {
    const big = { [KEY]: [{ ...entry(1, '2024-01-01'), note: 'x'.repeat(262_144) }] };
    expect(putBody(title, big, undefined)).toMatchObject({ zh: expect.stringContaining('262144 字节') });
  });
});
