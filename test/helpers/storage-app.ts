/**
 * The app in-process with a real SQLite store in a temporary folder, listening on a free
 * loopback port, with sign-in by tokens (or the local user) and its log lines kept for
 * inspection. Users are made exactly as `npm run user -- add` makes them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/app.js';
import type { AppDeps, Limits } from '../../server/context.js';
import { localPrincipal } from '../../server/auth/authenticate.js';
import { digestToken, newToken, tokenExpiry } from '../../server/auth/tokens.js';
import { jsonLogger } from '../../server/logger.js';
import { openStorage } from '../../server/storage/index.js';
import type { Role, Storage } from '../../server/storage/types.js';

export interface TestApp {
  url: string;
  storage: Storage;
  dataDir: string;
  logs: string[];
  /** Creates a user (and the county) and answers the new token. */
  addUser(name: string, role: Role, county: string): Promise<string>;
  request(method: string, urlPath: string, options?: { token?: string | undefined; body?: unknown; raw?: Buffer | string; headers?: Record<string, string> }): Promise<{ status: number; body: unknown; headers: Headers; text: string }>;
  close(): Promise<void>;
}

/** `databaseUrl`: a PostgreSQL database instead of the SQLite file. */
export async function startTestApp(options: { auth?: 'tokens' | 'local'; limits?: Partial<Limits>; deps?: Partial<AppDeps>; databaseUrl?: string } = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'edu-app-'));
  const storage = await openStorage({ dataDir, databaseUrl: options.databaseUrl });
  const logs: string[] = [];
  const auth = options.auth === 'local' ? ({ kind: 'local', principal: localPrincipal('local') } as const) : ({ kind: 'tokens' } as const);
  if (auth.kind === 'local') await storage.ensureCounty('local');
  const app = createApp({ logger: jsonLogger('debug', (line) => logs.push(line)), storage, auth, limits: options.limits, ...options.deps });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    storage,
    dataDir,
    logs,
    async addUser(name, role, county) {
      await storage.ensureCounty(county);
      const token = newToken();
      const digest = digestToken(token);
      await storage.addUser({ name, role, county, tokenLookup: digest.lookup, tokenHash: digest.hash, expiresAt: tokenExpiry(90) }, { name: 'test', role: 'cli', county });
      return token;
    },
    async request(method, urlPath, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
      let body: string | Buffer | undefined;
      if (opts.raw !== undefined) body = opts.raw;
      else if (opts.body !== undefined) body = JSON.stringify(opts.body);
      if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
      const res = await fetch(`${url}${urlPath}`, { method, headers, body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body) });
      const text = await res.text();
      let parsed: unknown = undefined;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: res.status, body: parsed, headers: res.headers, text };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
