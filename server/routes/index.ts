/**
 * Every /api/v1 route, mounted in one place. Each family of endpoints is one router file.
 */
import { Router } from 'express';
import type { RequestContext } from '../app.js';
import { calcRouter } from './calc.js';
import { catalogRouter } from './catalog.js';

export function apiRoutes(ctx: RequestContext): Router {
  const router = Router();
  router.use(catalogRouter());
  router.use(calcRouter({ maxCalls: ctx.limits.maxCalls, logger: ctx.deps.logger, contextFor: ctx.contextFor }));
  return router;
}
