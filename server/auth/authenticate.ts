/**
 * Who is calling. With sign-in on, every /api request needs `Authorization: Bearer <token>`
 * of an active user; the user's role and county then decide what the request may see.
 * Without sign-in (a loopback service for one person's machine) every request is the single
 * local user, an admin of the local county; the Host header must then be a loopback name,
 * so a web page that rebinds its own domain to 127.0.0.1 cannot act as that user.
 */
import type { Request, RequestHandler } from 'express';
import { ServiceError } from '../service-error.js';
import type { RateLimiter } from '../middleware/rate-limit.js';
import type { Storage } from '../storage/types.js';
import { setPrincipal, type Principal } from './principal.js';
import { digestToken, looksLikeToken, sameHash } from './tokens.js';

export type AuthMode = { kind: 'tokens' } | { kind: 'local'; principal: Principal };

export const LOCAL_USER = 'local';

export function localPrincipal(county: string): Principal {
  return { name: LOCAL_USER, role: 'admin', county, local: true };
}

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="edu"' };

const signInRequired = () =>
  new ServiceError(401, 'UNAUTHENTICATED', { zh: '需要登录：请在任务窗格的“登录”处填入管理员发给您的令牌', en: 'Sign-in required: enter the token your administrator gave you in the task pane’s sign-in field' }, { headers: CHALLENGE });

const badToken = () =>
  new ServiceError(401, 'UNAUTHENTICATED', { zh: '令牌无效或已被撤销：请向管理员重新申请令牌', en: 'The token is not valid or has been revoked: ask your administrator for a new one' }, { headers: CHALLENGE });

const expiredToken = (at: string) =>
  new ServiceError(
    401,
    'TOKEN_EXPIRED',
    {
      zh: `您的令牌已于 ${at}（UTC）过期：请向本县管理员申请新令牌（npm run user -- token 用户名）`,
      en: `Your token expired at ${at} (UTC): ask your county's administrator for a new one (npm run user -- token NAME)`,
    },
    { headers: CHALLENGE },
  );

const tooManyFailures = (retryAfter: number) =>
  new ServiceError(429, 'TOO_MANY_FAILED_SIGN_INS', { zh: `令牌无效，且此地址的失败登录过多：请确认令牌后 ${retryAfter} 秒再试`, en: `The token is not valid and this address has failed to sign in too often: check the token and try again in ${retryAfter} s` }, { headers: { ...CHALLENGE, 'Retry-After': String(retryAfter) } });

const LOOPBACK_HOST = /^(localhost|[a-z0-9-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

export function isLoopbackHostHeader(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host);
}

function bearer(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header === undefined) return undefined;
  const m = /^Bearer +(\S+) *$/i.exec(header);
  return m ? m[1]! : '';
}

/**
 * @param failures limits failed sign-ins per client address (guessing tokens).
 */
export function authenticate(mode: AuthMode, storage: Storage | undefined, failures: RateLimiter): RequestHandler {
  if (mode.kind === 'local') {
    return (req, _res, next) => {
      if (!isLoopbackHostHeader(req.get('host'))) {
        next(
          new ServiceError(403, 'NOT_LOOPBACK', { zh: '本机模式（未开启登录）只接受发往 localhost / 127.0.0.1 的请求', en: 'Without sign-in the service only answers requests addressed to localhost / 127.0.0.1' }),
        );
        return;
      }
      setPrincipal(req, mode.principal);
      next();
    };
  }
  if (!storage) throw new Error('sign-in needs storage: pass deps.storage to createApp');
  return async (req, _res, next) => {
    const token = bearer(req);
    if (token === undefined) throw signInRequired();
    const user = looksLikeToken(token) ? await findUser(storage, token) : undefined;
    if (!user) {
      const wait = failures.take(`ip:${req.ip ?? ''}`);
      throw wait > 0 ? tooManyFailures(wait) : badToken();
    }
    const principal: Principal = { name: user.name, role: user.role, county: user.county, local: false };
    if (user.tokenExpiresAt !== null && user.tokenExpiresAt <= new Date().toISOString()) {
      refused.set(req, principal);
      throw expiredToken(user.tokenExpiresAt);
    }
    setPrincipal(req, principal);
    next();
  };
}

const refused = new WeakMap<Request, Principal>();

/** The user of a known but refused token (expired), for the audit entry of the 401. */
export const refusedUserOf = (req: Request): Principal | undefined => refused.get(req);

async function findUser(storage: Storage, token: string) {
  const digest = digestToken(token);
  const user = await storage.activeUserByTokenLookup(digest.lookup);
  return user && sameHash(user.tokenHash, digest.hash) ? user : undefined;
}
