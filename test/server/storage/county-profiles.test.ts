/**
 * How a county's stored profiles layer over the shipped ones: dated entries are added per
 * key (same date: the county's wins), untouched keys stay as shipped, and a key such as
 * "constructor" finds nothing rather than a property of Object.prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveProfile, type PolicyProfile } from '../../../formulas/core/profiles.js';
import { shippedProfileSource } from '../../../formulas/index.js';
import { layeredSource } from '../../../server/storage/county-profiles.js';
import type { StoredProfile } from '../../../server/storage/types.js';

const KEY = 'staffing.establishment.studentsPerStaff.primary';
const source = { document: '县编办〔2024〕3号', title: '编制调整' };
const stored = (profile: Omit<PolicyProfile, 'version'>): StoredProfile => ({ id: profile.id, version: 1, profile: { ...profile, version: 1 }, author: 'a', createdAt: '' });
const valueAt = (s: ReturnType<typeof layeredSource>, ref: string, key = KEY) => {
  const p = resolveProfile(s, ref);
  if ('error' in p) throw new Error(`${p.error.zh} / ${p.error.en}`);
  return p.entry(key)?.value;
};

describe('county profiles layered over the shipped ones', () => {
  it('a county entry of the same date replaces the shipped one; a later one applies from its date', () => {
    const s = layeredSource(shippedProfileSource, [
      stored({ id: 'cn-national', title: { zh: 'x', en: 'x' }, values: { [KEY]: [{ value: 20, effective: '2014-11-13', source }, { value: 18, effective: '2024-09-01', source }] } }),
    ]);
    // Shipped: 19 from 2014-11-13 (中央编办 2014 统一城乡中小学编制标准).
    expect(valueAt(shippedProfileSource as ReturnType<typeof layeredSource>, 'cn-national@2020-01-01')).toBe(19);
    expect(valueAt(s, 'cn-national@2020-01-01')).toBe(20);
    expect(valueAt(s, 'cn-national')).toBe(18);
    expect(valueAt(s, 'cn-national', 'staffing.establishment.studentsPerStaff.junior')).toBe(13.5);
  });

  it('finds nothing under keys that are names of Object.prototype', () => {
    const s = layeredSource(shippedProfileSource, [stored({ id: 'jx-a', title: { zh: 'x', en: 'x' }, extends: 'cn-national', values: {} })]);
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(valueAt(s, 'jx-a', key)).toBeUndefined();
  });

  it('never changes what another source sees (property: any override, shipped stays shipped)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }), (value, date) => {
        const effective = date.toISOString().slice(0, 10);
        const s = layeredSource(shippedProfileSource, [stored({ id: 'cn-national', title: { zh: 'x', en: 'x' }, values: { [KEY]: [{ value, effective, source }] } })]);
        expect(valueAt(s, `cn-national@${effective}`)).toBe(value);
        expect(valueAt(shippedProfileSource as ReturnType<typeof layeredSource>, 'cn-national')).toBe(19);
      }),
    );
  });
});
