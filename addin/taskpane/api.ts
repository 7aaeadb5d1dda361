/**
 * The pane's calls to the service: the address and sign-in token from the add-in's
 * settings (addin/functions/settings.ts), JSON in and out, a time limit, and every failure
 * turned into an ApiError whose words a finance clerk can act on, Chinese first.
 * The service's own bilingual messages (`{ error: { zh, en } }`) are used as they are; the
 * pane adds what to do where the service cannot know it (check the address, sign in).
 */
import type { ErrorBody, ErrorItem } from '../../contracts/errors.js';
import type { Bilingual } from '../../formulas/core/errors.js';
import { unreachableMessage } from '../functions/unreachable.js';

export interface ApiSettings {
  baseUrl(): string;
  token(): string | undefined;
  fetch?: typeof fetch;
}


export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly items: ErrorItem[] = [],
    /** How many more items the service counted but did not list. */
    readonly more = 0,
  ) {
    super(`${zh} / ${en}`);
  }
}

const DEFAULT_TIMEOUT_MS = 60_000;

const isItem = (x: unknown): x is ErrorItem => typeof x === 'object' && x !== null && typeof (x as Bilingual).zh === 'string' && typeof (x as Bilingual).en === 'string';

/** The words for a failed answer: the service's own (contracts/errors.ts), else the pane's by status. */
export function describeFailure(status: number, body: unknown): ApiError {
  const e = (typeof body === 'object' && body !== null ? (body as Partial<ErrorBody>).error : undefined) ?? undefined;
  const code = typeof e?.code === 'string' ? e.code : `HTTP_${status}`;
  const items = Array.isArray(e?.details?.issues) ? e.details.issues.filter(isItem) : [];
  const more = typeof e?.details?.more === 'number' && e.details.more > 0 ? e.details.more : 0;
  if (e && isItem(e)) return new ApiError(status, code, e.zh, e.en, items, more);
  const generic = byStatus(status);
  return new ApiError(status, code, generic.zh, generic.en, items, more);
}

function byStatus(status: number): Bilingual {
  if (status === 400) return { zh: '发送的数据不符合服务的要求：请检查所选表格的列和内容', en: 'The data sent does not fit what the service expects: check the chosen tables’ columns and contents' };
  if (status === 401) return { zh: '需要登录：请在“连接与设置”页填入管理员发给您的令牌', en: 'Sign-in required: enter the token your administrator gave you on the Connection page' };
  if (status === 403) return { zh: '您的账号没有这项权限：请联系管理员', en: 'Your account may not do this: ask your administrator' };
  if (status === 404) return { zh: '服务上找不到要找的内容：可能已被删除，或服务版本较旧', en: 'The service does not have what was asked for: it may have been removed, or the service is older' };
  if (status === 413) return { zh: '数据太大，服务拒收：请缩小所选范围，或请管理员调大上限（EDU_MAX_BODY_MB）', en: 'The data is too large for the service: choose less, or ask your administrator to raise EDU_MAX_BODY_MB' };
  if (status === 422) return { zh: '数据格式正确，但无法按规则处理：请看下面的说明', en: 'The data is well formed but cannot be processed under the rules: see below' };
  if (status === 429) return { zh: '请求太频繁：请稍等一分钟再试', en: 'Too many requests: wait a minute and try again' };
  if (status >= 500) return { zh: '服务内部出错，已记录：请稍后再试；如果仍然不行，请把出错时间告诉管理员', en: 'The service had an internal error, which it logged: try again later; if it persists, tell your administrator when it happened' };
  return { zh: `服务回答了意外的状态 ${status}：请稍后再试，或联系管理员`, en: `The service answered with unexpected status ${status}: try again later or ask your administrator` };
}

export function networkFailure(url: string): ApiError {
  const words = unreachableMessage(url);
  return new ApiError(0, 'NETWORK', words.zh, words.en);
}

export function timeoutFailure(seconds: number): ApiError {
  return new ApiError(
    0,
    'TIMEOUT',
    `服务在 ${seconds} 秒内没有回应：数据较多时请稍后再试；如果仍然不行，请联系管理员`,
    `The service did not answer within ${seconds} seconds: with much data, try again later; if it persists, ask your administrator`,
  );
}

/** The file name from Content-Disposition, preferring the UTF-8 form (filename*=UTF-8''…). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // A malformed encoding falls through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]!.trim() : fallback;
}

export class ServiceApi {
  constructor(private readonly settings: ApiSettings) {}

  baseUrl(): string {
    return this.settings.baseUrl();
  }

  private async send(method: 'GET' | 'POST' | 'PUT', path: string, body: unknown, timeoutMs: number, idempotencyKey?: string): Promise<Response> {
    const url = `${this.settings.baseUrl()}${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const token = this.settings.token();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const doFetch = this.settings.fetch ?? ((i: RequestInfo | URL, init?: RequestInit) => fetch(i, init));
    let res: Response;
    try {
      res = await doFetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: controller.signal });
    } catch {
      throw controller.signal.aborted ? timeoutFailure(Math.round(timeoutMs / 1000)) : networkFailure(this.settings.baseUrl());
    } finally {
      clearTimeout(timer);
    }
    if (!res.ok) {
      let parsed: unknown;
      try {
        parsed = await res.json();
      } catch {
        parsed = undefined;
      }
      throw describeFailure(res.status, parsed);
    }
    return res;
  }

  private async json<T>(res: Response): Promise<T> {
    try {
      return (await res.json()) as T;
    } catch {
      throw new ApiError(
        res.status,
        'NOT_JSON',
        '服务的回答无法识别：服务地址可能指向了别的网站，请在“连接与设置”页检查',
        'The answer could not be read: the service address may point at another site; check it on the Connection page',
      );
    }
  }

  async get<T>(path: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return this.json<T>(await this.send('GET', path, undefined, timeoutMs));
  }

  async post<T>(path: string, body: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return this.json<T>(await this.send('POST', path, body, timeoutMs));
  }

  async put<T>(path: string, body: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return this.json<T>(await this.send('PUT', path, body, timeoutMs));
  }

  /**
   * A POST that creates a record (a scenario version), sent with an Idempotency-Key and sent
   * once more with the same key when the answer was lost (network failure, time-out): the
   * service then answers the first save instead of adding a second version.
   */
  async postOnce<T>(path: string, body: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    const key = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    try {
      return await this.json<T>(await this.send('POST', path, body, timeoutMs, key));
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 0) throw err;
      return this.json<T>(await this.send('POST', path, body, timeoutMs, key));
    }
  }

  /** POST answering a file (the .xlsx of a form): its bytes and the name the service gives it. */
  async postForFile(path: string, body: unknown, fallbackName: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<{ blob: Blob; fileName: string }> {
    const res = await this.send('POST', path, body, timeoutMs);
    return { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition'), fallbackName) };
  }
}
