/**
 * PostgreSQL with two roles: the owner runs the migrations (npm run migrate) and owns the
 * tables; the service connects as an application role that may only read and append to
 * the records. Without ownership it cannot TRUNCATE, ALTER TABLE ... DISABLE TRIGGER or
 * drop a trigger, and without UPDATE or DELETE it cannot rewrite the audit log, a version,
 * a profile or a user's role. docs/security.md gives the SQL that creates the roles.
 */
import type { Queryable } from './db.js';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** What the service's role may do, table by table. */
export const SERVICE_GRANTS: readonly { privileges: string; tables: readonly string[] }[] = [
  { privileges: 'SELECT', tables: ['schema_migrations', 'users'] },
  { privileges: 'SELECT, INSERT', tables: ['audit_log', 'scenario_versions', 'county_profiles'] },
  { privileges: 'SELECT, INSERT, UPDATE', tables: ['counties', 'scenarios', 'profile_heads', 'chain_heads', 'idempotency_keys'] },
  // DELETE only for erasure of personal content (admin, npm run audit -- purge-expired).
  { privileges: 'SELECT, INSERT, DELETE', tables: ['scenario_contents'] },
];

export function serviceGrantStatements(role: string): string[] {
  if (!ROLE_NAME.test(role)) throw new Error(`"${role}" is not a plain PostgreSQL role name (lower-case letters, digits, _)`);
  return [
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`,
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    ...SERVICE_GRANTS.map((g) => `GRANT ${g.privileges} ON ${g.tables.join(', ')} TO ${role}`),
  ];
}

export async function grantServiceRole(q: Queryable, role: string): Promise<void> {
  for (const statement of serviceGrantStatements(role)) await q.run(statement);
}
