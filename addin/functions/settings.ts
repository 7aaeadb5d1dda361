/**
 * Where the add-in keeps the service address and the sign-in token: the add-in's own
 * storage (localStorage of the shared runtime, which persists per add-in), never the
 * workbook. The default address is the origin that served the add-in, which is the
 * service itself.
 */
const SERVICE_URL_KEY = 'edu.serviceUrl';
const TOKEN_KEY = 'edu.token';

export interface SettingsStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function serviceUrl(store: SettingsStore, origin: string): string {
  return store.getItem(SERVICE_URL_KEY) || origin;
}

/** Accepts http(s) URLs only; returns the normalised address or an error message. */
export function setServiceUrl(store: SettingsStore, url: string): { ok: true; url: string } | { ok: false; zh: string; en: string } {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, zh: `“${url}” 不是有效的网址，请填写如 https://edu.example.gov.cn 的地址`, en: `"${url}" is not a valid address; enter one like https://edu.example.gov.cn` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { ok: false, zh: '服务地址必须以 https:// 或 http:// 开头', en: 'The service address must start with https:// or http://' };
  }
  const normalised = parsed.origin + parsed.pathname.replace(/\/+$/, '');
  store.setItem(SERVICE_URL_KEY, normalised);
  return { ok: true, url: normalised };
}

export function resetServiceUrl(store: SettingsStore): void {
  store.removeItem(SERVICE_URL_KEY);
}

export function token(store: SettingsStore): string | undefined {
  return store.getItem(TOKEN_KEY) || undefined;
}

export function setToken(store: SettingsStore, value: string | undefined): void {
  if (value) store.setItem(TOKEN_KEY, value.trim());
  else store.removeItem(TOKEN_KEY);
}
