/**
 * The one storage suite, run against SQLite (sqlite.test.ts) and PostgreSQL
 * (postgres.test.ts): migrations, counties, users and tokens, scenario versions, county
 * profiles and the audit log, including what the database itself must refuse (rewriting a
 * version or an audit entry) and what racing writers must never produce (two version 1s).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { nationalProfile } from '../../../formulas/profiles/index.js';
import type { PolicyProfile } from '../../../formulas/core/profiles.js';
import type { Db } from '../../../server/storage/db.js';
import { isUniqueViolation } from '../../../server/storage/errors.js';
import { migrate, MigrationError } from '../../../server/storage/migrate.js';
import { migrations } from '../../../server/storage/migrations/index.js';
import type { Actor, Storage } from '../../../server/storage/types.js';

export interface Backend {
  /** A new empty database; `open` may be called several times for several handles on it. */
  fresh(): Promise<{ open(): Promise<Storage>; raw(): Promise<Db> }>;
  /**
   * Whether two handles may write concurrently inside one process. A SQLite connection
   * waits for the file lock synchronously, so two of them in one process would wait on each
   * other; the service holds one per process and other processes simply queue.
   */
  concurrentHandles: boolean;
}

const A: Actor = { name: 'zhang.san', role: 'planner', county: '360731' };
const B: Actor = { name: 'li.si', role: 'admin', county: '360732' };

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const profile = (id: string, value: number, extra: Partial<PolicyProfile> = {}): PolicyProfile => ({
  id,
  title: { zh: '县配置', en: 'County profile' },
  version: 1,
  values: {
    'funding.publicFunds.primary': [{ value, effective: '2024-01-01', unit: 'yuan/pupil/year', source: { document: '县财〔2024〕1号', title: '县公用经费标准' } }],
  },
  ...extra,
});

export function storageSuite(name: string, backend: Backend): void {
  describe(`${name} storage`, () => {
    const opened: Storage[] = [];
    const raws: Db[] = [];
    afterEach(async () => {
      await Promise.all([...opened.splice(0).map((s) => s.close()), ...raws.splice(0).map((d) => d.close())]);
    });

    async function setup(): Promise<{ s: Storage; again: () => Promise<Storage>; raw: () => Promise<Db> }> {
      const db = await backend.fresh();
      const again = async () => {
        const s = await db.open();
        opened.push(s);
        return s;
      };
      const raw = async () => {
        const d = await db.raw();
        raws.push(d);
        return d;
      };
      const s = await again();
      await s.ensureCounty(A.county, '甲县');
      await s.ensureCounty(B.county, '乙县');
      return { s, again, raw };
    }

    describe('migrations', () => {
      it('apply once; a second start applies nothing', async () => {
        const { raw } = await setup();
        const db = await raw();
        expect(await migrate(db)).toEqual([]);
        const rows = await db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(rows.map((r) => Number(r.version))).toEqual(migrations.map((m) => m.version));
      });

      it('refuse a database whose schema is newer than the service', async () => {
        const { raw } = await setup();
        const db = await raw();
        await db.run("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (999, 'future', 'x', '2030-01-01')");
        await expect(migrate(db)).rejects.toThrow(MigrationError);
        await expect(migrate(db)).rejects.toThrow(/newer than this service knows/);
      });

      it('refuse a shipped migration that was edited after it ran', async () => {
        const { raw } = await setup();
        const db = await raw();
        await db.run("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
        await expect(migrate(db)).rejects.toThrow(/must never be edited/);
      });
    });

    describe('counties and users', () => {
      it('ensureCounty is idempotent and keeps the first name', async () => {
        const { s } = await setup();
        const again = await s.ensureCounty(A.county, '另一个名字');
        expect(again.name).toBe('甲县');
        expect((await s.listCounties()).map((c) => c.code)).toEqual([A.county, B.county]);
      });

      it('finds an active user by token lookup, never a revoked one, and audits both', async () => {
        const { s } = await setup();
        const cli: Actor = { name: 'cli:root', role: 'cli', county: A.county };
        const user = await s.addUser({ name: '张三', role: 'finance', county: A.county, tokenLookup: 'a'.repeat(16), tokenHash: 'a'.repeat(64), expiresAt: '2031-01-01T00:00:00.000Z' }, cli);
        expect(user).toMatchObject({ name: '张三', role: 'finance', county: A.county, revokedAt: null });
        expect(await s.activeUserByTokenLookup('a'.repeat(16))).toMatchObject({ name: '张三', tokenHash: 'a'.repeat(64), tokenExpiresAt: '2031-01-01T00:00:00.000Z' });

        const rotated = await s.replaceToken('张三', { lookup: 'b'.repeat(16), hash: 'b'.repeat(64), expiresAt: '2032-01-01T00:00:00.000Z' }, cli);
        expect(rotated).toMatchObject({ name: '张三', tokenExpiresAt: '2032-01-01T00:00:00.000Z' });
        expect(await s.activeUserByTokenLookup('a'.repeat(16))).toBeUndefined();

        expect((await s.revokeUser('张三', cli))?.revokedAt).not.toBeNull();
        expect(await s.activeUserByTokenLookup('b'.repeat(16))).toBeUndefined();
        expect(await s.revokeUser('张三', cli)).toBeUndefined();
        expect(await s.replaceToken('张三', { lookup: 'c'.repeat(16), hash: 'c'.repeat(64), expiresAt: '2032-01-01T00:00:00.000Z' }, cli)).toBeUndefined();

        const actions = (await s.listAudit(A.county, { limit: 10 })).map((e) => `${e.action} ${e.target} ${e.actor}`);
        expect(actions).toEqual(['user.revoke 张三 cli:root', 'user.token 张三 cli:root', 'user.add 张三 cli:root']);
      });

      it('refuses a second user of the same name, revoked or not', async () => {
        const { s } = await setup();
        const cli: Actor = { name: 'cli', role: 'cli', county: A.county };
        await s.addUser({ name: 'wang', role: 'viewer', county: A.county, tokenLookup: '1'.repeat(16), tokenHash: '1'.repeat(64), expiresAt: '2031-01-01T00:00:00.000Z' }, cli);
        await s.revokeUser('wang', cli);
        const second = s.addUser({ name: 'wang', role: 'admin', county: B.county, tokenLookup: '2'.repeat(16), tokenHash: '2'.repeat(64), expiresAt: '2031-01-01T00:00:00.000Z' }, cli);
        await expect(second).rejects.toSatisfy(isUniqueViolation);
        expect((await s.listUsers()).map((u) => `${u.name}:${u.role}`)).toEqual(['wang:viewer']);
      });
    });

    describe('scenarios', () => {
      const payload = {
        name: '2025 方案A',
        workbook: '县教育规划.xlsx',
        inputs: { Budget: [[1600000]], Centres: [['一中心', 312], ['二中心', 207]], Note: [['说明 ✓ 𝕏']] },
        results: { Shares: [[200000.5], [null], [true]] },
      };

      it('numbers versions 1, 2, ... per name and county and keeps each version whole', async () => {
        const { s } = await setup();
        const v1 = await s.saveScenario(payload, A);
        const v2 = await s.saveScenario({ ...payload, inputs: { Budget: [[1700000]] } }, A);
        const otherCounty = await s.saveScenario(payload, B);
        expect([v1.version, v2.version, otherCounty.version]).toEqual([1, 2, 1]);
        expect(v2.id).toBe(v1.id);
        expect(otherCounty.id).not.toBe(v1.id);

        const first = await s.getScenario(A.county, v1.id, 1);
        expect(first).toMatchObject({ id: v1.id, name: payload.name, version: 1, workbook: payload.workbook, author: A.name });
        expect(first?.inputs).toEqual(payload.inputs);
        expect(first?.results).toEqual(payload.results);
        expect(first?.hash).toBe(sha(JSON.stringify({ workbook: payload.workbook, inputs: payload.inputs, results: payload.results })));
        expect((await s.getScenario(A.county, v1.id))?.inputs).toEqual({ Budget: [[1700000]] });
        expect(await s.getScenario(A.county, v1.id, 3)).toBeUndefined();

        const history = await s.scenarioHistory(A.county, v1.id);
        expect(history?.versions.map((v) => [v.version, v.author])).toEqual([
          [1, A.name],
          [2, A.name],
        ]);
        const list = await s.listScenarios(A.county, { limit: 10, offset: 0 });
        expect(list.total).toBe(1);
        expect(list.scenarios[0]).toMatchObject({ id: v1.id, latestVersion: 2, workbook: payload.workbook, updatedBy: A.name, personal: false });
      });

      it("never shows one county's scenario to another", async () => {
        const { s } = await setup();
        const saved = await s.saveScenario(payload, A);
        expect(await s.getScenario(B.county, saved.id)).toBeUndefined();
        expect(await s.getScenario(B.county, saved.id, 1)).toBeUndefined();
        expect(await s.scenarioHistory(B.county, saved.id)).toBeUndefined();
        expect(await s.listScenarios(B.county, { limit: 10, offset: 0 })).toEqual({ scenarios: [], total: 0 });
      });

      it('keeps every key, even __proto__ and constructor, and every JSON value exactly', async () => {
        const { s } = await setup();
        const inputs = JSON.parse('{"__proto__": [[1]], "constructor": [["x"]], "": [[-0.5, 1e-300, 1.7976931348623157e308]]}') as Record<string, unknown>;
        const saved = await s.saveScenario({ name: 'keys', workbook: '', inputs, results: {} }, A);
        const back = await s.getScenario(A.county, saved.id);
        expect(JSON.stringify(back?.inputs)).toBe(JSON.stringify(inputs));
        expect(Object.getPrototypeOf(back?.inputs)).toBe(Object.prototype);
      });

      it('round-trips arbitrary JSON inputs (property)', async () => {
        const { s } = await setup();
        await fc.assert(
          fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), async (inputs) => {
            const saved = await s.saveScenario({ name: 'prop', workbook: 'w', inputs, results: {} }, A);
            const back = await s.getScenario(A.county, saved.id, saved.version);
            expect(JSON.stringify(back?.inputs)).toBe(JSON.stringify(inputs));
            expect(back?.hash).toBe(saved.hash);
          }),
          { numRuns: 40 },
        );
      });

      it('a version and an audit entry cannot be changed or deleted, even with SQL', async () => {
        const { s, raw } = await setup();
        const saved = await s.saveScenario(payload, A);
        const db = await raw();
        await expect(db.run("UPDATE scenario_versions SET author = 'x' WHERE scenario_id = ?", [saved.id])).rejects.toThrow(/append-only/);
        await expect(db.run("UPDATE scenario_contents SET inputs = '{}' WHERE scenario_id = ?", [saved.id])).rejects.toThrow(/append-only/);
        await expect(db.run('DELETE FROM scenario_versions WHERE scenario_id = ?', [saved.id])).rejects.toThrow(/append-only/);
        await expect(db.run("UPDATE audit_log SET actor = 'someone else'")).rejects.toThrow(/append-only/);
        await expect(db.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
        expect((await s.getScenario(A.county, saved.id))?.inputs).toEqual(payload.inputs);
      });

      it('the save and its audit entry are one transaction: the audit names version and hash', async () => {
        const { s } = await setup();
        const saved = await s.saveScenario(payload, A);
        const [entry] = await s.listAudit(A.county, { limit: 1 });
        expect(entry).toMatchObject({ action: 'scenario.save', target: saved.id, actor: A.name, role: A.role, inputHash: saved.hash, details: { version: 1, personal: false } });
        expect(JSON.stringify(entry)).not.toContain(payload.name);
      });

      it('racing saves of one name get versions 1..n, never the same number twice', async () => {
        const { s, again } = await setup();
        const t = backend.concurrentHandles ? await again() : s;
        const n = 24;
        const results = await Promise.all(
          Array.from({ length: n }, (_, i) => (i % 2 === 0 ? s : t).saveScenario({ ...payload, name: 'race', inputs: { i: [[i]] } }, A)),
        );
        expect(new Set(results.map((r) => r.id)).size).toBe(1);
        expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        for (const r of results) {
          const back = await s.getScenario(A.county, r.id, r.version);
          expect(back?.hash).toBe(r.hash);
        }
      });
    });

    describe('county profiles', () => {
      it('versions a profile per county; the latest is what formulas see', async () => {
        const { s } = await setup();
        const v1 = await s.putProfile(A.county, profile('jx-a', 700), A);
        const v2 = await s.putProfile(A.county, profile('jx-a', 720), A);
        const other = await s.putProfile(B.county, profile('jx-a', 999), B);
        expect([v1.version, v2.version, other.version]).toEqual([1, 2, 1]);
        expect((await s.getProfile(A.county, 'jx-a'))?.profile.values['funding.publicFunds.primary']?.[0]?.value).toBe(720);
        expect((await s.getProfile(A.county, 'jx-a', 1))?.profile.values['funding.publicFunds.primary']?.[0]?.value).toBe(700);
        expect((await s.getProfile(A.county, 'jx-a', 2))?.profile.version).toBe(2);
        expect(await s.getProfile(A.county, 'jx-a', 3)).toBeUndefined();
        expect((await s.profileHistory(A.county, 'jx-a')).map((v) => v.version)).toEqual([1, 2]);
        const heads = await s.profileHeads(A.county);
        expect(heads.map((p) => [p.id, p.version])).toEqual([['jx-a', 2]]);
        // The size is the stored JSON's, read without reading the JSON.
        expect(heads[0]!.bytes).toBe(Buffer.byteLength(JSON.stringify((await s.getProfile(A.county, 'jx-a'))!.profile)));
        expect(await s.getProfile(B.county, 'jx-b')).toBeUndefined();
      });

      it('refuses a save based on an older version (someone saved meanwhile)', async () => {
        const { s } = await setup();
        await s.putProfile(A.county, profile('jx-a', 700), A);
        await s.putProfile(A.county, profile('jx-a', 710), A, 1);
        await expect(s.putProfile(A.county, profile('jx-a', 705), A, 1)).rejects.toMatchObject({ status: 409, code: 'CONFLICT' });
        expect((await s.getProfile(A.county, 'jx-a'))?.version).toBe(2);
      });

      it('racing profile saves get distinct versions', async () => {
        const { s, again } = await setup();
        const t = backend.concurrentHandles ? await again() : s;
        const saved = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? s : t).putProfile(A.county, profile('race', 700 + i), A)));
        expect(saved.map((p) => p.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      });

      it('stores the full shipped profile unchanged', async () => {
        const { s } = await setup();
        await s.putProfile(A.county, nationalProfile, A);
        const back = await s.getProfile(A.county, nationalProfile.id);
        expect(back?.profile).toEqual({ ...nationalProfile, version: 1 });
      });
    });

    describe('audit log', () => {
      it('appends, pages backwards by id, filters by action, and stays in its county', async () => {
        const { s } = await setup();
        for (let i = 0; i < 5; i++) await s.appendAudit({ action: i % 2 ? 'form.export' : 'scenario.load', target: `t${i}`, inputHash: sha(`x${i}`), details: { i } }, A);
        await s.appendAudit({ action: 'form.export', target: 'other' }, B);
        const page1 = await s.listAudit(A.county, { limit: 3 });
        expect(page1.map((e) => e.target)).toEqual(['t4', 't3', 't2']);
        const page2 = await s.listAudit(A.county, { limit: 3, before: page1[2]!.id });
        expect(page2.map((e) => e.target)).toEqual(['t1', 't0']);
        const exports = await s.listAudit(A.county, { limit: 10, action: 'form.export' });
        expect(exports.map((e) => [e.target, e.inputHash, e.details])).toEqual([
          ['t3', sha('x3'), { i: 3 }],
          ['t1', sha('x1'), { i: 1 }],
        ]);
        expect((await s.listAudit(B.county, { limit: 10 })).map((e) => e.target)).toEqual(['other']);
      });
    });
  });
}
