/**
 * A real PostgreSQL for the tests: the server at EDU_TEST_DATABASE_URL when set, otherwise a
 * throwaway cluster started from Debian's server binaries (/usr/lib/postgresql/<n>/bin,
 * from `apt-get install -y postgresql`) in a temporary folder on a free port of 127.0.0.1,
 * stopped and deleted afterwards. initdb refuses to run as root, so as root the cluster
 * belongs to the `postgres` account and its commands run through runuser.
 *
 * No binaries and no URL skips the PostgreSQL suites with one line (system-programs.ts), and
 * fails the run under CI=true: a CI that quietly tests only SQLite proves nothing about
 * PostgreSQL. EDU_SKIP_PG=1 skips them explicitly.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findPostgresBin, hasProgram } from './system-programs.js';

export { findPostgresBin };

const run = promisify(execFile);

/** EDU_SKIP_PG=1 skips the PostgreSQL suites explicitly; missing binaries skip them (or fail under CI=true). */
export const skipPostgres = process.env.EDU_SKIP_PG === '1' || !hasProgram('postgresql');

export interface TestPostgres {
  /** A connection string to a fresh, empty database of its own. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

export const MISSING_POSTGRES =
  'PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. ' +
  'Install them (Debian: apt-get install -y postgresql), or set EDU_TEST_DATABASE_URL to a server where the tests may create databases. ' +
  'To skip the PostgreSQL tests explicitly, set EDU_SKIP_PG=1.';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const dbName = (): string => `edu_test_${randomBytes(6).toString('hex')}`;

async function createIn(adminUrl: string, created: string[]): Promise<string> {
  const name = dbName();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropAll(adminUrl: string, names: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const created: string[] = [];
  const external = process.env.EDU_TEST_DATABASE_URL;
  if (external) {
    return { createDatabase: () => createIn(external, created), stop: () => dropAll(external, created) };
  }
  const bin = findPostgresBin();
  if (!bin) throw new Error(MISSING_POSTGRES);

  const asRoot = process.getuid?.() === 0;
  // /tmp is world-traversable (1777), which the postgres account needs to reach the folder.
  const dir = mkdtempSync(path.join(asRoot ? '/tmp' : (process.env.TMPDIR ?? '/tmp'), 'edu-pg-'));
  if (asRoot) {
    if ((statSync(path.dirname(dir)).mode & 0o001) === 0) throw new Error(`${path.dirname(dir)} is not traversable by the postgres account`);
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (ids.status !== 0) throw new Error('Running as root needs the `postgres` OS account (created by apt-get install postgresql) to own the test cluster');
    chownSync(dir, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
  }
  const as = (cmd: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const pgCtl = path.join(bin, 'pg_ctl');

  await run(...as(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']));
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`;
  await run(...as(pgCtl, ['-D', data, '-o', serverOptions, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']));

  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    spawnSync(...as(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
  // A test process that dies early must not leave a server running.
  process.once('exit', stopSync);

  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    createDatabase: () => createIn(adminUrl, created),
    stop: async () => {
      process.removeListener('exit', stopSync);
      if (stopped) return;
      stopped = true;
      await run(...as(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop'])).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
