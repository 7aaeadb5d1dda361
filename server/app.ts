/**
 * createApp(deps) builds the Express app; only main.ts listens. One error handler turns
 * every failure into JSON (400 malformed, 401/403 sign-in and rights, 404 unknown route,
 * 413 too large, 429 too many requests, 503/507 database unavailable or full, 500 a bug,
 * never an HTML page); domain errors of formulas answer 422 from their routes.
 *
 * Every /api request passes, in order: CORS allow-list, time limit, sign-in (or the single
 * local user), per-user rate limit, JSON body checks, the county's policy profiles; then
 * its router. With no deps the app calculates with the shipped profiles as the local user
 * and answers the storage routes with 503 (the calculation tests run this way).
 */
import express, { type Request, type RequestHandler } from 'express';
import { shippedProfileSource } from '../formulas/index.js';
import type { ProfileSource } from '../formulas/core/profiles.js';
import { authenticate, localPrincipal, type AuthMode } from './auth/authenticate.js';
import { actorOf, principalOf, type Principal } from './auth/principal.js';
import { silentLogger, type Logger } from './logger.js';
import { cors, OFFICE_ORIGINS } from './middleware/cors.js';
import { errorResponder } from './middleware/errors.js';
import { jsonBody } from './middleware/json-body.js';
import { rateLimit, RateLimiter, type RateLimit } from './middleware/rate-limit.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { requestTimeout } from './middleware/timeout.js';
import type { CountyPolicy } from './pool/job.js';
import { type CalcPool, sharedPool } from './pool/pool.js';
import { apiRoutes } from './routes/index.js';
import { pooledRouter } from './routes/pooled.js';
import { addinStatic } from './static.js';
import { OneTimeLinks } from './download-links.js';
import { contentDisposition } from './jobs/form-export.js';
import { CountyProfiles, SHIPPED_POLICY, type CountyProfileSet } from './storage/county-profiles.js';
import { classifyDbError } from './storage/errors.js';
import { denialAuditor } from './records/denials.js';
import type { RecordsHealth } from './records/health.js';
import type { RecordSettings } from './config.js';
import { ServiceError } from './service-error.js';
import { storableText } from './storage/text.js';
import type { Storage } from './storage/types.js';

export interface AppDeps {
  logger?: Logger;
  /** Policy profiles formulas read; the shipped ones, with each county's stored ones layered over them. */
  profiles?: ProfileSource;
  /** Folder of the built add-in (dist/addin) to serve beside the API; omitted: API only. */
  addinDir?: string;
  /** The office.js address the add-in's pages use (office-js-source.ts); default: the local copy. */
  officeJs?: string;
  limits?: Partial<Limits>;
  /** Scenarios, users, county profiles and the audit log; omitted: those routes answer 503. */
  storage?: Storage;
  /** Sign-in with tokens (needs storage), or the single local user; default: local user of county "local". */
  auth?: AuthMode;
  /** Origins allowed to call the API from a browser besides the service's own; default: Excel on the web. */
  corsOrigins?: readonly string[];
  /** Send Strict-Transport-Security (the service itself speaks TLS). */
  hsts?: boolean;
  /** Express 'trust proxy' for a reverse proxy in front (client address in logs and limits). */
  trustProxy?: string | number | boolean;
  /** How long an instance keeps a county's profiles before reading them again. */
  profileCacheMs?: number;
  /** The worker pool calculations run in; default: one shared by every app of the process. */
  pool?: CalcPool;
  /** Token lifetime, retention of personal records, county quota, free-space floor. */
  records?: Partial<RecordSettings>;
  /** The result of verifying the hash chains at start, shown on /healthz. */
  recordsHealth?: RecordsHealth;
}

export const DEFAULT_RECORDS: RecordSettings = {
  tokenDays: 90,
  personalRetentionDays: 365,
  countyQuotaBytes: 1024 * 1024 * 1024,
  minFreeBytes: 256 * 1024 * 1024,
};

export interface Limits {
  /** Largest JSON body a calculation, plan or form accepts, in bytes (parsed in a worker thread). */
  maxBodyBytes: number;
  /**
   * Largest JSON body of the other routes (scenarios, profiles), in bytes: parsed on the
   * main thread, so kept to what parses in well under a second (docs/deploy.md).
   */
  maxRecordBodyBytes: number;
  /** Calls one batch request may hold. */
  maxCalls: number;
  /** Values (numbers, texts, cells of packed ranges ...) one calculation body may hold. */
  maxValues: number;
  /** Requests per signed-in user (per instance); perMinute 0 turns it off. Not applied to the local user. */
  rateLimit: RateLimit;
  /** Failed sign-ins (unknown or revoked tokens) per client address; perMinute 0 turns it off. */
  signInFailures: RateLimit;
  /** An API request not answered within this many milliseconds gets a 503; 0 turns it off. */
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 20 * 1024 * 1024,
  maxRecordBodyBytes: 4 * 1024 * 1024,
  maxCalls: 5000,
  maxValues: 2_000_000,
  rateLimit: { perMinute: 1200, burst: 200 },
  signInFailures: { perMinute: 60, burst: 60 },
  requestTimeoutMs: 30_000,
};

/** Something worth an entry in the audit log (saves, loads, exports, profile changes). */
export interface AuditEvent {
  action: string;
  /** What was acted on, e.g. a scenario id or a form id. */
  target?: string;
  /** SHA-256 of the inputs, for exports. */
  inputHash?: string;
  details?: Record<string, unknown>;
  /** The county whose log gets the entry, when not the requester's (a request for another county's record). */
  county?: string;
}

export interface RequestContext {
  deps: Required<Pick<AppDeps, 'logger' | 'profiles'>> & AppDeps;
  limits: Limits;
  records: RecordSettings;
  /** The store, or undefined when the app runs without one. */
  storage: Storage | undefined;
  /** The requesting county's stored profiles as data, for a worker thread. */
  policyFor(req: Request): CountyPolicy;
  /**
   * Appends to the audit log as the requesting user; a no-op without storage. Throws when
   * the entry cannot be written, except when the disk is full: a read must still work then,
   * so the entry goes to the service log (no personal data) and the request goes on.
   */
  audit(req: Request, event: AuditEvent): Promise<void>;
  /** Who is asking (set for every /api request). */
  principal(req: Request): Principal;
  /** Drops this instance's cached profiles of `county` after a change. */
  profilesChanged(county: string): void;
  /** Files waiting behind one-time download links (Excel for Mac). */
  downloads: OneTimeLinks;
}

const LOCAL_COUNTY = 'local';

export function createApp(deps: AppDeps = {}): express.Express {
  const logger = deps.logger ?? silentLogger;
  const profiles = deps.profiles ?? shippedProfileSource;
  const limits: Limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const storage = deps.storage;
  const auth: AuthMode = deps.auth ?? { kind: 'local', principal: localPrincipal(LOCAL_COUNTY) };
  const countyProfiles = storage ? new CountyProfiles(storage, profiles, deps.profileCacheMs) : undefined;
  const profileSets = new WeakMap<Request, CountyProfileSet>();
  const fallbackPrincipal = auth.kind === 'local' ? auth.principal : undefined;

  const principal = (req: Request): Principal => {
    const p = principalOf(req) ?? fallbackPrincipal;
    if (!p) throw new Error('principal(req) called outside an authenticated /api request');
    return p;
  };

  const ctx: RequestContext = {
    deps: { ...deps, logger, profiles },
    limits,
    records: { ...DEFAULT_RECORDS, ...deps.records },
    storage,
    policyFor: (req) => profileSets.get(req)?.policy ?? SHIPPED_POLICY,
    audit: async (req, event) => {
      if (!storage) return;
      const record = {
        action: storableText(event.action).slice(0, 100),
        target: event.target === undefined ? undefined : storableText(event.target).slice(0, 500),
        inputHash: event.inputHash,
        details: event.details,
      };
      const actor = { ...actorOf(principal(req)), ...(event.county ? { county: event.county } : {}) };
      try {
        await storage.appendAudit(record, actor);
      } catch (err) {
        if (classifyDbError(err)?.failure !== 'full') throw err;
        logger.log('warn', 'audit.disk-full', { ...record, actor: actor.name, county: actor.county });
      }
    },
    principal,
    profilesChanged: (county) => countyProfiles?.invalidate(county),
    downloads: new OneTimeLinks(),
  };

  const loadProfiles: RequestHandler = async (req, _res, next) => {
    const p = principalOf(req);
    if (countyProfiles && p) profileSets.set(req, await countyProfiles.get(p.county));
    next();
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);

  app.use(requestLog(logger));
  app.use(securityHeaders({ hsts: deps.hsts ?? false }));

  app.get('/healthz', async (_req, res) => {
    if (!storage) {
      res.json({ status: 'ok' });
      return;
    }
    const records = deps.recordsHealth?.state();
    try {
      await storage.ping();
      res.json({ status: 'ok', storage: storage.kind, ...(records ? { records } : {}) });
    } catch {
      res.status(503).json({ status: 'unavailable', storage: storage.kind, ...(records ? { records } : {}) });
    }
  });

  // Outside /api: the system browser that opens a one-time link carries no sign-in token.
  app.get('/downloads/:token', (req, res, next) => {
    const file = ctx.downloads.take(req.params.token);
    if (!file) {
      next(
        new ServiceError(404, 'LINK_GONE', {
          zh: '下载链接已用过或已过期（5 分钟内有效，只能用一次）：请回到 Excel 任务窗格再点一次“下载”',
          en: 'This download link was used already or has expired (it works once, within 5 minutes): click Download in the Excel task pane again',
        }),
      );
      return;
    }
    res.set('Cache-Control', 'no-store').type(file.type).set('Content-Disposition', contentDisposition(file.fileName, 'download.xlsx')).send(file.bytes);
  });

  app.use('/api', cors(deps.corsOrigins ?? OFFICE_ORIGINS));
  app.use('/api', requestTimeout(limits.requestTimeoutMs));
  app.use('/api', authenticate(auth, storage, new RateLimiter(limits.signInFailures)));
  if (auth.kind === 'tokens') app.use('/api', rateLimit(new RateLimiter(limits.rateLimit)));
  app.use('/api/v1', loadProfiles);
  app.use(
    '/api/v1',
    pooledRouter({
      pool: deps.pool ?? sharedPool(),
      maxBodyBytes: limits.maxBodyBytes,
      work: { maxCalls: limits.maxCalls, maxValues: limits.maxValues },
      policyFor: ctx.policyFor,
      audit: ctx.audit,
      logger,
      downloads: ctx.downloads,
    }),
  );
  app.use('/api', ...jsonBody(Math.min(limits.maxBodyBytes, limits.maxRecordBodyBytes), limits.maxValues));
  app.use('/api/v1', apiRoutes(ctx));
  app.use('/api', (req, _res, next) =>
    next(new ServiceError(404, 'NOT_FOUND', { zh: `没有这个接口：${req.method} /api${req.path}`, en: `No API route ${req.method} /api${req.path}` })),
  );

  if (deps.addinDir) app.use(addinStatic(deps.addinDir, deps.officeJs));

  app.use((req, _res, next) => next(new ServiceError(404, 'NOT_FOUND', { zh: `这里没有内容：${req.method} ${req.path}`, en: `Nothing at ${req.method} ${req.path}` })));
  app.use(errorResponder(logger, limits.maxBodyBytes, storage && denialAuditor(storage, logger)));
  return app;
}
