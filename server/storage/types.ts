/**
 * The storage interface the service and the user CLI talk to. Two implementations share one
 * body of SQL (sql-storage.ts): SQLite in a file (the default, zero set-up) and PostgreSQL
 * (several service instances behind a load balancer). Every record belongs to a county;
 * every read takes the county so one county can never see another's records.
 */
import type { PolicyProfile } from '../../formulas/core/profiles.js';

export const ROLES = ['admin', 'finance', 'personnel', 'planner', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface County {
  code: string;
  name: string;
  createdAt: string;
}

export interface UserRecord {
  id: number;
  name: string;
  role: Role;
  county: string;
  createdAt: string;
  revokedAt: string | null;
  /** When the current token stops working (ISO time). */
  tokenExpiresAt: string | null;
}

/** A user found by the public lookup part of a token hash, with the full hash to compare. */
export interface UserWithHash extends UserRecord {
  tokenHash: string;
}

export interface NewUser {
  name: string;
  role: Role;
  county: string;
  tokenLookup: string;
  tokenHash: string;
  /** When the token stops working (ISO time). */
  expiresAt: string;
}

/** A token as stored: the lookup part and full SHA-256 (server/auth/tokens.ts) and its expiry. */
export interface StoredToken {
  lookup: string;
  hash: string;
  expiresAt: string;
}

/** Who does something: recorded as author of versions and actor of audit entries. */
export interface Actor {
  name: string;
  role: Role | 'cli' | 'anonymous';
  county: string;
}

export interface ScenarioSave {
  name: string;
  workbook: string;
  /** Named ranges / tables and their values, any size: stored as JSON text, exactly. */
  inputs: unknown;
  results: unknown;
  /** Holds personal information (server/privacy/personal-data.ts): readable only by personnel and admin. */
  personal?: boolean;
}

export interface SaveOptions {
  /** The client's Idempotency-Key: a retry with the same key answers the first save. */
  idempotencyKey?: string | undefined;
  /** The county's storage quota in bytes of saved content. */
  quotaBytes?: number | undefined;
}

export interface SavedVersion {
  id: string;
  name: string;
  version: number;
  createdAt: string;
  /** SHA-256 of {workbook, inputs, results} as stored: lets anyone check a version is whole. */
  hash: string;
  personal: boolean;
  /** True when this answers an earlier save with the same idempotency key. */
  replayed: boolean;
}

export interface ScenarioSummary {
  id: string;
  name: string;
  latestVersion: number;
  workbook: string;
  updatedAt: string;
  updatedBy: string;
  personal: boolean;
}

export interface Page {
  limit: number;
  offset: number;
}

export interface VersionInfo {
  version: number;
  workbook: string;
  author: string;
  createdAt: string;
  hash: string;
  personal: boolean;
  /** The content was erased (the version's record and hash remain). */
  erased: boolean;
}

export interface ScenarioVersion extends VersionInfo {
  id: string;
  name: string;
  county: string;
  /** Named ranges and tables as saved (contracts/records.ts); null when erased. */
  inputs: Record<string, unknown> | null;
  results: Record<string, unknown> | null;
}

/** What an erasure removed: the versions and their content hashes (the audit tombstone). */
export interface Erasure {
  id: string;
  versions: { version: number; hash: string }[];
}

/** A personal scenario version past its retention period. */
export interface ExpiredVersion {
  county: string;
  id: string;
  version: number;
  author: string;
  createdAt: string;
}

export interface ScenarioHistory {
  id: string;
  name: string;
  versions: VersionInfo[];
}

export interface StoredProfile {
  id: string;
  version: number;
  profile: PolicyProfile;
  author: string;
  createdAt: string;
}

/** A profile's newest version, and the bytes of its stored JSON. */
export interface ProfileHead {
  id: string;
  version: number;
  bytes: number;
}

export interface ProfileVersionInfo {
  version: number;
  author: string;
  createdAt: string;
}

export interface AuditRecord {
  action: string;
  target?: string | undefined;
  inputHash?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

export interface AuditEntry {
  id: number;
  at: string;
  county: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  inputHash: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditQuery {
  limit: number;
  /** Only entries older than this id (paging backwards). */
  before?: number | undefined;
  action?: string | undefined;
}

export interface ChainBreak {
  /** The table, e.g. audit_log. */
  table: string;
  county: string;
  /** The row, e.g. "id 17" or "scenario 3f2c… version 2". */
  row: string;
  reason: string;
}

export interface VerifyReport {
  ok: boolean;
  /** Rows checked per table. */
  rows: Record<string, number>;
  /** Every break found, the first one first. */
  breaks: ChainBreak[];
  /** Each county's newest hash per chain: record these elsewhere to catch a rewrite of the whole chain. */
  heads: { chain: string; county: string; seq: number; hash: string }[];
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /** The file, or the connection string without its password: safe to log. */
  readonly location: string;
  /** Resolves when the database answers; throws a StorageError when it does not. */
  ping(): Promise<void>;
  /** Waits for running statements, then closes the file or the pool. */
  close(): Promise<void>;

  ensureCounty(code: string, name?: string): Promise<County>;
  listCounties(): Promise<County[]>;

  addUser(user: NewUser, actor: Actor): Promise<UserRecord>;
  /** Gives an active user a new token (the old one stops working). */
  replaceToken(name: string, token: StoredToken, actor: Actor): Promise<UserRecord | undefined>;
  revokeUser(name: string, actor: Actor): Promise<UserRecord | undefined>;
  listUsers(): Promise<UserRecord[]>;
  activeUserByTokenLookup(tokenLookup: string): Promise<UserWithHash | undefined>;

  /** A new immutable version (1 for a new name in the county), audited in the same transaction. */
  saveScenario(save: ScenarioSave, actor: Actor, options?: SaveOptions): Promise<SavedVersion>;
  /** The county's scenarios (not erased ones), newest first, a page at a time, with how many there are. */
  listScenarios(county: string, page: Page): Promise<{ scenarios: ScenarioSummary[]; total: number }>;
  /** The latest version, or version `version`; undefined when the county has no such record. */
  getScenario(county: string, id: string, version?: number): Promise<ScenarioVersion | undefined>;
  scenarioHistory(county: string, id: string): Promise<ScenarioHistory | undefined>;
  /** The county a scenario id belongs to, whichever it is (to record requests for another county's records). */
  scenarioCounty(id: string): Promise<string | undefined>;
  /**
   * Erases the content of a scenario's versions (all, or `version`): the rows are deleted
   * (SQLite overwrites them: secure_delete), the version records and hashes stay, and a
   * tombstone with the hashes goes to the audit log. Undefined when there is no such record.
   */
  eraseScenario(county: string, id: string, version: number | undefined, actor: Actor): Promise<Erasure | undefined>;
  /**
   * Removes what erasures left in the database's files: PostgreSQL keeps a deleted row's
   * bytes (a dead tuple) until its table is rewritten, so this runs VACUUM FULL of the tables
   * erasure touches (as their owner: `npm run audit -- compact`); SQLite overwrote them at
   * once (secure_delete) and only empties its log. Answers the tables compacted.
   */
  compactErased(): Promise<string[]>;
  /** Personal versions saved before `savedBefore` whose content is not yet erased. */
  expiredPersonal(savedBefore: string): Promise<ExpiredVersion[]>;
  /** Recomputes every hash chain and cross-check (server/storage/verify.ts). */
  verify(): Promise<VerifyReport>;

  /**
   * A new version of the county's profile `profile.id`, audited in the same transaction.
   * With `baseVersion`, refuses (ServiceError 409 CONFLICT) when someone saved after that version.
   */
  putProfile(county: string, profile: PolicyProfile, actor: Actor, baseVersion?: number): Promise<StoredProfile>;
  /** One version (default the newest); ServiceError 409 PROFILE_OVER_LIMIT for one written before the size check and over it. */
  getProfile(county: string, id: string, version?: number): Promise<StoredProfile | undefined>;
  profileHistory(county: string, id: string): Promise<ProfileVersionInfo[]>;
  /** Each profile's newest version and its size, without its content: what a reload asks first. */
  profileHeads(county: string): Promise<ProfileHead[]>;

  appendAudit(record: AuditRecord, actor: Actor): Promise<AuditEntry>;
  listAudit(county: string, query: AuditQuery): Promise<AuditEntry[]>;
}
