/**
 * The service's settings, read once from the environment and checked with zod so a typo
 * stops the service with a clear message instead of a surprise later.
 */
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
  EDU_ADDIN_DIR: z.string().optional(),
  EDU_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type ServiceConfig = {
  host: string;
  port: number;
  tls: { cert: string; key: string } | undefined;
  addinDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
};

export function readConfig(env: NodeJS.ProcessEnv, root: string): ServiceConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Setting ${issue.path.join('.')} is not valid: ${issue.message}`);
  }
  const e = parsed.data;
  if (Boolean(e.TLS_CERT) !== Boolean(e.TLS_KEY)) throw new Error('Set both TLS_CERT and TLS_KEY (file paths) to serve HTTPS, or neither');
  return {
    host: e.HOST,
    port: e.PORT,
    tls: e.TLS_CERT && e.TLS_KEY ? { cert: e.TLS_CERT, key: e.TLS_KEY } : undefined,
    addinDir: e.EDU_ADDIN_DIR ?? path.join(root, 'dist', 'addin'),
    logLevel: e.EDU_LOG_LEVEL,
  };
}
