/**
 * Load: autocannon for 30 s each against the real service (its own process, sign-in on,
 * as deployed) —
 *   1. the batch endpoint, POST /api/v1/calc, 200 calls per request (every example of every
 *      function in the registry, repeated), as the add-in's batching client sends them;
 *   2. scenario saves, POST /api/v1/scenarios, a 60 x 10 table per save (about 7 KB) over
 *      20 names, on the default SQLite store (synchronous=FULL: each save is on disk before
 *      it is acknowledged);
 *   3. the same saves on PostgreSQL, when its server binaries are installed.
 * Target: zero errors, timeouts and non-2xx answers at 10 connections; after the save runs,
 * the store holds every acknowledged save (plus at most the saves in flight at the stop). The per-token rate limit is
 * turned off for the run (EDU_RATE_LIMIT=0) and request logs are off (EDU_LOG_LEVEL=warn):
 * this measures the service, not the limiter or the log pipe.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { registry } from '../../formulas/index.js';
import { digestToken, newToken, tokenExpiry } from '../../server/auth/tokens.js';
import { openStorage } from '../../server/storage/index.js';
import { findPostgresBin, startTestPostgres } from '../helpers/postgres.js';
import { startService } from '../helpers/service-process.js';
import type { BenchSection } from './run.js';
import { table } from './timing.js';

const DURATION_S = Number(process.env.EDU_LOAD_SECONDS ?? 30);
const CONNECTIONS = 10;
const CALLS_PER_BATCH = 200;
const NAMES = 20;

interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}

interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  throughput: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}

interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?: (req: { body?: string }) => { body?: string };
}

type Autocannon = (opts: { url: string; connections: number; duration: number; requests: AutocannonRequest[] }) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function batchBody(): string {
  const examples = registry.flatMap((def) => def.examples.map((e) => ({ fn: def.id, args: e.args })));
  const calls = Array.from({ length: CALLS_PER_BATCH }, (_, i) => examples[i % examples.length]!);
  return JSON.stringify({ calls });
}

function saveRequest(token: string): AutocannonRequest {
  let n = 0;
  const table10 = (seed: number) => Array.from({ length: 60 }, (_, r) => Array.from({ length: 10 }, (_, c) => ((seed * 131 + r * 17 + c) % 10_000) / 10));
  return {
    method: 'POST',
    path: '/api/v1/scenarios',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    setupRequest: (req) => {
      const i = n++;
      return { ...req, body: JSON.stringify({ name: `load-${i % NAMES}`, workbook: 'load.xlsx', inputs: { Table: table10(i) }, results: { Total: [[i]] } }) };
    },
  };
}

/** A user in a fresh store, made the way `npm run user -- add` makes one. */
async function userIn(config: { dataDir: string; databaseUrl?: string }): Promise<string> {
  const storage = await openStorage(config);
  try {
    await storage.ensureCounty('360731');
    const token = newToken();
    const d = digestToken(token);
    await storage.addUser({ name: 'load', role: 'planner', county: '360731', tokenLookup: d.lookup, tokenHash: d.hash, expiresAt: tokenExpiry(90) }, { name: 'bench', role: 'cli', county: '360731' });
    return token;
  } finally {
    await storage.close();
  }
}

interface Run {
  label: string;
  result: AutocannonResult;
  stored?: number;
}

async function load(env: Record<string, string>, token: string, label: string, request: AutocannonRequest, countSaves: boolean): Promise<Run> {
  const service = await startService({ EDU_AUTH: 'on', EDU_RATE_LIMIT: '0', EDU_LOG_LEVEL: 'warn', ...env });
  try {
    const result = await autocannon({ url: service.url, connections: CONNECTIONS, duration: DURATION_S, requests: [request] });
    let stored: number | undefined;
    if (countSaves) {
      const res = await fetch(`${service.url}/api/v1/scenarios`, { headers: { authorization: `Bearer ${token}` } });
      const { scenarios } = (await res.json()) as { scenarios: { latestVersion: number }[] };
      stored = scenarios.reduce((sum, s) => sum + s.latestVersion, 0);
    }
    return { label, result, stored };
  } finally {
    await service.stop('SIGTERM');
  }
}

export async function bench(): Promise<BenchSection> {
  const runs: Run[] = [];
  const dirs: string[] = [];
  const sqliteDir = mkdtempSync(path.join(os.tmpdir(), 'edu-load-'));
  dirs.push(sqliteDir);
  try {
    const token = await userIn({ dataDir: sqliteDir });
    const env = { EDU_DATA_DIR: sqliteDir };
    const batch = { method: 'POST', path: '/api/v1/calc', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: batchBody() };
    runs.push(await load(env, token, `POST /api/v1/calc, ${CALLS_PER_BATCH} calls per request (SQLite instance)`, batch, false));
    runs.push(await load(env, token, 'POST /api/v1/scenarios, SQLite (synchronous=FULL)', saveRequest(token), true));

    if (findPostgresBin() || process.env.EDU_TEST_DATABASE_URL) {
      const pg = await startTestPostgres();
      try {
        const databaseUrl = await pg.createDatabase();
        const pgToken = await userIn({ dataDir: sqliteDir, databaseUrl });
        runs.push(await load({ DATABASE_URL: databaseUrl }, pgToken, 'POST /api/v1/scenarios, PostgreSQL (test cluster, fsync off)', saveRequest(pgToken), true));
      } finally {
        await pg.stop();
      }
    }
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }

  const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
  const rows = runs.map(({ label, result: r, stored }) => {
    const ok = Object.entries(r.statusCodeStats)
      .filter(([code]) => code.startsWith('2'))
      .reduce((sum, [, s]) => sum + s.count, 0);
    return [
      label,
      r.requests.average.toFixed(0),
      ms(r.latency.p50),
      ms(r.latency.p99),
      ms(r.latency.max),
      `${(r.throughput.average / 1024 / 1024).toFixed(2)} MiB/s`,
      String(ok),
      String(r.errors + r.timeouts + r.non2xx),
      stored === undefined ? '—' : String(stored),
    ];
  });
  const clean = runs.every((r) => r.result.errors + r.result.timeouts + r.result.non2xx === 0);
  const consistent = runs.every((r) => {
    if (r.stored === undefined) return true;
    const ok = Object.entries(r.result.statusCodeStats).filter(([c]) => c.startsWith('2')).reduce((s, [, v]) => s + v.count, 0);
    // autocannon stops with up to one request per connection in flight: saved, but not counted as answered.
    return r.stored >= ok && r.stored <= ok + CONNECTIONS;
  });
  return {
    title: `Load: ${DURATION_S} s of autocannon, ${CONNECTIONS} connections (batch endpoint and scenario saves)`,
    markdown: [
      table(['target', 'requests/s', 'p50', 'p99', 'max', 'response data', '2xx answers', 'errors + timeouts + non-2xx', 'versions stored'], rows),
      '',
      `- Zero errors, timeouts and non-2xx answers: ${clean ? 'met' : 'NOT met'}.`,
      `- Every acknowledged save stored, once (2xx answers ≤ versions stored ≤ 2xx answers + the ${CONNECTIONS} requests in flight when the run stops): ${consistent ? 'met' : 'NOT met'}.`,
      `- The service runs as its own process, as \`npm start\` runs it (sign-in on, one Bearer token); autocannon runs in the bench process on the same machine, so both share its cores. Rate limit off (EDU_RATE_LIMIT=0) and request logs off (EDU_LOG_LEVEL=warn) for the run.`,
      `- A batch is ${CALLS_PER_BATCH} calls: every example of every registered function, repeated; a save is a 60 × 10 table under one of ${NAMES} names, so each save is a new version of a busy scenario.`,
      runs.length < 3 ? '- PostgreSQL was not installed on this machine: its save run was skipped.' : '- The PostgreSQL run uses the throwaway test cluster (fsync off): it shows the service under contention for row locks, not disk speed.',
    ].join('\n'),
  };
}
