/**
 * Response headers that keep browsers from misusing the service's answers: no MIME
 * sniffing, no referrer leaking record ids, API answers never cached (they hold county
 * data) and never framed or run as a page. HSTS only when the service itself speaks TLS;
 * behind a TLS-terminating proxy the proxy sets it. The add-in's own pages are served
 * without frame restrictions because Excel shows them in a frame.
 */
import type { RequestHandler } from 'express';

export function securityHeaders(options: { hsts: boolean }): RequestHandler {
  return (req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (options.hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    if (req.path.startsWith('/api/') || req.path === '/healthz') {
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
      res.setHeader('X-Frame-Options', 'DENY');
    }
    next();
  };
}
