/**
 * Scenarios in SQL both databases understand. A save is one transaction:
 *   1. the idempotency key, if any (a retry with the same key answers the first save);
 *   2. INSERT ... ON CONFLICT (county_code, name) DO UPDATE numbers the version: in
 *      PostgreSQL it locks the scenario row until commit, so a racing save from another
 *      instance waits and gets the next number; SQLite holds the write lock from BEGIN;
 *   3. the county's stored bytes grow, refused past its quota;
 *   4. the version record joins the county's scenario chain, its content goes to
 *      scenario_contents, and the audit entry joins the audit chain.
 * Audit entries name the scenario by id and never by name: a name may be a person's.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db, Queryable, SqlParam } from './db.js';
import { appendChained } from './chain.js';
import { ServiceError } from '../service-error.js';
import { scenarioHash } from './hash.js';
import type { Actor, Erasure, ExpiredVersion, Page, SavedVersion, SaveOptions, ScenarioHistory, ScenarioSave, ScenarioSummary, ScenarioVersion } from './types.js';

export type AuditWriter = (tx: Queryable, record: { action: string; target?: string; inputHash?: string; details?: Record<string, unknown> }, actor: Actor) => Promise<unknown>;

interface VersionRow {
  id: string;
  name: string;
  county_code: string;
  version: number;
  personal: number;
  content_hash: string;
  author: string;
  created_at: string;
  workbook: string | null;
  inputs: string | null;
  results: string | null;
}

const VERSION_SELECT = `SELECT s.id, s.name, s.county_code, v.version, v.personal, v.content_hash, v.author, v.created_at, c.workbook, c.inputs, c.results
  FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id
  LEFT JOIN scenario_contents c ON c.scenario_id = v.scenario_id AND c.version = v.version`;

const toVersion = (r: VersionRow): ScenarioVersion => ({
  id: r.id,
  name: r.name,
  county: r.county_code,
  version: Number(r.version),
  workbook: r.workbook ?? '',
  inputs: r.inputs === null ? null : JSON.parse(r.inputs),
  results: r.results === null ? null : JSON.parse(r.results),
  author: r.author,
  createdAt: r.created_at,
  hash: r.content_hash,
  personal: Number(r.personal) === 1,
  erased: r.inputs === null,
});

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

async function replay(tx: Queryable, actor: Actor, key: string, requestHash: string): Promise<SavedVersion | undefined> {
  const claimed = await tx.run(
    `INSERT INTO idempotency_keys (county_code, actor, idem_key, request_hash, scenario_id, version, created_at)
     VALUES (?, ?, ?, ?, '', 0, ?) ON CONFLICT (county_code, actor, idem_key) DO NOTHING`,
    [actor.county, actor.name, key, requestHash, new Date().toISOString()],
  );
  if (claimed === 1) return undefined;
  const first = await tx.get<{ request_hash: string; scenario_id: string; version: number }>(
    'SELECT request_hash, scenario_id, version FROM idempotency_keys WHERE county_code = ? AND actor = ? AND idem_key = ?',
    [actor.county, actor.name, key],
  );
  if (first!.request_hash !== requestHash) {
    throw new ServiceError(422, 'IDEMPOTENCY_KEY_REUSED', {
      zh: '这个 Idempotency-Key 已用于另一次内容不同的保存：每次新的保存请用新的键，重试时才用同一个键',
      en: 'This Idempotency-Key was already used for a save with different content: use a new key for each new save and the same key only to retry',
    });
  }
  const row = await tx.get<VersionRow>(`${VERSION_SELECT} WHERE s.id = ? AND v.version = ?`, [first!.scenario_id, first!.version]);
  return { id: row!.id, name: row!.name, version: Number(row!.version), createdAt: row!.created_at, hash: row!.content_hash, personal: Number(row!.personal) === 1, replayed: true };
}

export async function saveScenario(db: Db, audit: AuditWriter, save: ScenarioSave, actor: Actor, options: SaveOptions = {}): Promise<SavedVersion> {
  const inputs = JSON.stringify(save.inputs);
  const results = JSON.stringify(save.results);
  const hash = scenarioHash(save.workbook, inputs, results);
  const personal = save.personal === true;
  const bytes = Buffer.byteLength(save.workbook) + Buffer.byteLength(inputs) + Buffer.byteLength(results);
  const requestHash = createHash('sha256').update(JSON.stringify([save.name, hash, personal])).digest('hex');
  return db.transaction(async (tx) => {
    if (options.idempotencyKey !== undefined) {
      const first = await replay(tx, actor, options.idempotencyKey, requestHash);
      if (first) return first;
    }
    const at = new Date().toISOString();
    const head = await tx.get<{ id: string; latest_version: number }>(
      `INSERT INTO scenarios (id, county_code, name, latest_version, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, 1, ?, ?, ?, ?)
       ON CONFLICT (county_code, name) DO UPDATE
         SET latest_version = scenarios.latest_version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by
       RETURNING id, latest_version`,
      [randomUUID(), actor.county, save.name, at, actor.name, at, actor.name],
    );
    const id = head!.id;
    const version = Number(head!.latest_version);
    const used = await tx.get<{ stored_bytes: number | string }>('UPDATE counties SET stored_bytes = stored_bytes + ? WHERE code = ? RETURNING stored_bytes', [bytes, actor.county]);
    if (options.quotaBytes !== undefined && Number(used!.stored_bytes) > options.quotaBytes) {
      const before = Number(used!.stored_bytes) - bytes;
      throw new ServiceError(507, 'QUOTA_EXCEEDED', {
        zh: `本县的存储配额已用 ${mib(before)} MiB（上限 ${mib(options.quotaBytes)} MiB），这次保存（${mib(bytes)} MiB）没有写入：请管理员删除不再需要的方案或提高配额`,
        en: `Your county has used ${mib(before)} MiB of its ${mib(options.quotaBytes)} MiB storage quota; this save (${mib(bytes)} MiB) was not written. Ask your administrator to delete scenarios no longer needed or to raise the quota.`,
      });
    }
    const created = await appendChained<{ created_at: string }>(
      tx,
      'scenario',
      actor.county,
      (time) => [actor.county, id, version, personal ? 1 : 0, hash, actor.name, time],
      'created_at',
    );
    await tx.run('INSERT INTO scenario_contents (scenario_id, version, workbook, inputs, results, bytes) VALUES (?, ?, ?, ?, ?, ?)', [id, version, save.workbook, inputs, results, bytes]);
    if (options.idempotencyKey !== undefined) {
      await tx.run('UPDATE idempotency_keys SET scenario_id = ?, version = ? WHERE county_code = ? AND actor = ? AND idem_key = ?', [id, version, actor.county, actor.name, options.idempotencyKey]);
    }
    await audit(tx, { action: 'scenario.save', target: id, inputHash: hash, details: { version, personal } }, actor);
    return { id, name: save.name, version, createdAt: created.created_at, hash, personal, replayed: false };
  });
}

export async function listScenarios(db: Db, county: string, page: Page): Promise<{ scenarios: ScenarioSummary[]; total: number }> {
  const rows = await db.all<{ id: string; name: string; latest_version: number; workbook: string | null; updated_at: string; updated_by: string; personal: number }>(
    `SELECT s.id, s.name, s.latest_version, c.workbook, s.updated_at, s.updated_by, v.personal
     FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id AND v.version = s.latest_version
     LEFT JOIN scenario_contents c ON c.scenario_id = v.scenario_id AND c.version = v.version
     WHERE s.county_code = ? AND s.erased_at IS NULL ORDER BY s.updated_at DESC, s.name LIMIT ? OFFSET ?`,
    [county, page.limit, page.offset],
  );
  const count = await db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM scenarios WHERE county_code = ? AND erased_at IS NULL', [county]);
  return {
    total: Number(count!.n),
    scenarios: rows.map((r) => ({
      id: r.id,
      name: r.name,
      latestVersion: Number(r.latest_version),
      workbook: r.workbook ?? '',
      updatedAt: r.updated_at,
      updatedBy: r.updated_by,
      personal: Number(r.personal) === 1,
    })),
  };
}

export async function getScenario(db: Db, county: string, id: string, version?: number): Promise<ScenarioVersion | undefined> {
  const params: SqlParam[] = [county, id];
  if (version !== undefined) params.push(version);
  const which = version === undefined ? 'v.version = s.latest_version' : 'v.version = ?';
  const row = await db.get<VersionRow>(`${VERSION_SELECT} WHERE s.county_code = ? AND s.id = ? AND s.erased_at IS NULL AND ${which}`, params);
  return row && toVersion(row);
}

export async function scenarioHistory(db: Db, county: string, id: string): Promise<ScenarioHistory | undefined> {
  const rows = await db.all<VersionRow>(`${VERSION_SELECT} WHERE s.county_code = ? AND s.id = ? AND s.erased_at IS NULL ORDER BY v.version`, [county, id]);
  if (rows.length === 0) return undefined;
  return {
    id: rows[0]!.id,
    name: rows[0]!.name,
    versions: rows.map(toVersion).map(({ version, workbook, author, createdAt, hash, personal, erased }) => ({ version, workbook, author, createdAt, hash, personal, erased })),
  };
}

export async function eraseScenario(db: Db, audit: AuditWriter, county: string, id: string, version: number | undefined, actor: Actor): Promise<Erasure | undefined> {
  return db.transaction(async (tx) => {
    const params: SqlParam[] = [county, id];
    if (version !== undefined) params.push(version);
    const rows = await tx.all<{ version: number; content_hash: string; bytes: number | string | null }>(
      `SELECT v.version, v.content_hash, c.bytes FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id
       LEFT JOIN scenario_contents c ON c.scenario_id = v.scenario_id AND c.version = v.version
       WHERE s.county_code = ? AND s.id = ? AND s.erased_at IS NULL${version === undefined ? '' : ' AND v.version = ?'} ORDER BY v.version`,
      params,
    );
    if (rows.length === 0) return undefined;
    const present = rows.filter((r) => r.bytes !== null);
    const freed = present.reduce((sum, r) => sum + Number(r.bytes), 0);
    await tx.run(`DELETE FROM scenario_contents WHERE scenario_id = ?${version === undefined ? '' : ' AND version = ?'}`, version === undefined ? [id] : [id, version]);
    await tx.run('UPDATE counties SET stored_bytes = stored_bytes - ? WHERE code = ?', [freed, county]);
    // The name may be a person's: the erased scenario keeps only its id.
    if (version === undefined) await tx.run("UPDATE scenarios SET name = 'erased:' || id, erased_at = ? WHERE id = ?", [new Date().toISOString(), id]);
    const versions = present.map((r) => ({ version: Number(r.version), hash: r.content_hash }));
    await audit(tx, { action: 'scenario.erase', target: id, details: { versions, whole: version === undefined } }, { ...actor, county });
    return { id, versions };
  });
}

export async function expiredPersonal(db: Db, savedBefore: string): Promise<ExpiredVersion[]> {
  const rows = await db.all<{ county_code: string; scenario_id: string; version: number; author: string; created_at: string }>(
    `SELECT v.county_code, v.scenario_id, v.version, v.author, v.created_at FROM scenario_versions v
     JOIN scenario_contents c ON c.scenario_id = v.scenario_id AND c.version = v.version
     WHERE v.personal = 1 AND v.created_at < ? ORDER BY v.created_at`,
    [savedBefore],
  );
  return rows.map((r) => ({ county: r.county_code, id: r.scenario_id, version: Number(r.version), author: r.author, createdAt: r.created_at }));
}
