/**
 * The only place that listens. `npm start` runs this: plain HTTP on HOST:PORT (default
 * 127.0.0.1:3000), or HTTPS when TLS_CERT and TLS_KEY name a certificate and key. It opens
 * the store (SQLite in $EDU_DATA_DIR, or PostgreSQL at DATABASE_URL) and migrates it first;
 * a setting that would expose county records without sign-in stops it with a message.
 * Calculations run in a worker pool sized to the machine (server/pool/pool.ts). It then
 * verifies the records' hash chains in the background and reports a break in its log and
 * on /healthz.
 * On SIGTERM/SIGINT it stops accepting, finishes in-flight requests, stops the workers and
 * closes the database, then exits.
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { createApp } from './app.js';
import { localPrincipal, type AuthMode } from './auth/authenticate.js';
import { readConfig, type ServiceConfig } from './config.js';
import { limitIdleConnections, serverOptions } from './connections.js';
import { answerClientError } from './middleware/errors.js';
import { jsonLogger } from './logger.js';
import { allocatorLine } from './node-flags.js';
import { CalcPool, defaultPoolOptions, niceAvailable, poolStartLine } from './pool/pool.js';
import { RecordsHealth } from './records/health.js';
import { openStorage } from './storage/index.js';
import type { Storage } from './storage/types.js';
import { projectRoot } from './project-root.js';

const root = projectRoot();
const GRACE_MS = 10_000;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: ServiceConfig;
  try {
    config = readConfig(process.env, root);
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  const logger = jsonLogger(config.logLevel);

  let storage: Storage;
  try {
    storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgPoolSize: config.pgPoolSize, logger });
  } catch (err) {
    const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : path.join(config.dataDir, 'edu.db');
    fail(`无法打开数据库 ${where} / Cannot open the database ${where}: ${err instanceof Error ? err.message : String(err)}`);
  }

  const auth: AuthMode = config.auth === 'tokens' ? { kind: 'tokens' } : { kind: 'local', principal: localPrincipal(config.localCounty) };
  if (auth.kind === 'local') await storage.ensureCounty(config.localCounty, '本机 / This computer');
  else if ((await storage.listUsers()).every((u) => u.revokedAt !== null)) {
    logger.log('warn', 'auth.no-users', { hint: 'sign-in is on and nobody can sign in yet: npm run user -- add NAME --role admin --county CODE' });
  }

  // The chains are verified in the background: /healthz answers "checking" meanwhile.
  const recordsHealth = new RecordsHealth();
  void recordsHealth.check(storage, logger);

  const addinDir = existsSync(config.addinDir) ? config.addinDir : undefined;
  if (!addinDir) logger.log('warn', 'addin.missing', { dir: config.addinDir, hint: 'run npm run build to serve the add-in' });
  const defaults = defaultPoolOptions();
  const pool = new CalcPool({ ...defaults, budgetMs: config.calc.budgetMs, wallMs: config.calc.wallMs, heavyThreads: config.calc.heavyThreads ?? defaults.heavyThreads });
  const poolLine = poolStartLine(pool.options, niceAvailable());
  logger.log(poolLine.level, poolLine.event, poolLine.fields);
  const allocator = allocatorLine(process.platform, process.env);
  if (allocator) logger.log('warn', 'memory.allocator-default', allocator);
  const app = createApp({
    logger,
    addinDir,
    officeJs: config.officeJs,
    storage,
    auth,
    corsOrigins: config.corsOrigins,
    hsts: Boolean(config.tls),
    trustProxy: config.trustProxy,
    profileCacheMs: config.profileCacheMs,
    records: config.records,
    recordsHealth,
    limits: { maxBodyBytes: config.maxBodyBytes, maxRecordBodyBytes: config.maxRecordBodyBytes, rateLimit: config.rateLimit, requestTimeoutMs: config.requestTimeoutMs },
    pool,
  });
  const server = config.tls
    ? https.createServer({ ...serverOptions, cert: readFileSync(config.tls.cert), key: readFileSync(config.tls.key) }, app)
    : http.createServer(serverOptions, app);
  limitIdleConnections(server, { requestTimeoutMs: config.requestTimeoutMs });

  // Requests Node's parser refuses (malformed, headers too large, too slow) get the same JSON error shape.
  server.on('clientError', answerClientError);
  server.on('error', (err) => {
    logger.log('error', 'service.listen-failed', { error: err.message });
    void storage.close().finally(() => process.exit(1));
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.log('info', 'service.listening', {
      url: `${config.tls ? 'https' : 'http'}://${config.host}:${port}`,
      port,
      addin: Boolean(addinDir),
      storage: storage.kind,
      location: storage.location,
      signIn: auth.kind === 'tokens' ? 'tokens' : `off (local user, county ${config.localCounty})`,
    });
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log('info', 'service.stopping', { signal });
    const force = setTimeout(() => {
      logger.log('warn', 'service.forced-stop', { afterMs: GRACE_MS });
      server.closeAllConnections();
    }, GRACE_MS);
    force.unref();
    server.close(() => {
      void Promise.all([pool.close(), storage.close()])
        .then(() => {
          logger.log('info', 'service.stopped', {});
          process.exit(0);
        })
        .catch((err: unknown) => {
          logger.log('error', 'storage.close-failed', { error: err instanceof Error ? err.message : String(err) });
          process.exit(1);
        });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

await main();
