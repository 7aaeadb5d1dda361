/**
 * How long a connection may hold the service without doing anything useful (issue 15: 300
 * connections that never sent a byte stayed open 130 s; Node's headersTimeout starts only
 * with a request's first byte, and its checks run every 30 s by default).
 *   - A connection that has not delivered a whole request head within SILENT_MS is closed.
 *   - Headers must arrive within HEADERS_MS of their first byte (Node answers 408), checked
 *     every CHECK_MS; the whole request within requestTimeoutMs.
 *   - An idle keep-alive connection between requests is closed after KEEP_ALIVE_MS.
 */
import type http from 'node:http';
import type https from 'node:https';
import type { Socket } from 'node:net';

export const SILENT_MS = 10_000;
export const HEADERS_MS = 10_000;
export const CHECK_MS = 1_000;
/** Longer than a load balancer's usual idle time-out (60 s), so it never reuses a connection we closed. */
export const KEEP_ALIVE_MS = 65_000;

/** Options for http.createServer / https.createServer (a TLS handshake, too, must finish within SILENT_MS). */
export const serverOptions = { connectionsCheckingInterval: CHECK_MS, handshakeTimeout: SILENT_MS } as const;

export function limitIdleConnections(server: http.Server | https.Server, opts: { requestTimeoutMs: number; silentMs?: number; headersMs?: number }): void {
  server.headersTimeout = opts.headersMs ?? HEADERS_MS;
  server.requestTimeout = Math.max(60_000, opts.requestTimeoutMs * 2);
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  const spoke = new WeakSet<Socket>();
  server.on('request', (req: http.IncomingMessage) => spoke.add(req.socket));
  // Over TLS the request's socket is the TLS one, which exists once the handshake is done.
  server.on('setSecureContext' in server ? 'secureConnection' : 'connection', (socket: Socket) => {
    const timer = setTimeout(() => {
      if (!spoke.has(socket)) socket.destroy();
    }, opts.silentMs ?? SILENT_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
}
