/**
 * Every /api/v1 route x every role x own / other county, asserting the exact status; and
 * every route refuses anonymous, malformed, unknown and revoked tokens with 401. The
 * route list is read from the routes as the app mounts them: a route added without a row here fails the
 * test, so no endpoint escapes the matrix.
 *
 * County A (360731) owns a scenario and a profile; county B (360732) has the same five
 * roles. Records of A addressed by B's users answer 404 (not 403: their existence is not
 * revealed). Calculation, form and plan routes are open to every signed-in role: they read
 * nothing of a county except its policy profiles.
 */
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountRoutes } from '../../server/routes/index.js';
import { sharedPool } from '../../server/pool/pool.js';
import { ROLES, type Role } from '../../server/storage/types.js';
import { bareContext } from '../helpers/route-context.js';
import { startTestApp, type TestApp } from '../helpers/storage-app.js';

const A = '360731';
const B = '360732';

type Statuses = Record<Role, number>;
const all = (status: number): Statuses => ({ admin: status, finance: status, personnel: status, planner: status, viewer: status });
const writers = (status: number, viewer: number): Statuses => ({ ...all(status), viewer });
const adminOnly = (admin: number, others: number): Statuses => ({ ...all(others), admin });

interface Row {
  /** "METHOD /path" as mounted, e.g. "GET /scenarios/:id". */
  route: string;
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  own: Statuses;
  /** The status for the same role of the other county (default: as own). */
  other?: Statuses;
}

interface Ids {
  scenario: string;
  doomed: string;
  form: string;
  formExample: unknown;
}

const profileBody = {
  title: { zh: '县配置', en: 'County profile' },
  extends: 'cn-national',
  values: { 'funding.publicFunds.primary': [{ value: 720, effective: '2024-01-01', source: { document: '县财〔2024〕1号', title: '县公用经费标准' } }] },
};

const ROWS: Row[] = [
  { route: 'GET /session', path: () => '/api/v1/session', own: all(200) },
  { route: 'GET /functions', path: () => '/api/v1/functions', own: all(200) },
  { route: 'GET /openapi.json', path: () => '/api/v1/openapi.json', own: all(200) },
  { route: 'POST /calc/:id', path: () => '/api/v1/calc/PROFILE', body: () => ({ args: ['cn-national', 'balance.cvLimit.primary'] }), own: all(200) },
  { route: 'POST /calc', path: () => '/api/v1/calc', body: () => ({ calls: [{ fn: 'PROFILE', args: ['cn-national', 'balance.cvLimit.primary'] }] }), own: all(200) },
  { route: 'POST /consolidation/plan', path: () => '/api/v1/consolidation/plan', body: () => ({}), own: all(400) },
  { route: 'POST /rotation/plan', path: () => '/api/v1/rotation/plan', body: () => ({}), own: all(400) },
  { route: 'GET /forms', path: () => '/api/v1/forms', own: all(200) },
  { route: 'GET /forms/:id', path: (i) => `/api/v1/forms/${i.form}`, own: all(200) },
  { route: 'GET /forms/:id/example', path: (i) => `/api/v1/forms/${i.form}/example`, own: all(200) },
  { route: 'POST /forms/:id', path: (i) => `/api/v1/forms/${i.form}`, body: (i) => i.formExample, own: all(200) },
  { route: 'POST /forms/:id/layout', path: (i) => `/api/v1/forms/${i.form}/layout`, body: (i) => i.formExample, own: all(200) },
  { route: 'POST /forms/:id/link', path: (i) => `/api/v1/forms/${i.form}/link`, body: (i) => i.formExample, own: all(200) },
  { route: 'GET /example-sheets', path: () => '/api/v1/example-sheets', own: all(200) },
  { route: 'GET /scenarios', path: () => '/api/v1/scenarios', own: all(200) },
  {
    route: 'POST /scenarios',
    path: () => '/api/v1/scenarios',
    body: () => ({ name: '共用方案名', workbook: 'm.xlsx', inputs: { Budget: [[1]] } }),
    own: writers(201, 403),
  },
  { route: 'GET /scenarios/:id', path: (i) => `/api/v1/scenarios/${i.scenario}`, own: all(200), other: all(404) },
  { route: 'GET /scenarios/:id/versions', path: (i) => `/api/v1/scenarios/${i.scenario}/versions`, own: all(200), other: all(404) },
  { route: 'GET /scenarios/:id/versions/:n', path: (i) => `/api/v1/scenarios/${i.scenario}/versions/1`, own: all(200), other: all(404) },
  { route: 'GET /profiles', path: () => '/api/v1/profiles', own: all(200) },
  { route: 'GET /profiles/:id', path: () => '/api/v1/profiles/jx-a', own: all(200), other: all(404) },
  { route: 'GET /profiles/:id/versions', path: () => '/api/v1/profiles/jx-a/versions', own: all(200), other: all(404) },
  // Another county's admin writing "jx-a" writes B's own jx-a; A's stays as it was (checked below).
  { route: 'PUT /profiles/:id', path: () => '/api/v1/profiles/jx-a', body: () => profileBody, own: adminOnly(200, 403) },
  { route: 'GET /audit', path: () => '/api/v1/audit', own: adminOnly(200, 403) },
  // Erasure, last: one version first, then the whole scenario (its erased version included).
  { route: 'DELETE /scenarios/:id/versions/:n', path: (i) => `/api/v1/scenarios/${i.doomed}/versions/1`, own: adminOnly(200, 403), other: adminOnly(404, 403) },
  { route: 'DELETE /scenarios/:id', path: (i) => `/api/v1/scenarios/${i.doomed}`, own: adminOnly(200, 403), other: adminOnly(404, 403) },
];

function mountedRoutes(): string[] {
  const ctx = bareContext();
  // Mounted the app's way, on a bare router: every /api/v1 route, named as in ROWS.
  const router = express.Router();
  mountRoutes(router, ctx, sharedPool());
  const found: string[] = [];
  for (const layer of router.stack as unknown as { route?: { path: string; methods: Record<string, boolean> } }[]) {
    const path = layer.route?.path;
    if (path?.startsWith('/api/v1/')) for (const m of Object.keys(layer.route!.methods)) found.push(`${m.toUpperCase()} ${path.slice('/api/v1'.length)}`);
  }
  return found.sort();
}

describe('access matrix', () => {
  let app: TestApp;
  const tokens: Record<string, Record<Role, string>> = { [A]: {} as Record<Role, string>, [B]: {} as Record<Role, string> };
  let revoked: string;
  const ids = {} as Ids;

  beforeAll(async () => {
    app = await startTestApp({ limits: { signInFailures: { perMinute: 0, burst: 1 } } });
    for (const county of [A, B]) for (const role of ROLES) tokens[county]![role] = await app.addUser(`${role}-${county}`, role, county);
    revoked = await app.addUser('gone', 'admin', A);
    await app.storage.revokeUser('gone', { name: 'test', role: 'cli', county: A });

    const saved = await app.request('POST', '/api/v1/scenarios', { token: tokens[A]!.planner, body: { name: '甲县方案', workbook: 'a.xlsx', inputs: { Budget: [[1600000]] } } });
    ids.scenario = (saved.body as { id: string }).id;
    const doomed = await app.request('POST', '/api/v1/scenarios', { token: tokens[A]!.planner, body: { name: '待删方案', inputs: { Budget: [[1]] } } });
    ids.doomed = (doomed.body as { id: string }).id;
    const put = await app.request('PUT', '/api/v1/profiles/jx-a', { token: tokens[A]!.admin, body: profileBody });
    expect(put.status).toBe(200);
    const forms = await app.request('GET', '/api/v1/forms', { token: tokens[A]!.viewer });
    ids.form = (forms.body as { forms: { id: string }[] }).forms[0]!.id;
    ids.formExample = (await app.request('GET', `/api/v1/forms/${ids.form}/example`, { token: tokens[A]!.viewer })).body;
  });
  afterAll(() => app?.close());

  it('has a row for every mounted route, and no row for a route that does not exist', () => {
    expect(mountedRoutes()).toEqual(ROWS.map((r) => r.route).sort());
  });

  describe.each(ROWS.map((r) => [r.route, r] as const))('%s', (_route, row) => {
    const send = (token: string | undefined, headers?: Record<string, string>) =>
      app.request(row.route.split(' ')[0]!, row.path(ids), { token, headers, body: row.body?.(ids) });

    it.each(ROLES.map((r) => [r]))('%s of the own county', async (role) => {
      const res = await send(tokens[A]![role]);
      expect(res.status, res.text.slice(0, 300)).toBe(row.own[role]);
    });

    it.each(ROLES.map((r) => [r]))('%s of the other county', async (role) => {
      const res = await send(tokens[B]![role]);
      expect(res.status, res.text.slice(0, 300)).toBe((row.other ?? row.own)[role]);
    });

    it('401 without a token, with a malformed, an unknown and a revoked token', async () => {
      const answers = await Promise.all([
        send(undefined),
        send(undefined, { authorization: 'Basic dXNlcjpwYXNz' }),
        send('not-a-token'),
        send(`edu_${'A'.repeat(43)}`),
        send(revoked),
      ]);
      for (const res of answers) {
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer realm="edu"');
        expect((res.body as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
      }
    });
  });

  describe('what the statuses protect', () => {
    it("the other county's saves and profile writes never touched county A's records", async () => {
      const history = await app.storage.scenarioHistory(A, ids.scenario);
      expect(history?.versions.map((v) => v.version)).toEqual([1]);
      const bList = await app.request('GET', '/api/v1/scenarios', { token: tokens[B]!.viewer });
      expect((bList.body as { scenarios: { id: string }[] }).scenarios.map((s) => s.id)).not.toContain(ids.scenario);
      const aProfile = await app.storage.profileHistory(A, 'jx-a');
      const bProfile = await app.storage.profileHistory(B, 'jx-a');
      // A: the set-up PUT and A's admin's PUT in the matrix; B: B's admin's PUT only.
      expect(aProfile.map((v) => v.version)).toEqual([1, 2]);
      expect(bProfile.map((v) => v.version)).toEqual([1]);
    });

    it("an admin's audit log holds only the own county's entries, including form exports with their input hash", async () => {
      const res = await app.request('GET', '/api/v1/audit?limit=1000', { token: tokens[B]!.admin });
      const entries = (res.body as { entries: { county: string; action: string; actor: string; inputHash: string | null }[] }).entries;
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((e) => e.county === B)).toBe(true);
      const exports = entries.filter((e) => e.action === 'form.export');
      // Every role of B exported the form once as .xlsx, once as a layout and once behind a one-time link.
      expect(exports).toHaveLength(ROLES.length * 3);
      expect(exports.every((e) => /^[0-9a-f]{64}$/.test(e.inputHash ?? ''))).toBe(true);
      expect(new Set(exports.map((e) => e.actor))).toEqual(new Set(ROLES.map((r) => `${r}-${B}`)));
    });

    it('the log never contains a token', () => {
      const text = app.logs.join('\n');
      expect(app.logs.length).toBeGreaterThan(100);
      for (const county of [A, B]) for (const role of ROLES) expect(text).not.toContain(tokens[county]![role]);
      expect(text).not.toContain(revoked);
    });
  });
});
