/**
 * A time limit on every API request: when a handler has not answered within `ms` (a slow
 * database, a stuck lock), the client gets a 503 JSON answer saying so instead of waiting
 * for its own time-out. The handler is not stopped (a save may still commit); what it
 * answers afterwards is dropped.
 */
import type { RequestHandler } from 'express';
import { problem } from './errors.js';

const timedOut = new WeakSet<object>();

export const hasTimedOut = (res: object): boolean => timedOut.has(res);

export function requestTimeout(ms: number): RequestHandler {
  return (_req, res, next) => {
    if (ms <= 0) {
      next();
      return;
    }
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      timedOut.add(res);
      const err = problem(
        503,
        'TIMEOUT',
        `服务在 ${Math.round(ms / 1000)} 秒内没有完成这个请求；保存类操作可能仍会完成，请先查看版本历史再重试；若反复出现，请联系管理员`,
        `The service did not finish this request within ${Math.round(ms / 1000)} s; a save may still complete, so look at the history before saving again, and tell your administrator if it keeps happening`,
      );
      res.status(err.status).setHeader('Retry-After', '5');
      res.json({ error: { code: err.code, message: err.message, zh: err.zh, en: err.en } });
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    res.once('finish', clear);
    res.once('close', clear);
    next();
  };
}
