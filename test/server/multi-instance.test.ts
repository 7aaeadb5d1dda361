/**
 * Beyond one machine: two real service processes on one real PostgreSQL, as behind a load
 * balancer. Users are made with the real CLI (`server/cli/user.ts`, what `npm run user`
 * runs). A scenario saved through one instance is read, versioned and audited through the
 * other; saves racing on one scenario from both instances get versions 1 and 2, never two
 * 1s; a profile changed through one is used by the other's formulas; a token revoked with
 * the CLI stops working on both at once. Both instances start together, so the migration
 * lock is exercised too.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type ServiceProcess } from '../helpers/service-process.js';
import { skipPostgres, startTestPostgres, type TestPostgres } from '../helpers/postgres.js';

const run = promisify(execFile);
const root = path.join(import.meta.dirname, '..', '..');

async function userCli(databaseUrl: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'cli', 'user.ts'), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return stdout;
}

const lastLine = (text: string) => text.trim().split('\n').at(-1)!;

describe.skipIf(skipPostgres)('two service instances on one PostgreSQL', () => {
  let pg: TestPostgres | undefined;
  let one: ServiceProcess | undefined;
  let two: ServiceProcess | undefined;
  let planner = '';
  let admin = '';
  let databaseUrl = '';

  beforeAll(async () => {
    pg = await startTestPostgres();
    databaseUrl = await pg.createDatabase();
    const env = { DATABASE_URL: databaseUrl, EDU_AUTH: 'on', EDU_PROFILE_CACHE_MS: '0' };
    [one, two] = await Promise.all([startService(env), startService(env)]);
    planner = lastLine(await userCli(databaseUrl, 'add', 'planner-a', '--role', 'planner', '--county', '360731', '--county-name', '甲县'));
    admin = lastLine(await userCli(databaseUrl, 'add', 'admin-a', '--role', 'admin', '--county', '360731'));
  }, 180_000);

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await pg?.stop();
  });

  const call = async (service: ServiceProcess | undefined, method: string, urlPath: string, token: string, body?: unknown) => {
    const res = await fetch(`${service!.url}${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('the CLI printed each token as its last line, and both instances accept it', async () => {
    expect(planner).toMatch(/^edu_[A-Za-z0-9_-]{43}$/);
    for (const s of [one, two]) expect((await call(s, 'GET', '/api/v1/session', planner)).body).toMatchObject({ user: 'planner-a', county: '360731', storage: 'postgres' });
  });

  it('a scenario saved through one instance is read, versioned and audited through the other', async () => {
    const inputs = { Budget: [[1600000]], Centres: [['一中心', 312]] };
    const saved = await call(one, 'POST', '/api/v1/scenarios', planner, { name: '跨实例方案', workbook: 'a.xlsx', inputs, results: {} });
    expect(saved.status).toBe(201);
    const id = saved.body.id as string;

    const read = await call(two, 'GET', `/api/v1/scenarios/${id}`, planner);
    expect(read.body).toMatchObject({ id, version: 1, inputs, author: 'planner-a' });

    const second = await call(two, 'POST', '/api/v1/scenarios', admin, { name: '跨实例方案', workbook: 'a.xlsx', inputs: { Budget: [[1700000]] } });
    expect(second.body).toMatchObject({ id, version: 2 });
    const history = await call(one, 'GET', `/api/v1/scenarios/${id}/versions`, planner);
    expect((history.body.versions as { version: number; author: string }[]).map((v) => [v.version, v.author])).toEqual([
      [1, 'planner-a'],
      [2, 'admin-a'],
    ]);

    const audit = await call(one, 'GET', '/api/v1/audit?limit=20', admin);
    const trail = (audit.body.entries as { action: string; actor: string; target: string }[]).filter((e) => e.target === id).map((e) => `${e.action} ${e.actor}`);
    expect(trail).toEqual(['scenario.save admin-a', 'scenario.load planner-a', 'scenario.save planner-a']);
  });

  it('saves racing on one scenario from both instances get versions 1 and 2, never two 1s', async () => {
    for (let round = 0; round < 12; round++) {
      const name = `race-${round}`;
      const [a, b] = await Promise.all([
        call(one, 'POST', '/api/v1/scenarios', planner, { name, inputs: { from: [['one']] } }),
        call(two, 'POST', '/api/v1/scenarios', planner, { name, inputs: { from: [['two']] } }),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.id).toBe(b.body.id);
      expect([a.body.version, b.body.version].sort()).toEqual([1, 2]);
    }
    const many = await Promise.all(
      Array.from({ length: 16 }, (_, i) => call(i % 2 ? one : two, 'POST', '/api/v1/scenarios', planner, { name: 'crowd', inputs: { i: [[i]] } })),
    );
    expect(many.map((r) => r.body.version as number).sort((x, y) => x - y)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it("a county profile saved through one instance is what the other's formulas use", async () => {
    const key = 'staffing.establishment.studentsPerStaff.primary';
    const put = await call(one, 'PUT', '/api/v1/profiles/cn-national', admin, {
      title: { zh: '甲县', en: 'County A' },
      values: { [key]: [{ value: 18, effective: '2024-09-01', source: { document: '甲县编办〔2024〕3号', title: '编制调整' } }] },
    });
    expect(put.status).toBe(200);
    expect((await call(two, 'POST', '/api/v1/calc/PROFILE', planner, { args: ['cn-national', key] })).body).toEqual({ value: 18 });
  });

  it('a token revoked with the CLI stops working on both instances at once', async () => {
    const viewer = lastLine(await userCli(databaseUrl, 'add', 'viewer-a', '--role', 'viewer', '--county', '360731'));
    expect((await call(two, 'GET', '/api/v1/scenarios', viewer)).status).toBe(200);
    expect(await userCli(databaseUrl, 'revoke', 'viewer-a')).toContain('viewer-a');
    for (const s of [one, two]) expect((await call(s, 'GET', '/api/v1/scenarios', viewer)).status).toBe(401);
    expect(await userCli(databaseUrl, 'list')).toMatch(/viewer-a\tviewer\t360731\t\S+\trevoked/);
  });

  it('stops gracefully, closing the database', async () => {
    await Promise.all([one!.stop('SIGTERM'), two!.stop('SIGTERM')]);
    for (const s of [one!, two!]) {
      expect(s.child.exitCode).toBe(0);
      expect(s.output()).toContain('"event":"service.stopped"');
      for (const token of [planner, admin]) expect(s.output()).not.toContain(token);
    }
  });
});
