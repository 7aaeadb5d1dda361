/**
 * The shared storage suite against a real PostgreSQL (test/helpers/postgres.ts): a fresh
 * database per test. Fails with instructions when PostgreSQL is not installed, unless
 * EDU_SKIP_PG=1.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { openStorage } from '../../../server/storage/index.js';
import { PostgresDb } from '../../../server/storage/postgres.js';
import { skipPostgres, startTestPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { recordsSuite } from './records-suite.js';
import { storageSuite, type Backend } from './suite.js';

describe.skipIf(skipPostgres)('PostgreSQL', () => {
  let server: TestPostgres | undefined;
  beforeAll(async () => {
    server = await startTestPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const backend: Backend = {
    concurrentHandles: true,
    fresh: async () => {
      if (!server) throw new Error('PostgreSQL did not start (see the error of beforeAll)');
      const url = await server.createDatabase();
      return { open: () => openStorage({ databaseUrl: url, dataDir: '/nonexistent' }), raw: async () => new PostgresDb(url) };
    },
  };

  storageSuite('PostgreSQL', backend);
  recordsSuite('PostgreSQL', backend);
});
