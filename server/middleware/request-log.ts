/**
 * One structured log line per API request: method, path (never the query string or
 * headers, so never a token), status, duration, user and county, and a request id that is
 * also sent back as X-Request-Id for matching a user's report to the log.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { principalOf } from '../auth/principal.js';
import type { Logger } from '../logger.js';

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    const id = randomUUID();
    const path = req.path;
    res.setHeader('X-Request-Id', id);
    res.once('finish', () => {
      const principal = principalOf(req);
      logger.log(res.statusCode >= 500 ? 'warn' : 'info', 'request', {
        id,
        method: req.method,
        path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - start) / 1e6,
        user: principal?.name,
        county: principal?.county,
      });
    });
    next();
  };
}
