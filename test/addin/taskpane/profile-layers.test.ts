/**
 * How the pane combines a county's entries with what they are laid over, checked against
 * the service itself: the county's layer of cn-national adds entries (a later national
 * value takes over), a county profile of its own overrides the one it extends from its
 * first entry on. The property compares the pane's value in force with resolveProfile over
 * the service's layered source on random entries and dates, for both kinds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRows, layeredEntries, valuesInForce, type LayerMode } from '../../../addin/taskpane/logic/profile-layers.js';
import { entryInForce } from '../../../formulas/core/profile-rules.js';
import { resolveProfile, staticProfileSource, type PolicyEntry, type PolicyProfile } from '../../../formulas/core/profiles.js';
import { isFormulaError } from '../../../formulas/core/errors.js';
import { shippedProfiles } from '../../../formulas/index.js';
import { layeredSource } from '../../../server/storage/county-profiles.js';

const baseline = shippedProfiles.find((p) => p.id === 'cn-national') as PolicyProfile;
const KEY = 'funding.publicFunds.primary';
const entry = (value: number, effective: string): PolicyEntry => ({ value, effective, source: { document: 'd', title: 't' } });

describe('diffRows: each county entry beside the value beneath it then, and whether it applies today', () => {
  it('added to the national baseline (650 from 2016, 720 from 2023): a later national value takes over', () => {
    // County: 700 from 2019, 800 from 2024-09-01, 900 from 2030; today 2025-06-01.
    // Merged list: 650/2016, 700/2019, 720/2023, 800/2024-09-01, 900/2030 → in force today: 800.
    const county = { [KEY]: [entry(700, '2019-01-01'), entry(800, '2024-09-01'), entry(900, '2030-01-01')] };
    expect(diffRows(baseline.values, county, 'adds', '2025-06-01').map((r) => [r.county.effective, r.baseline?.value, r.county.value, r.state, r.changed])).toEqual([
      ['2019-01-01', 650, 700, 'replaced', true],
      ['2024-09-01', 720, 800, 'inForce', true],
      ['2030-01-01', 720, 900, 'later', true],
    ]);
    // The county's only entry, 700 of 2019, is overtaken by the national 720 of 2023.
    expect(diffRows(baseline.values, { [KEY]: [entry(700, '2019-01-01')] }, 'adds', '2025-06-01')[0]!.state).toBe('replaced');
    expect(diffRows(baseline.values, { [KEY]: [entry(720, '2023-01-01')] }, 'adds', '2025-06-01')[0]).toMatchObject({ state: 'inForce', changed: false });
    expect(diffRows(baseline.values, { 'county.only': [entry(1, '2020-01-01')] }, 'adds', '2025-06-01')[0]).toMatchObject({ baseline: undefined, state: 'inForce', changed: true });
  });

  it('a profile of its own over cn-national: its 700 of 2019 stays in force past the national 720 of 2023', () => {
    expect(diffRows(baseline.values, { [KEY]: [entry(700, '2019-01-01')] }, 'overrides', '2025-06-01')[0]).toMatchObject({ baseline: { value: 650 }, state: 'inForce', changed: true });
  });
});

describe('valuesInForce: every key on a date, and whose value it is', () => {
  it('added: the county’s entry where it is the latest, else the baseline’s', () => {
    const rows = valuesInForce(baseline.values, { [KEY]: [entry(800, '2024-09-01')], 'funding.publicFunds.junior': [entry(900, '2019-01-01')] }, 'adds', '2025-06-01');
    expect(rows).toHaveLength(Object.keys(baseline.values).length);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get(KEY)).toMatchObject({ from: 'county', entry: { value: 800 } });
    // The county's 900 of 2019 is overtaken by the national 940 of 2023-01-01.
    expect(byKey.get('funding.publicFunds.junior')).toMatchObject({ from: 'baseline', entry: { value: 940, effective: '2023-01-01' } });
    // Before the county's date the national 720 applies.
    expect(new Map(valuesInForce(baseline.values, { [KEY]: [entry(800, '2024-09-01')] }, 'adds', '2024-08-31').map((r) => [r.key, r])).get(KEY)).toMatchObject({ from: 'baseline', entry: { value: 720 } });
  });

  it('overriding: the own 900 of 2019 holds for junior schools; before 2019 the national value of the day', () => {
    const own = { 'funding.publicFunds.junior': [entry(900, '2019-01-01')] };
    const on = (date: string) => new Map(valuesInForce(baseline.values, own, 'overrides', date).map((r) => [r.key, r])).get('funding.publicFunds.junior');
    expect(on('2025-06-01')).toMatchObject({ from: 'county', entry: { value: 900 } });
    expect(on('2018-12-31')).toMatchObject({ from: 'baseline', entry: { value: 850, effective: '2016-01-01' } });
  });
});

describe('property: the pane’s value in force is the service’s', () => {
  const date = fc.integer({ min: 0, max: 40 }).map((d) => `20${String(d).padStart(2, '0')}-01-01`);
  const entries = fc.uniqueArray(fc.tuple(date, fc.integer({ min: 0, max: 999 })), { selector: ([d]) => d, maxLength: 5 }).map((xs) => xs.map(([d, v]) => entry(v, d)));

  function serviceValue(mode: LayerMode, base: PolicyEntry[], top: PolicyEntry[], asOf: string): unknown {
    const shipped = staticProfileSource([{ id: 'cn-national', title: { zh: '基', en: 'b' }, version: 1, values: base.length > 0 ? { k: base } : {} }], 'cn-national');
    const own: PolicyProfile =
      mode === 'adds'
        ? { id: 'cn-national', title: { zh: '县', en: 'c' }, version: 1, values: top.length > 0 ? { k: top } : {} }
        : { id: 'jx-county', title: { zh: '县', en: 'c' }, version: 1, extends: 'cn-national', values: top.length > 0 ? { k: top } : {} };
    const source = layeredSource(shipped, [{ id: own.id, version: 1, profile: own, author: 'a', createdAt: '' }]);
    const resolved = resolveProfile(source, `${own.id}@${asOf}`);
    if (isFormulaError(resolved)) throw new Error(resolved.error.en);
    return resolved.entry('k')?.value;
  }

  it.each(['adds', 'overrides'] as const)('%s', (mode) => {
    fc.assert(
      fc.property(entries, entries, date, (base, top, asOf) => {
        expect(entryInForce(layeredEntries(base, top, mode), asOf)?.value).toBe(serviceValue(mode, base, top, asOf));
      }),
      { numRuns: 1000 },
    );
  });
});
