/**
 * Free space on the disk that holds the SQLite file. Saves are refused while it is below
 * the floor (EDU_MIN_FREE_MB), so the database never fills the disk: what remains is room
 * for the audit entries of reads and for the administrator to act. PostgreSQL's disk is
 * not this machine's to measure; there the county quota is the guard.
 */
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import type { Storage } from '../storage/types.js';

/** Bytes free for the service's account; undefined when not measurable (PostgreSQL, no such folder). */
export async function freeBytes(storage: Storage): Promise<number | undefined> {
  if (storage.kind !== 'sqlite' || typeof storage.location !== 'string') return undefined;
  try {
    const s = await statfs(path.dirname(storage.location));
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}
