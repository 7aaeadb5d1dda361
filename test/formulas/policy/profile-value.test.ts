/**
 * EDU.PROFILE(profile, key): the number a formula used, in a cell. Bad arguments, then the
 * national values with their documents, then dates and county profiles that extend the
 * national one, then properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { staticProfileSource, type PolicyProfile, type ProfileSource } from '../../../formulas/core/profiles.js';
import { invoke, isFormulaError, shippedProfileSource } from '../../../formulas/index.js';
import { profileValue } from '../../../formulas/policy/profile-value.js';

const run = (args: unknown[], profiles: ProfileSource = shippedProfileSource) => invoke(profileValue, args, { profiles });
const message = (v: unknown) => (isFormulaError(v) ? `${v.error.zh} / ${v.error.en}` : `not an error: ${JSON.stringify(v)}`);
const code = (v: unknown) => (isFormulaError(v) ? v.error.code : 'value');

const source = (document: string) => ({ document, title: `${document} 测试用文件` });

/** A county that extends the national profile and raised the primary rate from 2021. */
const county: PolicyProfile = {
  id: 'county-430626',
  title: { zh: '测试县', en: 'Test county' },
  version: 1,
  extends: 'cn-national',
  values: {
    'funding.publicFunds.primary': [{ value: 700, effective: '2021-09-01', source: source('县教〔2021〕1号') }],
    'test.tiers': [{ value: [3, 2, 1], effective: '2020-01-01', source: source('县教〔2020〕9号') }],
  },
};
const withCounty = (...extra: PolicyProfile[]): ProfileSource => {
  const national = shippedProfileSource.get('cn-national')!;
  return staticProfileSource([national, county, ...extra], 'cn-national');
};

describe('EDU.PROFILE: bad arguments', () => {
  it('an unknown profile is #VALUE! naming it and the built-in one', () => {
    const v = run(['cn-nationl', 'funding.publicFunds.primary']);
    expect(code(v)).toBe('VALUE');
    expect(message(v)).toMatch(/cn-nationl.*cn-national/);
  });

  it('a date not written YYYY-MM-DD is #VALUE! showing the right form', () => {
    for (const ref of ['cn-national@2019-6-30', 'cn-national@2019/06/30', 'cn-national@yesterday']) {
      expect(message(run([ref, 'funding.publicFunds.primary']))).toMatch(/cn-national@2019-06-30/);
    }
  });

  it('an unknown key, or one that names an object property, is #VALUE! naming the key', () => {
    for (const key of ['funding.publicFunds.primry', '__proto__', 'constructor', 'toString']) {
      const v = run(['cn-national', key]);
      expect(code(v), key).toBe('VALUE');
      expect(message(v), key).toContain(`"${key}"`);
    }
  });

  it('an empty profile or key is refused, never read as "the default"', () => {
    expect(code(run(['', 'funding.publicFunds.primary']))).toBe('VALUE');
    expect(code(run(['cn-national', '']))).toBe('VALUE');
  });

  it('a profile that extends itself in a loop is #VALUE!, not a hang', () => {
    const a: PolicyProfile = { ...county, id: 'loop-a', extends: 'loop-b', values: {} };
    const b: PolicyProfile = { ...county, id: 'loop-b', extends: 'loop-a', values: {} };
    expect(message(run(['loop-a', 'funding.publicFunds.primary'], withCounty(a, b)))).toMatch(/loop/);
  });
});

describe('EDU.PROFILE: the national values and their documents', () => {
  it('2016 public-funds baselines (国发〔2015〕67号): primary 650, junior 850, central/western 600 and 800', () => {
    const on = 'cn-national@2019-06-30';
    expect(run([on, 'funding.publicFunds.primary'])).toBe(650);
    expect(run([on, 'funding.publicFunds.junior'])).toBe(850);
    expect(run([on, 'funding.publicFunds.primaryCentralWestern'])).toBe(600);
    expect(run([on, 'funding.publicFunds.juniorCentralWestern'])).toBe(800);
    expect(shippedProfileSource.get('cn-national')!.values['funding.publicFunds.primary']![0]!.source.document).toBe('国发〔2015〕67号');
  });

  it('special education 6,000 per pupil from 2016', () => {
    expect(run(['cn-national@2016-09-01', 'funding.publicFunds.special'])).toBe(6000);
  });

  it('before a value first took effect there is no value in force: #VALUE!, never a later number', () => {
    expect(code(run(['cn-national@2015-12-31', 'funding.publicFunds.primary']))).toBe('VALUE');
  });
});

describe('EDU.PROFILE: dates and county profiles', () => {
  it('a county override applies from its own effective date; before it, the national value shows through', () => {
    const profiles = withCounty();
    expect(run(['county-430626@2021-08-31', 'funding.publicFunds.primary'], profiles)).toBe(650);
    expect(run(['county-430626@2021-09-01', 'funding.publicFunds.primary'], profiles)).toBe(700);
    // A key the county does not set comes from the national profile.
    expect(run(['county-430626@2021-09-01', 'funding.publicFunds.junior'], profiles)).toBe(850);
  });

  it('a list value spills as one row', () => {
    expect(run(['county-430626@2020-01-01', 'test.tiers'], withCounty())).toEqual([[3, 2, 1]]);
  });
});

describe('EDU.PROFILE: properties', () => {
  it('the value in force never depends on entries that take effect after the date', () => {
    const day = fc.date({ min: new Date('2016-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (asOf, later) => {
        fc.pre(later > asOf);
        const rewritten: PolicyProfile = {
          ...county,
          id: 'county-later',
          values: { 'funding.publicFunds.primary': [{ value: 999, effective: later, source: source('县教〔2099〕1号') }] },
        };
        const profiles = withCounty(rewritten);
        expect(run([`county-later@${asOf}`, 'funding.publicFunds.primary'], profiles)).toBe(run([`cn-national@${asOf}`, 'funding.publicFunds.primary']));
      }),
      { numRuns: 200 },
    );
  });
});
