/** Every migration, in order. Add a new file with the next version; never edit a shipped one. */
import { initialSchema } from './001-initial.js';
import { recordsSchema } from './002-records.js';
import type { Migration } from './types.js';

export const migrations: readonly Migration[] = [initialSchema, recordsSchema];
