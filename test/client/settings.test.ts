/**
 * The client core's settings over an injected store (localStorage in Office; the WPS
 * add-in passes its own): the default address, http(s) only, normalised, the token trimmed,
 * and saving from a settings form forgets cached results.
 */
import { describe, expect, it, vi } from 'vitest';
import { createClient, Settings, type KeyValueStore } from '../../client/index.js';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('Settings', () => {
  it('uses the default address until one is set, and normalises what is set', () => {
    const settings = new Settings(memoryStore(), 'https://edu.local');
    expect(settings.serviceUrl()).toBe('https://edu.local');
    expect(settings.setServiceUrl('  https://edu.example.gov.cn/edu/// ')).toEqual({ ok: true, url: 'https://edu.example.gov.cn/edu' });
    expect(settings.serviceUrl()).toBe('https://edu.example.gov.cn/edu');
    settings.resetServiceUrl();
    expect(settings.serviceUrl()).toBe('https://edu.local');
  });

  it('refuses what is not an http(s) address, in both languages, and keeps the old one', () => {
    const settings = new Settings(memoryStore(), 'https://edu.local');
    expect(settings.setServiceUrl('edu.example')).toMatchObject({ ok: false, zh: expect.stringContaining('不是有效的网址'), en: expect.stringContaining('not a valid address') });
    expect(settings.setServiceUrl('ftp://edu.example')).toMatchObject({ ok: false, zh: '服务地址必须以 https:// 或 http:// 开头' });
    expect(settings.serviceUrl()).toBe('https://edu.local');
  });

  it('keeps the token trimmed, and a blank token removes it', () => {
    const store = memoryStore();
    const settings = new Settings(store, 'https://edu.local');
    settings.setToken('  edu_abc \n');
    expect(settings.token()).toBe('edu_abc');
    settings.setToken('   ');
    expect(settings.token()).toBeUndefined();
    expect(store.data.size).toBe(0);
  });
});

describe('createClient: saving the connection', () => {
  it('stores address and token in the given store and forgets cached results', async () => {
    const store = memoryStore();
    const fetchFn = vi.fn(async (_u: unknown, init?: RequestInit) => Response.json({ results: (JSON.parse(String(init?.body)) as { calls: unknown[] }).calls.map(() => ({ value: 1 })) }));
    const edu = createClient({ store, defaultUrl: 'http://127.0.0.1:9', pure: new Set(['P']), fetch: fetchFn as unknown as typeof fetch, batch: { flushDelayMs: 1 } });
    await edu.functions.call('P', [1]);
    await edu.functions.call('P', [1]);
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(edu.saveConnection('http://127.0.0.1:8', 'edu_t')).toEqual({ ok: true, url: 'http://127.0.0.1:8' });
    expect([store.data.get('edu.serviceUrl'), store.data.get('edu.token')]).toEqual(['http://127.0.0.1:8', 'edu_t']);
    await edu.functions.call('P', [1]);
    expect(fetchFn).toHaveBeenCalledTimes(2);
    const [url, init] = fetchFn.mock.calls[1] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:8/api/v1/calc');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer edu_t');
    // A blank address goes back to the default; a bad one is refused and nothing is saved.
    expect(edu.saveConnection('', '')).toEqual({ ok: true, url: 'http://127.0.0.1:9' });
    expect(edu.saveConnection('nonsense', 'edu_x')).toMatchObject({ ok: false });
    expect(store.data.has('edu.token')).toBe(false);
  });
});
