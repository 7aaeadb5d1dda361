/**
 * Beyond one machine: two real service processes on one real PostgreSQL, as behind a load
 * balancer. Users are made with the real CLI (`server/cli/user.ts`, what `npm run user`
 * runs). A scenario saved through one instance is read, versioned and audited through the
 * other; saves racing on one scenario from both instances get versions 1 and 2, never two
 * 1s; a profile changed through one is used by the other's formulas; a token revoked with
 * the CLI stops working on both at once. Both instances start together, so the migration
 * lock is exercised too.
 *
 * The database is set up as docs/security.md says: `npm run migrate -- --grant` runs as the
 * owner role, the services connect as the application role (read and append only), the
 * user CLI as the owner. Both services verify the hash chains at start; `npm run audit --
 * verify` finds them whole, and after a role is changed with SQL it names that row, as does
 * the /healthz of an instance started afterwards.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startService, type ServiceProcess } from '../helpers/service-process.js';
import { twoRoles, type TwoRoles } from '../helpers/pg-roles.js';
import { skipPostgres, startTestPostgres, type TestPostgres } from '../helpers/postgres.js';

const run = promisify(execFile);
const root = path.join(import.meta.dirname, '..', '..');

let roles: TwoRoles;

/** One of the CLIs, as the owner (DATABASE_OWNER_URL) beside the service's DATABASE_URL. */
async function cli(name: 'user' | 'audit' | 'migrate', ...args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'cli', `${name}.ts`), ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: roles.serviceUrl, DATABASE_OWNER_URL: roles.ownerUrl },
    });
    return { stdout, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; code: number };
    return { stdout: e.stdout, code: e.code };
  }
}

const userCli = async (...args: string[]): Promise<string> => (await cli('user', ...args)).stdout;

const lastLine = (text: string) => text.trim().split('\n').at(-1)!;

describe.skipIf(skipPostgres)('two service instances on one PostgreSQL', () => {
  let pgServer: TestPostgres | undefined;
  let one: ServiceProcess | undefined;
  let two: ServiceProcess | undefined;
  let planner = '';
  let admin = '';
  let databaseUrl = '';

  beforeAll(async () => {
    pgServer = await startTestPostgres();
    databaseUrl = await pgServer.createDatabase();
    roles = await twoRoles(databaseUrl);
    expect((await cli('migrate', '--grant', roles.serviceRole)).stdout).toContain(roles.serviceRole);
    const env = { DATABASE_URL: roles.serviceUrl, EDU_AUTH: 'on', EDU_PROFILE_CACHE_MS: '0' };
    [one, two] = await Promise.all([startService(env), startService(env)]);
    planner = lastLine(await userCli('add', 'planner-a', '--role', 'planner', '--county', '360731', '--county-name', '甲县'));
    admin = lastLine(await userCli('add', 'admin-a', '--role', 'admin', '--county', '360731'));
  }, 180_000);

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    await pgServer?.stop();
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
    expect(await userCli('list')).toMatch(/planner-a\tplanner\t360731\t\S+\tactive until \d{4}-/);
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
    const viewer = lastLine(await userCli('add', 'viewer-a', '--role', 'viewer', '--county', '360731'));
    expect((await call(two, 'GET', '/api/v1/scenarios', viewer)).status).toBe(200);
    expect(await userCli('revoke', 'viewer-a')).toContain('viewer-a');
    for (const s of [one, two]) expect((await call(s, 'GET', '/api/v1/scenarios', viewer)).status).toBe(401);
    expect(await userCli('list')).toMatch(/viewer-a\tviewer\t360731\t\S+\trevoked/);
  });

  it('both instances verified the chains at start; npm run audit -- verify finds them whole', async () => {
    for (const s of [one, two]) {
      const health = (await (await fetch(`${s!.url}/healthz`)).json()) as { records: { status: string } };
      expect(health.records.status).toBe('ok');
      expect(s!.output()).toContain('"event":"records.verified"');
    }
    const verified = await cli('audit', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/All records verify: audit_log \d+/);
  });

  it('a viewer made an admin with SQL (as the owner): verify names the row, and a new instance reports it', async () => {
    const owner = new pg.Client({ connectionString: roles.ownerUrl });
    await owner.connect();
    await owner.query("UPDATE users SET role = 'admin' WHERE name = 'viewer-a'");
    await owner.end();
    const verified = await cli('audit', 'verify');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain('First row that does not match: users (county 360731) user viewer-a: role is admin but the audit log gives viewer');
    const third = await startService({ DATABASE_URL: roles.serviceUrl, EDU_AUTH: 'on' });
    try {
      let health: { records: { status: string; first?: { row: string } } } | undefined;
      for (let i = 0; i < 50 && health?.records.status !== 'broken'; i++) {
        health = (await (await fetch(`${third.url}/healthz`)).json()) as typeof health;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(health?.records).toMatchObject({ status: 'broken', first: { table: 'users', row: 'user viewer-a' } });
      expect(third.output()).toContain('"event":"records.chain-broken"');
    } finally {
      await third.stop();
    }
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
