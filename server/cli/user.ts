/**
 * Manages who may sign in, against the same store the service uses (EDU_DATA_DIR, or
 * DATABASE_OWNER_URL / DATABASE_URL: the service's own PostgreSQL role may not change users):
 *   npm run user -- add NAME --role ROLE --county CODE [--county-name 名称] [--days N]
 *   npm run user -- token NAME [--days N]   a new token for NAME; the old one stops working
 *   npm run user -- revoke NAME    NAME can no longer sign in (kept for the audit trail)
 *   npm run user -- list           with each token's expiry
 * A token expires after --days, default EDU_TOKEN_DAYS (90). `add` and `token` print the
 * expiry, then the new token as the last line of their output. It is shown only this once:
 * the store keeps only its SHA-256. Every change is written to the audit chain of the
 * user's county, with the operating-system account that ran the command.
 */
import os from 'node:os';
import { COUNTY_CODE, recordSettings } from '../config.js';
import { digestToken, newToken, tokenExpiry } from '../auth/tokens.js';
import { isUniqueViolation } from '../storage/errors.js';
import { ROLES, type Actor, type Role, type Storage } from '../storage/types.js';
import { runCli, UsageError } from './run-cli.js';

const USER_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,63}$/u;

const USAGE = `用法 / Usage:
  npm run user -- add NAME --role ${ROLES.join('|')} --county CODE [--county-name NAME] [--days N]
  npm run user -- token NAME [--days N]
  npm run user -- revoke NAME
  npm run user -- list`;


function options(args: readonly string[]): { positional: string[]; flags: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (eq) flags.set(eq[1]!, eq[2]!);
    else if (arg.startsWith('--')) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      flags.set(arg.slice(2), value);
      i++;
    } else positional.push(arg);
  }
  return { positional, flags };
}

function userName(value: string | undefined): string {
  if (!value || !USER_NAME.test(value)) {
    throw new UsageError(`用户名 ${JSON.stringify(value ?? '')} 不对：1–64 个字母、汉字、数字或 . _ @ - / User name must be 1–64 letters, digits or . _ @ -`);
  }
  return value;
}

function days(value: string | undefined): number {
  if (value === undefined) return recordSettings(process.env).tokenDays;
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new UsageError('--days 应为 1–9999 的整数 / --days must be a whole number from 1 to 9999');
  return Number(value);
}

async function run(storage: Storage, args: readonly string[], print: (line: string) => void): Promise<void> {
  const [command, ...rest] = args;
  const { positional, flags } = options(rest);
  const expires = () => tokenExpiry(days(flags.get('days')));
  const actor = (county: string): Actor => ({ name: `cli:${os.userInfo().username}`, role: 'cli', county });
  switch (command) {
    case 'add': {
      const name = userName(positional[0]);
      const role = flags.get('role');
      const county = flags.get('county');
      if (!role || !(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role 应为 / must be one of: ${ROLES.join(', ')}`);
      if (!county || !COUNTY_CODE.test(county)) throw new UsageError('--county 应为县的代码，如 360731（小写字母、数字、连字符）/ must be a county code such as 360731 (lower-case letters, digits, dashes)');
      const place = await storage.ensureCounty(county, flags.get('county-name'));
      const token = newToken();
      const digest = digestToken(token);
      const expiresAt = expires();
      try {
        await storage.addUser({ name, role: role as Role, county, tokenLookup: digest.lookup, tokenHash: digest.hash, expiresAt }, actor(county));
      } catch (err) {
        if (isUniqueViolation(err)) throw new UsageError(`用户 ${name} 已存在（用户名不能重复使用，包括已撤销的）/ User ${name} already exists (names are never reused, revoked ones included)`);
        throw err;
      }
      print(`已建立用户 ${name}（${role}，${place.name}）/ Created user ${name} (${role}) in county ${county} — ${storage.kind} ${storage.location}`);
      print(`令牌有效期至 / The token expires at ${expiresAt}`);
      print('令牌只显示这一次，请交给该用户填入任务窗格的“登录” / The token is shown only this once; give it to the user for the task pane sign-in:');
      print(token);
      return;
    }
    case 'token': {
      const name = userName(positional[0]);
      const token = newToken();
      const digest = digestToken(token);
      const users = await storage.listUsers();
      const user = users.find((u) => u.name === name && u.revokedAt === null);
      const expiresAt = expires();
      const updated = user && (await storage.replaceToken(name, { lookup: digest.lookup, hash: digest.hash, expiresAt }, actor(user.county)));
      if (!updated) throw new UsageError(`没有可用的用户 ${name} / No active user ${name}`);
      print(`令牌有效期至 / The token expires at ${expiresAt}`);
      print(`已为 ${name} 换发令牌，旧令牌已失效 / New token for ${name}; the old one no longer works:`);
      print(token);
      return;
    }
    case 'revoke': {
      const name = userName(positional[0]);
      const user = (await storage.listUsers()).find((u) => u.name === name && u.revokedAt === null);
      const revoked = user && (await storage.revokeUser(name, actor(user.county)));
      if (!revoked) throw new UsageError(`没有可用的用户 ${name} / No active user ${name}`);
      print(`已撤销 ${name}，其令牌立即失效 / Revoked ${name}; the token stops working at once`);
      return;
    }
    case 'list': {
      const users = await storage.listUsers();
      if (users.length === 0) print('还没有用户 / No users yet');
      for (const u of users) {
        const state = u.revokedAt ? `revoked ${u.revokedAt}` : u.tokenExpiresAt !== null && u.tokenExpiresAt <= new Date().toISOString() ? `expired ${u.tokenExpiresAt}` : `active until ${u.tokenExpiresAt}`;
        print([u.name, u.role, u.county, u.createdAt, state].join('\t'));
      }
      return;
    }
    default:
      throw new UsageError(command ? `不认识的命令 / Unknown command: ${command}` : '缺少命令 / No command given');
  }
}

process.exitCode = await runCli(run, USAGE);
