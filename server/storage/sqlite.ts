/**
 * SQLite in one file (better-sqlite3): the default store, zero set-up. The file is
 * `$EDU_DATA_DIR/edu.db`, in write-ahead-log mode with synchronous=FULL, so a save the
 * service has acknowledged survives the process being killed or the machine losing power,
 * and a failed write (disk full) rolls back whole. secure_delete is on: erased content is
 * overwritten, not just unlinked from the b-tree (https://www.sqlite.org/pragma.html#pragma_secure_delete).
 *
 * better-sqlite3 is synchronous and has one connection: statements of concurrent requests
 * would otherwise run inside each other's transactions between awaits. Every operation
 * therefore goes through one queue, and a transaction holds the queue until it commits.
 * Other processes (the user CLI) wait up to busy_timeout for the write lock.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db, Queryable, SqlParam } from './db.js';
import { translate } from './errors.js';

export const SQLITE_FILE_NAME = 'edu.db';
const BUSY_TIMEOUT_MS = 5000;

type Statement = Database.Statement<unknown[], unknown>;

export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  readonly location: string;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Statement>();
  private tail: Promise<unknown> = Promise.resolve();
  private readonly direct: Queryable;

  constructor(file: string) {
    this.location = file;
    try {
      if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
      this.db = new Database(file);
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      // Deleted content is overwritten with zeros, so an erased roster is gone from the file.
      this.db.pragma('secure_delete = ON');
    } catch (err) {
      translate(err);
    }
    this.direct = {
      all: async <T>(sql: string, params: readonly SqlParam[] = []) => this.statement(sql).all(...params) as T[],
      get: async <T>(sql: string, params: readonly SqlParam[] = []) => this.statement(sql).get(...params) as T | undefined,
      run: async (sql: string, params: readonly SqlParam[] = []) => this.statement(sql).run(...params).changes,
    };
  }

  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** Runs `fn` when every earlier operation has finished; failures become StorageErrors. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn).catch(translate);
    this.tail = result.catch(() => undefined);
    return result;
  }

  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.serial(() => this.direct.all<T>(sql, params));
  }

  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.serial(() => this.direct.get<T>(sql, params));
  }

  run(sql: string, params?: readonly SqlParam[]): Promise<number> {
    return this.serial(() => this.direct.run(sql, params));
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct);
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  migrateWith<T>(fn: (tx: Queryable & { exec(sql: string): Promise<void> }) => Promise<T>): Promise<T> {
    return this.transaction((tx) => fn({ ...tx, exec: async (sql: string) => void this.db.exec(sql) }));
  }

  checkpoint(): Promise<void> {
    return this.serial(async () => void this.db.pragma('wal_checkpoint(TRUNCATE)'));
  }

  compact(): Promise<void> {
    return this.checkpoint();
  }

  async close(): Promise<void> {
    await this.tail;
    if (this.db.open) this.db.close();
  }
}

export function openSqlite(dataDir: string): SqliteDb {
  return new SqliteDb(path.join(dataDir, SQLITE_FILE_NAME));
}
