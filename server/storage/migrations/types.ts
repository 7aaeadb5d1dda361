/**
 * A schema migration: a version number, a name and its statements for each dialect.
 * Migrations only go forward and are never edited once shipped: the runner records a
 * checksum of each one it applies and refuses to start when a shipped one has changed.
 */
import type { Dialect, Queryable } from '../db.js';

/** The few places the two dialects spell the same thing differently. */
export interface DialectSql {
  dialect: Dialect;
  /** An integer primary key the database numbers itself. */
  autoId: string;
  /** Statements that make `table` refuse UPDATE and DELETE (migration 1). */
  appendOnly(table: string): string[];
  /** Undoes appendOnly, for a migration that must rewrite the table once. */
  dropAppendOnly(table: string): string[];
  /**
   * Makes `table` refuse UPDATE, TRUNCATE, INSERT OR REPLACE and upserts, and DELETE unless
   * `deletable`. `keys` are the table's unique keys: SQLite's REPLACE deletes the row it
   * collides with without firing delete triggers (unless recursive_triggers is on, which a
   * connection from outside the service would not set), so a BEFORE INSERT trigger refuses
   * any insert that would collide instead.
   */
  guard(table: string, keys: readonly (readonly string[])[], deletable: boolean): string[];
  /** A 64-bit integer column. */
  bigInt: string;
}

export interface Migration {
  version: number;
  name: string;
  statements(d: DialectSql): string[];
  /** Work only code can do (computing hashes of existing rows), run after `statements`. */
  backfill?(tx: Queryable): Promise<void>;
  /** Statements run after `backfill` (constraints and triggers the backfill must not meet). */
  finish?(d: DialectSql): string[];
}
