/**
 * PostgreSQL as docs/security.md sets it up: migrations run as the owner role, the service
 * connects as an application role with read and append rights only. As that role the
 * service works (saves, erasure, audit), and everything an attacker holding its password
 * would try first is refused by the database: UPDATE, DELETE and TRUNCATE of the records,
 * switching triggers off, making a viewer an admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../../server/storage/index.js';
import { migrate } from '../../../server/storage/migrate.js';
import { initialSchema } from '../../../server/storage/migrations/001-initial.js';
import { grantServiceRole } from '../../../server/storage/pg-roles.js';
import { PostgresDb } from '../../../server/storage/postgres.js';
import type { Storage } from '../../../server/storage/types.js';
import { skipPostgres, startTestPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { twoRoles, type TwoRoles } from '../../helpers/pg-roles.js';

describe.skipIf(skipPostgres)('PostgreSQL owner and service roles', () => {
  let server: TestPostgres | undefined;
  let roles: TwoRoles;
  let storage: Storage;
  let asService: PostgresDb;
  const actor = { name: 'admin-a', role: 'admin' as const, county: '360731' };

  beforeAll(async () => {
    server = await startTestPostgres();
    roles = await twoRoles(await server.createDatabase());
    const owner = new PostgresDb(roles.ownerUrl);
    try {
      expect(await migrate(owner)).toEqual([1, 2]);
      await grantServiceRole(owner, roles.serviceRole);
    } finally {
      await owner.close();
    }
    // Users are managed as the owner (npm run user uses DATABASE_OWNER_URL).
    const admin = await openStorage({ databaseUrl: roles.ownerUrl, dataDir: '/nonexistent' });
    try {
      await admin.ensureCounty('360731', '甲县');
      const token = { tokenLookup: 'a'.repeat(16), tokenHash: 'a'.repeat(64), expiresAt: '2031-01-01T00:00:00.000Z' };
      await admin.addUser({ name: 'viewer-a', role: 'viewer', county: '360731', ...token }, { name: 'cli:root', role: 'cli', county: '360731' });
    } finally {
      await admin.close();
    }
    storage = await openStorage({ databaseUrl: roles.serviceUrl, dataDir: '/nonexistent' });
    asService = new PostgresDb(roles.serviceUrl);
  }, 120_000);

  afterAll(async () => {
    await storage?.close();
    await asService?.close();
    await server?.stop();
  });

  it('only the owner compacts after an erasure: the service role is refused, not silently skipped', async () => {
    await expect(storage.compactErased()).rejects.toThrow(/Only the tables' owner can rewrite scenario_contents, scenarios: run npm run audit -- compact with the owner's connection/);
    const owner = await openStorage({ databaseUrl: roles.ownerUrl, dataDir: '/nonexistent' });
    try {
      expect(await owner.compactErased()).toEqual(['scenario_contents', 'scenarios']);
    } finally {
      await owner.close();
    }
  });

  it('the service role starts (no pending migration), saves, erases and audits', async () => {
    const saved = await storage.saveScenario({ name: '方案', workbook: '', inputs: { a: [[1]] }, results: {} }, actor);
    await storage.putProfile('360731', { id: 'jx-a', title: { zh: '县', en: 'County' }, version: 1, values: {} }, actor);
    expect(await storage.eraseScenario('360731', saved.id, undefined, actor)).toMatchObject({ id: saved.id });
    expect((await storage.listAudit('360731', { limit: 10 })).map((e) => e.action)).toEqual(['scenario.erase', 'profile.put', 'scenario.save', 'user.add']);
  });

  it.each([
    ['UPDATE audit_log SET actor = ?', ['x']],
    ['DELETE FROM audit_log', []],
    ['TRUNCATE audit_log', []],
    ['UPDATE scenario_versions SET author = ?', ['x']],
    ['DELETE FROM county_profiles', []],
    ['UPDATE scenario_contents SET inputs = ?', ['{}']],
    ["UPDATE users SET role = 'admin' WHERE name = ?", ['viewer-a']],
    ["INSERT INTO users (name, role, county_code, created_at) VALUES ('mallory', 'admin', '360731', ?)", ['2025-01-01']],
    ['ALTER TABLE audit_log DISABLE TRIGGER USER', []],
    ['DROP TRIGGER audit_log_append_only ON audit_log', []],
    ['CREATE TABLE mine (x INTEGER)', []],
  ] as const)('the service role is refused: %s', async (sql, params) => {
    await expect(asService.run(sql, [...params])).rejects.toThrow(/permission denied|must be owner/);
  });

  it('with a migration pending, the service role refuses to start and says to run npm run migrate as the owner', async () => {
    const pending = await twoRoles(await server!.createDatabase());
    const owner = new PostgresDb(pending.ownerUrl);
    await migrate(owner, [initialSchema]);
    await owner.run(`GRANT SELECT ON schema_migrations TO ${pending.serviceRole}`);
    await owner.close();
    await expect(openStorage({ databaseUrl: pending.serviceUrl, dataDir: '/nonexistent' })).rejects.toThrow(/npm run migrate -- --grant/);
  });

  it('the records the service wrote still verify', async () => {
    expect((await storage.verify()).breaks).toEqual([]);
  });
});
