/**
 * Personal data end to end (PIPL), on the real app with a SQLite file and with PostgreSQL: a finance user saves
 * a teacher roster with ID-card numbers; the service marks it personal by itself; a viewer,
 * a planner and the saver see that it exists and who saved it but cannot read it; personnel
 * and admin can. An admin erases it, and afterwards the ID-card number and the teacher's
 * name are found nowhere: not in the database (SQLite: every byte of its files after the
 * checkpoint; PostgreSQL: every row of every table as text), not in the audit log, not in
 * the service log. The hash chains still verify.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipPostgres, startTestPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { startTestApp, type TestApp } from '../../helpers/storage-app.js';

const A = '360731';
const ID_NUMBER = '360731198503071232';
const TEACHER = '欧阳明轩';
const roster = {
  name: `${TEACHER}等交流教师花名册`,
  workbook: '交流轮岗.xlsx',
  inputs: { 教师: { kind: 'table', address: '教师!A1:C2', headers: ['教师', '证件', '学校'], values: [[TEACHER, ID_NUMBER, '县一中']] } },
  results: {},
};

/** SQLite: every byte the store keeps (the file, its write-ahead log and index). */
const fileBytes = (dir: string): Buffer => Buffer.concat(readdirSync(dir).map((f) => readFileSync(path.join(dir, f))));

/** PostgreSQL: every row of every table of the database, as text. */
async function tableText(url: string): Promise<Buffer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'")).rows.map((r) => r.t);
    const parts = await Promise.all(tables.map(async (t) => (await client.query<{ x: string }>(`SELECT row_to_json(r)::text AS x FROM ${t} r`)).rows.map((r) => r.x).join('\n')));
    return Buffer.from(parts.join('\n'), 'utf8');
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL: every byte of the database's own files (each table, TOAST table and index of
 * the public schema), read through the server (pg_read_binary_file, as a superuser) after a
 * CHECKPOINT has written every page out.
 */
async function relationFileBytes(url: string): Promise<Buffer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CHECKPOINT');
    const { rows } = await client.query<{ bytes: Buffer | null }>(
      `SELECT pg_read_binary_file(pg_relation_filepath(c.oid), 0, pg_relation_size(c.oid), true) AS bytes FROM pg_class c
       WHERE c.relfilenode <> 0 AND (c.relnamespace = 'public'::regnamespace
         OR c.oid IN (SELECT reltoastrelid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
         OR c.oid IN (SELECT i.indexrelid FROM pg_index i JOIN pg_class t ON t.reltoastrelid = i.indrelid WHERE t.relnamespace = 'public'::regnamespace))`,
    );
    return Buffer.concat(rows.flatMap((r) => (r.bytes ? [r.bytes] : [])));
  } finally {
    await client.end();
  }
}

// EDU_SKIP_PG=1 leaves PostgreSQL out explicitly, as in the storage suites.
const engines = ([['SQLite', false], ['PostgreSQL', true]] as const).filter(([, onPostgres]) => !onPostgres || !skipPostgres);

describe.each(engines)('a roster with ID-card numbers (%s)', (_engine, onPostgres) => {
  let app: TestApp;
  let server: TestPostgres | undefined;
  let databaseUrl: string | undefined;
  const t: Record<string, string> = {};
  let id = '';
  const storeBytes = (): Promise<Buffer> => (databaseUrl ? tableText(databaseUrl) : Promise.resolve(fileBytes(app.dataDir)));

  beforeAll(async () => {
    if (onPostgres) {
      server = await startTestPostgres();
      databaseUrl = await server.createDatabase();
    }
    app = await startTestApp({ databaseUrl });
    for (const role of ['finance', 'viewer', 'planner', 'personnel', 'admin'] as const) t[role] = await app.addUser(`${role}-a`, role, A);
    t.otherAdmin = await app.addUser('admin-b', 'admin', '360732');
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('is saved by finance and marked personal by the service itself, with the signs it found', async () => {
    const res = await app.request('POST', '/api/v1/scenarios', { token: t.finance, body: roster });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, personal: true, personalSigns: ['id-card-number'] });
    id = (res.body as { id: string }).id;
    expect((await storeBytes()).includes(ID_NUMBER)).toBe(true);
  });

  it('a viewer, a planner and the saver see that it exists and who saved it, but not its content', async () => {
    const list = await app.request('GET', '/api/v1/scenarios', { token: t.viewer });
    expect((list.body as { scenarios: unknown[] }).scenarios).toEqual([expect.objectContaining({ id, personal: true, updatedBy: 'finance-a', latestVersion: 1 })]);
    for (const who of ['viewer', 'planner', 'finance']) {
      for (const url of [`/api/v1/scenarios/${id}`, `/api/v1/scenarios/${id}/versions/1`]) {
        const res = await app.request('GET', url, { token: t[who] });
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ error: { code: 'PERSONAL_DATA', zh: expect.stringContaining('finance-a'), en: expect.stringContaining('only personnel staff and administrators') } });
        expect(res.text).not.toContain(ID_NUMBER);
      }
    }
    const history = await app.request('GET', `/api/v1/scenarios/${id}/versions`, { token: t.viewer });
    expect(history.body).toMatchObject({ id, versions: [{ version: 1, author: 'finance-a', personal: true, erased: false }] });
  });

  it('personnel and admin read it; another county does not even learn it exists, and the attempt is audited', async () => {
    for (const who of ['personnel', 'admin']) {
      const res = await app.request('GET', `/api/v1/scenarios/${id}`, { token: t[who] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ inputs: roster.inputs, personal: true });
    }
    expect((await app.request('GET', `/api/v1/scenarios/${id}`, { token: t.otherAdmin })).status).toBe(404);
    const [probe] = await app.storage.listAudit(A, { limit: 1, action: 'access.other-county' });
    expect(probe).toMatchObject({ actor: 'admin-b', target: id, details: { fromCounty: '360732', status: 404 } });
    const [refused] = await app.storage.listAudit(A, { limit: 1, action: 'access.forbidden' });
    expect(refused).toMatchObject({ actor: 'finance-a', role: 'finance', details: { status: 403, code: 'PERSONAL_DATA' } });
  });

  it('content declared personal by the saver is personal, though nothing in it looks so', async () => {
    const res = await app.request('POST', '/api/v1/scenarios', { token: t.finance, body: { name: '声明', inputs: { x: [[1]] }, personal: true } });
    expect(res.body).toMatchObject({ personal: true, personalSigns: [] });
    expect((await app.request('GET', `/api/v1/scenarios/${(res.body as { id: string }).id}`, { token: t.viewer })).status).toBe(403);
  });

  it('only an admin erases it; then the ID number and the name are nowhere, and the records still verify', async () => {
    expect((await app.request('DELETE', `/api/v1/scenarios/${id}`, { token: t.personnel })).status).toBe(403);
    const erased = await app.request('DELETE', `/api/v1/scenarios/${id}`, { token: t.admin });
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({ id, erased: [{ version: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }] });
    expect((await app.request('GET', `/api/v1/scenarios/${id}`, { token: t.admin })).status).toBe(404);

    const bytes = await storeBytes();
    expect(bytes.includes(ID_NUMBER)).toBe(false);
    expect(bytes.includes(Buffer.from(TEACHER, 'utf8'))).toBe(false);
    const audit = await app.request('GET', '/api/v1/audit?limit=1000', { token: t.admin });
    expect(audit.status).toBe(200);
    const trail = audit.text;
    expect(trail).not.toContain(ID_NUMBER);
    expect(trail).not.toContain(TEACHER);
    expect(trail).toContain('"action":"scenario.erase"');
    expect(app.logs.join('\n')).not.toContain(ID_NUMBER);
    expect(app.logs.join('\n')).not.toContain(TEACHER);
    expect((await app.storage.verify()).breaks).toEqual([]);
  });

  it('after the compaction (npm run audit -- compact) no byte of it is left in the database files', async () => {
    // PostgreSQL keeps a deleted row's bytes in its table's file until the table is rewritten;
    // SQLite overwrote them when they were deleted (secure_delete), checked above.
    expect(await app.storage.compactErased()).toEqual(['scenario_contents', 'scenarios']);
    const files = databaseUrl ? await relationFileBytes(databaseUrl) : fileBytes(app.dataDir);
    expect(files.length).toBeGreaterThan(0);
    expect(files.includes(ID_NUMBER)).toBe(false);
    expect(files.includes(Buffer.from(TEACHER, 'utf8'))).toBe(false);
    // The files are the real ones: the audit's own words are in them.
    expect(files.includes('scenario.erase')).toBe(true);
    expect((await app.storage.verify()).breaks).toEqual([]);
  });

  it('reads of the audit log are audited, with who, when and what', async () => {
    await app.request('GET', '/api/v1/audit?limit=5&action=scenario.save', { token: t.admin });
    const [read] = await app.storage.listAudit(A, { limit: 1, action: 'audit.read' });
    expect(read).toMatchObject({ actor: 'admin-a', role: 'admin', details: { limit: 5, action: 'scenario.save', before: null } });
    expect(read!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
