/**
 * The storage logic, written once in SQL both SQLite (3.35+) and PostgreSQL understand.
 *
 * Scenario versions: one statement, INSERT ... ON CONFLICT (county_code, name) DO UPDATE SET
 * latest_version = latest_version + 1 ... RETURNING, both creates a new scenario at version
 * 1 and numbers the next version of an existing one. In PostgreSQL it takes the scenario
 * row's lock until commit, so a racing save from another instance waits and then gets the
 * next number; in SQLite the transaction holds the write lock from BEGIN IMMEDIATE. The
 * primary key (scenario_id, version) and append-only triggers guard the rest: a version is
 * never numbered twice and never overwritten. County profile versions are numbered the same
 * way through profile_heads. The audit entry is written in the same transaction as the
 * change it records.
 */
import type { PolicyProfile } from '../../formulas/core/profiles.js';
import type { Db, Queryable, SqlParam } from './db.js';
import { appendChained } from './chain.js';
import * as profiles from './profile-store.js';
import * as scenarios from './scenario-store.js';
import { verifyRecords } from './verify.js';
import type {
  Actor,
  AuditEntry,
  AuditQuery,
  AuditRecord,
  County,
  Erasure,
  ExpiredVersion,
  NewUser,
  Page,
  ProfileHead,
  ProfileVersionInfo,
  Role,
  SavedVersion,
  SaveOptions,
  ScenarioHistory,
  ScenarioSave,
  ScenarioSummary,
  ScenarioVersion,
  Storage,
  StoredProfile,
  StoredToken,
  UserRecord,
  UserWithHash,
  VerifyReport,
} from './types.js';

interface UserRow {
  id: number | string;
  name: string;
  role: Role;
  county_code: string;
  created_at: string;
  revoked_at: string | null;
  token_expires_at: string | null;
  token_hash?: string | null;
}

interface AuditRow {
  id: number | string;
  at: string;
  county_code: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  input_hash: string | null;
  details: string | null;
}

const USER_COLUMNS = 'id, name, role, county_code, created_at, revoked_at, token_expires_at';
const AUDIT_COLUMNS = 'id, at, county_code, actor, role, action, target, input_hash, details';

/** Where erased content lived: the versions' content, and the scenario's former name (a rename leaves the old row behind in PostgreSQL). */
const ERASED_TABLES = ['scenario_contents', 'scenarios'] as const;

const now = (): string => new Date().toISOString();

const toUser = (r: UserRow): UserRecord => ({
  id: Number(r.id),
  name: r.name,
  role: r.role,
  county: r.county_code,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  tokenExpiresAt: r.token_expires_at,
});

const toAudit = (r: AuditRow): AuditEntry => ({
  id: Number(r.id),
  at: r.at,
  county: r.county_code,
  actor: r.actor,
  role: r.role,
  action: r.action,
  target: r.target,
  inputHash: r.input_hash,
  details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>),
});

function insertAudit(q: Queryable, record: AuditRecord, actor: Actor): Promise<AuditEntry> {
  const values = (at: string) => [
    at,
    actor.county,
    actor.name,
    actor.role,
    record.action,
    record.target ?? null,
    record.inputHash ?? null,
    record.details === undefined ? null : JSON.stringify(record.details),
  ];
  return appendChained<AuditRow>(q, 'audit', actor.county, values, AUDIT_COLUMNS).then(toAudit);
}

export class SqlStorage implements Storage {
  readonly kind: 'sqlite' | 'postgres';
  readonly location: string;

  constructor(private readonly db: Db) {
    this.kind = db.dialect;
    this.location = db.location;
  }

  async ping(): Promise<void> {
    await this.db.get('SELECT 1 AS ok');
  }

  close(): Promise<void> {
    return this.db.close();
  }

  async ensureCounty(code: string, name?: string): Promise<County> {
    return this.db.transaction(async (tx) => {
      await tx.run('INSERT INTO counties (code, name, created_at) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING', [code, name ?? code, now()]);
      const row = await tx.get<{ code: string; name: string; created_at: string }>('SELECT code, name, created_at FROM counties WHERE code = ?', [code]);
      return { code: row!.code, name: row!.name, createdAt: row!.created_at };
    });
  }

  async listCounties(): Promise<County[]> {
    const rows = await this.db.all<{ code: string; name: string; created_at: string }>('SELECT code, name, created_at FROM counties ORDER BY code');
    return rows.map((r) => ({ code: r.code, name: r.name, createdAt: r.created_at }));
  }

  addUser(user: NewUser, actor: Actor): Promise<UserRecord> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<UserRow>(
        `INSERT INTO users (name, role, county_code, token_lookup, token_hash, token_expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${USER_COLUMNS}`,
        [user.name, user.role, user.county, user.tokenLookup, user.tokenHash, user.expiresAt, now()],
      );
      await insertAudit(tx, { action: 'user.add', target: user.name, details: { role: user.role, expiresAt: user.expiresAt } }, { ...actor, county: user.county });
      return toUser(row!);
    });
  }

  replaceToken(name: string, token: StoredToken, actor: Actor): Promise<UserRecord | undefined> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<UserRow>(
        `UPDATE users SET token_lookup = ?, token_hash = ?, token_expires_at = ? WHERE name = ? AND revoked_at IS NULL RETURNING ${USER_COLUMNS}`,
        [token.lookup, token.hash, token.expiresAt, name],
      );
      if (!row) return undefined;
      await insertAudit(tx, { action: 'user.token', target: name, details: { expiresAt: token.expiresAt } }, { ...actor, county: row.county_code });
      return toUser(row);
    });
  }

  revokeUser(name: string, actor: Actor): Promise<UserRecord | undefined> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<UserRow>(
        `UPDATE users SET revoked_at = ?, token_lookup = NULL, token_hash = NULL WHERE name = ? AND revoked_at IS NULL RETURNING ${USER_COLUMNS}`,
        [now(), name],
      );
      if (!row) return undefined;
      await insertAudit(tx, { action: 'user.revoke', target: name }, { ...actor, county: row.county_code });
      return toUser(row);
    });
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.db.all<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY county_code, name`)).map(toUser);
  }

  async activeUserByTokenLookup(tokenLookup: string): Promise<UserWithHash | undefined> {
    const row = await this.db.get<UserRow>(`SELECT ${USER_COLUMNS}, token_hash FROM users WHERE token_lookup = ? AND revoked_at IS NULL`, [tokenLookup]);
    if (!row || !row.token_hash) return undefined;
    return { ...toUser(row), tokenHash: row.token_hash };
  }

  saveScenario(save: ScenarioSave, actor: Actor, options?: SaveOptions): Promise<SavedVersion> {
    return scenarios.saveScenario(this.db, insertAudit, save, actor, options);
  }

  listScenarios(county: string, page: Page): Promise<{ scenarios: ScenarioSummary[]; total: number }> {
    return scenarios.listScenarios(this.db, county, page);
  }

  getScenario(county: string, id: string, version?: number): Promise<ScenarioVersion | undefined> {
    return scenarios.getScenario(this.db, county, id, version);
  }

  scenarioHistory(county: string, id: string): Promise<ScenarioHistory | undefined> {
    return scenarios.scenarioHistory(this.db, county, id);
  }

  async scenarioCounty(id: string): Promise<string | undefined> {
    return (await this.db.get<{ county_code: string }>('SELECT county_code FROM scenarios WHERE id = ?', [id]))?.county_code;
  }

  async eraseScenario(county: string, id: string, version: number | undefined, actor: Actor): Promise<Erasure | undefined> {
    const erased = await scenarios.eraseScenario(this.db, insertAudit, county, id, version, actor);
    // The deleted pages leave the write-ahead log for the file, where secure_delete zeroed them.
    if (erased) await this.db.checkpoint();
    return erased;
  }

  async compactErased(): Promise<string[]> {
    await this.db.compact(ERASED_TABLES);
    return [...ERASED_TABLES];
  }

  expiredPersonal(savedBefore: string): Promise<ExpiredVersion[]> {
    return scenarios.expiredPersonal(this.db, savedBefore);
  }

  verify(): Promise<VerifyReport> {
    return verifyRecords(this.db);
  }

  putProfile(county: string, profile: PolicyProfile, actor: Actor, baseVersion?: number): Promise<StoredProfile> {
    return profiles.putProfile(this.db, insertAudit, county, profile, actor, baseVersion);
  }

  getProfile(county: string, id: string, version?: number): Promise<StoredProfile | undefined> {
    return profiles.getProfile(this.db, county, id, version);
  }

  profileHistory(county: string, id: string): Promise<ProfileVersionInfo[]> {
    return profiles.profileHistory(this.db, county, id);
  }

  profileHeads(county: string): Promise<ProfileHead[]> {
    return profiles.profileHeads(this.db, county);
  }

  appendAudit(record: AuditRecord, actor: Actor): Promise<AuditEntry> {
    return this.db.transaction((tx) => insertAudit(tx, record, actor));
  }

  async listAudit(county: string, query: AuditQuery): Promise<AuditEntry[]> {
    const where = ['county_code = ?'];
    const params: SqlParam[] = [county];
    if (query.before !== undefined) {
      where.push('id < ?');
      params.push(query.before);
    }
    if (query.action !== undefined) {
      where.push('action = ?');
      params.push(query.action);
    }
    params.push(query.limit);
    const rows = await this.db.all<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`, params);
    return rows.map(toAudit);
  }
}
