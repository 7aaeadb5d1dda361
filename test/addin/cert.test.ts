/**
 * `npm run cert`: openssl makes a local authority and a server certificate for the host;
 * a TLS client that trusts only that authority completes a handshake with a server using
 * the certificate for that host name, and refuses it for another name. A second host
 * reuses the authority, so PCs trust one root.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkHost, makeCertificates, type CertFiles } from '../../addin/build/cert.js';
import { hasProgram } from '../helpers/system-programs.js';

const HOST = 'edu.jyj.example.gov.cn';

/** Connects to a local https server presenting `files`, checking the certificate for `name`. */
async function handshake(files: CertFiles, name: string): Promise<string> {
  const server = https.createServer({ cert: await readFile(files.serverCert), key: await readFile(files.serverKey) }, (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const ca = await readFile(files.caCert);
  try {
    return await new Promise<string>((resolve, reject) => {
      const req = https.get(
        { host: '127.0.0.1', port, ca, servername: name, checkServerIdentity: (_h, cert) => tls.checkServerIdentity(name, cert) },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve(body));
        },
      );
      req.on('error', reject);
    });
  } finally {
    server.close();
  }
}

describe.skipIf(!hasProgram('openssl'))('npm run cert', () => {
  let out: string;
  let files: CertFiles;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'edu-cert-'));
    files = await makeCertificates(HOST, out);
  }, 60_000);

  it('signs a server certificate for the host with the new authority; a client trusting only it connects', async () => {
    expect(files.createdCa).toBe(true);
    expect(execFileSync('openssl', ['verify', '-CAfile', files.caCert, files.serverCert], { encoding: 'utf8' })).toContain(': OK');
    const ext = execFileSync('openssl', ['x509', '-in', files.serverCert, '-noout', '-ext', 'subjectAltName,extendedKeyUsage,basicConstraints'], { encoding: 'utf8' });
    expect(ext).toContain(`DNS:${HOST}`);
    expect(ext).toContain('TLS Web Server Authentication');
    expect(ext).toContain('CA:FALSE');
    expect(await handshake(files, HOST)).toBe('ok');
    await expect(handshake(files, 'other.example.gov.cn')).rejects.toThrow(/altnames|does not match/i);
  });

  it('marks the authority as a CA, writes its DER copy for group policy, and keeps the keys private', async () => {
    expect(execFileSync('openssl', ['x509', '-in', files.caCert, '-noout', '-ext', 'basicConstraints'], { encoding: 'utf8' })).toContain('CA:TRUE');
    expect(execFileSync('openssl', ['x509', '-inform', 'der', '-in', files.caDer, '-noout', '-subject'], { encoding: 'utf8' })).toContain('EDU intranet CA');
    expect((await stat(files.serverKey)).mode & 0o077).toBe(0);
    expect((await stat(path.join(out, 'ca', 'ca.key'))).mode & 0o077).toBe(0);
  });

  it('reuses the authority for a second host, given as an IP address', async () => {
    const second = await makeCertificates('10.12.0.8', out);
    expect(second.createdCa).toBe(false);
    expect(second.caCert).toBe(files.caCert);
    expect(execFileSync('openssl', ['x509', '-in', second.serverCert, '-noout', '-ext', 'subjectAltName'], { encoding: 'utf8' })).toContain('IP Address:10.12.0.8');
  });

  it('refuses something that is not a host name, saying what to give', () => {
    expect(checkHost(' EDU.jyj.example.gov.cn ')).toBe(HOST);
    for (const bad of ['https://edu.example.gov.cn', 'edu example', '-subj', '']) expect(() => checkHost(bad), bad).toThrow(/主机名.*not a host name/s);
  });
});
