/**
 * createApp(deps) builds the Express app; only main.ts listens. One error handler turns
 * every failure into JSON (400 malformed, 401/403 sign-in and rights, 404 unknown route,
 * 413 too large, 429 too many requests, 503/507 database unavailable or full, 500 a bug,
 * never an HTML page); domain errors of formulas answer 422 from their routes.
 *
 * Every /api request passes, in order: CORS allow-list, time limit, sign-in (or the single
 * local user), per-user rate limit, the county's policy profiles; then its route, mounted
 * from its contract (routes/index.ts). With no deps the app calculates with the shipped profiles as the local user
 * and answers the storage routes with 503 (the calculation tests run this way).
 */
import express, { type Request, type RequestHandler } from 'express';
import { shippedProfileSource } from '../formulas/index.js';
import { authenticate, localPrincipal, type AuthMode } from './auth/authenticate.js';
import { actorOf, principalOf, type Principal } from './auth/principal.js';
import { silentLogger } from './logger.js';
import { cors, OFFICE_ORIGINS } from './middleware/cors.js';
import { errorResponder } from './middleware/errors.js';
import { rateLimit, RateLimiter } from './middleware/rate-limit.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { requestTimeout } from './middleware/timeout.js';
import { sharedPool } from './pool/pool.js';
import { mountRoutes } from './routes/index.js';
import { addinStatic } from './static.js';
import { OneTimeLinks } from './download-links.js';
import { CountyProfiles, policyOf, SHIPPED_POLICY, type CountyProfileSet } from './storage/county-profiles.js';
import { classifyDbError } from './storage/errors.js';
import { denialAuditor } from './records/denials.js';
import { ServiceError } from './service-error.js';
import { storableText } from './storage/text.js';
import { DEFAULT_LIMITS, DEFAULT_RECORDS, type AppDeps, type Limits, type RequestContext } from './context.js';

const LOCAL_COUNTY = 'local';

export function createApp(deps: AppDeps = {}): express.Express {
  const logger = deps.logger ?? silentLogger;
  const profiles = deps.profiles ?? shippedProfileSource;
  const limits: Limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const storage = deps.storage;
  const auth: AuthMode = deps.auth ?? { kind: 'local', principal: localPrincipal(LOCAL_COUNTY) };
  const countyProfiles = storage ? new CountyProfiles(storage, profiles, deps.profileCacheMs) : undefined;
  const profileSets = new WeakMap<Request, CountyProfileSet>();
  const EMPTY_SET: CountyProfileSet = { source: profiles, policy: SHIPPED_POLICY, stored: [], overLimit: [] };
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
    policyFor: (req) => {
      const set = profileSets.get(req);
      return set ? policyOf(set) : SHIPPED_POLICY;
    },
    profileSet: (req) => profileSets.get(req) ?? EMPTY_SET,
    currentProfiles: (county) => countyProfiles?.current(county) ?? Promise.resolve(EMPTY_SET),
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

  app.use('/api', cors(deps.corsOrigins ?? OFFICE_ORIGINS));
  app.use('/api', requestTimeout(limits.requestTimeoutMs));
  app.use('/api', authenticate(auth, storage, new RateLimiter(limits.signInFailures)));
  if (auth.kind === 'tokens') app.use('/api', rateLimit(new RateLimiter(limits.rateLimit)));
  app.use('/api/v1', loadProfiles);
  mountRoutes(app, ctx, deps.pool ?? sharedPool());
  app.use('/api', (req, _res, next) =>
    next(new ServiceError(404, 'NOT_FOUND', { zh: `没有这个接口：${req.method} /api${req.path}`, en: `No API route ${req.method} /api${req.path}` })),
  );

  if (deps.addinDir) app.use(addinStatic(deps.addinDir, deps.officeJs));

  app.use((req, _res, next) => next(new ServiceError(404, 'NOT_FOUND', { zh: `这里没有内容：${req.method} ${req.path}`, en: `Nothing at ${req.method} ${req.path}` })));
  app.use(errorResponder(logger, limits.maxBodyBytes, storage && denialAuditor(storage, logger)));
  return app;
}
