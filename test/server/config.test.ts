/**
 * The settings that decide whether county records are exposed: sign-in is on for any
 * non-loopback address or EDU_AUTH=on, off only on loopback, and a non-loopback address
 * with EDU_AUTH=off is refused with a message saying what to do. Storage defaults to
 * ./data/edu.db, PostgreSQL when DATABASE_URL is set.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, readConfig, storageSettings } from '../../server/config.js';

const root = '/srv/edu';

describe('sign-in and the listening address', () => {
  it.each([
    ['127.0.0.1', undefined, 'local'],
    ['localhost', undefined, 'local'],
    ['::1', undefined, 'local'],
    ['127.0.0.1', 'off', 'local'],
    ['127.0.0.1', 'on', 'tokens'],
    ['0.0.0.0', undefined, 'tokens'],
    ['::', undefined, 'tokens'],
    ['192.168.1.20', undefined, 'tokens'],
    ['0.0.0.0', 'on', 'tokens'],
  ])('HOST=%s EDU_AUTH=%s -> %s', (host, auth, expected) => {
    expect(readConfig({ HOST: host, ...(auth ? { EDU_AUTH: auth } : {}) }, root).auth).toBe(expected);
  });

  it.each(['0.0.0.0', '::', '10.0.0.8', 'edu.example.gov.cn'])('refuses HOST=%s with EDU_AUTH=off, saying what to do', (host) => {
    expect(() => readConfig({ HOST: host, EDU_AUTH: 'off' }, root)).toThrow(/拒绝启动.*Refusing to start: HOST=.* is not a loopback address.*Remove EDU_AUTH=off/s);
  });

  it('knows loopback addresses from the others', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]'].every(isLoopbackAddress)).toBe(true);
    expect(['0.0.0.0', '::', '128.0.0.1', '127.0.0.1.example.com', 'localhost.example.com', ''].some(isLoopbackAddress)).toBe(false);
  });

  it('refuses a misspelt EDU_AUTH instead of guessing', () => {
    expect(() => readConfig({ EDU_AUTH: 'yes' }, root)).toThrow(/EDU_AUTH/);
  });
});

describe('storage settings', () => {
  it('defaults to the data folder beside the code; EDU_DATA_DIR and DATABASE_URL change it', () => {
    expect(storageSettings({}, root)).toEqual({ dataDir: path.join(root, 'data'), databaseUrl: undefined, pgPoolSize: 10 });
    expect(storageSettings({ EDU_DATA_DIR: '/var/lib/edu' }, root).dataDir).toBe('/var/lib/edu');
    expect(storageSettings({ DATABASE_URL: 'postgres://edu:pw@db:5432/edu' }, root).databaseUrl).toBe('postgres://edu:pw@db:5432/edu');
    expect(storageSettings({ DATABASE_URL: '' }, root).databaseUrl).toBeUndefined();
    expect(() => storageSettings({ DATABASE_URL: 'mysql://x' }, root)).toThrow(/DATABASE_URL/);
  });

  it('reads limits, CORS origins and the proxy setting', () => {
    const c = readConfig({ EDU_CORS_ORIGINS: 'https://a.example, https://*.b.example', EDU_RATE_LIMIT: '0', EDU_MAX_BODY_MB: '2', EDU_TRUST_PROXY: '1' }, root);
    expect(c.corsOrigins).toEqual(['https://a.example', 'https://*.b.example']);
    expect(c.rateLimit).toEqual({ perMinute: 0, burst: 200 });
    expect(c.maxBodyBytes).toBe(2 * 1024 * 1024);
    expect(c.trustProxy).toBe(1);
    expect(readConfig({}, root).corsOrigins).toContain('https://excel.officeapps.live.com');
  });
});
