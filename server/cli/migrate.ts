/**
 * Brings the store's schema up to date, as the owner (DATABASE_OWNER_URL, else DATABASE_URL,
 * else the SQLite file in EDU_DATA_DIR):
 *   npm run migrate [-- --grant ROLE]
 * With --grant (PostgreSQL), gives the service's role ROLE exactly the rights it needs and
 * no more (server/storage/pg-roles.ts); run it again after every upgrade. The service
 * itself migrates at start only when it connects as the owner.
 */
import { storageSettings } from '../config.js';
import { projectRoot } from '../project-root.js';
import { migrate } from '../storage/migrate.js';
import { grantServiceRole } from '../storage/pg-roles.js';
import { PostgresDb } from '../storage/postgres.js';
import { openSqlite } from '../storage/sqlite.js';
import type { Db } from '../storage/db.js';

const root = projectRoot();

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const grantAt = args.indexOf('--grant');
  const role = grantAt >= 0 ? args[grantAt + 1] : undefined;
  if ((grantAt >= 0 && !role) || args.length > (grantAt >= 0 ? 2 : 0)) {
    process.stderr.write('用法 / Usage: npm run migrate [-- --grant ROLE]\n');
    return 2;
  }
  const settings = storageSettings(process.env, root, 'owner');
  const db: Db = settings.databaseUrl ? new PostgresDb(settings.databaseUrl) : openSqlite(settings.dataDir);
  try {
    const applied = await migrate(db);
    process.stdout.write(`${applied.length ? `已执行迁移 / Applied migrations ${applied.join(', ')}` : '数据库结构已是最新 / The schema is up to date'} — ${db.dialect} ${db.location}\n`);
    if (role) {
      if (db.dialect !== 'postgres') throw new Error('--grant is for PostgreSQL only');
      await grantServiceRole(db, role);
      process.stdout.write(`已授予服务角色 ${role} 只读与追加权限 / Granted the service role ${role} read and append rights\n`);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
