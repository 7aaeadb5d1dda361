/**
 * Every route is wired one way (server/routes/endpoint.ts, index.ts): each contract of
 * contracts/routes.ts has exactly one endpoint, a pooled one names a job the pool has, and
 * a main-thread one is answered after the same steps in the same order — the permission,
 * then the query and body checked with the contract's own schemas, in the words of the
 * one issue map, naming the field, the value and what to send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../contracts/routes.js';
import { findJob } from '../../../server/pool/jobs.js';
import { endpoints } from '../../../server/routes/index.js';
import { errorBodySchema } from '../../../contracts/errors.js';
import { bareContext } from '../../helpers/route-context.js';
import { startTestApp, type TestApp } from '../../helpers/storage-app.js';

const ctx = bareContext();

describe('one way to wire a route', () => {
  it('every contract has one endpoint, and every pooled endpoint names a job of the pool', () => {
    const all = endpoints(ctx);
    expect(Object.keys(all).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [name, endpoint] of Object.entries(all)) {
      if ('job' in endpoint && endpoint.job !== undefined) {
        expect(findJob(endpoint.job), name).toBeDefined();
        // A job reads a body: it answers a POST.
        expect(ROUTES[name as keyof typeof ROUTES].method, name).toBe('post');
      } else expect(typeof endpoint.handle, name).toBe('function');
    }
  });

  describe('a main-thread route', () => {
    let app: TestApp;
    let viewer: string;
    let admin: string;
    const error = (body: unknown) => errorBodySchema.parse(body).error;

    beforeAll(async () => {
      app = await startTestApp();
      viewer = await app.addUser('viewer-e', 'viewer', '360731');
      admin = await app.addUser('admin-e', 'admin', '360731');
    });
    afterAll(() => app?.close());

    it('checks the query with the contract’s schema: the field, the value, why, and what to send, in both languages', async () => {
      const res = await app.request('GET', '/api/v1/profiles/cn-national?version=x', { token: viewer });
      expect(res.status).toBe(400);
      const { code, zh, en } = error(res.body);
      expect(code).toBe('BAD_REQUEST');
      expect(zh).toMatch(/^查询参数不合要求：version：/);
      expect(zh).toContain('"x"');
      expect(zh).toContain('可用 version（1 起的整数）和 layer=shipped');
      expect(en).toMatch(/^The query is not valid at version: /);
      expect(en).toContain('Use version (a whole number from 1)');
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
      const layer = await app.request('GET', '/api/v1/profiles/cn-national?layer=county', { token: viewer });
      expect(layer.status).toBe(400);
      expect(error(layer.body).en).toMatch(/^The query is not valid at layer: /);
    });

    it('checks the permission before the query: a viewer asking for the audit log with a bad limit is refused 403, not 400', async () => {
      expect((await app.request('GET', '/api/v1/audit?limit=abc', { token: viewer })).status).toBe(403);
      const bad = await app.request('GET', '/api/v1/audit?limit=abc', { token: admin });
      expect(bad.status).toBe(400);
      expect(error(bad.body).zh).toMatch(/^查询参数不合要求：limit：/);
    });

    it('a query the contract reads is answered with its defaults applied', async () => {
      const res = await app.request('GET', '/api/v1/scenarios', { token: viewer });
      expect(res.status).toBe(200);
      // scenarioListQuerySchema: limit 200, offset 0 when not given.
      expect(res.body).toMatchObject({ limit: 200, offset: 0, total: 0 });
    });
  });
});
