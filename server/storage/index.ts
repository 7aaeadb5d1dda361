/**
 * Opens the store the configuration names and brings its schema up to date: PostgreSQL
 * when DATABASE_URL is set, otherwise the SQLite file `$EDU_DATA_DIR/edu.db` (created,
 * with its folder, on first start). The service and the user CLI both open it this way.
 */
import type { Logger } from '../logger.js';
import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { openSqlite } from './sqlite.js';
import { SqlStorage } from './sql-storage.js';
import type { Storage } from './types.js';

export interface StorageConfig {
  /** PostgreSQL connection string; when absent, SQLite in dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
  pgPoolSize?: number | undefined;
  logger?: Logger | undefined;
}

export async function openStorage(config: StorageConfig): Promise<Storage> {
  // pg loads only when PostgreSQL is named: the SQLite default starts without it.
  const db: Db = config.databaseUrl
    ? new (await import('./postgres.js')).PostgresDb(config.databaseUrl, { poolSize: config.pgPoolSize, logger: config.logger })
    : openSqlite(config.dataDir);
  try {
    const applied = await migrate(db);
    if (applied.length > 0) config.logger?.log('info', 'storage.migrated', { storage: db.dialect, location: db.location, versions: applied });
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return new SqlStorage(db);
}

export type { Storage } from './types.js';
