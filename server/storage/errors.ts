/**
 * Database failures the service can explain to a user. The two drivers report them in
 * their own words (SQLite result codes, PostgreSQL SQLSTATEs, socket errors); `translate`
 * turns the ones that are not bugs into a StorageError, which the app answers with a clear
 * bilingual 507 or 503 instead of a 500. Refusals the store explains itself (a stale
 * profile edit, a county over its quota, a reused idempotency key) are thrown as the one
 * ServiceError (server/service-error.ts), with their status and words.
 */

export type StorageFailure = 'full' | 'unavailable';

export class StorageError extends Error {
  constructor(
    readonly failure: StorageFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

const PG_FULL = new Set(['53100', '53000', '53200', '54000']);
const PG_UNAVAILABLE_PREFIXES = ['08', '57P', '40', '55P03', '57014'];
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/** The StorageError `err` stands for, or undefined when it is something else (a bug). */
export function classifyDbError(err: unknown): StorageError | undefined {
  if (err instanceof StorageError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const text = err instanceof Error ? err.message : String(err);
  if (typeof code === 'string') {
    if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_FULL') || PG_FULL.has(code) || code === 'ENOSPC') {
      return new StorageError('full', `storage full (${code})`, { cause: err });
    }
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') {
      return new StorageError('unavailable', `database unavailable (${code})`, { cause: err });
    }
    if (SOCKET_CODES.has(code) || PG_UNAVAILABLE_PREFIXES.some((p) => code.startsWith(p))) {
      return new StorageError('unavailable', `database unavailable (${code})`, { cause: err });
    }
  }
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|pool is ending|Cannot use a pool after calling end/i.test(text)) {
    return new StorageError('unavailable', `database unavailable (${text})`, { cause: err });
  }
  return undefined;
}

/** Rethrows `err` as a StorageError when it is one; otherwise unchanged. */
export function translate(err: unknown): never {
  throw classifyDbError(err) ?? err;
}

/** PostgreSQL unique_violation and SQLite's constraint code: a racing insert won. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
