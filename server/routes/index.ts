/**
 * Every route, mounted one way: for each contract of contracts/routes.ts (method, path,
 * query, body, answer) the endpoint that answers it (endpoint.ts), either a job of the
 * worker pool or a function on the main thread. Each family of endpoints is one file; the
 * `Endpoints` type makes a contract without an endpoint a compile error, and nothing is
 * mounted that has no contract.
 */
import type { Router } from 'express';
import { ROUTES, type RouteContract, type RouteName } from '../../contracts/routes.js';
import type { RequestContext } from '../context.js';
import { jsonBody } from '../middleware/json-body.js';
import type { CalcPool } from '../pool/pool.js';
import { auditEndpoints } from './audit.js';
import { catalogEndpoints } from './catalog.js';
import { mainThread, type Endpoint, type Endpoints } from './endpoint.js';
import { exampleEndpoints } from './examples.js';
import { formEndpoints } from './forms.js';
import { planEndpoints } from './plans.js';
import { pooledHandlers } from './pooled.js';
import { profileEndpoints } from './profiles.js';
import { scenarioEndpoints } from './scenarios.js';
import { serviceEndpoints } from './service.js';
import { sessionEndpoints } from './session.js';

export function endpoints(ctx: RequestContext): Endpoints {
  return {
    ...serviceEndpoints(ctx),
    ...catalogEndpoints(),
    ...planEndpoints,
    ...formEndpoints(),
    ...exampleEndpoints(),
    ...sessionEndpoints(ctx),
    ...scenarioEndpoints(ctx),
    ...profileEndpoints(ctx),
    ...auditEndpoints(ctx),
  };
}

/**
 * Mounts every contract on `router` (the app: paths are full, /healthz and /api/v1/...).
 * The /api middleware (sign-in, limits, profiles) is the app's, mounted before; a
 * main-thread route with a body parses JSON on the main thread (at most
 * maxRecordBodyBytes), a pooled one hands its raw bytes to a worker.
 */
export function mountRoutes(router: Router, ctx: RequestContext, pool: CalcPool): void {
  const { limits } = ctx;
  const answers = endpoints(ctx);
  const pooled = pooledHandlers({
    pool,
    maxBodyBytes: limits.maxBodyBytes,
    work: { maxCalls: limits.maxCalls, maxValues: limits.maxValues },
    policyFor: ctx.policyFor,
    audit: ctx.audit,
    logger: ctx.deps.logger,
    downloads: ctx.downloads,
  });
  const json = jsonBody(Math.min(limits.maxBodyBytes, limits.maxRecordBodyBytes), limits.maxValues);
  for (const name of Object.keys(ROUTES) as RouteName[]) {
    const contract: RouteContract = ROUTES[name];
    const endpoint = answers[name] as Endpoint<RouteName>;
    const handlers = 'job' in endpoint ? pooled(endpoint) : [...(contract.body ? json : []), mainThread(ctx, contract, endpoint)];
    router[contract.method](contract.path, ...handlers);
  }
}
