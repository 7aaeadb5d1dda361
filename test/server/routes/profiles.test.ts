/**
 * County policy profiles over HTTP: validation of a PUT (400 malformed, 422 unusable, 409
 * stale), versions, and the point of it all: a county's formulas see its own values layered
 * over the shipped ones, while another county keeps seeing the shipped values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalProfile } from '../../../formulas/profiles/index.js';
import { joined } from '../../helpers/error-body.js';
import { startTestApp, type TestApp } from '../../helpers/storage-app.js';

const KEY = 'staffing.establishment.studentsPerStaff.primary';
const OTHER_KEY = 'staffing.establishment.studentsPerStaff.junior';
const source = { document: '某县编办〔2024〕3号', title: '县域中小学教职工编制调整' };
const entry = (value: number, effective = '2024-09-01') => ({ value, effective, source });

describe('county policy profiles', () => {
  let app: TestApp;
  let admin: string;
  let finance: string;
  let otherCounty: string;
  const calc = (token: string, profile: string, key = KEY) => app.request('POST', '/api/v1/calc/PROFILE', { token, body: { args: [profile, key] } });

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.addUser('admin-a', 'admin', '360731');
    finance = await app.addUser('finance-a', 'finance', '360731');
    otherCounty = await app.addUser('admin-b', 'admin', '360732');
  });
  afterAll(() => app?.close());

  it('the shipped value is what every county sees before it overrides anything', async () => {
    // 国家 2014 城乡统一编制标准: primary 1:19 (nationalProfile).
    expect(nationalProfile.values[KEY]?.[0]?.value).toBe(19);
    expect((await calc(finance, 'cn-national')).body).toEqual({ value: 19 });
  });

  it("overriding cn-national changes that county's formulas from the entry's date, and no one else's", async () => {
    const put = await app.request('PUT', '/api/v1/profiles/cn-national', {
      token: admin,
      body: { title: { zh: '某县（覆盖国家基准）', en: 'County override of the national baseline' }, values: { [KEY]: [entry(18)] } },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: 'cn-national', version: 1 });
    expect((await calc(finance, 'cn-national')).body).toEqual({ value: 18 });
    // Dated: before the county's entry takes effect (2024-09-01) the shipped 2014 entry applies.
    expect((await calc(finance, 'cn-national@2024-08-31')).body).toEqual({ value: 19 });
    expect((await calc(finance, 'cn-national@2024-09-01')).body).toEqual({ value: 18 });
    // Keys the county did not override stay as shipped (1:13.5 for junior secondary).
    expect((await calc(finance, 'cn-national', OTHER_KEY)).body).toEqual({ value: 13.5 });
    // The batch endpoint, which the add-in's functions use, sees the same.
    expect((await app.request('POST', '/api/v1/calc', { token: finance, body: { calls: [{ fn: 'PROFILE', args: ['cn-national', KEY] }] } })).body).toEqual({
      results: [{ value: 18 }],
    });
    expect((await calc(otherCounty, 'cn-national')).body).toEqual({ value: 19 });
  });

  it("a county's own profile extends a shipped one and is found by formulas", async () => {
    const put = await app.request('PUT', '/api/v1/profiles/jx-demo', {
      token: admin,
      body: { title: { zh: '示范县', en: 'Demo county' }, extends: 'cn-national', values: { [OTHER_KEY]: [entry(13)] } },
    });
    expect(put.status).toBe(200);
    expect((await calc(finance, 'jx-demo', OTHER_KEY)).body).toEqual({ value: 13 });
    // Not in jx-demo: found in its parent, the county's cn-national override.
    expect((await calc(finance, 'jx-demo', KEY)).body).toEqual({ value: 18 });
    expect((await calc(otherCounty, 'jx-demo')).status).toBe(422);
  });

  it('GET answers the stored version with who saved it; ?version= an older one; /versions the history', async () => {
    await app.request('PUT', '/api/v1/profiles/jx-demo', {
      token: admin,
      body: { title: { zh: '示范县', en: 'Demo county' }, extends: 'cn-national', values: { [OTHER_KEY]: [entry(12.5)] }, version: 1 },
    });
    const latest = await app.request('GET', '/api/v1/profiles/jx-demo', { token: finance });
    expect(latest.body).toMatchObject({ id: 'jx-demo', version: 2, meta: { source: 'county', overrides: false, author: 'admin-a' } });
    const first = await app.request('GET', '/api/v1/profiles/jx-demo?version=1', { token: finance });
    expect((first.body as { values: Record<string, { value: number }[]> }).values[OTHER_KEY]?.[0]?.value).toBe(13);
    const history = await app.request('GET', '/api/v1/profiles/jx-demo/versions', { token: finance });
    expect((history.body as { versions: { version: number; author: string }[] }).versions.map((v) => [v.version, v.author])).toEqual([
      [1, 'admin-a'],
      [2, 'admin-a'],
    ]);
    const shipped = await app.request('GET', '/api/v1/profiles/cn-national', { token: otherCounty });
    expect(shipped.body).toMatchObject({ id: 'cn-national', meta: { source: 'shipped' } });
    const list = await app.request('GET', '/api/v1/profiles', { token: finance });
    expect((list.body as { profiles: { id: string; source: string; overrides: boolean }[] }).profiles.map((p) => [p.id, p.source, p.overrides])).toEqual([
      ['cn-national', 'county', true],
      ['jx-demo', 'county', false],
    ]);
    expect((await app.request('GET', '/api/v1/profiles/jx-demo?version=x', { token: finance })).status).toBe(400);
    expect((await app.request('GET', '/api/v1/profiles/jx-demo?version=9', { token: finance })).status).toBe(404);
  });

  it('a PUT based on an older version is refused with 409 naming who saved in between', async () => {
    const res = await app.request('PUT', '/api/v1/profiles/jx-demo', {
      token: admin,
      body: { title: { zh: '示范县', en: 'Demo county' }, extends: 'cn-national', values: { [OTHER_KEY]: [entry(12)] }, version: 1 },
    });
    expect(res.status).toBe(409);
    expect(joined(res.body)).toMatch(/admin-a.*保存为版本 2.*version 2 by admin-a/);
  });

  it.each([
    ['a body that is not a profile', 'jx-x', { values: 3 }, 400, /title/],
    ['a date written wrongly, naming where', 'jx-x', { title: { zh: 'x', en: 'x' }, values: { k: [{ ...entry(1), effective: '2024/1/1' }] } }, 400, /values\.k\[0\]\.effective/],
    ['an id in the body that differs from the address', 'jx-x', { id: 'jx-y', title: { zh: 'x', en: 'x' }, values: { k: [entry(1)] } }, 400, /jx-y/],
    ['an id that is not lower-case letters and dashes', 'JX_X', { title: { zh: 'x', en: 'x' }, values: { k: [entry(1)] } }, 400, /JX_X/],
    ['a parent that does not exist', 'jx-x', { title: { zh: 'x', en: 'x' }, extends: 'nowhere', values: { k: [entry(1)] } }, 422, /nowhere/],
    ['extends on an override of a shipped profile', 'cn-national', { title: { zh: 'x', en: 'x' }, extends: 'jx-demo', values: { k: [entry(1)] } }, 422, /extends/],
    ['two entries of one key on the same date', 'jx-x', { title: { zh: 'x', en: 'x' }, values: { k: [entry(1), entry(2)] } }, 422, /k @ 2024-09-01/],
  ])('refuses %s', async (_what, id, body, status, message) => {
    const res = await app.request('PUT', `/api/v1/profiles/${id}`, { token: admin, body });
    expect(res.status).toBe(status);
    expect(joined(res.body)).toMatch(message);
  });

  it('refuses a key "__proto__" rather than quietly dropping it', async () => {
    const raw = `{"title":{"zh":"x","en":"x"},"values":{"__proto__":[${JSON.stringify(entry(1))}]}}`;
    const res = await app.request('PUT', '/api/v1/profiles/jx-proto', { token: admin, raw });
    expect(res.status).toBe(422);
    expect((res.body as { error: { en: string } }).error.en).toContain('"__proto__"');
  });

  it('refuses a loop of extends', async () => {
    const base = { title: { zh: 'x', en: 'x' }, values: { k: [entry(1)] } };
    expect((await app.request('PUT', '/api/v1/profiles/jx-p', { token: admin, body: base })).status).toBe(200);
    expect((await app.request('PUT', '/api/v1/profiles/jx-q', { token: admin, body: { ...base, extends: 'jx-p' } })).status).toBe(200);
    const loop = await app.request('PUT', '/api/v1/profiles/jx-p', { token: admin, body: { ...base, extends: 'jx-q' } });
    expect(loop.status).toBe(422);
    expect((loop.body as { error: { en: string } }).error.en).toMatch(/loop/);
  });

  it('records every profile change in the audit log', async () => {
    const res = await app.request('GET', '/api/v1/audit?action=profile.put', { token: admin });
    const entries = (res.body as { entries: { target: string; details: { version: number } }[] }).entries;
    expect(entries.map((e) => `${e.target}@${e.details.version}`)).toEqual(['jx-q@1', 'jx-p@1', 'jx-demo@2', 'jx-demo@1', 'cn-national@1']);
  });
  it('checks every write: a real effective date, numbers in range, in Chinese and English naming the place', async () => {
    const put = (values: unknown) => app.request('PUT', '/api/v1/profiles/jx-rules', { token: admin, body: { title: { zh: '规则', en: 'Rules' }, values } });
    const badDate = await put({ [KEY]: [entry(18, '2023-02-30')] });
    expect(badDate.status).toBe(400);
    expect(joined(badDate.body)).toContain(`values.${KEY}[0].effective`);
    expect(joined(badDate.body)).toContain('不是有效日期');
    expect(joined(badDate.body)).toContain('is not a real date');
    const early = await put({ [KEY]: [entry(18, '1900-01-01')] });
    expect(joined(early.body)).toContain('must be between 1949-10-01 and 2100-12-31');
    const negative = await put({ [KEY]: [entry(-5)] });
    expect(negative.status).toBe(400);
    expect(joined(negative.body)).toContain('须在 0 与 10^12 之间');
    expect(joined(negative.body)).toContain('must be between 0 and 10^12');
    // The shipped national profile itself passes the write rules, so a county can start from it.
    const copy = await app.request('PUT', '/api/v1/profiles/jx-copy', { token: admin, body: { title: nationalProfile.title, values: nationalProfile.values } });
    expect(copy.status).toBe(200);
  });
});
