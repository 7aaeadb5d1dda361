/**
 * A time limit on every API request: when a handler has not answered within `ms` (a slow
 * database, a stuck lock), the client gets a 503 JSON answer saying so instead of waiting
 * for its own time-out. The handler is not stopped (a save may still commit); what it
 * answers afterwards is dropped. Calculations (the pooled routes, routes/pooled.ts) have
 * limits of their own, a CPU budget and a time from admission (pool/pool.ts), and are left
 * to them.
 */
import type { RequestHandler } from 'express';
import { ServiceError } from '../service-error.js';
import { sendError } from './errors.js';

export function requestTimeout(ms: number): RequestHandler {
  return (_req, res, next) => {
    if (ms <= 0) {
      next();
      return;
    }
    const timer = setTimeout(() => {
      if (res.headersSent || res.locals.pooled) return;
      // The handler may still throw or answer later; the error middleware then only logs.
      res.locals.timedOut = true;
      const seconds = Math.round(ms / 1000);
      sendError(
        res,
        new ServiceError(
          503,
          'TIMEOUT',
          {
            zh: `服务在 ${seconds} 秒内没有完成这个请求；保存类操作可能仍会完成，请先查看版本历史再重试；若反复出现，请联系管理员`,
            en: `The service did not finish this request within ${seconds} s; a save may still complete, so look at the history before saving again, and tell your administrator if it keeps happening`,
          },
          { headers: { 'Retry-After': '5' } },
        ),
      );
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}
