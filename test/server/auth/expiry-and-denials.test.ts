/**
 * Tokens expire, and refusals are audited. An expired token gets a 401 that says to ask for
 * a new one; a rotated token works and the old one stops. Every 401 and 403 is an audit
 * entry with who (the user when the token was known, else "anonymous" under county "-"),
 * when and what, and never the token itself. On the SQLite file and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestToken, newToken, tokenExpiry } from '../../../server/auth/tokens.js';
import { UNKNOWN_COUNTY } from '../../../server/records/denials.js';
import { skipPostgres, startTestPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { startTestApp, type TestApp } from '../../helpers/storage-app.js';

const A = '360731';
const cli = { name: 'cli:test', role: 'cli' as const, county: A };

// EDU_SKIP_PG=1 leaves PostgreSQL out explicitly, as in the storage suites.
const engines = ([['SQLite', false], ['PostgreSQL', true]] as const).filter(([, onPostgres]) => !onPostgres || !skipPostgres);

describe.each(engines)('token expiry and audited refusals (%s)', (_engine, onPostgres) => {
  let app: TestApp;
  let server: TestPostgres | undefined;
  let viewer = '';
  const expired = newToken();

  beforeAll(async () => {
    if (onPostgres) server = await startTestPostgres();
    app = await startTestApp({ databaseUrl: await server?.createDatabase() });
    viewer = await app.addUser('viewer-a', 'viewer', A);
    const d = digestToken(expired);
    await app.storage.addUser({ name: 'old-a', role: 'planner', county: A, tokenLookup: d.lookup, tokenHash: d.hash, expiresAt: '2025-01-01T00:00:00.000Z' }, cli);
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('an expired token gets a 401 saying when it expired and to ask for a new one, and the refusal names the user', async () => {
    const res = await app.request('GET', '/api/v1/session', { token: expired });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="edu"');
    expect(res.body).toMatchObject({
      error: { code: 'TOKEN_EXPIRED', zh: expect.stringMatching(/已于 2025-01-01T00:00:00.000Z（UTC）过期：请向本县管理员申请新令牌/), en: expect.stringMatching(/expired .* ask your county's administrator for a new one/) },
    });
    const [entry] = await app.storage.listAudit(A, { limit: 1, action: 'access.unauthenticated' });
    expect(entry).toMatchObject({ actor: 'old-a', role: 'planner', target: 'GET /api/v1/session', details: { status: 401, code: 'TOKEN_EXPIRED' } });
  });

  it('a rotated token works until its own expiry; the old one stops at once', async () => {
    const fresh = newToken();
    const d = digestToken(fresh);
    const user = await app.storage.replaceToken('old-a', { lookup: d.lookup, hash: d.hash, expiresAt: tokenExpiry(90) }, cli);
    expect(user?.tokenExpiresAt! > new Date().toISOString()).toBe(true);
    expect((await app.request('GET', '/api/v1/session', { token: fresh })).status).toBe(200);
    expect((await app.request('GET', '/api/v1/session', { token: expired })).body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
  });

  it('an unknown token is recorded as anonymous under county "-", without the token', async () => {
    const unknown = newToken();
    expect((await app.request('GET', '/api/v1/scenarios?limit=5', { token: unknown })).status).toBe(401);
    const [entry] = await app.storage.listAudit(UNKNOWN_COUNTY, { limit: 1 });
    expect(entry).toMatchObject({ actor: 'anonymous', role: 'anonymous', action: 'access.unauthenticated', target: 'GET /api/v1/scenarios', details: { status: 401, code: 'UNAUTHENTICATED' } });
    expect(JSON.stringify(await app.storage.listAudit(UNKNOWN_COUNTY, { limit: 100 }))).not.toContain(unknown);
  });

  it('a 403 is recorded with the user, role and what was refused', async () => {
    expect((await app.request('POST', '/api/v1/scenarios', { token: viewer, body: { name: 'x', inputs: {} } })).status).toBe(403);
    const [entry] = await app.storage.listAudit(A, { limit: 1, action: 'access.forbidden' });
    expect(entry).toMatchObject({ actor: 'viewer-a', role: 'viewer', target: 'POST /api/v1/scenarios', details: { status: 403, code: 'FORBIDDEN' } });
    expect((await app.storage.verify()).ok).toBe(true);
  });
});
