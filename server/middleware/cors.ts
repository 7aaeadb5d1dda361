/**
 * CORS for the API with an allow-list: the service's own origin (the task pane and the
 * functions it serves), Excel on the web's origins, and whatever EDU_CORS_ORIGINS adds
 * (e.g. a separately hosted add-in). An entry may start with `https://*.` for any
 * subdomain. A request from any other web page is refused outright (403), so a page a user
 * happens to visit cannot drive the service, even a loopback one without sign-in.
 */
import type { Request, RequestHandler } from 'express';
import { ServiceError } from '../service-error.js';

/** Excel on the web loads add-ins from these; EDU_CORS_ORIGINS replaces the list. */
export const OFFICE_ORIGINS = ['https://excel.officeapps.live.com', 'https://*.officeapps.live.com', 'https://*.office.com'];

const ALLOWED_METHODS = 'GET, POST, PUT, OPTIONS';
const ALLOWED_HEADERS = 'Authorization, Content-Type';

function matcher(entries: readonly string[]): (origin: string) => boolean {
  const exact = new Set<string>();
  const suffixes: { scheme: string; suffix: string }[] = [];
  for (const raw of entries) {
    const entry = raw.trim().replace(/\/+$/, '').toLowerCase();
    if (!entry) continue;
    const wildcard = /^(https?):\/\/\*\.(.+)$/.exec(entry);
    if (wildcard) suffixes.push({ scheme: wildcard[1]!, suffix: `.${wildcard[2]!}` });
    else exact.add(entry);
  }
  return (origin) => {
    const o = origin.toLowerCase();
    if (exact.has(o)) return true;
    const m = /^(https?):\/\/([^/]+)$/.exec(o);
    return m !== null && suffixes.some((s) => s.scheme === m[1] && m[2]!.endsWith(s.suffix) && m[2]!.length > s.suffix.length);
  };
}

/**
 * Whether `origin` is the service's own address. Only the host (and port) is compared:
 * behind a TLS-terminating proxy the service sees http while the page was https, and the
 * only pages on the service's own host are its own.
 */
function isOwnOrigin(req: Request, origin: string): boolean {
  const m = /^https?:\/\/([^/]+)$/i.exec(origin);
  return m !== null && m[1]!.toLowerCase() === (req.host ?? '').toLowerCase();
}

export function cors(allowList: readonly string[]): RequestHandler {
  const allowed = matcher(allowList);
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin === undefined || isOwnOrigin(req, origin)) {
      next();
      return;
    }
    res.vary('Origin');
    if (!allowed(origin)) {
      next(
        new ServiceError(403, 'ORIGIN_NOT_ALLOWED', { zh: `不接受来自网页 ${origin} 的请求：只有本加载项和 Excel 网页版可以调用本服务；如需放行，请管理员在 EDU_CORS_ORIGINS 中加入该地址`, en: `Requests from the web page ${origin} are not accepted: only this add-in and Excel on the web may call the service; an administrator can add the origin to EDU_CORS_ORIGINS` }),
      );
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
