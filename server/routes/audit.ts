/**
 * The audit log of the requesting admin's county, newest first:
 *   GET /api/v1/audit?limit=100&before=ID&action=scenario.save
 *     -> { entries: [{ id, at, county, actor, role, action, target, inputHash, details }], next }
 * `next` is the `before` to ask for the following page (null at the end). The log is
 * append-only and hash-chained (server/storage/chain.ts); each read of it is an entry too.
 */
import { Router } from 'express';
import type { RequestContext } from '../context.js';
import { guard } from '../auth/guard.js';
import { auditQuerySchema } from '../../contracts/records.js';
import { zodProblem } from './zod-problem.js';

export function auditRouter(ctx: RequestContext): Router {
  const router = Router();
  router.get('/audit', async (req, res) => {
    const { storage, principal } = guard(ctx, req, 'audit.read');
    const q = auditQuerySchema.safeParse(req.query);
    if (!q.success) {
      throw zodProblem(q.error, req.query, { zh: '查询参数', en: 'query' }, { zh: '可用 limit（1–1000）、before（编号）、action。', en: 'Use limit (1–1000), before (an id) and action.' });
    }
    const entries = await storage.listAudit(principal.county, q.data);
    // Reading the log is itself recorded (after the read, so the page does not show itself).
    await ctx.audit(req, { action: 'audit.read', details: { limit: q.data.limit, before: q.data.before ?? null, action: q.data.action ?? null, entries: entries.length } });
    res.json({ entries, next: entries.length === q.data.limit ? entries[entries.length - 1]!.id : null });
  });
  return router;
}
