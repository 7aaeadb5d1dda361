/**
 * Every /api/v1 route, mounted in one place. Each family of endpoints is one router file.
 */
import { Router } from 'express';
import type { RequestContext } from '../app.js';
import { calcRouter } from './calc.js';
import { catalogRouter } from './catalog.js';
import { consolidationRouter } from './consolidation.js';
import { examplesRouter } from './examples.js';
import { formsRouter } from './forms.js';
import { rotationRouter } from './rotation.js';
import { auditRouter } from './audit.js';
import { profilesRouter } from './profiles.js';
import { scenariosRouter } from './scenarios.js';
import { sessionRouter } from './session.js';

export function apiRoutes(ctx: RequestContext): Router {
  const router = Router();
  router.use(catalogRouter());
  router.use(calcRouter({ maxCalls: ctx.limits.maxCalls, logger: ctx.deps.logger, contextFor: ctx.contextFor }));
  router.use(consolidationRouter(ctx.deps.logger));
  router.use(rotationRouter({ logger: ctx.deps.logger, contextFor: ctx.contextFor, audit: ctx.audit }));
  router.use(formsRouter({ audit: ctx.audit }));
  router.use(examplesRouter({ logger: ctx.deps.logger }));
  router.use(sessionRouter(ctx));
  router.use(scenariosRouter(ctx));
  router.use(profilesRouter(ctx));
  router.use(auditRouter(ctx));
  return router;
}
