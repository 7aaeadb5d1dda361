/**
 * The service's settings, read once from the environment and checked with zod so a typo
 * stops the service with a clear message instead of a surprise later.
 *
 * Sign-in: on when the service listens on a non-loopback address or EDU_AUTH=on; on a
 * loopback address with EDU_AUTH unset (or off) it serves one local user. A non-loopback
 * address with EDU_AUTH=off is refused: county records must not be open to a network.
 */
import path from 'node:path';
import { z } from 'zod';
import { OFFICE_ORIGINS } from './middleware/cors.js';
import { officeJsUrl } from './office-js-source.js';

const positiveInt = z.coerce.number().int().min(0);

/** A county's code: its administrative division code (e.g. 360731) or a short lower-case name. */
export const COUNTY_CODE = /^[a-z0-9][a-z0-9-]{0,31}$/;

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
  EDU_ADDIN_DIR: z.string().optional(),
  EDU_OFFICE_JS: z
    .string()
    .default('local')
    .refine((v) => officeJsUrl(v) !== undefined, 'local, microsoft, china, or an https:// address of office.js'),
  EDU_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  EDU_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a PostgreSQL connection string, postgres://user:password@host:5432/database')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  EDU_AUTH: z.enum(['on', 'off']).optional().or(z.literal('').transform(() => undefined)),
  EDU_LOCAL_COUNTY: z.string().regex(COUNTY_CODE, 'lower-case letters, digits and dashes, e.g. 360731').default('local'),
  EDU_CORS_ORIGINS: z.string().optional(),
  EDU_RATE_LIMIT: positiveInt.default(1200),
  EDU_RATE_BURST: positiveInt.min(1).default(200),
  EDU_REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  EDU_MAX_BODY_MB: z.coerce.number().positive().max(512).default(20),
  EDU_PG_POOL: positiveInt.min(1).max(200).default(10),
  EDU_TRUST_PROXY: z.string().optional(),
  EDU_PROFILE_CACHE_MS: positiveInt.default(2000),
  EDU_MAX_RECORD_MB: z.coerce.number().positive().max(64).default(4),
  EDU_CALC_BUDGET_MS: positiveInt.min(100).default(25_000),
  EDU_CALC_WALL_MS: positiveInt.min(100).default(100_000),
  EDU_CALC_THREADS: positiveInt.min(1).max(64).optional(),
  EDU_TOKEN_DAYS: positiveInt.min(1).max(3650).default(90),
  EDU_PERSONAL_RETENTION_DAYS: positiveInt.min(1).default(365),
  EDU_COUNTY_QUOTA_MB: z.coerce.number().positive().default(1024),
  EDU_MIN_FREE_MB: z.coerce.number().min(0).default(256),
});

export type AuthSetting = 'tokens' | 'local';

export type ServiceConfig = {
  host: string;
  port: number;
  tls: { cert: string; key: string } | undefined;
  addinDir: string;
  /** The office.js address the add-in's pages load (EDU_OFFICE_JS). */
  officeJs: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  dataDir: string;
  databaseUrl: string | undefined;
  auth: AuthSetting;
  localCounty: string;
  corsOrigins: string[];
  rateLimit: { perMinute: number; burst: number };
  requestTimeoutMs: number;
  maxBodyBytes: number;
  pgPoolSize: number;
  /** Express 'trust proxy': hops or addresses of the reverse proxy in front; undefined: none. */
  trustProxy: string | number | boolean | undefined;
  profileCacheMs: number;
  /** Largest body of the routes parsed on the main thread (scenarios, profiles). */
  maxRecordBodyBytes: number;
  /** Worker pool: a calculation's time budget, and heavy-lane threads (undefined: cores - 1). */
  calc: { budgetMs: number; wallMs: number; heavyThreads: number | undefined };
  records: RecordSettings;
};

/** How long tokens and personal records last, and how much a county may store. */
export interface RecordSettings {
  tokenDays: number;
  personalRetentionDays: number;
  countyQuotaBytes: number;
  /** Saves are refused while the data folder's disk has less free space than this. */
  minFreeBytes: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** localhost, 127.0.0.0/8 and ::1; every other address (0.0.0.0 and :: included) reaches a network. */
export function isLoopbackAddress(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

function trustProxy(value: string | undefined): ServiceConfig['trustProxy'] {
  if (value === undefined || value === '' || value === 'false') return undefined;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * Only where the store is: what the CLIs need, read the same way as the service reads it.
 * `owner`: the administrative CLIs (users, migrations, retention) connect to PostgreSQL as
 * DATABASE_OWNER_URL when it is set; the service's own role (DATABASE_URL) may only read and
 * append to the records (docs/security.md).
 */
export function storageSettings(env: NodeJS.ProcessEnv, root: string, as: 'service' | 'owner' = 'service'): { dataDir: string; databaseUrl: string | undefined; pgPoolSize: number } {
  const source = as === 'owner' && env.DATABASE_OWNER_URL ? { ...env, DATABASE_URL: env.DATABASE_OWNER_URL } : env;
  const parsed = envSchema.pick({ EDU_DATA_DIR: true, DATABASE_URL: true, EDU_PG_POOL: true }).safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Setting ${issue.path.join('.')} is not valid: ${issue.message}`);
  }
  return {
    dataDir: path.resolve(parsed.data.EDU_DATA_DIR ?? path.join(root, 'data')),
    databaseUrl: parsed.data.DATABASE_URL,
    pgPoolSize: parsed.data.EDU_PG_POOL,
  };
}

/** The record settings, for the service and the CLIs alike. */
export function recordSettings(env: NodeJS.ProcessEnv): RecordSettings {
  const parsed = envSchema.pick({ EDU_TOKEN_DAYS: true, EDU_PERSONAL_RETENTION_DAYS: true, EDU_COUNTY_QUOTA_MB: true, EDU_MIN_FREE_MB: true }).safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Setting ${issue.path.join('.')} is not valid: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    tokenDays: e.EDU_TOKEN_DAYS,
    personalRetentionDays: e.EDU_PERSONAL_RETENTION_DAYS,
    countyQuotaBytes: Math.round(e.EDU_COUNTY_QUOTA_MB * 1024 * 1024),
    minFreeBytes: Math.round(e.EDU_MIN_FREE_MB * 1024 * 1024),
  };
}

export function readConfig(env: NodeJS.ProcessEnv, root: string): ServiceConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Setting ${issue.path.join('.')} is not valid: ${issue.message}`);
  }
  const e = parsed.data;
  if (Boolean(e.TLS_CERT) !== Boolean(e.TLS_KEY)) throw new ConfigError('Set both TLS_CERT and TLS_KEY (file paths) to serve HTTPS, or neither');
  const loopback = isLoopbackAddress(e.HOST);
  if (!loopback && e.EDU_AUTH === 'off') {
    throw new ConfigError(
      `拒绝启动：HOST=${e.HOST} 不是本机回环地址，而 EDU_AUTH=off 关闭了登录，县里的数据会对网络敞开。请去掉 EDU_AUTH=off（并用 npm run user -- add 发放令牌），或改为 HOST=127.0.0.1 / ` +
        `Refusing to start: HOST=${e.HOST} is not a loopback address and EDU_AUTH=off turns sign-in off, which would open the county's records to the network. ` +
        'Remove EDU_AUTH=off (and issue tokens with npm run user -- add), or listen on HOST=127.0.0.1',
    );
  }
  const store = storageSettings(env, root);
  return {
    host: e.HOST,
    port: e.PORT,
    tls: e.TLS_CERT && e.TLS_KEY ? { cert: e.TLS_CERT, key: e.TLS_KEY } : undefined,
    addinDir: e.EDU_ADDIN_DIR ?? path.join(root, 'dist', 'addin'),
    officeJs: officeJsUrl(e.EDU_OFFICE_JS)!,
    logLevel: e.EDU_LOG_LEVEL,
    dataDir: store.dataDir,
    databaseUrl: store.databaseUrl,
    auth: e.EDU_AUTH === 'on' || !loopback ? 'tokens' : 'local',
    localCounty: e.EDU_LOCAL_COUNTY,
    corsOrigins: e.EDU_CORS_ORIGINS === undefined ? OFFICE_ORIGINS : e.EDU_CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    rateLimit: { perMinute: e.EDU_RATE_LIMIT, burst: e.EDU_RATE_BURST },
    requestTimeoutMs: e.EDU_REQUEST_TIMEOUT_MS,
    maxBodyBytes: Math.round(e.EDU_MAX_BODY_MB * 1024 * 1024),
    pgPoolSize: store.pgPoolSize,
    trustProxy: trustProxy(e.EDU_TRUST_PROXY),
    profileCacheMs: e.EDU_PROFILE_CACHE_MS,
    maxRecordBodyBytes: Math.round(e.EDU_MAX_RECORD_MB * 1024 * 1024),
    calc: { budgetMs: e.EDU_CALC_BUDGET_MS, wallMs: e.EDU_CALC_WALL_MS, heavyThreads: e.EDU_CALC_THREADS },
    records: recordSettings(env),
  };
}
