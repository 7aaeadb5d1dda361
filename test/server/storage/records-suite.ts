/**
 * Records that prove themselves, on SQLite and PostgreSQL alike: the hash chains verify on
 * an honest store and name the first row that does not match after each kind of tampering
 * an attacker with database access can do (UPDATE, DELETE, INSERT OR REPLACE / upsert, a
 * back-dated insert, a role change), with the database's own guards switched off first, as
 * such an attacker would. Then erasure (content gone, tombstone kept, chain still whole),
 * idempotent saves, the county quota, paging, retention and the migration of an existing store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rowHash } from '../../../server/storage/chain.js';
import type { Db } from '../../../server/storage/db.js';
import { ServiceError } from '../../../server/service-error.js';
import { migrate } from '../../../server/storage/migrate.js';
import { initialSchema } from '../../../server/storage/migrations/001-initial.js';
import { SqlStorage } from '../../../server/storage/sql-storage.js';
import type { Actor, Storage } from '../../../server/storage/types.js';
import type { Backend } from './suite.js';

const A: Actor = { name: 'zhang.san', role: 'personnel', county: '360731' };
const cli: Actor = { name: 'cli:root', role: 'cli', county: A.county };
const EXPIRES = '2031-01-01T00:00:00.000Z';

const profile = (value: number) => ({
  id: 'jx-a',
  title: { zh: '县配置', en: 'County profile' },
  version: 1,
  values: { 'funding.publicFunds.primary': [{ value, effective: '2024-01-01', source: { document: '县财〔2024〕1号', title: '县公用经费标准' } }] },
});

const TABLES = ['audit_log', 'scenario_versions', 'county_profiles', 'scenario_contents'];

/** What an attacker with the database's owner rights does first: switch the triggers off. */
async function disableGuards(db: Db): Promise<void> {
  for (const t of TABLES) {
    if (db.dialect === 'postgres') await db.run(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    else for (const suffix of ['no_update', 'no_delete', 'no_replace']) await db.run(`DROP TRIGGER IF EXISTS ${t}_${suffix}`);
  }
}

export function recordsSuite(name: string, backend: Backend): void {
  describe(`${name} records`, () => {
    const open: { close(): Promise<void> }[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    async function setup(): Promise<{ s: Storage; db: Db; ids: string[] }> {
      const fresh = await backend.fresh();
      const s = await fresh.open();
      const db = await fresh.raw();
      open.push(s, db);
      await s.ensureCounty(A.county, '甲县');
      await s.addUser({ name: 'viewer-a', role: 'viewer', county: A.county, tokenLookup: '1'.repeat(16), tokenHash: '1'.repeat(64), expiresAt: EXPIRES }, cli);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await s.saveScenario({ name: `方案${i}`, workbook: 'w.xlsx', inputs: { Budget: [[1000 + i]] }, results: {} }, A)).id);
      await s.saveScenario({ name: '方案0', workbook: 'w.xlsx', inputs: { Budget: [[2000]] }, results: {} }, A);
      await s.putProfile(A.county, profile(700), { ...A, role: 'admin' });
      await s.appendAudit({ action: 'form.export', target: 'f1' }, A);
      return { s, db, ids };
    }

    const auditIds = async (db: Db) => (await db.all<{ id: number }>('SELECT id FROM audit_log ORDER BY id')).map((r) => Number(r.id));

    it('an honest store verifies, with every row counted and each chain head given', async () => {
      const { s } = await setup();
      const report = await s.verify();
      expect(report.breaks).toEqual([]);
      expect(report.ok).toBe(true);
      // audit: user.add, 4 saves, profile.put, form.export; versions: 4; profiles: 1; users: 1.
      expect(report.rows).toEqual({ audit_log: 7, scenario_versions: 4, county_profiles: 1, scenario_contents: 4, users: 1 });
      expect(report.heads.map((h) => [h.chain, h.county, h.seq])).toEqual([
        ['audit', A.county, 7],
        ['scenario', A.county, 4],
        ['profile', A.county, 1],
      ]);
    });

    it('refuses INSERT OR REPLACE / upserts on the append-only tables', async () => {
      const { db } = await setup();
      const [first] = await auditIds(db);
      const replace =
        db.dialect === 'sqlite'
          ? `INSERT OR REPLACE INTO audit_log (id, at, county_code, actor, role, action, chain_seq, prev_hash, row_hash) VALUES (${first}, '2030-01-01', '${A.county}', 'x', 'admin', 'forged', 1, '', '')`
          : `INSERT INTO audit_log (at, county_code, actor, role, action, chain_seq, prev_hash, row_hash) VALUES ('2030-01-01', '${A.county}', 'x', 'admin', 'forged', 1, '', '')
             ON CONFLICT (county_code, chain_seq) DO UPDATE SET action = 'forged'`;
      await expect(db.run(replace)).rejects.toThrow(/append-only/);
      if (db.dialect === 'sqlite') {
        await expect(db.run("REPLACE INTO scenario_versions SELECT * FROM scenario_versions LIMIT 1")).rejects.toThrow(/append-only/);
      }
      if (db.dialect === 'postgres') await expect(db.run('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    });

    it('an UPDATE of an audit entry is named by verify', async () => {
      const { s, db } = await setup();
      await disableGuards(db);
      const ids = await auditIds(db);
      await db.run("UPDATE audit_log SET actor = 'someone.else' WHERE id = ?", [ids[2]!]);
      const report = await s.verify();
      expect(report.ok).toBe(false);
      expect(report.breaks[0]).toMatchObject({ table: 'audit_log', row: `id ${ids[2]}`, reason: expect.stringMatching(/row_hash .* changed/) });
    });

    it('a DELETE in the middle is named at the row after it; removing the newest rows is named at the head', async () => {
      const { s, db, ids } = await setup();
      await disableGuards(db);
      const audit = await auditIds(db);
      await db.run('DELETE FROM audit_log WHERE id = ?', [audit[3]!]);
      await db.run('DELETE FROM scenario_contents WHERE scenario_id = ? AND version = 2', [ids[0]!]);
      await db.run('DELETE FROM scenario_versions WHERE scenario_id = ? AND version = 2', [ids[0]!]);
      const report = await s.verify();
      expect(report.breaks.map((b) => [b.table, b.row])).toEqual([
        ['audit_log', `id ${audit[4]}`],
        ['scenario_versions', 'chain head (seq 4)'],
      ]);
      expect(report.breaks[0]!.reason).toMatch(/missing/);
    });

    it('a replaced row (REPLACE with the guards off) is named', async () => {
      const { s, db } = await setup();
      await disableGuards(db);
      const [, second] = await auditIds(db);
      const row = await db.get<Record<string, string | number>>('SELECT * FROM audit_log WHERE id = ?', [second!]);
      await db.run('DELETE FROM audit_log WHERE id = ?', [second!]);
      const overriding = db.dialect === 'postgres' ? 'OVERRIDING SYSTEM VALUE' : '';
      await db.run(
        `INSERT INTO audit_log (id, at, county_code, actor, role, action, target, input_hash, details, chain_seq, prev_hash, row_hash) ${overriding} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [second!, row!.at!, row!.county_code!, 'cli:attacker', row!.role!, row!.action!, row!.target ?? null, row!.input_hash ?? null, row!.details ?? null, row!.chain_seq!, row!.prev_hash!, row!.row_hash!],
      );
      const report = await s.verify();
      expect(report.breaks[0]).toMatchObject({ table: 'audit_log', row: `id ${second}`, reason: expect.stringMatching(/changed/) });
    });

    it('a back-dated entry, chained correctly by someone who knows the algorithm, is named', async () => {
      const { s, db } = await setup();
      const head = await db.get<{ seq: number; head_hash: string }>("SELECT seq, head_hash FROM chain_heads WHERE chain = 'audit' AND county_code = ?", [A.county]);
      const seq = Number(head!.seq) + 1;
      const values = ['2020-01-01T00:00:00.000Z', A.county, 'zhang.san', 'admin', 'scenario.load', 'x', null, null];
      const hash = rowHash('audit', seq, head!.head_hash, values);
      await db.run('INSERT INTO audit_log (at, county_code, actor, role, action, target, input_hash, details, chain_seq, prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        ...(values as (string | null)[]),
        seq,
        head!.head_hash,
        hash,
      ]);
      await db.run("UPDATE chain_heads SET seq = ?, head_hash = ? WHERE chain = 'audit' AND county_code = ?", [seq, hash, A.county]);
      const report = await s.verify();
      expect(report.breaks).toHaveLength(1);
      expect(report.breaks[0]).toMatchObject({ table: 'audit_log', reason: expect.stringMatching(/back-dated/) });
    });

    it('a role changed with SQL is named (the viewer made an admin)', async () => {
      const { s, db } = await setup();
      await db.run("UPDATE users SET role = 'admin' WHERE name = 'viewer-a'");
      const report = await s.verify();
      expect(report.breaks).toEqual([{ table: 'users', county: A.county, row: 'user viewer-a', reason: expect.stringMatching(/role is admin but the audit log gives viewer/) }]);
    });

    it('changed scenario content and a profile rewritten are named', async () => {
      const { s, db, ids } = await setup();
      await disableGuards(db);
      await db.run('UPDATE scenario_contents SET inputs = ? WHERE scenario_id = ? AND version = 1', ['{"Budget":[[1]]}', ids[1]!]);
      await db.run("UPDATE county_profiles SET author = 'nobody'");
      const report = await s.verify();
      expect(report.breaks.map((b) => [b.table, b.row])).toEqual([
        ['county_profiles', 'profile_id jx-a, version 1'],
        ['scenario_contents', `scenario ${ids[1]} version 1`],
      ]);
    });

    it('erasure: the content is gone, the tombstone keeps the hashes, and the chains still verify', async () => {
      const { s, ids } = await setup();
      const admin: Actor = { ...A, name: 'admin-a', role: 'admin' };
      const before = await s.getScenario(A.county, ids[0]!, 1);
      const one = await s.eraseScenario(A.county, ids[0]!, 1, admin);
      expect(one).toEqual({ id: ids[0], versions: [{ version: 1, hash: before!.hash }] });
      expect(await s.getScenario(A.county, ids[0]!, 1)).toMatchObject({ erased: true, inputs: null, hash: before!.hash });
      expect((await s.getScenario(A.county, ids[0]!))?.inputs).toEqual({ Budget: [[2000]] });
      const whole = await s.eraseScenario(A.county, ids[0]!, undefined, admin);
      expect(whole?.versions.map((v) => v.version)).toEqual([2]);
      expect(await s.getScenario(A.county, ids[0]!)).toBeUndefined();
      const list = await s.listScenarios(A.county, { limit: 10, offset: 0 });
      expect(list.total).toBe(2);
      expect(list.scenarios.map((x) => x.name)).not.toContain('方案0');
      const [tomb] = await s.listAudit(A.county, { limit: 1, action: 'scenario.erase' });
      expect(tomb).toMatchObject({ actor: 'admin-a', target: ids[0], details: { versions: [{ version: 2, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }], whole: true } });
      expect(JSON.stringify(await s.listAudit(A.county, { limit: 100 }))).not.toContain('方案0');
      expect((await s.verify()).breaks).toEqual([]);
      expect(await s.eraseScenario('360732', ids[1]!, undefined, admin)).toBeUndefined();
    });

    it('content deleted without an erasure record is named', async () => {
      const { s, db, ids } = await setup();
      await db.run('DELETE FROM scenario_contents WHERE scenario_id = ? AND version = 1', [ids[2]!]);
      expect((await s.verify()).breaks).toEqual([
        { table: 'scenario_contents', county: A.county, row: `scenario ${ids[2]} version 1`, reason: 'the content is gone but the audit log has no erasure for it' },
      ]);
    });

    it('a save retried with the same idempotency key answers the first save; another body with that key is refused', async () => {
      const { s } = await setup();
      const save = { name: '重试', workbook: '', inputs: { x: [[1]] }, results: {} };
      const first = await s.saveScenario(save, A, { idempotencyKey: 'k-1' });
      const again = await s.saveScenario(save, A, { idempotencyKey: 'k-1' });
      expect(again).toEqual({ ...first, replayed: true });
      expect(first.replayed).toBe(false);
      expect((await s.scenarioHistory(A.county, first.id))?.versions).toHaveLength(1);
      await expect(s.saveScenario({ ...save, inputs: { x: [[2]] } }, A, { idempotencyKey: 'k-1' })).rejects.toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
      const racing = await Promise.all(Array.from({ length: 6 }, () => s.saveScenario({ ...save, name: '并发重试' }, A, { idempotencyKey: 'k-2' })));
      expect(new Set(racing.map((r) => `${r.id}@${r.version}`)).size).toBe(1);
      expect(racing.filter((r) => !r.replayed)).toHaveLength(1);
    });

    it("refuses a save past the county's quota, and erasure gives the room back", async () => {
      const { s } = await setup();
      const big = { name: '大方案', workbook: '', inputs: { x: ['x'.repeat(5000)] }, results: {} };
      // Stored so far: 4 small versions of ~40 bytes each; the quota leaves room for one big save only.
      const quotaBytes = 7000;
      await s.saveScenario(big, A, { quotaBytes });
      const refused = s.saveScenario({ ...big, name: '又一个' }, A, { quotaBytes });
      await expect(refused).rejects.toBeInstanceOf(ServiceError);
      await expect(refused).rejects.toMatchObject({ status: 507, code: 'QUOTA_EXCEEDED', zh: expect.stringMatching(/配额/) });
      expect((await s.listScenarios(A.county, { limit: 10, offset: 0 })).total).toBe(4);
      const bigId = (await s.listScenarios(A.county, { limit: 1, offset: 0 })).scenarios[0]!.id;
      await s.eraseScenario(A.county, bigId, undefined, { ...A, role: 'admin' });
      await expect(s.saveScenario({ ...big, name: '又一个' }, A, { quotaBytes })).resolves.toMatchObject({ version: 1 });
    });

    it('pages the scenario list and gives the total', async () => {
      const { s } = await setup();
      const p1 = await s.listScenarios(A.county, { limit: 2, offset: 0 });
      const p2 = await s.listScenarios(A.county, { limit: 2, offset: 2 });
      expect([p1.total, p2.total]).toEqual([3, 3]);
      expect([...p1.scenarios, ...p2.scenarios].map((x) => x.name).sort()).toEqual(['方案0', '方案1', '方案2']);
      expect(p2.scenarios).toHaveLength(1);
    });

    it('lists personal versions older than the retention period, and none once erased', async () => {
      const { s } = await setup();
      const roster = await s.saveScenario({ name: '花名册', workbook: '', inputs: { 姓名: [['张三']] }, results: {}, personal: true }, A);
      expect(await s.expiredPersonal('2000-01-01T00:00:00.000Z')).toEqual([]);
      const expired = await s.expiredPersonal('2999-01-01T00:00:00.000Z');
      expect(expired).toEqual([{ county: A.county, id: roster.id, version: 1, author: A.name, createdAt: roster.createdAt }]);
      await s.eraseScenario(A.county, roster.id, 1, cli);
      expect(await s.expiredPersonal('2999-01-01T00:00:00.000Z')).toEqual([]);
    });

    it('migrates a store made before the chains: existing rows are chained and verify', async () => {
      const fresh = await backend.fresh();
      const db = await fresh.raw();
      open.push(db);
      await migrate(db, [initialSchema]);
      const at = '2024-05-01T08:00:00.000Z';
      await db.run("INSERT INTO counties (code, name, created_at) VALUES ('360731', '甲县', ?)", [at]);
      await db.run("INSERT INTO users (name, role, county_code, token_lookup, token_hash, created_at) VALUES ('old', 'planner', '360731', ?, ?, ?)", ['2'.repeat(16), '2'.repeat(64), at]);
      await db.run("INSERT INTO audit_log (at, county_code, actor, role, action, target, details) VALUES (?, '360731', 'cli', 'cli', 'user.add', 'old', '{\"role\":\"planner\"}')", [at]);
      await db.run("INSERT INTO scenarios (id, county_code, name, latest_version, created_at, created_by, updated_at, updated_by) VALUES ('s1', '360731', '旧方案', 1, ?, 'old', ?, 'old')", [at, at]);
      const hash = (await import('../../../server/storage/hash.js')).scenarioHash('w', '{"a":[[1]]}', '{}');
      await db.run("INSERT INTO scenario_versions (scenario_id, version, workbook, inputs, results, content_hash, author, created_at) VALUES ('s1', 1, 'w', '{\"a\":[[1]]}', '{}', ?, 'old', ?)", [hash, at]);
      const s = new SqlStorage(db);
      expect(await migrate(db)).toEqual([2]);
      const report = await s.verify();
      expect(report.breaks).toEqual([]);
      expect(report.rows).toMatchObject({ audit_log: 2, scenario_versions: 1, users: 1 });
      expect((await s.getScenario('360731', 's1'))?.inputs).toEqual({ a: [[1]] });
      expect((await s.listUsers())[0]?.tokenExpiresAt).toMatch(/^\d{4}-/);
    });
  });
}
