/**
 * The audit log of the requesting admin's county, newest first:
 *   GET /api/v1/audit?limit=100&before=ID&action=scenario.save
 *     -> { entries: [{ id, at, county, actor, role, action, target, inputHash, details }], next }
 * `next` is the `before` to ask for the following page (null at the end). The log is
 * append-only and hash-chained (server/storage/chain.ts); each read of it is an entry too.
 */
import type { RequestContext } from '../context.js';
import type { Endpoints } from './endpoint.js';

export function auditEndpoints(ctx: RequestContext): Pick<Endpoints, 'audit'> {
  return {
    audit: {
      needs: 'audit.read',
      refusal: { hint: { zh: '可用 limit（1–1000）、before（编号）、action。', en: 'Use limit (1–1000), before (an id) and action.' } },
      handle: async (req, _res, { storage, principal, query }) => {
        const entries = await storage.listAudit(principal.county, query);
        // Reading the log is itself recorded (after the read, so the page does not show itself).
        await ctx.audit(req, { action: 'audit.read', details: { limit: query.limit, before: query.before ?? null, action: query.action ?? null, entries: entries.length } });
        return { entries, next: entries.length === query.limit ? entries[entries.length - 1]!.id : null };
      },
    },
  };
}
