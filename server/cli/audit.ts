/**
 * Checks and housekeeping of the records, against the store the service uses (EDU_DATA_DIR,
 * or DATABASE_OWNER_URL / DATABASE_URL):
 *   npm run audit -- verify          recomputes every hash chain; exit code 1 and the first
 *                                    row that does not match when one is broken
 *   npm run audit -- expired [--days N]        personal scenario versions older than the
 *                                    retention period (EDU_PERSONAL_RETENTION_DAYS, default 365;
 *                                    --days overrides it, 0 meaning everything saved until now)
 *   npm run audit -- purge-expired [--days N]  erases those versions' content; each erasure
 *                                    leaves a tombstone with its hashes in the audit chain; then compacts
 *   npm run audit -- compact         removes what erasures left in the database's files
 *                                    (PostgreSQL: VACUUM FULL of scenario_contents and scenarios,
 *                                    as their owner; SQLite: nothing is left, the log is emptied)
 * The lists name scenarios by id, author and date, never by name: a name may be a person's.
 */
import os from 'node:os';
import { recordSettings } from '../config.js';
import type { Storage } from '../storage/types.js';
import { runCli, UsageError } from './run-cli.js';


const USAGE = `用法 / Usage:
  npm run audit -- verify
  npm run audit -- expired [--days N]
  npm run audit -- purge-expired [--days N]
  npm run audit -- compact`;

async function compact(storage: Storage, print: (line: string) => void): Promise<number> {
  const tables = await storage.compactErased();
  print(
    storage.kind === 'postgres'
      ? `已重写 ${tables.join('、')}：已删除内容不再留在数据库文件中（预写日志和备份另见 docs/security.md）/ Rewrote ${tables.join(', ')}: erased content is no longer in the database's files (for the write-ahead log and backups see docs/security.md)`
      : 'SQLite 删除时已覆盖内容，日志已清空 / SQLite overwrote erased content when it was deleted; its log is now empty',
  );
  return 0;
}

async function verify(storage: Storage, print: (line: string) => void): Promise<number> {
  const report = await storage.verify();
  const counts = Object.entries(report.rows).map(([table, n]) => `${table} ${n}`).join(', ');
  if (report.ok) {
    print(`记录完整，所有哈希链均吻合 / All records verify: ${counts}`);
    print('各链最新哈希（可另行保存，用于发现整条链被重写）/ Newest hash of each chain (keep a copy elsewhere to detect a rewrite of a whole chain):');
    for (const h of report.heads) print(`${h.chain}\t${h.county}\t${h.seq}\t${h.hash}`);
    return 0;
  }
  const first = report.breaks[0]!;
  print(`第一处不符 / First row that does not match: ${first.table} (county ${first.county}) ${first.row}: ${first.reason}`);
  print(`共 ${report.breaks.length} 处不符 / ${report.breaks.length} break(s) in all:`);
  for (const b of report.breaks) print(`${b.table}\t${b.county}\t${b.row}\t${b.reason}`);
  return 1;
}


function retentionDays(args: readonly string[]): number {
  if (args.length === 0) return recordSettings(process.env).personalRetentionDays;
  if (args.length !== 2 || args[0] !== '--days' || !/^\d{1,5}$/.test(args[1]!)) throw new UsageError('--days 应为 0 起的整数 / --days must be a whole number from 0');
  return Number(args[1]);
}

async function run(storage: Storage, [command, ...rest]: readonly string[], print: (line: string) => void): Promise<number> {
  const days = retentionDays(command === 'verify' || command === 'compact' ? [] : rest);
  const before = new Date(Date.now() - days * 86_400_000).toISOString();
  switch (command) {
    case 'verify':
      return verify(storage, print);
    case 'compact':
      return compact(storage, print);
    case 'expired':
    case 'purge-expired': {
      const expired = await storage.expiredPersonal(before);
      print(`保存于 ${before} 之前、超过保存期限（${days} 天）的个人信息方案版本：${expired.length} 个 / Personal versions saved before ${before}, past the ${days}-day retention period: ${expired.length}`);
      for (const v of expired) print(`${v.county}\t${v.id}\tversion ${v.version}\t${v.author}\t${v.createdAt}`);
      if (command === 'expired' || expired.length === 0) return 0;
      const actor = { name: `cli:${os.userInfo().username}`, role: 'cli' as const };
      for (const v of expired) await storage.eraseScenario(v.county, v.id, v.version, { ...actor, county: v.county });
      print(`已删除以上 ${expired.length} 个版本的内容，审计日志留有记录 / Erased the content of these ${expired.length} versions; the audit log keeps a tombstone of each`);
      return compact(storage, print);
    }
    default:
      process.stderr.write(`${command ? `不认识的命令 / Unknown command: ${command}` : '缺少命令 / No command given'}\n\n${USAGE}\n`);
      return 2;
  }
}

process.exitCode = await runCli(run, USAGE);
