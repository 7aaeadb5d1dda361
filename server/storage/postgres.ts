/**
 * PostgreSQL (pg) when DATABASE_URL is set: one database shared by several service
 * instances behind a load balancer. Each transaction runs on one pooled connection; the
 * shared SQL takes row locks (INSERT ... ON CONFLICT DO UPDATE) so racing saves of one
 * scenario from two instances queue up instead of both becoming version 1. Serialization
 * failures and deadlocks are retried a few times before the user sees a 503.
 */
import pg from 'pg';
import { numberPlaceholders, type Db, type Queryable, type SqlParam } from './db.js';
import { classifyDbError, translate } from './errors.js';
import type { Logger } from '../logger.js';

/** Any number; only one service instance at a time runs migrations. */
const MIGRATION_LOCK_KEY = 72_070_001;
const RETRIES = 4;

export interface PostgresOptions {
  poolSize?: number;
  /** Longest a single statement may run before PostgreSQL cancels it. */
  statementTimeoutMs?: number;
  logger?: Logger;
}

/** The connection string without its password, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (connection string not shown)';
  }
}

type Executor = Queryable & { exec(sql: string): Promise<void> };

function queryable(client: pg.PoolClient | pg.Pool, sqlCache: Map<string, string>): Executor {
  const text = (sql: string): string => {
    let converted = sqlCache.get(sql);
    if (converted === undefined) {
      converted = numberPlaceholders(sql);
      sqlCache.set(sql, converted);
    }
    return converted;
  };
  return {
    all: async <T>(sql: string, params: readonly SqlParam[] = []) => (await client.query(text(sql), [...params])).rows as T[],
    get: async <T>(sql: string, params: readonly SqlParam[] = []) => (await client.query(text(sql), [...params])).rows[0] as T | undefined,
    run: async (sql: string, params: readonly SqlParam[] = []) => (await client.query(text(sql), [...params])).rowCount ?? 0,
    exec: async (sql: string) => void (await client.query(sql)),
  };
}

const isRetryable = (err: unknown): boolean => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
};

export class PostgresDb implements Db {
  readonly dialect = 'postgres' as const;
  readonly location: string;
  private readonly pool: pg.Pool;
  private readonly sqlCache = new Map<string, string>();
  private readonly direct: Queryable;

  constructor(url: string, options: PostgresOptions = {}) {
    this.location = redactUrl(url);
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      statement_timeout: options.statementTimeoutMs ?? 15_000,
      application_name: 'edu-county-planning',
    });
    // An idle connection dropped by the server must not take the process down.
    this.pool.on('error', (err) => options.logger?.log('warn', 'postgres.idle-error', { error: err.message }));
    this.direct = queryable(this.pool, this.sqlCache);
  }

  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.direct.all<T>(sql, params).catch(translate);
  }

  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.direct.get<T>(sql, params).catch(translate);
  }

  run(sql: string, params?: readonly SqlParam[]): Promise<number> {
    return this.direct.run(sql, params).catch(translate);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(fn);
      } catch (err) {
        if (attempt < RETRIES && isRetryable(err)) continue;
        translate(err);
      }
    }
  }

  private async once<T>(fn: (tx: Executor) => Promise<T>, before?: string): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      translate(err);
    }
    let broken = false;
    try {
      await client.query('BEGIN');
      if (before) await client.query(before);
      const result = await fn(queryable(client, this.sqlCache));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      if (classifyDbError(err)) broken = true;
      throw err;
    } finally {
      client.release(broken);
    }
  }

  migrateWith<T>(fn: (tx: Queryable & { exec(sql: string): Promise<void> }) => Promise<T>): Promise<T> {
    return this.once(fn, `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`).catch(translate);
  }

  async checkpoint(): Promise<void> {}

  async compact(tables: readonly string[]): Promise<void> {
    // VACUUM by anyone but the owner only warns and skips the table: refuse instead of claiming it was done.
    const { rows } = await this.pool
      .query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY($1) AND NOT pg_has_role(tableowner, 'USAGE')", [tables])
      .catch(translate);
    if (rows.length > 0) {
      throw new Error(
        `只有表的所有者才能重写 ${rows.map((r) => r.tablename).join(', ')}：请用所有者连接（DATABASE_OWNER_URL）运行 npm run audit -- compact / ` +
          `Only the tables' owner can rewrite ${rows.map((r) => r.tablename).join(', ')}: run npm run audit -- compact with the owner's connection (DATABASE_OWNER_URL)`,
      );
    }
    // VACUUM cannot run inside a transaction block; the names are the store's own tables.
    for (const table of tables) await this.pool.query(`VACUUM (FULL, ANALYZE) ${table}`).catch(translate);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
