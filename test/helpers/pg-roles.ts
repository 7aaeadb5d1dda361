/**
 * The two PostgreSQL roles of docs/security.md in a test database: an owner that runs the
 * migrations and a service role with read and append rights only. Role names are unique per
 * call (roles belong to the whole cluster); passwords are not needed on the trust-auth test
 * cluster.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TwoRoles {
  ownerUrl: string;
  serviceUrl: string;
  serviceRole: string;
}

/** Makes `databaseUrl` (a fresh database, reached as a superuser) belong to a new owner role, with a service role beside it. */
export async function twoRoles(databaseUrl: string): Promise<TwoRoles> {
  const suffix = randomBytes(4).toString('hex');
  const owner = `edu_owner_${suffix}`;
  const service = `edu_app_${suffix}`;
  const url = new URL(databaseUrl);
  const database = url.pathname.slice(1);
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    // The SQL of docs/security.md, with these names.
    await admin.query(`CREATE ROLE ${owner} LOGIN`);
    await admin.query(`CREATE ROLE ${service} LOGIN`);
    await admin.query(`ALTER DATABASE ${database} OWNER TO ${owner}`);
    await admin.query(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`);
    await admin.query(`GRANT CONNECT ON DATABASE ${database} TO ${service}`);
    await admin.query(`ALTER SCHEMA public OWNER TO ${owner}`);
    await admin.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  } finally {
    await admin.end();
  }
  const as = (role: string) => {
    const u = new URL(databaseUrl);
    u.username = role;
    return u.toString();
  };
  return { ownerUrl: as(owner), serviceUrl: as(service), serviceRole: service };
}
