/**
 * Every way a call to the service can fail, in words a clerk can act on, Chinese first: the
 * one message set of every front end (the Office add-in, the WPS add-in, the Excel
 * 2016/2019 pane). The service's own bilingual words (`{ error: { zh, en } }`,
 * contracts/errors.ts) are used as they are; the client adds what to do where the service
 * cannot know it (whom to contact when it cannot be reached, where to enter a token).
 * Messages stay `{zh, en}` here; a host joins them only where it needs one string.
 */
import type { ErrorBody, ErrorItem } from '../contracts/errors.js';
import type { Bilingual } from '../formulas/core/errors.js';

export type { Bilingual, ErrorItem };

/** A failed call: the HTTP status (0 when no answer came), a code and the words. */
export class ClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly items: ErrorItem[] = [],
    /** How many more items the service counted but did not list. */
    readonly more = 0,
  ) {
    super(code);
  }

  /** No answer, or a gateway in between gave up: sending the same request again may work. */
  get retryable(): boolean {
    return (this.status === 0 && (this.code === 'NETWORK' || this.code === 'TIMEOUT')) || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

const failure = (status: number, code: string, words: Bilingual) => new ClientError(status, code, words.zh, words.en);

const isItem = (x: unknown): x is ErrorItem => typeof x === 'object' && x !== null && typeof (x as Bilingual).zh === 'string' && typeof (x as Bilingual).en === 'string';

/** The words for a failed answer: the service's own (contracts/errors.ts), else the client's by status. */
export function describeFailure(status: number, body: unknown): ClientError {
  const e = (typeof body === 'object' && body !== null ? (body as Partial<ErrorBody>).error : undefined) ?? undefined;
  const code = typeof e?.code === 'string' ? e.code : `HTTP_${status}`;
  const items = Array.isArray(e?.details?.issues) ? e.details.issues.filter(isItem) : [];
  const more = typeof e?.details?.more === 'number' && e.details.more > 0 ? e.details.more : 0;
  const words = e && isItem(e) ? e : byStatus(status);
  return new ClientError(status, code, words.zh, words.en, items, more);
}

export const SIGN_IN_NEEDED: Bilingual = { zh: '需要登录：请在“连接与设置”页填入管理员发给您的令牌', en: 'Sign-in required: enter the token your administrator gave you on the Connection page' };

function byStatus(status: number): Bilingual {
  if (status === 400) return { zh: '发送的数据不符合服务的要求：请检查所选表格的列和内容', en: 'The data sent does not fit what the service expects: check the chosen tables’ columns and contents' };
  if (status === 401) return SIGN_IN_NEEDED;
  if (status === 403) return { zh: '您的账号没有这项权限：请联系管理员', en: 'Your account may not do this: ask your administrator' };
  if (status === 404) return { zh: '服务上找不到要找的内容：可能已被删除，或服务版本较旧', en: 'The service does not have what was asked for: it may have been removed, or the service is older' };
  if (status === 413) return { zh: '数据太大，服务拒收：请缩小所选范围，或请管理员调大上限（EDU_MAX_BODY_MB）', en: 'The data is too large for the service: choose less, or ask your administrator to raise EDU_MAX_BODY_MB' };
  if (status === 422) return { zh: '数据格式正确，但无法按规则处理：请看下面的说明', en: 'The data is well formed but cannot be processed under the rules: see below' };
  if (status === 429) return { zh: '请求太频繁：请稍等一分钟再试', en: 'Too many requests: wait a minute and try again' };
  if (status >= 500) return { zh: '服务内部出错，已记录：请稍后再试；如果仍然不行，请把出错时间告诉管理员', en: 'The service had an internal error, which it logged: try again later; if it persists, tell your administrator when it happened' };
  return { zh: `服务回答了意外的状态 ${status}：请稍后再试，或联系管理员`, en: `The service answered with unexpected status ${status}: try again later or ask your administrator` };
}

/**
 * The service cannot be reached: whom to contact and the address that was tried, so the
 * administrator can act on it (issue 13 §5). Nothing a clerk cannot do (no commands to run).
 */
export function unreachableMessage(url: string): Bilingual {
  return {
    zh: `无法连接计算服务（尝试的地址：${url}）。请联系本局负责本加载项的信息化管理员，告诉他这个地址；也可在任务窗格“连接与设置”页核对地址是否正确。`,
    en: `Cannot reach the calculation service (address tried: ${url}). Contact the bureau's IT administrator who looks after this add-in and give them this address; you can also check the address on the task pane's Connection page.`,
  };
}

export const networkFailure = (url: string) => failure(0, 'NETWORK', unreachableMessage(url));

export const timeoutFailure = (seconds: number) =>
  failure(0, 'TIMEOUT', {
    zh: `服务在 ${seconds} 秒内没有回应：数据较多时请稍后再试；如果仍然不行，请联系管理员`,
    en: `The service did not answer within ${seconds} seconds: with much data, try again later; if it persists, ask your administrator`,
  });

export const notJsonFailure = (status: number) =>
  failure(status, 'NOT_JSON', {
    zh: '服务的回答无法识别：服务地址可能指向了别的网站，请在“连接与设置”页检查',
    en: 'The answer could not be read: the service address may point at another site; check it on the Connection page',
  });

/** Reading the address or the token threw (storage blocked, e.g. localStorage in a locked-down browser). */
export const settingsFailure = (reason: string) =>
  failure(0, 'SETTINGS', {
    zh: `加载项读取设置时出错（${reason}）：请在任务窗格“设置”中检查服务地址后重新计算，若仍出错请联系管理员`,
    en: `The add-in could not read its settings (${reason}): check the service address in the task pane settings and recalculate, or tell your administrator`,
  });

/** An answer that does not fit its contract (a batch of the wrong length, a malformed packed range). */
export const malformedFailure = (url: string, detail: Bilingual) =>
  failure(0, 'MALFORMED', {
    zh: `计算服务 ${url} 的答复有误（${detail.zh}）：请重新计算，若仍出错请联系管理员`,
    en: `The calculation service at ${url} sent a malformed answer (${detail.en}): recalculate, and tell your administrator if it persists`,
  });

/**
 * The words any error carries: a ClientError's, or any error a front end built with both
 * languages (its items as it gave them: a pane may list elements of its own); else undefined.
 */
export function wordsOf<Item = Bilingual>(err: unknown): (Bilingual & { items: Item[] }) | undefined {
  if (!isItem(err)) return undefined;
  const items = (err as { items?: unknown }).items;
  return { zh: err.zh, en: err.en, items: Array.isArray(items) ? (items as Item[]) : [] };
}

export const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
