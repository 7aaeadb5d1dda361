/**
 * One mechanism finds the formulas, the jobs (calculations and plans), the forms and the
 * example sheets (formulas/core/registry-of.ts): a static list, looked up by key, checked
 * when it loads. A broken entry stops the load with every problem named; nothing is
 * skipped quietly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleSheets } from '../../../examples/sheets/index.js';
import { registryOf } from '../../../formulas/core/registry-of.js';
import { findFormula, registry } from '../../../formulas/registry.js';
import { findForm, forms } from '../../../server/forms/index.js';
import { findJob, jobs } from '../../../server/pool/jobs.js';

const item = (id: string, size = 1) => ({ id, size });

describe('registryOf', () => {
  it('keeps the listed order and finds each entry by its key', () => {
    const r = registryOf('thing', [item('b'), item('a'), item('c')], { key: (t) => t.id });
    expect(r.all.map((t) => t.id)).toEqual(['b', 'a', 'c']);
    expect(r.find('a')).toEqual(item('a'));
    expect(r.find('z')).toBeUndefined();
  });

  it('normalises the keys it lists and the keys it is asked for alike', () => {
    const r = registryOf('formula', [item('APPORTION')], { key: (t) => t.id, normalize: (k) => k.toUpperCase().replace(/^EDU\./, '') });
    for (const asked of ['APPORTION', 'apportion', 'EDU.APPORTION', 'edu.Apportion']) expect(r.find(asked), asked).toEqual(item('APPORTION'));
  });

  it('refuses a key listed twice, naming it', () => {
    expect(() => registryOf('form', [item('posts'), item('funds'), item('posts')], { key: (t) => t.id })).toThrow(/form "posts" is listed twice/);
  });

  it('refuses an entry its check faults, with every problem of every entry, instead of leaving it out', () => {
    const check = (t: ReturnType<typeof item>) => (t.size > 0 ? [] : ['size must be positive', 'an empty thing prints nothing']);
    let message = '';
    try {
      registryOf('example sheet', [item('甲', 1), item('乙', 0), item('丙', -1)], { key: (t) => t.id, check });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'the example sheet registry has 4 problem(s):',
      'example sheet "乙": size must be positive',
      'example sheet "乙": an empty thing prints nothing',
      'example sheet "丙": size must be positive',
      'example sheet "丙": an empty thing prints nothing',
    ]);
  });

  it('property: any list of distinct keys is found entry for entry; any repeat throws', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 30 }), (keys) => {
        const make = () => registryOf('thing', keys.map((k) => item(k)), { key: (t) => t.id });
        if (new Set(keys).size < keys.length) {
          expect(make).toThrow(/listed twice/);
          return;
        }
        const r = make();
        expect(r.all.length).toBe(keys.length);
        for (const k of keys) expect(r.find(k)?.id).toBe(k);
      }),
    );
  });
});

describe('the product’s four registries are built with it', () => {
  it('formulas, jobs (calculations and both plans), forms and example sheets each find every entry they list', () => {
    for (const f of registry) expect(findFormula(`edu.${f.id.toLowerCase()}`), f.id).toBe(f);
    expect(jobs.all.map((j) => j.name)).toEqual(expect.arrayContaining(['calc.one', 'calc.batch', 'rotation.plan', 'consolidation.plan', 'form.xlsx', 'form.layout']));
    for (const j of jobs.all) expect(findJob(j.name)).toBe(j);
    expect(forms.length).toBeGreaterThanOrEqual(5);
    for (const f of forms) expect(findForm(f.id)).toBe(f);
    expect(exampleSheets.all.length).toBeGreaterThanOrEqual(10);
    for (const s of exampleSheets.all) expect(exampleSheets.find(s.name)).toBe(s);
  });
});
