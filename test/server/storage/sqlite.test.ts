/** The shared storage suite against SQLite files in temporary folders. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openStorage } from '../../../server/storage/index.js';
import { openSqlite } from '../../../server/storage/sqlite.js';
import { recordsSuite } from './records-suite.js';
import { storageSuite, type Backend } from './suite.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const backend: Backend = {
  concurrentHandles: false,
  fresh: async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'edu-sqlite-'));
    dirs.push(dir);
    return { open: () => openStorage({ dataDir: dir }), raw: async () => openSqlite(dir) };
  },
};

storageSuite('SQLite', backend);
recordsSuite('SQLite', backend);
