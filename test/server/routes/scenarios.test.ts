/**
 * Scenarios over HTTP: saving (201, Location, versions per name), loading a version
 * exactly as saved, history, validation that names the field, and the audit trail of saves
 * and loads. Also the single local user of a loopback service, and an app without storage.
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.js';
import { joined } from '../../helpers/error-body.js';
import { startTestApp, type TestApp } from '../../helpers/storage-app.js';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// The seed-000 case: 48 posts over 8 centres, 1,600,000 yuan a year.
const plan = {
  name: '学区中心岗位方案',
  workbook: '县教育规划.xlsx',
  inputs: { Posts: [[48]], Budget: [[1600000]], Centres: [['一', 312], ['二', 207], ['三', 158]] },
  results: { Allocation: [[7], [6], [5]] },
};

interface Saved {
  id: string;
  version: number;
  hash: string;
}

describe('scenarios with sign-in', () => {
  let app: TestApp;
  let planner: string;
  let admin: string;
  let first: Saved;

  beforeAll(async () => {
    app = await startTestApp();
    planner = await app.addUser('planner-a', 'planner', '360731');
    admin = await app.addUser('admin-a', 'admin', '360731');
  });
  afterAll(() => app?.close());

  it('a save answers 201 with id, version 1, hash and the Location of the scenario', async () => {
    const res = await app.request('POST', '/api/v1/scenarios', { token: planner, body: plan });
    expect(res.status).toBe(201);
    first = res.body as Saved;
    expect(first.version).toBe(1);
    expect(res.headers.get('location')).toBe(`/api/v1/scenarios/${first.id}`);
    expect(first.hash).toBe(sha(JSON.stringify({ workbook: plan.workbook, inputs: plan.inputs, results: plan.results })));
  });

  it('saving the same name again (spaces and Unicode form aside) adds version 2 of the same scenario', async () => {
    const decomposed = ` ${plan.name.normalize('NFD')} `;
    const res = await app.request('POST', '/api/v1/scenarios', { token: admin, body: { ...plan, name: decomposed, inputs: { Posts: [[50]] } } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: first.id, version: 2 });
  });

  it('loads the latest and any earlier version exactly as saved, with author and time', async () => {
    const latest = await app.request('GET', `/api/v1/scenarios/${first.id}`, { token: planner });
    expect(latest.body).toMatchObject({ id: first.id, name: plan.name, version: 2, author: 'admin-a', inputs: { Posts: [[50]] }, results: {} });
    const v1 = await app.request('GET', `/api/v1/scenarios/${first.id}/versions/1`, { token: planner });
    expect(v1.body).toMatchObject({ version: 1, author: 'planner-a', workbook: plan.workbook, inputs: plan.inputs, results: plan.results, hash: first.hash });
    const history = await app.request('GET', `/api/v1/scenarios/${first.id}/versions`, { token: planner });
    expect((history.body as { versions: { version: number; author: string; createdAt: string }[] }).versions.map((v) => [v.version, v.author])).toEqual([
      [1, 'planner-a'],
      [2, 'admin-a'],
    ]);
    const list = await app.request('GET', '/api/v1/scenarios', { token: planner });
    expect((list.body as { scenarios: unknown[] }).scenarios).toEqual([
      expect.objectContaining({ id: first.id, name: plan.name, latestVersion: 2, workbook: plan.workbook, updatedBy: 'admin-a' }),
    ]);
  });

  it('audits every save and every load with who did it', async () => {
    const res = await app.request('GET', '/api/v1/audit', { token: admin });
    const entries = (res.body as { entries: { action: string; actor: string; details: { version: number } }[] }).entries;
    expect(entries.filter((e) => e.action.startsWith('scenario.')).map((e) => `${e.action} v${e.details.version} ${e.actor}`)).toEqual([
      'scenario.load v1 planner-a',
      'scenario.load v2 planner-a',
      'scenario.save v2 admin-a',
      'scenario.save v1 planner-a',
    ]);
  });

  it.each([
    ['no name', { inputs: {} }, /name/],
    ['an empty name', { name: '  ', inputs: {} }, /name/],
    ['a name of 201 characters', { name: 'x'.repeat(201), inputs: {} }, /name/],
    ['a name with a line break', { name: 'a\nb', inputs: {} }, /name.*control/],
    ['a name with a lone surrogate', { name: 'a\ud800', inputs: {} }, /name.*surrogate/],
    ['inputs that are a list, not named ranges', { name: 'a', inputs: [[1]] }, /inputs/],
    ['results that are a number', { name: 'a', inputs: {}, results: 3 }, /results/],
    ['a workbook name that is a number', { name: 'a', workbook: 7, inputs: {} }, /workbook/],
    ['inputs nested 70 deep', { name: 'a', inputs: { x: JSON.parse(`${'['.repeat(70)}${']'.repeat(70)}`) } }, /nested deeper than 64/],
  ])('refuses %s with a 400 naming the field', async (_what, body, message) => {
    const res = await app.request('POST', '/api/v1/scenarios', { token: planner, body });
    expect(res.status).toBe(400);
    const error = (res.body as { error: { zh: string; en: string } }).error;
    expect(error.en).toMatch(message);
    expect(error.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a body that is not JSON, a version that is not a number, and answers 404 for an unknown id', async () => {
    expect((await app.request('POST', '/api/v1/scenarios', { token: planner, raw: 'name=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(400);
    expect((await app.request('GET', `/api/v1/scenarios/${first.id}/versions/first`, { token: planner })).status).toBe(400);
    expect((await app.request('GET', `/api/v1/scenarios/${first.id}/versions/3`, { token: planner })).status).toBe(404);
    const unknown = await app.request('GET', '/api/v1/scenarios/no-such-id', { token: planner });
    expect(unknown.status).toBe(404);
    expect(joined(unknown.body)).toContain('"no-such-id"');
  });
});

describe('the single local user of a loopback service', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ auth: 'local' });
  });
  afterAll(() => app?.close());

  it('saves and loads without a token, as the admin of county "local"', async () => {
    const saved = await app.request('POST', '/api/v1/scenarios', { body: plan });
    expect(saved.status).toBe(201);
    const session = await app.request('GET', '/api/v1/session');
    expect(session.body).toMatchObject({ user: 'local', role: 'admin', county: 'local', local: true });
    const audit = await app.request('GET', '/api/v1/audit');
    expect((audit.body as { entries: { actor: string; action: string }[] }).entries[0]).toMatchObject({ actor: 'local', action: 'scenario.save' });
  });

  it('refuses a request addressed to a non-loopback name (a page rebinding its domain to 127.0.0.1)', async () => {
    // fetch may not set Host; node's http (under supertest) may.
    const res = await request(app.url).get('/api/v1/scenarios').set('Host', 'attacker.example:80');
    expect(res.status).toBe(403);
    expect((res.body as { error: { code: string } }).error.code).toBe('NOT_LOOPBACK');
  });
});

describe('an app without storage', () => {
  it('still calculates, and answers the record routes 503 saying storage is missing', async () => {
    const app = createApp();
    expect((await request(app).get('/api/v1/functions')).status).toBe(200);
    const res = await request(app).get('/api/v1/scenarios');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('NO_STORAGE');
  });
});
