/**
 * Records that prove themselves, personal data that can be erased, tokens that expire.
 *
 * - Hash chains (server/storage/chain.ts): audit_log, scenario_versions and county_profiles
 *   gain chain_seq, prev_hash and row_hash; chain_heads holds each county's newest link.
 *   Existing rows are chained in their stored order by the backfill.
 * - A version's content (workbook, inputs, results) moves to scenario_contents, which may
 *   lose rows (erasure) but never change; scenario_versions keeps the content's SHA-256, so
 *   the chain still verifies after an erasure. Versions gain their county and a personal flag.
 * - The append-only tables now also refuse INSERT OR REPLACE, upserts and TRUNCATE.
 * - users.token_expires_at; existing tokens get 90 days from the migration, written to the
 *   audit chain like every later expiry.
 * - counties.stored_bytes (the county's quota), scenarios.erased_at, idempotency_keys.
 */
import type { Queryable } from '../db.js';
import { appendChained, CHAINS, rowHash, type ChainName } from '../chain.js';
import type { Migration } from './types.js';

const CHAINED = ['audit_log', 'scenario_versions', 'county_profiles'] as const;
const DAY_MS = 86_400_000;
export const MIGRATION_TOKEN_DAYS = 90;

async function chainExisting(tx: Queryable, chain: ChainName): Promise<void> {
  const spec = CHAINS[chain];
  const order = chain === 'audit' ? 'id' : `${spec.timeColumn}, ${spec.keyColumns.join(', ')}`;
  const rows = await tx.all<Record<string, string | number | null>>(
    `SELECT ${[...spec.keyColumns, ...spec.columns].join(', ')} FROM ${spec.table} ORDER BY county_code, ${order}`,
  );
  const heads = new Map<string, { seq: number; hash: string; at: string }>();
  for (const row of rows) {
    const county = String(row.county_code);
    const head = heads.get(county) ?? { seq: 0, hash: '0'.repeat(64), at: '' };
    const seq = head.seq + 1;
    const hash = rowHash(chain, seq, head.hash, spec.columns.map((c) => row[c] ?? null));
    await tx.run(`UPDATE ${spec.table} SET chain_seq = ?, prev_hash = ?, row_hash = ? WHERE ${spec.keyColumns.map((k) => `${k} = ?`).join(' AND ')}`, [
      seq,
      head.hash,
      hash,
      ...spec.keyColumns.map((k) => row[k] ?? null),
    ]);
    const at = String(row[spec.timeColumn]);
    heads.set(county, { seq, hash, at: at > head.at ? at : head.at });
  }
  for (const [county, head] of heads) {
    await tx.run('INSERT INTO chain_heads (chain, county_code, seq, head_hash, head_at) VALUES (?, ?, ?, ?, ?)', [chain, county, head.seq, head.hash, head.at]);
  }
}

export const recordsSchema: Migration = {
  version: 2,
  name: 'records',
  statements: (d) => [
    ...CHAINED.flatMap((t) => d.dropAppendOnly(t)),
    `CREATE TABLE chain_heads (
      chain TEXT NOT NULL,
      county_code TEXT NOT NULL,
      seq INTEGER NOT NULL,
      head_hash TEXT NOT NULL,
      head_at TEXT NOT NULL,
      PRIMARY KEY (chain, county_code)
    )`,
    `CREATE TABLE scenario_contents (
      scenario_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      workbook TEXT NOT NULL,
      inputs TEXT NOT NULL,
      results TEXT NOT NULL,
      bytes ${d.bigInt} NOT NULL,
      PRIMARY KEY (scenario_id, version),
      FOREIGN KEY (scenario_id, version) REFERENCES scenario_versions (scenario_id, version)
    )`,
    `INSERT INTO scenario_contents (scenario_id, version, workbook, inputs, results, bytes)
      SELECT scenario_id, version, workbook, inputs, results, length(workbook) + length(inputs) + length(results) FROM scenario_versions`,
    'ALTER TABLE scenario_versions DROP COLUMN workbook',
    'ALTER TABLE scenario_versions DROP COLUMN inputs',
    'ALTER TABLE scenario_versions DROP COLUMN results',
    "ALTER TABLE scenario_versions ADD COLUMN county_code TEXT NOT NULL DEFAULT ''",
    'ALTER TABLE scenario_versions ADD COLUMN personal INTEGER NOT NULL DEFAULT 0',
    'UPDATE scenario_versions SET county_code = (SELECT s.county_code FROM scenarios s WHERE s.id = scenario_versions.scenario_id)',
    ...CHAINED.flatMap((t) => [
      `ALTER TABLE ${t} ADD COLUMN chain_seq INTEGER NOT NULL DEFAULT 0`,
      `ALTER TABLE ${t} ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''`,
      `ALTER TABLE ${t} ADD COLUMN row_hash TEXT NOT NULL DEFAULT ''`,
    ]),
    'ALTER TABLE scenarios ADD COLUMN erased_at TEXT',
    'ALTER TABLE users ADD COLUMN token_expires_at TEXT',
    `ALTER TABLE counties ADD COLUMN stored_bytes ${d.bigInt} NOT NULL DEFAULT 0`,
    `UPDATE counties SET stored_bytes = (
      SELECT COALESCE(SUM(c.bytes), 0) FROM scenario_contents c JOIN scenarios s ON s.id = c.scenario_id WHERE s.county_code = counties.code)`,
    `CREATE TABLE idempotency_keys (
      county_code TEXT NOT NULL,
      actor TEXT NOT NULL,
      idem_key TEXT NOT NULL,
      request_hash TEXT NOT NULL,
      scenario_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (county_code, actor, idem_key)
    )`,
  ],
  backfill: async (tx) => {
    for (const chain of ['audit', 'scenario', 'profile'] as const) await chainExisting(tx, chain);
    const expires = new Date(Date.now() + MIGRATION_TOKEN_DAYS * DAY_MS).toISOString();
    const active = await tx.all<{ name: string; county_code: string }>('SELECT name, county_code FROM users WHERE revoked_at IS NULL ORDER BY id');
    for (const user of active) {
      await tx.run('UPDATE users SET token_expires_at = ? WHERE name = ?', [expires, user.name]);
      await appendChained(
        tx,
        'audit',
        user.county_code,
        (at) => [at, user.county_code, 'migration', 'cli', 'user.expiry', user.name, null, JSON.stringify({ expiresAt: expires })],
        'id',
      );
    }
  },
  finish: (d) => [
    ...CHAINED.map((t) => `CREATE UNIQUE INDEX ${t}_chain ON ${t} (county_code, chain_seq)`),
    'CREATE INDEX scenario_versions_by_county ON scenario_versions (county_code, created_at)',
    ...d.guard('audit_log', [['id'], ['county_code', 'chain_seq']], false),
    ...d.guard('scenario_versions', [['scenario_id', 'version'], ['county_code', 'chain_seq']], false),
    ...d.guard('county_profiles', [['county_code', 'profile_id', 'version'], ['county_code', 'chain_seq']], false),
    ...d.guard('scenario_contents', [['scenario_id', 'version']], true),
  ],
};
