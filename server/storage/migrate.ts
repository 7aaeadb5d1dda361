/**
 * Runs the pending migrations at start, in one transaction under the migration lock, so
 * two instances starting together against one PostgreSQL apply each migration once.
 * Forward-only: a database whose schema is newer than this service, or whose recorded
 * migration differs from the shipped one, stops the service with a message saying why.
 */
import { createHash } from 'node:crypto';
import type { Db, Dialect } from './db.js';
import { migrations as shipped } from './migrations/index.js';
import type { DialectSql, Migration } from './migrations/types.js';

const DIALECTS: Record<Dialect, DialectSql> = {
  sqlite: {
    dialect: 'sqlite',
    autoId: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    appendOnly: (table) => [
      `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    ],
    dropAppendOnly: (table) => [`DROP TRIGGER ${table}_no_update`, `DROP TRIGGER ${table}_no_delete`],
    guard: (table, keys, deletable) => [
      `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      ...(deletable ? [] : [`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`]),
      `CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
        WHEN EXISTS (SELECT 1 FROM ${table} WHERE ${keys.map((k) => `(${k.map((c) => `${c} = NEW.${c}`).join(' AND ')})`).join(' OR ')})
        BEGIN SELECT RAISE(ABORT, '${table} is append-only: a row with this key exists (REPLACE and upserts are refused)'); END`,
    ],
    bigInt: 'INTEGER',
  },
  postgres: {
    dialect: 'postgres',
    autoId: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
    appendOnly: (table) => [
      `CREATE OR REPLACE FUNCTION edu_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`,
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION edu_append_only()`,
    ],
    dropAppendOnly: (table) => [`DROP TRIGGER ${table}_append_only ON ${table}`],
    // ON CONFLICT DO UPDATE is an UPDATE and meets the row trigger; PostgreSQL has no REPLACE.
    guard: (table, _keys, deletable) => [
      `CREATE OR REPLACE FUNCTION edu_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`,
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE${deletable ? '' : ' OR DELETE'} ON ${table} FOR EACH ROW EXECUTE FUNCTION edu_append_only()`,
      `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION edu_append_only()`,
    ],
    bigInt: 'BIGINT',
  },
};

export function migrationChecksum(migration: Migration, dialect: Dialect): string {
  const d = DIALECTS[dialect];
  return createHash('sha256')
    .update([...migration.statements(d), ...(migration.finish?.(d) ?? [])].join(';\n'))
    .digest('hex');
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** A permission error while migrating means the service connects as its own role: say what to run. */
function ownerNeeded(err: unknown): never {
  if ((err as { code?: unknown } | null)?.code === '42501') {
    throw new MigrationError(
      '数据库结构需要升级，而本服务的数据库角色无权修改结构：请以所有者身份运行 npm run migrate -- --grant <服务角色>（DATABASE_OWNER_URL），再启动服务 / ' +
        "The schema needs migrating and the service's database role may not change it: run npm run migrate -- --grant <service role> as the owner (DATABASE_OWNER_URL), then start the service",
      { cause: err },
    );
  }
  throw err;
}

/** Applies what is pending; returns the versions applied now. */
export async function migrate(db: Db, migrations: readonly Migration[] = shipped): Promise<number[]> {
  const d = DIALECTS[db.dialect];
  return db.migrateWith(async (tx) => {
    // Asked first: the service's own PostgreSQL role may not create tables, not even "IF NOT EXISTS".
    const exists = await tx.get(
      db.dialect === 'postgres' ? "SELECT 1 AS x WHERE to_regclass('schema_migrations') IS NOT NULL" : "SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
    );
    if (!exists) {
      await tx.exec(`CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        checksum TEXT NOT NULL,
        applied_at TEXT NOT NULL
      )`).catch(ownerNeeded);
    }
    const applied = await tx.all<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    const known = new Map(migrations.map((m) => [m.version, m]));
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    for (const row of applied) {
      const version = Number(row.version);
      const migration = known.get(version);
      if (!migration) {
        throw new MigrationError(
          `数据库结构版本 ${version} 比本服务新（本服务最多认识版本 ${newest}）：请升级服务程序，不要用旧版本打开 / ` +
            `The database schema has version ${version}, newer than this service knows (up to ${newest}): upgrade the service instead of running an older one against it`,
        );
      }
      if (row.checksum !== migrationChecksum(migration, db.dialect)) {
        throw new MigrationError(
          `已执行的数据库迁移 ${version}（${row.name}）与本服务自带的不一致：迁移发布后不得修改 / ` +
            `Migration ${version} (${row.name}) recorded in the database differs from the one shipped with this service: shipped migrations must never be edited`,
        );
      }
    }
    const done = new Set(applied.map((r) => Number(r.version)));
    const pending = [...migrations].filter((m) => !done.has(m.version)).sort((a, b) => a.version - b.version);
    for (const migration of pending) {
      for (const statement of migration.statements(d)) await tx.exec(statement).catch(ownerNeeded);
      await migration.backfill?.(tx);
      for (const statement of migration.finish?.(d) ?? []) await tx.exec(statement);
      await tx.run('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)', [
        migration.version,
        migration.name,
        migrationChecksum(migration, db.dialect),
        new Date().toISOString(),
      ]);
    }
    return pending.map((m) => m.version);
  });
}
