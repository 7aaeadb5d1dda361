/**
 * Connection and sign-in, in words every front end shows the same way: whether the service
 * answers at the address in the settings and which functions it offers, and whom the token
 * signs in as (GET /api/v1/session). Saving a new address or token forgets cached results,
 * which another service or another county's profile could make wrong.
 */
import type { CatalogEntry } from '../contracts/calc.js';
import type { Bilingual } from '../formulas/core/errors.js';
import type { BatchClient } from './batch.js';
import { ClientError, unreachableMessage, wordsOf } from './failures.js';
import type { ServiceClient } from './http.js';
import type { Saved, Settings } from './settings.js';

const CHECK_TIMEOUT_MS = 15_000;

export interface ConnectionState {
  ok: boolean;
  /** The service answers but wants a token first. */
  signInNeeded: boolean;
  words: Bilingual;
  functions: CatalogEntry[];
}

export async function checkConnection(api: ServiceClient): Promise<ConnectionState> {
  try {
    await api.call('health', {}, { timeoutMs: CHECK_TIMEOUT_MS });
    const { functions } = await api.call('functions', {}, { timeoutMs: CHECK_TIMEOUT_MS });
    return { ok: true, signInNeeded: false, words: { zh: `已连接，可用函数 ${functions.length} 个`, en: `Connected: ${functions.length} functions available` }, functions };
  } catch (err) {
    // A refusal reads as every other 401/403 does (the service's words, else failures.ts's).
    const signInNeeded = err instanceof ClientError && (err.status === 401 || err.status === 403);
    return { ok: false, signInNeeded, words: wordsOf(err) ?? unreachableMessage(api.baseUrl()), functions: [] };
  }
}

const ROLE_ZH: Record<string, string> = { admin: '管理员', finance: '财务', personnel: '人事', planner: '规划', viewer: '只读用户' };

export interface SessionState {
  ok: boolean;
  words: Bilingual;
  /** Said beside the words, e.g. that a viewer cannot save scenarios. */
  note?: Bilingual;
}

export async function checkSession(api: ServiceClient): Promise<SessionState> {
  try {
    const s = await api.call('session', {}, { timeoutMs: CHECK_TIMEOUT_MS });
    const words = s.local
      ? { zh: '本机模式：无需登录（仅限本机使用）', en: 'Local mode: no sign-in needed (this computer only)' }
      : { zh: `已登录：${s.user}（${ROLE_ZH[s.role] ?? s.role}，${s.county}）`, en: `Signed in as ${s.user} (${s.role}, county ${s.county})` };
    const note = s.permissions.includes('scenario.write') ? undefined : { zh: '只读账号不能保存方案', en: 'a viewer cannot save scenarios' };
    return { ok: true, words, note };
  } catch (err) {
    return { ok: false, words: wordsOf(err) ?? unreachableMessage(api.baseUrl()) };
  }
}

/** Saves the address (blank: back to the default) and the token, and forgets cached results. */
export function saveConnection(settings: Settings, functions: BatchClient, url: string, token: string): Saved {
  const saved = url.trim() ? settings.setServiceUrl(url) : (settings.resetServiceUrl(), { ok: true as const, url: settings.serviceUrl() });
  if (!saved.ok) return saved;
  settings.setToken(token);
  functions.clearCache();
  return saved;
}
