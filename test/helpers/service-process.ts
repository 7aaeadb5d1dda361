/**
 * Starts the real service as a child process (`node <SERVICE_NODE_FLAGS> --import tsx server/main.ts`,
 * the source of the bundle npm start runs) on a free loopback port with its own data folder,
 * and stops it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SERVICE_ENV, SERVICE_NODE_FLAGS } from '../../server/node-flags.js';

const root = path.join(import.meta.dirname, '..', '..');

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** GET /healthz, accepting the self-signed certificates tests make. */
function healthy(url: string): Promise<boolean> {
  const get = url.startsWith('https:') ? https.get : http.get;
  return new Promise((resolve) => {
    const req = get(`${url}/healthz`, { rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

/**
 * `entry` defaults to the TypeScript source under tsx (what the tests test); a compiled
 * bundle (dist/server/main.js, what npm start runs) is started with plain node.
 */
export async function startService(
  env: Record<string, string> = {},
  timeoutMs = 30_000,
  scheme: 'http' | 'https' = 'http',
  entry = path.join(root, 'server', 'main.ts'),
): Promise<ServiceProcess> {
  const dataDir = env.EDU_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'edu-data-'));
  const port = env.PORT ?? String(await freePort());
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...loader, entry], {
    cwd: root,
    // An empty value in `env` leaves that variable out altogether.
    env: Object.fromEntries(Object.entries({ ...process.env, ...SERVICE_ENV, HOST: '127.0.0.1', EDU_DATA_DIR: dataDir, ...env, PORT: port }).filter(([, v]) => v !== '')),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = `${scheme}://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => (exited = true));
  for (const deadline = Date.now() + timeoutMs; ; ) {
    if (exited) throw new Error(`service exited before listening:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`service did not answer /healthz within ${timeoutMs} ms:\n${out}`);
    }
    if (await healthy(url)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
