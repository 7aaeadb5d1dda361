/**
 * The only place that listens. `npm start` runs this: plain HTTP on HOST:PORT (default
 * 127.0.0.1:3000), or HTTPS when TLS_CERT and TLS_KEY name a certificate and key. On
 * SIGTERM/SIGINT it stops accepting, finishes in-flight requests, then exits.
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { jsonLogger } from './logger.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function main(): void {
  const config = readConfig(process.env, root);
  const logger = jsonLogger(config.logLevel);
  const addinDir = existsSync(config.addinDir) ? config.addinDir : undefined;
  if (!addinDir) logger.log('warn', 'addin.missing', { dir: config.addinDir, hint: 'run npm run build to serve the add-in' });
  const app = createApp({ logger, addinDir });
  const server = config.tls
    ? https.createServer({ cert: readFileSync(config.tls.cert), key: readFileSync(config.tls.key) }, app)
    : http.createServer(app);
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.log('info', 'service.listening', { url: `${config.tls ? 'https' : 'http'}://${config.host}:${port}`, addin: Boolean(addinDir) });
  });
  const stop = (signal: string) => {
    logger.log('info', 'service.stopping', { signal });
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main();
