/**
 * A schema migration: a version number, a name and its statements for each dialect.
 * Migrations only go forward and are never edited once shipped: the runner records a
 * checksum of each one it applies and refuses to start when a shipped one has changed.
 */
import type { Dialect } from '../db.js';

/** The few places the two dialects spell the same thing differently. */
export interface DialectSql {
  dialect: Dialect;
  /** An integer primary key the database numbers itself. */
  autoId: string;
  /** Statements that make `table` refuse UPDATE and DELETE. */
  appendOnly(table: string): string[];
}

export interface Migration {
  version: number;
  name: string;
  statements(d: DialectSql): string[];
}
