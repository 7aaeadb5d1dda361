/**
 * County policy profiles in SQL both databases understand. Versions are numbered through
 * profile_heads (INSERT ... ON CONFLICT DO UPDATE ... RETURNING, as scenarios are), join the
 * county's profile chain, and are audited in the same transaction.
 *
 * Reading is in two steps so that a reload costs almost nothing: `profileHeads` answers each
 * profile's newest version and its size in bytes without its content (octet_length reads the
 * stored length, not the text), and `getProfile` reads one version's content. A version is
 * never changed once written, so a reader may keep what it parsed for as long as the head
 * names the same version (server/storage/county-profiles.ts does).
 *
 * Profiles written before the size check (issue 15 §1) may be larger than PROFILE_READ_LIMIT:
 * their content is never read into the service. Asking for one answers 409 PROFILE_OVER_LIMIT
 * saying what to do; the row stays as it was (append-only, in the chain).
 */
import { policyProfileSchema, type PolicyProfile } from '../../formulas/core/profiles.js';
import { MAX_PROFILE_BYTES } from '../../formulas/core/profile-rules.js';
import { appendChained } from './chain.js';
import type { Db, Queryable } from './db.js';
import { ServiceError } from '../service-error.js';
import type { AuditWriter } from './scenario-store.js';
import type { Actor, ProfileHead, ProfileVersionInfo, StoredProfile } from './types.js';

/**
 * The most a stored profile's JSON may hold to be read: what a write may hold, plus room for
 * the version number the store writes into it (a write is checked with version 1).
 */
export const PROFILE_READ_LIMIT = MAX_PROFILE_BYTES + 64;

interface ProfileRow {
  profile_id: string;
  version: number;
  bytes: number | string;
  /** Null when the content is over PROFILE_READ_LIMIT (not read). */
  body: string | null;
  author: string;
  created_at: string;
}

const kib = (bytes: number): string => (bytes / 1024).toFixed(0);

/** The refusal for a version too large to read: which one, how large, and what to do. */
export function overLimit(id: string, version: number, bytes: number): ServiceError {
  return new ServiceError(409, 'PROFILE_OVER_LIMIT', {
    zh: `本县政策配置 ${id} 第 ${version} 版有 ${kib(bytes)} KiB，超过了每个配置 ${kib(MAX_PROFILE_BYTES)} KiB 的上限（保存于上限设立之前），服务不读取它：请管理员保存一个不超过上限的新版本（PUT /api/v1/profiles/${id}，只写本县改动的键）；旧版本仍留在记录中`,
    en: `County policy profile ${id} version ${version} is ${kib(bytes)} KiB, over the limit of ${kib(MAX_PROFILE_BYTES)} KiB per profile (it was saved before the limit), so the service does not read it: an administrator should save a new version within the limit (PUT /api/v1/profiles/${id}, with only the keys the county changes); the old version stays on record`,
  });
}

function toProfile(r: ProfileRow): StoredProfile {
  if (r.body === null) throw overLimit(r.profile_id, Number(r.version), Number(r.bytes));
  return { id: r.profile_id, version: Number(r.version), profile: policyProfileSchema.parse(JSON.parse(r.body)), author: r.author, createdAt: r.created_at };
}

const SELECT = `SELECT profile_id, version, octet_length(body) AS bytes, CASE WHEN octet_length(body) <= ${PROFILE_READ_LIMIT} THEN body END AS body, author, created_at
  FROM county_profiles WHERE county_code = ? AND profile_id = ?`;

export async function getProfile(db: Db, county: string, id: string, version?: number): Promise<StoredProfile | undefined> {
  const row =
    version === undefined
      ? await db.get<ProfileRow>(`${SELECT} ORDER BY version DESC LIMIT 1`, [county, id])
      : await db.get<ProfileRow>(`${SELECT} AND version = ?`, [county, id, version]);
  return row && toProfile(row);
}

export async function profileHeads(db: Db, county: string): Promise<ProfileHead[]> {
  const rows = await db.all<{ profile_id: string; version: number; bytes: number | string }>(
    `SELECT h.profile_id, h.latest_version AS version, octet_length(p.body) AS bytes
     FROM profile_heads h
     JOIN county_profiles p ON p.county_code = h.county_code AND p.profile_id = h.profile_id AND p.version = h.latest_version
     WHERE h.county_code = ? ORDER BY h.profile_id`,
    [county],
  );
  return rows.map((r) => ({ id: r.profile_id, version: Number(r.version), bytes: Number(r.bytes) }));
}

export async function profileHistory(db: Db, county: string, id: string): Promise<ProfileVersionInfo[]> {
  const rows = await db.all<{ version: number; author: string; created_at: string }>(
    'SELECT version, author, created_at FROM county_profiles WHERE county_code = ? AND profile_id = ? ORDER BY version',
    [county, id],
  );
  return rows.map((r) => ({ version: Number(r.version), author: r.author, createdAt: r.created_at }));
}

export function putProfile(db: Db, audit: AuditWriter, county: string, profile: PolicyProfile, actor: Actor, baseVersion?: number): Promise<StoredProfile> {
  return db.transaction(async (tx: Queryable) => {
    const head = await tx.get<{ latest_version: number }>(
      `INSERT INTO profile_heads (county_code, profile_id, latest_version) VALUES (?, ?, 1)
       ON CONFLICT (county_code, profile_id) DO UPDATE SET latest_version = profile_heads.latest_version + 1
       RETURNING latest_version`,
      [county, profile.id],
    );
    const version = Number(head!.latest_version);
    if (baseVersion !== undefined && version > 1 && baseVersion !== version - 1) {
      const latest = await tx.get<{ author: string; created_at: string }>(
        'SELECT author, created_at FROM county_profiles WHERE county_code = ? AND profile_id = ? AND version = ?',
        [county, profile.id, version - 1],
      );
      throw new ServiceError(409, 'CONFLICT', {
        zh: `政策配置 "${profile.id}" 在您读取版本 ${baseVersion} 之后已由 ${latest?.author} 于 ${latest?.created_at} 保存为版本 ${version - 1}：请重新读取后再修改`,
        en: `Policy profile "${profile.id}" was saved as version ${version - 1} by ${latest?.author} at ${latest?.created_at} after you loaded version ${baseVersion}: reload it and make your change again`,
      });
    }
    const stored: PolicyProfile = { ...profile, version };
    const body = JSON.stringify(stored);
    const { created_at: at } = await appendChained<{ created_at: string }>(tx, 'profile', county, (time) => [county, profile.id, version, body, actor.name, time], 'created_at');
    await audit(tx, { action: 'profile.put', target: profile.id, details: { version, keys: Object.keys(profile.values).length } }, { ...actor, county });
    return { id: profile.id, version, profile: stored, author: actor.name, createdAt: at };
  });
}
