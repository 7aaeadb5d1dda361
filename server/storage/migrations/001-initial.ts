/**
 * The first schema: counties (tenants), users with a role and a hashed token, scenarios
 * with immutable versions, county policy profiles with immutable versions, and the
 * append-only audit log. Times are ISO-8601 UTC text written by the service, the same in
 * both dialects; scenario contents are JSON text kept byte for byte as saved. The heads
 * (scenarios, profile_heads) hold each record's latest version number; updating a head
 * row is what serializes racing saves of the same record.
 */
import type { Migration } from './types.js';

export const initialSchema: Migration = {
  version: 1,
  name: 'initial',
  statements: (d) => [
    `CREATE TABLE counties (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE users (
      id ${d.autoId},
      name TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL CHECK (role IN ('admin', 'finance', 'personnel', 'planner', 'viewer')),
      county_code TEXT NOT NULL REFERENCES counties (code),
      token_lookup TEXT UNIQUE,
      token_hash TEXT,
      created_at TEXT NOT NULL,
      revoked_at TEXT
    )`,
    `CREATE TABLE scenarios (
      id TEXT PRIMARY KEY,
      county_code TEXT NOT NULL REFERENCES counties (code),
      name TEXT NOT NULL,
      latest_version INTEGER NOT NULL CHECK (latest_version >= 1),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      UNIQUE (county_code, name)
    )`,
    `CREATE TABLE scenario_versions (
      scenario_id TEXT NOT NULL REFERENCES scenarios (id),
      version INTEGER NOT NULL CHECK (version >= 1),
      workbook TEXT NOT NULL,
      inputs TEXT NOT NULL,
      results TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      author TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (scenario_id, version)
    )`,
    `CREATE TABLE profile_heads (
      county_code TEXT NOT NULL REFERENCES counties (code),
      profile_id TEXT NOT NULL,
      latest_version INTEGER NOT NULL CHECK (latest_version >= 1),
      PRIMARY KEY (county_code, profile_id)
    )`,
    `CREATE TABLE county_profiles (
      county_code TEXT NOT NULL REFERENCES counties (code),
      profile_id TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version >= 1),
      body TEXT NOT NULL,
      author TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (county_code, profile_id, version)
    )`,
    `CREATE TABLE audit_log (
      id ${d.autoId},
      at TEXT NOT NULL,
      county_code TEXT NOT NULL,
      actor TEXT NOT NULL,
      role TEXT NOT NULL,
      action TEXT NOT NULL,
      target TEXT,
      input_hash TEXT,
      details TEXT
    )`,
    'CREATE INDEX audit_log_by_county ON audit_log (county_code, id)',
    'CREATE INDEX scenarios_by_county ON scenarios (county_code, updated_at)',
    ...d.appendOnly('scenario_versions'),
    ...d.appendOnly('county_profiles'),
    ...d.appendOnly('audit_log'),
  ],
};
