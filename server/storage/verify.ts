/**
 * Recomputes every hash chain and checks what the chains vouch for:
 *   - each chained row: its place (chain_seq 1, 2, ... per county), its link to the row
 *     before, its own hash, and a time no earlier than the row before (back-dating);
 *   - each chain's newest row against chain_heads (newest rows removed);
 *   - each stored scenario content against its version's content_hash, and each version
 *     without content against an erasure tombstone in the audit chain;
 *   - each user's role, county, revocation and token expiry against the user entries of
 *     the audit chain (a role changed by SQL).
 * Reports every break, the first one first, so `npm run audit -- verify` can name it.
 */
import { CHAINS, GENESIS, rowHash, type ChainName } from './chain.js';
import type { Queryable } from './db.js';
import { scenarioHash } from './hash.js';
import type { ChainBreak, VerifyReport } from './types.js';

type Row = Record<string, string | number | null>;

const describeRow = (chain: ChainName, row: Row): string => CHAINS[chain].keyColumns.map((k) => `${k} ${String(row[k])}`).join(', ');

async function verifyChain(q: Queryable, chain: ChainName, breaks: ChainBreak[], heads: VerifyReport['heads']): Promise<{ rows: Row[] }> {
  const spec = CHAINS[chain];
  const rows = await q.all<Row>(
    `SELECT ${[...new Set([...spec.keyColumns, ...spec.columns])].join(', ')}, chain_seq, prev_hash, row_hash FROM ${spec.table} ORDER BY county_code, chain_seq`,
  );
  const stored = await q.all<{ county_code: string; seq: number | string; head_hash: string }>('SELECT county_code, seq, head_hash FROM chain_heads WHERE chain = ? ORDER BY county_code', [chain]);
  const last = new Map<string, { seq: number; hash: string; at: string }>();
  for (const row of rows) {
    const county = String(row.county_code);
    const before = last.get(county) ?? { seq: 0, hash: GENESIS, at: '' };
    const seq = Number(row.chain_seq);
    const at = String(row[spec.timeColumn]);
    const fault = (reason: string) => breaks.push({ table: spec.table, county, row: describeRow(chain, row), reason });
    if (seq !== before.seq + 1) fault(`chain_seq ${seq} follows ${before.seq}: a row is missing or was inserted out of place`);
    else if (row.prev_hash !== before.hash) fault('prev_hash does not match the row before: a row before it was changed, removed or replaced');
    else if (row.row_hash !== rowHash(chain, seq, before.hash, spec.columns.map((c) => row[c] ?? null))) fault('row_hash does not match the row content: the row was changed');
    else if (at < before.at) fault(`time ${at} is earlier than the row before (${before.at}): back-dated`);
    last.set(county, { seq, hash: String(row.row_hash), at: at > before.at ? at : before.at });
  }
  for (const head of stored) {
    const county = head.county_code;
    const end = last.get(county) ?? { seq: 0, hash: GENESIS, at: '' };
    if (Number(head.seq) !== end.seq || head.head_hash !== end.hash) {
      breaks.push({ table: spec.table, county, row: `chain head (seq ${head.seq})`, reason: `the newest row is seq ${end.seq}, not the recorded head: newest rows were removed or rewritten` });
    }
    heads.push({ chain, county, seq: Number(head.seq), hash: head.head_hash });
  }
  for (const county of last.keys()) {
    if (!stored.some((h) => h.county_code === county)) breaks.push({ table: spec.table, county, row: 'chain head', reason: 'rows exist but the chain head is missing' });
  }
  return { rows };
}

const details = (row: Row): Record<string, unknown> => {
  try {
    return row.details === null ? {} : (JSON.parse(String(row.details)) as Record<string, unknown>);
  } catch {
    return {};
  }
};

async function verifyContents(q: Queryable, auditRows: Row[], breaks: ChainBreak[]): Promise<number> {
  const tombstones = new Set<string>();
  for (const row of auditRows) {
    if (row.action !== 'scenario.erase') continue;
    for (const v of (details(row).versions as { version: number; hash: string }[] | undefined) ?? []) tombstones.add(`${row.target}@${v.version}@${v.hash}`);
  }
  const rows = await q.all<Row>(
    `SELECT v.county_code, v.scenario_id, v.version, v.content_hash, c.scenario_id AS present, c.workbook, c.inputs, c.results
     FROM scenario_versions v LEFT JOIN scenario_contents c ON c.scenario_id = v.scenario_id AND c.version = v.version ORDER BY v.county_code, v.chain_seq`,
  );
  for (const r of rows) {
    const where = { table: 'scenario_contents', county: String(r.county_code), row: `scenario ${r.scenario_id} version ${r.version}` };
    if (r.present === null) {
      if (!tombstones.has(`${r.scenario_id}@${r.version}@${r.content_hash}`)) breaks.push({ ...where, reason: 'the content is gone but the audit log has no erasure for it' });
    } else if (scenarioHash(String(r.workbook), String(r.inputs), String(r.results)) !== r.content_hash) {
      breaks.push({ ...where, reason: "the content does not match the version's content_hash: it was changed" });
    }
  }
  const stray = await q.get<{ n: number | string }>(
    'SELECT COUNT(*) AS n FROM scenario_contents c WHERE NOT EXISTS (SELECT 1 FROM scenario_versions v WHERE v.scenario_id = c.scenario_id AND v.version = c.version)',
  );
  if (Number(stray!.n) > 0) breaks.push({ table: 'scenario_contents', county: '', row: `${stray!.n} rows`, reason: 'content without a version record' });
  return rows.length;
}

/** Each user as the audit chain says it must be: role, county, revoked, token expiry. */
function usersFromAudit(auditRows: Row[]): Map<string, { role: unknown; county: string; revoked: boolean; expiresAt: unknown }> {
  const users = new Map<string, { role: unknown; county: string; revoked: boolean; expiresAt: unknown }>();
  const ordered = [...auditRows].sort((a, b) => Number(a.id) - Number(b.id));
  for (const row of ordered) {
    const name = String(row.target);
    const d = details(row);
    const user = users.get(name);
    if (row.action === 'user.add') users.set(name, { role: d.role, county: String(row.county_code), revoked: false, expiresAt: d.expiresAt ?? null });
    else if (user && (row.action === 'user.token' || row.action === 'user.expiry')) user.expiresAt = d.expiresAt ?? null;
    else if (user && row.action === 'user.revoke') user.revoked = true;
  }
  return users;
}

async function verifyUsers(q: Queryable, auditRows: Row[], breaks: ChainBreak[]): Promise<number> {
  const expected = usersFromAudit(auditRows);
  const rows = await q.all<Row>('SELECT name, role, county_code, revoked_at, token_expires_at FROM users ORDER BY id');
  for (const u of rows) {
    const want = expected.get(String(u.name));
    const where = { table: 'users', county: String(u.county_code), row: `user ${u.name}` };
    if (!want) breaks.push({ ...where, reason: 'the user is not in the audit log: added with SQL' });
    else if (want.role !== u.role) breaks.push({ ...where, reason: `role is ${u.role} but the audit log gives ${String(want.role)}: changed with SQL` });
    else if (want.county !== u.county_code) breaks.push({ ...where, reason: `county is ${u.county_code} but the audit log gives ${want.county}` });
    else if (want.revoked !== (u.revoked_at !== null)) breaks.push({ ...where, reason: 'revocation differs from the audit log' });
    else if (!want.revoked && want.expiresAt !== u.token_expires_at) breaks.push({ ...where, reason: `token expiry is ${u.token_expires_at} but the audit log gives ${String(want.expiresAt)}` });
  }
  return rows.length;
}

export async function verifyRecords(q: Queryable): Promise<VerifyReport> {
  const breaks: ChainBreak[] = [];
  const heads: VerifyReport['heads'] = [];
  const rows: Record<string, number> = {};
  const audit = await verifyChain(q, 'audit', breaks, heads);
  rows.audit_log = audit.rows.length;
  rows.scenario_versions = (await verifyChain(q, 'scenario', breaks, heads)).rows.length;
  rows.county_profiles = (await verifyChain(q, 'profile', breaks, heads)).rows.length;
  rows.scenario_contents = await verifyContents(q, audit.rows, breaks);
  rows.users = await verifyUsers(q, audit.rows, breaks);
  return { ok: breaks.length === 0, rows, breaks, heads };
}
