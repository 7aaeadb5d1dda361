/**
 * `npm run dev` on a developer's Windows or Mac machine with desktop Excel: builds the
 * add-in, serves it and the API over HTTPS on https://localhost:3000 with a trusted
 * development certificate (office-addin-dev-certs), and sideloads manifest.xml into Excel
 * (office-addin-debugging). Both tools are optional dependencies: they install on desktop
 * machines, and their absence (e.g. on a Linux server without libsecret) is reported here.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAddin } from './build.js';
import { SERVICE_ENV, SERVICE_NODE_FLAGS } from '../../server/node-flags.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

async function devCertificate(): Promise<{ cert: string; key: string }> {
  let certs: { getHttpsServerOptions(days?: number): Promise<{ cert: string | Buffer; key: string | Buffer }> };
  try {
    certs = (await import('office-addin-dev-certs' as string)) as typeof certs;
  } catch {
    throw new Error('office-addin-dev-certs is not installed (an optional dependency): run npm install on a desktop machine');
  }
  const options = await certs.getHttpsServerOptions();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'edu-dev-cert-'));
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  writeFileSync(cert, options.cert);
  writeFileSync(key, options.key, { mode: 0o600 });
  return { cert, key };
}

async function main(): Promise<void> {
  await buildAddin();
  const { cert, key } = await devCertificate();
  const server = spawn(process.execPath, [...SERVICE_NODE_FLAGS, '--import', 'tsx', path.join(root, 'server', 'main.ts')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...SERVICE_ENV, HOST: 'localhost', PORT: '3000', TLS_CERT: cert, TLS_KEY: key },
  });
  const manifest = path.join(root, 'manifest.xml');
  const sideload = spawnSync(bin('office-addin-debugging'), ['start', manifest, 'desktop', '--app', 'excel', '--no-debug'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (sideload.error || sideload.status !== 0) {
    process.stderr.write(
      'Sideloading did not run (office-addin-debugging is missing or failed). The service is running on https://localhost:3000;\n' +
        'sideload manifest.xml by hand: Excel > Insert > Add-ins > My Add-ins > Upload My Add-in (see README).\n',
    );
  }
  const stop = () => {
    spawnSync(bin('office-addin-debugging'), ['stop', manifest], { stdio: 'ignore', shell: process.platform === 'win32' });
    server.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
