/**
 * The record commands on a real SQLite store, run as an administrator runs them
 * (`npm run audit -- …`, i.e. tsx server/cli/audit.ts): verify finds the chains whole, then
 * names the first row an attacker with the file changed; the service started on that file
 * reports the break in its log and on /healthz. `expired` lists personal versions past the
 * retention period by id, author and date (never by name) and `purge-expired` erases them,
 * leaving the chains whole.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../../server/storage/index.js';
import type { Storage } from '../../../server/storage/types.js';
import { startService } from '../../helpers/service-process.js';

const run = promisify(execFile);
const root = path.join(import.meta.dirname, '..', '..', '..');
const A = { name: 'finance-a', role: 'finance' as const, county: '360731' };

describe('npm run audit on a SQLite store', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'edu-records-'));
  let rosterId = '';

  async function audit(env: Record<string, string>, ...args: string[]): Promise<{ stdout: string; code: number }> {
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'cli', 'audit.ts'), ...args], {
        cwd: root,
        env: { ...process.env, EDU_DATA_DIR: dir, DATABASE_URL: '', ...env },
      });
      return { stdout, code: 0 };
    } catch (err) {
      const e = err as { stdout: string; code: number };
      return { stdout: e.stdout, code: e.code };
    }
  }

  beforeAll(async () => {
    const s: Storage = await openStorage({ dataDir: dir });
    await s.ensureCounty(A.county);
    rosterId = (await s.saveScenario({ name: '欧阳明轩花名册', workbook: '', inputs: { 姓名: [['欧阳明轩']] }, results: {}, personal: true }, A)).id;
    await s.saveScenario({ name: '预算', workbook: '', inputs: { Budget: [[1600000]] }, results: {} }, A);
    await s.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('expired lists personal versions past the retention period, by id, author and date only', async () => {
    expect((await audit({ EDU_PERSONAL_RETENTION_DAYS: '1' }, 'expired')).stdout).toContain('past the 1-day retention period: 0');
    const listed = await audit({}, 'expired', '--days', '0');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('past the 0-day retention period: 1');
    expect(listed.stdout).toMatch(new RegExp(`360731\\t${rosterId}\\tversion 1\\tfinance-a\\t\\d{4}-`));
    expect(listed.stdout).not.toContain('欧阳明轩');
    expect((await audit({}, 'expired', '--days', '-1')).code).toBe(2);
  });

  it('purge-expired erases expired personal content, and the chains still verify', async () => {
    const purged = await audit({}, 'purge-expired', '--days', '0');
    expect(purged.code).toBe(0);
    expect(purged.stdout).toContain('Erased the content of these 1 versions');
    // Then it compacts (on SQLite there is nothing left to rewrite; PostgreSQL: personal-scenarios.test.ts).
    expect(purged.stdout).toContain('SQLite overwrote erased content when it was deleted');
    expect(await audit({}, 'compact')).toMatchObject({ code: 0, stdout: expect.stringContaining('its log is now empty') });
    expect((await audit({}, 'expired', '--days', '0')).stdout).toContain('retention period: 0');
    const s = await openStorage({ dataDir: dir });
    expect(await s.getScenario(A.county, rosterId)).toMatchObject({ erased: true, inputs: null });
    await s.close();
    const verified = await audit({}, 'verify');
    expect(verified.code).toBe(0);
    // audit: 2 saves and 1 erasure; versions: 2 (the erased one keeps its record and hash).
    expect(verified.stdout).toContain('All records verify: audit_log 3, scenario_versions 2');
  });

  it('after an audit entry is changed in the file, verify names it, and a service started on the file reports it', async () => {
    const db = new Database(path.join(dir, 'edu.db'));
    db.exec('DROP TRIGGER audit_log_no_update');
    const [first] = db.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1').all() as { id: number }[];
    db.prepare("UPDATE audit_log SET actor = 'someone.else' WHERE id = ?").run(first!.id);
    db.close();
    const verified = await audit({}, 'verify');
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain(`First row that does not match: audit_log (county 360731) id ${first!.id}: row_hash does not match the row content`);

    const service = await startService({ EDU_DATA_DIR: dir });
    try {
      let health: { records?: { status: string; first?: { table: string; row: string } } } = {};
      for (let i = 0; i < 50 && health.records?.status !== 'broken'; i++) {
        health = (await (await fetch(`${service.url}/healthz`)).json()) as typeof health;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(health.records).toMatchObject({ status: 'broken', first: { table: 'audit_log', row: `id ${first!.id}` } });
      expect(service.output()).toContain('"event":"records.chain-broken"');
    } finally {
      await service.stop();
    }
  });
});
