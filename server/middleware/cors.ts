/**
 * CORS for the API with an allow-list: the service's own origin (the task pane and the
 * functions it serves), Excel on the web's origins, and whatever EDU_CORS_ORIGINS adds
 * (e.g. a separately hosted add-in). An entry of EDU_CORS_ORIGINS may start with
 * `https://*.` for any subdomain; the default list names exact origins only. A request from any other web page is refused outright (403), so a page a user
 * happens to visit cannot drive the service, even a loopback one without sign-in.
 */
import type { Request, RequestHandler } from 'express';
import { ServiceError } from '../service-error.js';

/**
 * Excel on the web's own origins, exactly: no subdomain wildcard, since any page under
 * *.office.com or *.officeapps.live.com could otherwise drive the service. EDU_CORS_ORIGINS
 * replaces the list (e.g. to add a tenant's regional host such as
 * https://usc-excel.officeapps.live.com, which the 403 message names).
 *   - excel.officeapps.live.com: Excel for the web; the Origin of its requests for an
 *     add-in's files (office-js issue #3970).
 *   - inc-excel.officeapps.live.com: the same for a regional business cluster
 *     (office-js-docs-pr issue #1920).
 *   - excel.cloud.microsoft: Microsoft 365's unified domain, where Microsoft is moving its
 *     apps; only Microsoft's own experiences live under it ("Unified cloud.microsoft domain
 *     for Microsoft 365 apps", learn.microsoft.com, 2024-04-18).
 * Microsoft's endpoint list (Office 365 URLs and IP address ranges) names these services
 * only by wildcard, so the exact hosts above are the observed ones; docs/security.md says
 * what was not verified.
 */
export const OFFICE_ORIGINS = ['https://excel.officeapps.live.com', 'https://inc-excel.officeapps.live.com', 'https://excel.cloud.microsoft'];

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
