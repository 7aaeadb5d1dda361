/**
 * `npm run cert -- <host name> [output folder]`: a local certificate authority for the
 * bureau's intranet and a server certificate for the host the service answers on, made by
 * openssl (no hand-written crypto). Written to dist/certs/ by default:
 *
 *   ca/ca.key, ca/ca.crt   the authority (kept; a second host reuses it). Keep ca.key offline.
 *   ca/ca.cer              the same certificate in DER, the form the group-policy import takes
 *   <host>/server.key, <host>/server.crt
 *                          for the service: TLS_CERT=<host>/server.crt TLS_KEY=<host>/server.key
 *
 * PCs trust the authority when IT imports ca.cer by group policy (docs/install.md). Excel
 * loads add-ins over HTTPS only, and the page's certificate must chain to a trusted root.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Days: the authority 10 years; the server certificate 825, the longest Apple platforms accept. */
const CA_DAYS = 3650;
const SERVER_DAYS = 825;
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export class CertError extends Error {
  override name = 'CertError';
}

export function checkHost(host: string): string {
  const h = host.trim().toLowerCase();
  if (isIP(h) || HOST_NAME.test(h)) return h;
  throw new CertError(`主机名 ${host} 不合格：写服务的地址，如 edu.jyj.example.gov.cn 或 10.12.0.8 / ${host} is not a host name: give the service's address, e.g. edu.jyj.example.gov.cn or 10.12.0.8`);
}

async function openssl(args: string[], cwd: string): Promise<void> {
  await run('openssl', args, { cwd }).catch((err: Error & { stderr?: string }) => {
    throw new CertError(`openssl ${args[0]} 失败 / failed: ${err.stderr ?? err.message}`);
  });
}

export interface CertFiles {
  caCert: string;
  caDer: string;
  serverCert: string;
  serverKey: string;
  createdCa: boolean;
}

export async function makeCertificates(hostName: string, outDir: string): Promise<CertFiles> {
  const host = checkHost(hostName);
  const caDir = path.join(outDir, 'ca');
  const hostDir = path.join(outDir, host);
  await mkdir(caDir, { recursive: true });
  await mkdir(hostDir, { recursive: true });
  const createdCa = !existsSync(path.join(caDir, 'ca.key'));
  if (createdCa) {
    await openssl(
      ['req', '-x509', '-new', '-utf8', '-newkey', 'rsa:3072', '-nodes', '-sha256', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', String(CA_DAYS),
        '-subj', '/O=县教育局 County Education Bureau/CN=县域教育规划 内网根证书 EDU intranet CA',
        '-addext', 'basicConstraints=critical,CA:TRUE,pathlen:0', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
      caDir,
    );
    await chmod(path.join(caDir, 'ca.key'), 0o600);
    await openssl(['x509', '-in', 'ca.crt', '-outform', 'der', '-out', 'ca.cer'], caDir);
  }
  const san = isIP(host) ? `IP:${host}` : `DNS:${host}`;
  await writeFile(
    path.join(hostDir, 'server.ext'),
    `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=${san}\n`,
  );
  await openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-keyout', 'server.key', '-out', 'server.csr', '-subj', `/CN=${host}`], hostDir);
  await chmod(path.join(hostDir, 'server.key'), 0o600);
  await openssl(
    ['x509', '-req', '-sha256', '-in', 'server.csr', '-CA', path.join(caDir, 'ca.crt'), '-CAkey', path.join(caDir, 'ca.key'), '-CAcreateserial',
      '-out', 'server.crt', '-days', String(SERVER_DAYS), '-extfile', 'server.ext'],
    hostDir,
  );
  return { caCert: path.join(caDir, 'ca.crt'), caDer: path.join(caDir, 'ca.cer'), serverCert: path.join(hostDir, 'server.crt'), serverKey: path.join(hostDir, 'server.key'), createdCa };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const [host, out] = process.argv.slice(2);
  if (!host) {
    process.stderr.write('用法 usage: npm run cert -- edu.jyj.example.gov.cn [output folder]\n');
    process.exit(2);
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  try {
    const files = await makeCertificates(host, out ?? path.join(root, 'dist', 'certs'));
    process.stdout.write(
      `${files.createdCa ? '新建根证书 created the CA' : '沿用已有根证书 reused the CA'}: ${files.caCert}\n` +
        `服务器证书 server certificate: ${files.serverCert}\n\n` +
        `启动服务 start the service: TLS_CERT=${files.serverCert} TLS_KEY=${files.serverKey} npm start\n` +
        `用组策略把 ${files.caDer} 导入各 PC 的“受信任的根证书颁发机构”（docs/install.md）。\n` +
        `Import ${files.caDer} into Trusted Root Certification Authorities on the PCs by group policy (docs/install.md).\n`,
    );
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
