/**
 * What the app is built from (AppDeps, Limits) and what every route receives (RequestContext),
 * apart from server/app.ts: routes import these types without importing the app that
 * imports them, so there is no import cycle.
 */
import type { Request } from 'express';
import type { ProfileSource } from '../formulas/core/profiles.js';
import type { AuthMode } from './auth/authenticate.js';
import type { Principal } from './auth/principal.js';
import type { RecordSettings } from './config.js';
import type { OneTimeLinks } from './download-links.js';
import type { Logger } from './logger.js';
import type { RateLimit } from './middleware/rate-limit.js';
import type { CountyPolicy } from './pool/job.js';
import type { CalcPool } from './pool/pool.js';
import type { RecordsHealth } from './records/health.js';
import type { CountyProfileSet } from './storage/county-profiles.js';
import type { Storage } from './storage/types.js';

export interface AppDeps {
  logger?: Logger;
  /** Policy profiles formulas read; the shipped ones, with each county's stored ones layered over them. */
  profiles?: ProfileSource;
  /** Folder of the built add-in (dist/addin) to serve beside the API; omitted: API only. */
  addinDir?: string;
  /** The office.js address the add-in's pages use (office-js-source.ts); default: the local copy. */
  officeJs?: string;
  limits?: Partial<Limits>;
  /** Scenarios, users, county profiles and the audit log; omitted: those routes answer 503. */
  storage?: Storage;
  /** Sign-in with tokens (needs storage), or the single local user; default: local user of county "local". */
  auth?: AuthMode;
  /** Origins allowed to call the API from a browser besides the service's own; default: Excel on the web. */
  corsOrigins?: readonly string[];
  /** Send Strict-Transport-Security (the service itself speaks TLS). */
  hsts?: boolean;
  /** Express 'trust proxy' for a reverse proxy in front (client address in logs and limits). */
  trustProxy?: string | number | boolean;
  /** How long an instance keeps a county's profiles before reading them again. */
  profileCacheMs?: number;
  /** The worker pool calculations run in; default: one shared by every app of the process. */
  pool?: CalcPool;
  /** Token lifetime, retention of personal records, county quota, free-space floor. */
  records?: Partial<RecordSettings>;
  /** The result of verifying the hash chains at start, shown on /healthz. */
  recordsHealth?: RecordsHealth;
}

export const DEFAULT_RECORDS: RecordSettings = {
  tokenDays: 90,
  personalRetentionDays: 365,
  countyQuotaBytes: 1024 * 1024 * 1024,
  minFreeBytes: 256 * 1024 * 1024,
};

export interface Limits {
  /** Largest JSON body a calculation, plan or form accepts, in bytes (parsed in a worker thread). */
  maxBodyBytes: number;
  /**
   * Largest JSON body of the other routes (scenarios, profiles), in bytes: parsed on the
   * main thread, so kept to what parses in well under a second (docs/deploy.md).
   */
  maxRecordBodyBytes: number;
  /** Calls one batch request may hold. */
  maxCalls: number;
  /** Values (numbers, texts, cells of packed ranges ...) one calculation body may hold. */
  maxValues: number;
  /** Requests per signed-in user (per instance); perMinute 0 turns it off. Not applied to the local user. */
  rateLimit: RateLimit;
  /** Failed sign-ins (unknown or revoked tokens) per client address; perMinute 0 turns it off. */
  signInFailures: RateLimit;
  /** An API request not answered within this many milliseconds gets a 503; 0 turns it off. */
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 20 * 1024 * 1024,
  maxRecordBodyBytes: 4 * 1024 * 1024,
  maxCalls: 5000,
  maxValues: 2_000_000,
  rateLimit: { perMinute: 1200, burst: 200 },
  signInFailures: { perMinute: 60, burst: 60 },
  requestTimeoutMs: 30_000,
};

/** Something worth an entry in the audit log (saves, loads, exports, profile changes). */
export interface AuditEvent {
  action: string;
  /** What was acted on, e.g. a scenario id or a form id. */
  target?: string;
  /** SHA-256 of the inputs, for exports. */
  inputHash?: string;
  details?: Record<string, unknown>;
  /** The county whose log gets the entry, when not the requester's (a request for another county's record). */
  county?: string;
}

export interface RequestContext {
  deps: Required<Pick<AppDeps, 'logger' | 'profiles'>> & AppDeps;
  limits: Limits;
  records: RecordSettings;
  /** The store, or undefined when the app runs without one. */
  storage: Storage | undefined;
  /**
   * The requesting county's stored profiles as data, for a worker thread. Throws 409
   * PROFILE_OVER_LIMIT when the county's newest version of a profile is too large to read.
   */
  policyFor(req: Request): CountyPolicy;
  /** The requesting county's profiles as loaded for this request (at most the cache's time-to-live old). */
  profileSet(req: Request): CountyProfileSet;
  /** A county's profiles as stored now, for a change that must check against the latest. */
  currentProfiles(county: string): Promise<CountyProfileSet>;
  /**
   * Appends to the audit log as the requesting user; a no-op without storage. Throws when
   * the entry cannot be written, except when the disk is full: a read must still work then,
   * so the entry goes to the service log (no personal data) and the request goes on.
   */
  audit(req: Request, event: AuditEvent): Promise<void>;
  /** Who is asking (set for every /api request). */
  principal(req: Request): Principal;
  /** Drops this instance's cached profiles of `county` after a change. */
  profilesChanged(county: string): void;
  /** Files waiting behind one-time download links (Excel for Mac). */
  downloads: OneTimeLinks;
}
