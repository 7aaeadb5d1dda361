/**
 * Refusals go to the audit log too: every 401 and 403 answer, with who (the user when the
 * token was known, else "anonymous"), when, and what (method, path without its query, the
 * answer's code). Never the token, the body or the client's address. Unknown callers are
 * recorded under the county "-". At most `perMinute` entries per client address, so a flood
 * of bad requests cannot fill the disk through the audit log; the rest are counted in the
 * service log instead.
 */
import type { Request } from 'express';
import { principalOf } from '../auth/principal.js';
import { refusedUserOf } from '../auth/authenticate.js';
import type { Logger } from '../logger.js';
import { RateLimiter } from '../middleware/rate-limit.js';
import { storableText } from '../storage/text.js';
import type { Storage } from '../storage/types.js';

export const UNKNOWN_COUNTY = '-';

export function denialAuditor(storage: Storage, logger: Logger, perMinute = 60): (req: Request, status: number, code: string) => Promise<void> {
  const limiter = new RateLimiter({ perMinute, burst: perMinute });
  return async (req, status, code) => {
    if (limiter.take(`ip:${req.ip ?? ''}`) > 0) {
      logger.log('warn', 'audit.denial-not-recorded', { status, code, reason: 'too many refusals from one address' });
      return;
    }
    const who = principalOf(req) ?? refusedUserOf(req);
    const actor = who ? { name: who.name, role: who.role, county: who.county } : { name: 'anonymous', role: 'anonymous' as const, county: UNKNOWN_COUNTY };
    try {
      await storage.appendAudit(
        { action: status === 401 ? 'access.unauthenticated' : 'access.forbidden', target: storableText(`${req.method} ${req.path}`).slice(0, 300), details: { status, code } },
        actor,
      );
    } catch (err) {
      logger.log('warn', 'audit.denial-not-recorded', { status, code, error: err instanceof Error ? err.message : String(err) });
    }
  };
}
