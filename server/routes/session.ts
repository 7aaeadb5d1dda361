/**
 * GET /api/v1/session: who the token belongs to, so the task pane's sign-in field can say
 * "signed in as 张三 (财务, county 360000)" or show the error at once.
 *   -> { user, role, county, local, storage, permissions }
 */
import type { RequestContext } from '../context.js';
import { GRANTS } from '../auth/roles.js';
import type { Endpoints } from './endpoint.js';

export function sessionEndpoints(ctx: RequestContext): Pick<Endpoints, 'session'> {
  return {
    session: {
      handle: (req) => {
        const p = ctx.principal(req);
        return { user: p.name, role: p.role, county: p.county, local: p.local, storage: ctx.storage?.kind ?? null, permissions: [...GRANTS[p.role]] };
      },
    },
  };
}
