/**
 * GET /api/v1/session: who the token belongs to, so the task pane's sign-in field can say
 * "signed in as 张三 (财务, county 360000)" or show the error at once.
 *   -> { user, role, county, local, permissions }
 */
import { Router } from 'express';
import type { RequestContext } from '../context.js';
import { GRANTS } from '../auth/roles.js';

export function sessionRouter(ctx: RequestContext): Router {
  const router = Router();
  router.get('/session', (req, res) => {
    const p = ctx.principal(req);
    res.json({ user: p.name, role: p.role, county: p.county, local: p.local, storage: ctx.storage?.kind ?? null, permissions: GRANTS[p.role] });
  });
  return router;
}
