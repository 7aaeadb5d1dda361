/**
 * A county profile written before the size check (issue 15 §1: a 19 MiB one made every
 * request of every county wait about 2 s at each cache reload), on the real app with SQLite
 * and with PostgreSQL. With the cache reloading at every request (time-to-live 0):
 *   - its content is never read into the service: no call reads it, at any reload;
 *   - another county's calculations and profile reads answer as before;
 *   - its own county's calculations are refused with 409 PROFILE_OVER_LIMIT naming the
 *     profile, its version and size and what to do, rather than computed without its values;
 *   - an admin saves a smaller version, and the county calculates with it; after that, a
 *     reload with no change reads no content at all.
 * How long another county waits meanwhile is measured in the benchmark (BENCHMARKS.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joined } from '../../helpers/error-body.js';
import { LARGE_PROFILE_KEY, largeProfile } from '../../helpers/large-profile.js';
import { skipPostgres, startTestPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { startTestApp, type TestApp } from '../../helpers/storage-app.js';
import { PROFILE_READ_LIMIT } from '../../../server/storage/profile-store.js';

const A = '360731';
const B = '360732';
const KEY = LARGE_PROFILE_KEY;
const source = { document: '某县编办〔2024〕3号', title: '县域中小学教职工编制调整' };

const engines = ([['SQLite', false], ['PostgreSQL', true]] as const).filter(([, onPostgres]) => !onPostgres || !skipPostgres);

describe.each(engines)('a legacy profile over the size limit (%s)', (_engine, onPostgres) => {
  let app: TestApp;
  let server: TestPostgres | undefined;
  const t: Record<string, string> = {};
  /** Every profile version whose content the service read, as county/id@version. */
  const contentReads: string[] = [];
  const calc = (token: string) => app.request('POST', '/api/v1/calc', { token, body: { calls: [{ fn: 'PROFILE', args: ['cn-national', KEY] }] } });

  beforeAll(async () => {
    if (onPostgres) server = await startTestPostgres();
    app = await startTestApp({ databaseUrl: await server?.createDatabase(), deps: { profileCacheMs: 0 } });
    t.adminA = await app.addUser('admin-a', 'admin', A);
    t.financeA = await app.addUser('finance-a', 'finance', A);
    t.financeB = await app.addUser('finance-b', 'finance', B);
    // As it was written before the check: straight into the store, past the route.
    const legacy = largeProfile(4);
    expect(Buffer.byteLength(JSON.stringify(legacy))).toBeGreaterThan(PROFILE_READ_LIMIT);
    await app.storage.putProfile(A, legacy, { name: 'admin-a', role: 'admin', county: A });
    const read = app.storage.getProfile.bind(app.storage);
    app.storage.getProfile = (county, id, version) => {
      contentReads.push(`${county}/${id}@${version ?? 'newest'}`);
      return read(county, id, version);
    };
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('its content is never read, and another county calculates as before', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await calc(t.financeB!)).body).toEqual({ results: [{ value: 19 }] });
      expect((await calc(t.financeA!)).status).toBe(409);
    }
    expect(contentReads).toEqual([]);
  });

  it("its county's calculations are refused saying which profile, how large, and what to do", async () => {
    const res = await calc(t.financeA!);
    expect(res.status).toBe(409);
    expect((res.body as { error: { code: string } }).error.code).toBe('PROFILE_OVER_LIMIT');
    expect(joined(res.body)).toMatch(/cn-national 第 1 版有 \d+ KiB，超过了每个配置 256 KiB 的上限.*PUT \/api\/v1\/profiles\/cn-national/);
    expect(joined(res.body)).toMatch(/version 1 is \d+ KiB, over the limit of 256 KiB/);
    // Listed (so the admin sees it), not read; asking for its content gets the same answer.
    const list = await app.request('GET', '/api/v1/profiles', { token: t.adminA });
    expect((list.body as { profiles: { id: string; source: string; overLimitBytes?: number }[] }).profiles).toContainEqual(expect.objectContaining({ id: 'cn-national', source: 'county', overLimitBytes: expect.any(Number) }));
    expect((await app.request('GET', '/api/v1/profiles/cn-national', { token: t.adminA })).status).toBe(409);
    expect(contentReads.filter((r) => r.endsWith('@1'))).toEqual([]);
  });

  it('a smaller version saved by the admin is used at once; then reloads read no content', async () => {
    const put = await app.request('PUT', '/api/v1/profiles/cn-national', {
      token: t.adminA,
      body: { title: { zh: '某县', en: 'County' }, values: { [KEY]: [{ value: 17, effective: '2024-09-01', source }] } },
    });
    expect(put.status).toBe(200);
    expect((await calc(t.financeA!)).body).toEqual({ results: [{ value: 17 }] });
    const reads = contentReads.length;
    for (let i = 0; i < 5; i++) expect((await calc(t.financeA!)).body).toEqual({ results: [{ value: 17 }] });
    expect(contentReads.length).toBe(reads);
    expect(contentReads).not.toContain(`${A}/cn-national@1`);
    // Version 1 stays on record, in the chain.
    expect((await app.storage.verify()).ok).toBe(true);
  });
});
