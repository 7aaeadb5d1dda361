/**
 * The service address and the sign-in token, kept in storage the host gives: the Office
 * add-in passes localStorage (which persists per add-in in the shared runtime), the WPS
 * add-in its own; never the workbook. The default address is the host's, usually the origin
 * that served the add-in, which is the service itself. Every read may throw (storage
 * blocked); callers that must settle catch it (http.ts turns it into a ClientError).
 */
import type { Bilingual } from '../formulas/core/errors.js';

const SERVICE_URL_KEY = 'edu.serviceUrl';
const TOKEN_KEY = 'edu.token';

/** The part of the Web Storage interface used (localStorage has it). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type Saved = { ok: true; url: string } | ({ ok: false } & Bilingual);

export class Settings {
  constructor(
    readonly store: KeyValueStore,
    private readonly defaultUrl: string,
  ) {}

  serviceUrl(): string {
    return this.store.getItem(SERVICE_URL_KEY) || this.defaultUrl;
  }

  /** Accepts http(s) addresses only; answers the normalised address or words saying what is wrong. */
  setServiceUrl(text: string): Saved {
    let parsed: URL;
    try {
      parsed = new URL(text.trim());
    } catch {
      return { ok: false, zh: `“${text}” 不是有效的网址，请填写如 https://edu.example.gov.cn 的地址`, en: `"${text}" is not a valid address; enter one like https://edu.example.gov.cn` };
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      return { ok: false, zh: '服务地址必须以 https:// 或 http:// 开头', en: 'The service address must start with https:// or http://' };
    }
    const normalised = parsed.origin + parsed.pathname.replace(/\/+$/, '');
    this.store.setItem(SERVICE_URL_KEY, normalised);
    return { ok: true, url: normalised };
  }

  resetServiceUrl(): void {
    this.store.removeItem(SERVICE_URL_KEY);
  }

  token(): string | undefined {
    return this.store.getItem(TOKEN_KEY) || undefined;
  }

  setToken(value: string | undefined): void {
    if (value?.trim()) this.store.setItem(TOKEN_KEY, value.trim());
    else this.store.removeItem(TOKEN_KEY);
  }
}
