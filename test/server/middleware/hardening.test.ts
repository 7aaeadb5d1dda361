/**
 * The service's hardening, each piece shown to work: security headers, the CORS allow-list,
 * per-token rate limits and failed sign-in limits, body-size limits, request time-outs, and
 * database failures answered as clear 507/503 JSON instead of a 500.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.js';
import { jsonLogger } from '../../../server/logger.js';
import { RateLimiter } from '../../../server/middleware/rate-limit.js';
import type { Storage } from '../../../server/storage/types.js';
import { startTestApp, type TestApp } from '../../helpers/storage-app.js';

describe('security headers', () => {
  const app = createApp();
  it('API answers are never sniffed, cached, framed or run as a page', async () => {
    for (const path of ['/api/v1/functions', '/healthz', '/api/v1/nothing-here']) {
      const res = await request(app).get(path);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });
  it('HSTS when the service itself speaks TLS', async () => {
    const res = await request(createApp({ hsts: true })).get('/healthz');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});

describe('CORS allow-list', () => {
  const app = createApp({ corsOrigins: ['https://excel.officeapps.live.com', 'https://*.officeapps.live.com', 'https://addin.example.gov.cn'] });
  const preflight = (origin: string) =>
    request(app).options('/api/v1/calc').set('Origin', origin).set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'authorization, content-type');

  it.each(['https://excel.officeapps.live.com', 'https://euc-excel.officeapps.live.com', 'https://addin.example.gov.cn'])('allows %s', async (origin) => {
    const res = await preflight(origin);
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(origin);
    expect(res.headers['access-control-allow-headers']).toBe('Authorization, Content-Type');
    expect(res.headers.vary).toContain('Origin');
  });

  it.each([
    'https://evil.example',
    'http://excel.officeapps.live.com',
    'https://excel.officeapps.live.com.evil.example',
    'https://evilofficeapps.live.com',
    'https://officeapps.live.com',
    'null',
  ])('refuses %s with 403 saying how to allow it', async (origin) => {
    const res = await preflight(origin);
    expect(res.status).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.body.error.code).toBe('ORIGIN_NOT_ALLOWED');
    expect(res.body.error.en).toContain('EDU_CORS_ORIGINS');
    const post = await request(app).post('/api/v1/calc').set('Origin', origin).send({ calls: [] });
    expect(post.status).toBe(403);
  });

  it('by default allows exactly the Office origins, never another page under an Office domain', async () => {
    const byDefault = createApp();
    const ask = (origin: string) => request(byDefault).options('/api/v1/calc').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
    for (const origin of ['https://excel.officeapps.live.com', 'https://inc-excel.officeapps.live.com', 'https://excel.cloud.microsoft']) {
      expect((await ask(origin)).status, origin).toBe(204);
    }
    for (const origin of ['https://evil.officeapps.live.com', 'https://attacker.office.com', 'https://www.office.com', 'https://x.excel.officeapps.live.com', 'https://excel.cloud.microsoft.evil.example']) {
      expect((await ask(origin)).status, origin).toBe(403);
    }
  });

  it("lets the service's own pages call it (same origin, no CORS headers needed)", async () => {
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as { port: number };
    const res = await request(`http://127.0.0.1:${port}`).post('/api/v1/calc').set('Origin', `http://127.0.0.1:${port}`).send({ calls: [] });
    server.close();
    expect(res.status).toBe(200);
  });
});

describe('rate limits', () => {
  it('a token bucket refills at the rate and holds at most the burst', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 3 });
    const t = 1_000_000;
    expect([limiter.take('u', t), limiter.take('u', t), limiter.take('u', t)]).toEqual([0, 0, 0]);
    expect(limiter.take('u', t)).toBe(1);
    // One request a second: after 1 s exactly one more is allowed.
    expect(limiter.take('u', t + 1000)).toBe(0);
    expect(limiter.take('u', t + 1000)).toBe(1);
    expect(limiter.take('other', t)).toBe(0);
    // After a long pause the bucket is full again, never fuller.
    const later = t + 3_600_000;
    expect([limiter.take('u', later), limiter.take('u', later), limiter.take('u', later), limiter.take('u', later)]).toEqual([0, 0, 0, 1]);
    expect(new RateLimiter({ perMinute: 0, burst: 1 }).take('u')).toBe(0);
  });

  describe('over HTTP', () => {
    let app: TestApp;
    let busy: string;
    let calm: string;
    beforeAll(async () => {
      app = await startTestApp({ limits: { rateLimit: { perMinute: 6, burst: 3 }, signInFailures: { perMinute: 6, burst: 2 } } });
      busy = await app.addUser('busy', 'viewer', '360731');
      calm = await app.addUser('calm', 'viewer', '360731');
    });
    afterAll(() => app?.close());

    it('answers 429 with Retry-After to one token over its limit, and not to another', async () => {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await app.request('GET', '/api/v1/session', { token: busy })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await app.request('GET', '/api/v1/session', { token: busy });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((limited.body as { error: { code: string; message: string } }).error.code).toBe('RATE_LIMITED');
      expect((await app.request('GET', '/api/v1/session', { token: calm })).status).toBe(200);
    });

    it('limits failed sign-ins per address', async () => {
      const bad = `edu_${'B'.repeat(43)}`;
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await app.request('GET', '/api/v1/session', { token: bad })).status);
      expect(statuses).toEqual([401, 401, 429]);
    });
  });
});

describe('limits on size and time', () => {
  it('answers 413 in both languages for a body over the limit', async () => {
    const res = await request(createApp({ limits: { maxBodyBytes: 1000 } }))
      .post('/api/v1/scenarios')
      .send({ name: 'x', inputs: { a: 'x'.repeat(2000) } });
    expect(res.status).toBe(413);
    expect(`${res.body.error.zh} / ${res.body.error.en}`).toMatch(/上限.* \/ The body is larger than the limit of 1000 bytes/);
  });

  it('answers 503 when a request takes longer than the time limit, and nothing breaks afterwards', async () => {
    const stuck = { kind: 'sqlite', ping: async () => {}, profileHeads: async () => [], listScenarios: () => new Promise(() => {}) } as unknown as Storage;
    const app = createApp({ storage: stuck, limits: { requestTimeoutMs: 150 } });
    const res = await request(app).get('/api/v1/scenarios');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('TIMEOUT');
    expect(res.headers['retry-after']).toBe('5');
    expect((await request(app).get('/api/v1/functions')).status).toBe(200);
  });
});

describe('database failures', () => {
  const failing = (err: Error & { code?: string }) =>
    ({
      kind: 'sqlite',
      ping: async () => {
        throw err;
      },
      profileHeads: async () => [],
      saveScenario: async () => {
        throw err;
      },
      appendAudit: async () => {
        throw err;
      },
    }) as unknown as Storage;
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

  // How each driver reports a full disk: SQLite's result code, PostgreSQL's SQLSTATE 53100 disk_full.
  const FULL = [
    ['SQLite', withCode('database or disk is full', 'SQLITE_FULL')],
    ['PostgreSQL', withCode('could not extend file "base/16384/16390": No space left on device', '53100')],
  ] as const;

  it.each(FULL)('a full disk (%s) answers 507 in both languages and says earlier saves are intact', async (_engine, full) => {
    const app = createApp({ storage: failing(full) });
    const res = await request(app).post('/api/v1/scenarios').send({ name: 'x', inputs: {} });
    expect(res.status).toBe(507);
    expect(res.body.error.code).toBe('STORAGE_FULL');
    expect(res.body.error.zh).toContain('存储空间已满');
    expect(res.body.error.en).toContain('everything saved before is intact');
  });

  it.each(FULL)('with the disk full (%s) an export still answers, and its audit entry goes to the service log', async (_engine, full) => {
    const logs: string[] = [];
    const app = createApp({ storage: failing(full), logger: jsonLogger('debug', (l) => logs.push(l)) });
    const forms = await request(app).get('/api/v1/forms');
    const id = forms.body.forms[0].id as string;
    const example = (await request(app).get(`/api/v1/forms/${id}/example`)).body;
    const res = await request(app).post(`/api/v1/forms/${id}`).send(example);
    expect(res.status).toBe(200);
    const line = logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'audit.disk-full');
    expect(line).toMatchObject({ level: 'warn', action: 'form.export', target: id, actor: 'local' });
  });

  it('an export whose audit entry cannot be written for another reason is not answered as a success', async () => {
    const app = createApp({ storage: failing(withCode('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED')) });
    const forms = await request(app).get('/api/v1/forms');
    const id = forms.body.forms[0].id as string;
    const example = (await request(app).get(`/api/v1/forms/${id}/example`)).body;
    const res = await request(app).post(`/api/v1/forms/${id}`).send(example);
    expect(res.status).toBe(503);
  });

  it('an unreachable PostgreSQL answers 503 with Retry-After, and /healthz says unavailable', async () => {
    const app = createApp({ storage: failing(withCode('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED')) });
    const res = await request(app).post('/api/v1/scenarios').send({ name: 'x', inputs: {} });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('STORAGE_UNAVAILABLE');
    expect(res.headers['retry-after']).toBe('5');
    expect((await request(app).get('/healthz')).status).toBe(503);
  });
});
