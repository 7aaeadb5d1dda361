/**
 * The profile editor's logic: each field checked with the service's write rules (so the pane
 * says what the PUT would say), the county's entries kept one per date, the difference from
 * the national baseline as the pane's table shows it, and the PUT body with its limits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEntry, checkHeader, putBody, withEntry, withoutEntry, type EntryDraft } from '../../../addin/taskpane/logic/profile-edit.js';
import { entryInForce } from '../../../formulas/core/profile-rules.js';
import { policyEntryWriteSchema, policyProfileWriteSchema } from '../../../formulas/core/profile-write-rules.js';
import { policyProfileSchema } from '../../../formulas/core/profiles.js';
import type { PolicyEntry, PolicyProfile } from '../../../formulas/core/profiles.js';
import { shippedProfiles } from '../../../formulas/index.js';

const baseline = shippedProfiles.find((p) => p.id === 'cn-national') as PolicyProfile;
const KEY = 'funding.publicFunds.primary';
const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({ key: KEY, value: '800', effective: '2024-09-01', document: '某财教〔2024〕1号', title: '关于提高公用经费标准的通知', ...over });
const entry = (value: number, effective: string): PolicyEntry => ({ value, effective, source: { document: 'd', title: 't' } });
const fieldsOf = (d: EntryDraft) => {
  const r = checkEntry(d, baseline.values);
  return r.ok ? [] : r.issues.map((i) => i.field);
};

describe('checkEntry: the service’s write rules, field by field', () => {
  it('accepts a county rate as a number with the baseline’s unit', () => {
    expect(checkEntry(draft(), baseline.values)).toEqual({ ok: true, key: KEY, entry: { value: 800, effective: '2024-09-01', unit: 'yuan/pupil/year', source: { document: '某财教〔2024〕1号', title: '关于提高公用经费标准的通知' } } });
  });

  it('names the field of each mistake, in Chinese and English', () => {
    const r = checkEntry(draft({ value: '七百二十', effective: '2023-02-30', document: ' ' }), baseline.values);
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
        const pane = checkEntry({ key: KEY, value: typed, effective, document, title }, baseline.values);
        const service = policyEntryWriteSchema.safeParse({ value, effective, source: { document, title } });
        expect(pane.ok).toBe(service.success);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('checkEntry: lists of numbers, and keys new to the profile', () => {
  const LIST = 'balance.levels';
  const known = { ...baseline.values, [LIST]: [{ value: [1, 2], effective: '2020-01-01', source: { document: 'd', title: 't' } }] };
  const valueOf = (value: string, key = LIST) => {
    const r = checkEntry(draft({ key, value }), known);
    return r.ok ? r.entry.value : r.issues.map((i) => i.zh).join(' | ');
  };

  it('reads a list typed with , ， or 、 where the key holds a list', () => {
    expect(valueOf('1, 1.2，1.5、2')).toEqual([1, 1.2, 1.5, 2]);
    expect(valueOf('7')).toEqual([7]);
  });

  it('names the number that is wrong, and the count over 100', () => {
    expect(valueOf('1, a')).toBe('第 2 个数 "a" 不是数字：请写成如 720 或 0.05 的数');
    expect(valueOf('-1, 2')).toBe('第 1 个数 -1 须在 0 与 10^12 之间');
    expect(valueOf('')).toContain('取值是空的：这一项是一组数');
    expect(valueOf(Array.from({ length: 100 }, (_, i) => i).join(','))).toHaveLength(100);
    expect(valueOf(Array.from({ length: 101 }, (_, i) => i).join(','))).toBe('取值有 101 个数，最多 100 个');
  });

  it('reads a yes/no key with the one yes/no word list (是/否, 有/无, Y/N, TRUE/FALSE, 1/0), as the functions do', () => {
    const FLAG = 'county.flag';
    const flags = { ...known, [FLAG]: [{ value: true, effective: '2020-01-01', source: { document: 'd', title: 't' } }] };
    const flag = (value: string) => {
      const r = checkEntry(draft({ key: FLAG, value }), flags);
      return r.ok ? r.entry.value : r.issues.map((i) => `${i.zh} | ${i.en}`).join(' ; ');
    };
    for (const yes of ['是', '有', 'Y', 'TRUE', 'true', '1']) expect(flag(yes), yes).toBe(true);
    for (const no of ['否', '无', 'n', 'FALSE', '0']) expect(flag(no), no).toBe(false);
    expect(flag('maybe')).toBe('取值 "maybe" 应为是/否、有/无、Y/N、TRUE/FALSE 或 1/0 | The value "maybe" must be 是/否, 有/无, Y/N, TRUE/FALSE or 1/0');
  });

  it('takes a new key’s kind from what is typed: a number, a list, else text', () => {
    expect(valueOf('3', 'county.extra')).toBe(3);
    expect(valueOf('3, 4', 'county.extra')).toEqual([3, 4]);
    expect(valueOf('按学区', 'county.extra')).toBe('按学区');
  });

  it('property: a typed list is accepted exactly when the service’s PUT schema accepts the numbers', () => {
    const number = fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.constantFrom(1e12, 1e12 + 1, 0.25));
    fc.assert(
      fc.property(fc.array(number, { minLength: 1, maxLength: 105 }), (numbers) => {
        const pane = checkEntry(draft({ key: LIST, value: numbers.join('，') }), known);
        const service = policyEntryWriteSchema.safeParse({ value: numbers, effective: '2024-09-01', source: { document: 'd', title: 't' } });
        expect(pane.ok).toBe(service.success);
        if (pane.ok) expect(pane.entry.value).toEqual(numbers);
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkHeader: the profile’s id and title', () => {
  it('names the field of each mistake', () => {
    expect(checkHeader({ id: 'jx-yudu', zh: '于都县', en: 'Yudu' }, ['cn-national'])).toEqual([]);
    expect(checkHeader({ id: 'Jx_Yudu', zh: '于都县', en: 'Yudu' }, []).map((i) => i.field)).toEqual(['id']);
    expect(checkHeader({ id: 'cn-national', zh: '于都县', en: 'Yudu' }, ['cn-national'])[0]!.zh).toContain('已有名为 cn-national 的配置');
    expect(checkHeader({ zh: ' ', en: 'x'.repeat(201) }, []).map((i) => [i.field, i.zh])).toEqual([
      ['titleZh', '中文标题是空的'],
      ['titleEn', '英文标题超过 200 个字'],
    ]);
    expect(checkHeader({ zh: '字'.repeat(100), en: 'x'.repeat(200) }, [])).toEqual([]);
  });

  it('property: the pane accepts exactly the ids and titles the service accepts', () => {
    const text = (max: number) => fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(' ', ' a ', 'x'.repeat(max), 'x'.repeat(max + 1)));
    const id = fc.oneof(fc.stringMatching(/^[a-z0-9-]{0,66}$/), fc.string({ maxLength: 6 }), fc.constantFrom(' a ', 'a'.repeat(64), 'a'.repeat(65), '-a'));
    fc.assert(
      fc.property(id, text(100), text(200), (pid, zh, en) => {
        const pane = checkHeader({ id: pid, zh, en }, []);
        const values = { [KEY]: [entry(1, '2024-01-01')] };
        // The pane sends the id trimmed, as the path of the PUT.
        expect(pane.some((i) => i.field === 'id')).toBe(!policyProfileSchema.shape.id.safeParse(pid.trim()).success);
        expect(pane.some((i) => i.field !== 'id')).toBe(!policyProfileWriteSchema.safeParse({ id: 'x', version: 1, title: { zh, en }, values }).success);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('withEntry and withoutEntry', () => {
  it('keeps one entry per date, in date order', () => {
    const v = withEntry(withEntry(withEntry({}, KEY, entry(800, '2024-09-01')), KEY, entry(700, '2019-01-01')), KEY, entry(820, '2024-09-01'));
    expect(v[KEY]!.map((e) => [e.effective, e.value])).toEqual([
      ['2019-01-01', 700],
      ['2024-09-01', 820],
    ]);
  });

  it('removes one county entry, and the key once it has none', () => {
    const v = withEntry(withEntry({}, KEY, entry(700, '2019-01-01')), KEY, entry(800, '2024-09-01'));
    expect(withoutEntry(v, KEY, '2019-01-01')[KEY]!.map((e) => e.value)).toEqual([800]);
    expect(withoutEntry(withoutEntry(v, KEY, '2019-01-01'), KEY, '2024-09-01')).toEqual({});
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
    expect(putBody({ title, values: { [KEY]: [entry(800, '2024-09-01')] }, version: 3 })).toEqual({ title, values: { [KEY]: [entry(800, '2024-09-01')] }, version: 3 });
    expect(putBody({ title, values: { [KEY]: [entry(800, '2024-09-01')] } })).not.toHaveProperty('version');
    expect(putBody({ title, values: {}, version: 3 })).toMatchObject({ zh: expect.stringContaining('还没有本县的取值') });
    // A county profile of its own names the profile it extends; the title is sent trimmed.
    expect(putBody({ title: { zh: ' 于都县 ', en: 'Yudu ' }, extends: 'cn-national', values: { [KEY]: [entry(800, '2024-09-01')] } })).toEqual({ title: { zh: '于都县', en: 'Yudu' }, extends: 'cn-national', values: { [KEY]: [entry(800, '2024-09-01')] } });
  });

  it('refuses a profile over 256 KiB before sending it', () => {
    const big = { [KEY]: [{ ...entry(1, '2024-01-01'), note: 'x'.repeat(262_144) }] };
    expect(putBody({ title, values: big })).toMatchObject({ zh: expect.stringContaining('262144 字节') });
  });

  it('refuses a key with more than 50 dated entries, as the service does', () => {
    const dates = (n: number) => Array.from({ length: n }, (_, i) => entry(i, `${2000 + i}-01-01`));
    expect(putBody({ title, values: { [KEY]: dates(50) } })).toHaveProperty('values');
    expect(putBody({ title, values: { [KEY]: dates(51) } })).toMatchObject({ zh: expect.stringContaining('51 条取值，每项最多 50 条') });
  });
});
