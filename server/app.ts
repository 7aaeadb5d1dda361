/**
 * createApp(deps) builds the Express app; only main.ts listens. One error handler turns
 * every failure into JSON (400 malformed, 404 unknown route, 413 too large, 500 a bug,
 * never an HTML page); domain errors of formulas answer 422 from their routes.
 */
import express, { type ErrorRequestHandler, type Request } from 'express';
import type { ComputeContext } from '../formulas/index.js';
import { shippedProfileSource } from '../formulas/index.js';
import type { ProfileSource } from '../formulas/core/profiles.js';
import { HttpError } from './http-error.js';
import { silentLogger, type Logger } from './logger.js';
import { apiRoutes } from './routes/index.js';
import { addinStatic } from './static.js';

export interface AppDeps {
  logger?: Logger;
  /** Policy profiles formulas read; the shipped ones unless storage supplies a county's. */
  profiles?: ProfileSource;
  /** Folder of the built add-in (dist/addin) to serve beside the API; omitted: API only. */
  addinDir?: string;
  limits?: Partial<Limits>;
}

export interface Limits {
  /** Largest JSON body accepted, in bytes. */
  maxBodyBytes: number;
  /** Calls one batch request may hold. */
  maxCalls: number;
}

export const DEFAULT_LIMITS: Limits = { maxBodyBytes: 20 * 1024 * 1024, maxCalls: 5000 };

/** Something worth an entry in the audit log (saves, loads, exports, profile changes). */
export interface AuditEvent {
  action: string;
  /** What was acted on, e.g. a scenario id or a form id. */
  target?: string;
  /** SHA-256 of the inputs, for exports. */
  inputHash?: string;
  details?: Record<string, unknown>;
}

export interface RequestContext {
  deps: Required<Pick<AppDeps, 'logger' | 'profiles'>> & AppDeps;
  limits: Limits;
  contextFor(req: Request): ComputeContext;
  /** Appends to the audit log as the requesting user; a no-op until storage is configured. */
  audit(req: Request, event: AuditEvent): Promise<void>;
}

export function createApp(deps: AppDeps = {}): express.Express {
  const logger = deps.logger ?? silentLogger;
  const profiles = deps.profiles ?? shippedProfileSource;
  const limits: Limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const ctx: RequestContext = {
    deps: { ...deps, logger, profiles },
    limits,
    contextFor: () => ({ profiles }),
    audit: async () => {},
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.use('/api', express.json({ limit: limits.maxBodyBytes, strict: false }));
  app.use('/api/v1', apiRoutes(ctx));
  app.use('/api', (req, _res, next) => next(new HttpError(404, 'NOT_FOUND', `No API route ${req.method} ${req.path}`)));

  if (deps.addinDir) app.use(addinStatic(deps.addinDir));

  app.use((req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: `Nothing at ${req.method} ${req.path}` } });
  });
  app.use(errorHandler(logger, limits));
  return app;
}

function errorHandler(logger: Logger, limits: Limits): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const { status, code, message } = classify(err, limits);
    if (status >= 500) logger.log('error', 'request.error', { method: req.method, path: req.path, error: String(err instanceof Error ? err.stack : err) });
    if (res.headersSent) return;
    res.status(status).json({ error: { code, message } });
  };
}

function classify(err: unknown, limits: Limits): { status: number; code: string; message: string } {
  if (err instanceof HttpError) return { status: err.status, code: err.code, message: err.message };
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return { status: 400, code: 'BAD_JSON', message: `The body is not valid JSON: ${(err as Error).message}` };
  if (type === 'entity.too.large') {
    return { status: 413, code: 'TOO_LARGE', message: `The body is larger than the limit of ${limits.maxBodyBytes} bytes; send fewer or smaller calls per request` };
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return { status: 415, code: 'UNSUPPORTED', message: 'Send the body as UTF-8 JSON' };
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: 'BAD_REQUEST', message: err instanceof Error ? err.message : 'Bad request' };
  }
  return { status: 500, code: 'INTERNAL', message: 'Internal error; it was logged. Please tell your administrator.' };
}
