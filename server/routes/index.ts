/**
 * Every /api/v1 route that runs on the main thread, mounted in one place (the pooled ones,
 * calculations, plans and form exports, are in pooled.ts). Each family of endpoints is one
 * router file.
 */
import { Router } from 'express';
import type { RequestContext } from '../context.js';
import { catalogRouter } from './catalog.js';
import { examplesRouter } from './examples.js';
import { formsRouter } from './forms.js';
import { auditRouter } from './audit.js';
import { profilesRouter } from './profiles.js';
import { scenariosRouter } from './scenarios.js';
import { sessionRouter } from './session.js';

export function apiRoutes(ctx: RequestContext): Router {
  const router = Router();
  router.use(catalogRouter());
  router.use(formsRouter());
  router.use(examplesRouter({ logger: ctx.deps.logger }));
  router.use(sessionRouter(ctx));
  router.use(scenariosRouter(ctx));
  router.use(profilesRouter(ctx));
  router.use(auditRouter(ctx));
  return router;
}
