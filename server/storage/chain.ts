/**
 * The hash chains that make the records tamper-evident. Three tables are chained, each
 * county on a chain of its own: the audit log (which also carries every user and role
 * change), scenario versions and county profile versions. A chained row carries
 *   chain_seq  1, 2, 3 ... within its county,
 *   prev_hash  the row_hash of the row before it (64 zeros for the first),
 *   row_hash   SHA-256 of the table name, chain_seq, prev_hash and the row's content.
 * Changing, deleting, replacing or inserting a row in the middle breaks the link of the row
 * after it; removing the newest rows is caught by chain_heads, which holds the newest hash.
 *
 * Writers serialise per chain: `UPDATE chain_heads ... RETURNING` locks the county's head
 * row until commit (PostgreSQL) inside the write transaction (SQLite), so two service
 * instances can never give two rows the same place. A row's time is never earlier than the
 * row before it (the head keeps the newest time), so a back-dated row shows as well.
 *
 * The content is what a row says, not what it stores in bulk: a scenario version's content
 * is its content_hash, so a version's inputs (kept in scenario_contents) can be erased
 * without breaking the chain, and the erasure itself is a chained audit entry.
 */
import { createHash } from 'node:crypto';
import type { Queryable, SqlParam } from './db.js';

export type ChainName = 'audit' | 'scenario' | 'profile';

export interface ChainSpec {
  table: string;
  /** The content columns, in hash order. */
  columns: readonly string[];
  /** The column holding the row's time. */
  timeColumn: string;
  /** How verify names a row: its key columns. */
  keyColumns: readonly string[];
}

export const CHAINS: Record<ChainName, ChainSpec> = {
  audit: {
    table: 'audit_log',
    columns: ['at', 'county_code', 'actor', 'role', 'action', 'target', 'input_hash', 'details'],
    timeColumn: 'at',
    keyColumns: ['id'],
  },
  scenario: {
    table: 'scenario_versions',
    columns: ['county_code', 'scenario_id', 'version', 'personal', 'content_hash', 'author', 'created_at'],
    timeColumn: 'created_at',
    keyColumns: ['scenario_id', 'version'],
  },
  profile: {
    table: 'county_profiles',
    columns: ['county_code', 'profile_id', 'version', 'body', 'author', 'created_at'],
    timeColumn: 'created_at',
    keyColumns: ['profile_id', 'version'],
  },
};

export const GENESIS = '0'.repeat(64);

/**
 * The hash a row must carry; `values` in the order of the chain's columns. Every content
 * column is TEXT or INTEGER (both drivers give INTEGER back as a number), so the JSON text
 * hashed is the same whichever database wrote or reads the row.
 */
export function rowHash(chain: ChainName, seq: number, prevHash: string, values: readonly unknown[]): string {
  const text = JSON.stringify([CHAINS[chain].table, seq, prevHash, ...values]);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface Link {
  seq: number;
  prevHash: string;
  /** The row's time: now, or the previous row's time if that is later (clocks of two instances differ). */
  at: string;
}

/** Takes the county's chain head (locking it until commit) and gives the new row's place. */
async function takeLink(tx: Queryable, chain: ChainName, county: string, now: string): Promise<Link> {
  await tx.run(
    'INSERT INTO chain_heads (chain, county_code, seq, head_hash, head_at) VALUES (?, ?, 0, ?, ?) ON CONFLICT (chain, county_code) DO NOTHING',
    [chain, county, GENESIS, ''],
  );
  const head = await tx.get<{ seq: number | string; head_hash: string; head_at: string }>(
    'UPDATE chain_heads SET seq = seq + 1 WHERE chain = ? AND county_code = ? RETURNING seq, head_hash, head_at',
    [chain, county],
  );
  return { seq: Number(head!.seq), prevHash: head!.head_hash, at: head!.head_at > now ? head!.head_at : now };
}

/**
 * Inserts one chained row: `content(at)` gives the content values (in CHAINS order) for the
 * row's time; returns the row as RETURNING gives it.
 */
export async function appendChained<T>(
  tx: Queryable,
  chain: ChainName,
  county: string,
  content: (at: string) => SqlParam[],
  returning: string,
): Promise<T> {
  const spec = CHAINS[chain];
  const link = await takeLink(tx, chain, county, new Date().toISOString());
  const values = content(link.at);
  const hash = rowHash(chain, link.seq, link.prevHash, values);
  const columns = [...spec.columns, 'chain_seq', 'prev_hash', 'row_hash'];
  const row = await tx.get<T>(
    `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) RETURNING ${returning}`,
    [...values, link.seq, link.prevHash, hash],
  );
  await tx.run('UPDATE chain_heads SET head_hash = ?, head_at = ? WHERE chain = ? AND county_code = ?', [hash, link.at, chain, county]);
  return row!;
}
