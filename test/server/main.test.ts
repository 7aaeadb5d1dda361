/**
 * The service as `npm start` runs it: it serves the built add-in beside the API (with the
 * CORS header Excel on the web needs for functions.json), office.js from the pinned
 * package, and HTTPS directly when TLS_CERT and TLS_KEY name a certificate.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin, buildService } from '../../addin/build/build.js';
import { exampleSheets } from '../../examples/sheets/index.js';
import { errorBodySchema } from '../../contracts/errors.js';
import { startService, type ServiceProcess } from '../helpers/service-process.js';
import { hasProgram } from '../helpers/system-programs.js';
import { SERVICE_ENV, SERVICE_NODE_FLAGS } from '../../server/node-flags.js';

const root = path.join(import.meta.dirname, '..', '..');
let addinDir: string;
beforeAll(async () => {
  addinDir = await buildAddin(mkdtempSync(path.join(os.tmpdir(), 'edu-addin-')));
});

describe('plain HTTP with the add-in', () => {
  let service: ServiceProcess;
  beforeAll(async () => {
    service = await startService({ EDU_ADDIN_DIR: addinDir });
  });
  afterAll(() => service.stop());

  it('serves functions.json with Access-Control-Allow-Origin for Excel on the web', async () => {
    const res = await fetch(`${service.url}/functions.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as { functions: { id: string }[] };
    expect(body.functions.map((f) => f.id)).toContain('APPORTION');
  });

  it('serves the task pane page, its bundle, the icons, the help page, the manifest and office.js', async () => {
    for (const file of ['/taskpane.html', '/taskpane.js', '/assets/icon-32.png', '/help.html', '/manifest.xml', '/office-js/office.js']) {
      const res = await fetch(`${service.url}${file}`);
      expect(res.status, file).toBe(200);
    }
  });

  it('answers the API beside the files', async () => {
    const res = await fetch(`${service.url}/api/v1/calc/APPORTION`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ args: [10, [[1], [1], [3]], null, null, null] }),
    });
    // 10 posts in proportion 1:1:3 are exactly 2, 2 and 6.
    expect(await res.json()).toEqual({ value: [[2], [2], [6]] });
  });

  it.each([
    ['a malformed request line', 'NOT HTTP AT ALL\r\n\r\n', 400, 'BAD_HTTP'],
    ['a header without a colon', 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n', 400, 'BAD_HTTP'],
    // Node's default limit on the header section is 16 KiB.
    ['headers over 16 KiB', `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'HEADERS_TOO_LARGE'],
  ])("answers %s, which Node's own parser refuses, in the one JSON error shape", async (_what, raw, status, code) => {
    const answer = await rawRequest(Number(new URL(service.url).port), raw);
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head).toContain('application/json');
    expect(errorBodySchema.parse(JSON.parse(body!)).error.code).toBe(code);
  });
});

/** Sends bytes as they are (fetch would refuse to send a malformed request) and reads until the socket closes. */
function rawRequest(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(raw));
    let data = '';
    socket.on('data', (d: Buffer) => (data += d.toString('utf8')));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe.skipIf(!hasProgram('openssl'))('HTTPS when TLS_CERT and TLS_KEY are set', () => {
  let service: ServiceProcess;
  let port: number;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'edu-tls-'));
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', key, '-out', cert], {
      stdio: 'ignore',
    });
    service = await startService({ TLS_CERT: cert, TLS_KEY: key, EDU_ADDIN_DIR: addinDir }, 30_000, 'https');
    port = Number(new URL(service.url).port);
  });
  afterAll(() => service.stop());

  it('answers /healthz over TLS', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get({ host: '127.0.0.1', port, path: '/healthz', rejectUnauthorized: false }, (res) => {
          let data = '';
          res.on('data', (d: Buffer) => (data += d.toString()));
          res.on('end', () => resolve(data));
        })
        .on('error', reject);
    });
    expect(JSON.parse(body).status).toBe('ok');
  });
});

describe('npm start: compiled JavaScript, built only when a source changed', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

  it('runs the bundled service with plain node, SERVICE_NODE_FLAGS and SERVICE_ENV (what the tests, benchmarks and npm run dev use), no TypeScript loader', () => {
    const env = Object.entries(SERVICE_ENV).map(([name, value]) => `${name}=${value}`).join(' ');
    // cross-env sets the allocator variable the same way on any shell npm uses (sh, cmd.exe).
    expect(pkg.scripts.start).toBe(`cross-env ${env} node ${SERVICE_NODE_FLAGS.join(' ')} dist/server/main.js`);
    expect(pkg.scripts.prestart).toBe('node addin/build/ensure-built.mjs');
  });

  it('the bundle answers /healthz and serves the add-in, finding the project folder from dist/server', async () => {
    mkdirSync(path.join(root, 'dist'), { recursive: true });
    const out = mkdtempSync(path.join(root, 'dist', 'test-service-'));
    try {
      await buildService(out);
      const service = await startService({ EDU_ADDIN_DIR: addinDir }, 30_000, 'http', path.join(out, 'main.js'));
      try {
        expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
        expect((await fetch(`${service.url}/functions.json`)).status).toBe(200);
        // The example sheets travel in the bundle (a folder of .ts modules cannot be imported by plain node).
        const examples = (await (await fetch(`${service.url}/api/v1/example-sheets`)).json()) as { sheets: unknown[] };
        expect(examples.sheets.length).toBe(exampleSheets.all.length + 1);
      } finally {
        await service.stop();
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('the source fingerprint changes when a source file changes, and only then', () => {
    // A copy of a small tree, so the test never touches the real sources other suites read.
    const tree = mkdtempSync(path.join(os.tmpdir(), 'edu-fingerprint-'));
    try {
      mkdirSync(path.join(tree, 'formulas'));
      const file = path.join(tree, 'formulas', 'a.ts');
      writeFileSync(file, 'export const a = 1;\n');
      const fingerprint = () =>
        execFileSync(process.execPath, ['--input-type=module', '-e', `import('./addin/build/fingerprint.mjs').then((m) => process.stdout.write(m.sourceFingerprint(${JSON.stringify(tree)})))`], { cwd: root, encoding: 'utf8' });
      const before = fingerprint();
      expect(fingerprint()).toBe(before);
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      const touched = fingerprint();
      expect(touched).not.toBe(before);
      writeFileSync(path.join(tree, 'notes.txt'), 'not a source');
      expect(fingerprint()).toBe(touched);
      writeFileSync(file, 'export const a = 2;\n');
      expect(fingerprint()).not.toBe(touched);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
