/** SHA-256 of a job's parsed request as JSON: recorded in the audit log and in bug reports instead of the request itself. */
import { createHash } from 'node:crypto';

export const inputHash = (body: unknown): string => createHash('sha256').update(JSON.stringify(body)).digest('hex');
