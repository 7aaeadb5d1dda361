/**
 * The little both drivers have in common, so the storage logic is written once: statements
 * with `?` placeholders (turned into $1, $2 ... for PostgreSQL), rows as plain objects, and
 * transactions that either commit whole or leave nothing behind.
 */

export type Dialect = 'sqlite' | 'postgres';

export type SqlParam = string | number | null;

export interface Queryable {
  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
  /** Runs a statement that returns no rows; resolves to the number of rows changed. */
  run(sql: string, params?: readonly SqlParam[]): Promise<number>;
}

export interface Db extends Queryable {
  readonly dialect: Dialect;
  /** Safe to log: the file path, or the connection string without its password. */
  readonly location: string;
  /**
   * Runs `fn` in one transaction that takes the write lock at its start (SQLite BEGIN
   * IMMEDIATE; PostgreSQL row locks from the statements themselves). Rolls back when `fn`
   * throws. `fn` must use only `tx`.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs schema statements (no parameters) inside one transaction, holding the migration lock. */
  migrateWith<T>(fn: (tx: Queryable & { exec(sql: string): Promise<void> }) => Promise<T>): Promise<T>;
  /** Moves committed pages from SQLite's write-ahead log into the file and empties the log; nothing in PostgreSQL. */
  checkpoint(): Promise<void>;
  /**
   * Leaves no byte of deleted rows of `tables` in the database's files. SQLite: already so
   * (secure_delete), the log is emptied. PostgreSQL: VACUUM FULL rewrites each table (and its
   * TOAST table and indexes) into new files; needs the tables' owner, and holds an exclusive
   * lock on each table while it is rewritten.
   */
  compact(tables: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** `?` placeholders to PostgreSQL's numbered ones; the shared SQL never has a literal `?`. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
