/** Which driver errors become a clear "storage full" (507) or "unavailable" (503), and which stay bugs. */
import { describe, expect, it } from 'vitest';
import { classifyDbError, isUniqueViolation } from '../../../server/storage/errors.js';

const err = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('database errors', () => {
  it.each(['SQLITE_FULL', '53100', 'ENOSPC'])('%s is storage full', (code) => {
    expect(classifyDbError(err(code))?.failure).toBe('full');
  });

  it.each(['SQLITE_BUSY', 'SQLITE_IOERR_WRITE', 'SQLITE_READONLY', 'ECONNREFUSED', '57P01', '08006', '40001'])('%s is unavailable', (code) => {
    expect(classifyDbError(err(code))?.failure).toBe('unavailable');
  });

  it('a dropped PostgreSQL connection is unavailable', () => {
    expect(classifyDbError(new Error('Connection terminated unexpectedly'))?.failure).toBe('unavailable');
  });

  it.each(['SQLITE_CONSTRAINT_UNIQUE', '23505', '42P01', 'SQLITE_ERROR'])('%s stays an error of its own (a bug or a constraint)', (code) => {
    expect(classifyDbError(err(code))).toBeUndefined();
  });

  it('recognises racing inserts in both dialects', () => {
    expect(isUniqueViolation(err('23505'))).toBe(true);
    expect(isUniqueViolation(err('SQLITE_CONSTRAINT_PRIMARYKEY'))).toBe(true);
    expect(isUniqueViolation(err('SQLITE_FULL'))).toBe(false);
  });
});
