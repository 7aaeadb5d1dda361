/**
 * Scenarios, the county's named and versioned working records:
 *   GET    /api/v1/scenarios?limit=&offset=        -> { scenarios: [{ id, name, latestVersion, workbook, updatedAt, updatedBy, personal }], total, limit, offset }
 *   POST   /api/v1/scenarios { name, workbook, inputs, results, personal? } -> 201 { id, name, version, createdAt, hash, personal, personalSigns }
 *   GET    /api/v1/scenarios/{id}                  -> the latest version { id, name, version, workbook, inputs, results, author, createdAt, hash, personal }
 *   GET    /api/v1/scenarios/{id}/versions         -> { id, name, versions: [{ version, workbook, author, createdAt, hash, personal, erased }] }
 *   GET    /api/v1/scenarios/{id}/versions/{n}     -> version n
 *   DELETE /api/v1/scenarios/{id}                  -> { id, erased: [{ version, hash }] }   (admin)
 *   DELETE /api/v1/scenarios/{id}/versions/{n}     -> the same for one version             (admin)
 * Every save is a new immutable version; saving under a name the county already has adds
 * the next version. A save with an `Idempotency-Key` header that was already used answers
 * the first save (200, `Idempotent-Replayed: true`) instead of adding a version.
 * Content with personal information (detected, or declared with `personal: true`) is read
 * only by personnel and admin; others see in the list and history that it exists and who
 * saved it. Loads, refusals, requests for another county's scenario and erasures are audited.
 */
import type { Request } from 'express';
import type { RequestContext } from '../context.js';
import { actorOf } from '../auth/principal.js';
import { allows } from '../auth/roles.js';
import { findPersonalData } from '../privacy/personal-data.js';
import { freeBytes } from '../records/disk-space.js';
import { ServiceError } from '../service-error.js';
import { textProblem } from '../storage/text.js';
import type { ScenarioVersion } from '../storage/types.js';
import type { Endpoints, Records } from './endpoint.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

const SAVE_HINT = {
  zh: '请发送 {"name": "方案名", "workbook": "工作簿名", "inputs": {名称: 值}, "results": {名称: 值}}',
  en: 'Send {"name": "...", "workbook": "...", "inputs": {name: values}, "results": {name: values}}',
};

const notFound = (rawId: string, version?: number) => {
  const id = JSON.stringify(rawId.slice(0, 80));
  return version === undefined
    ? new ServiceError(404, 'NOT_FOUND', { zh: `本县没有编号为 ${id} 的方案`, en: `Your county has no scenario with id ${id}` })
    : new ServiceError(404, 'NOT_FOUND', { zh: `本县编号为 ${id} 的方案没有第 ${version} 版`, en: `Your county's scenario ${id} has no version ${version}` });
};

function versionNumber(text: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) {
    throw new ServiceError(400, 'BAD_REQUEST', { zh: `版本号 "${text.slice(0, 20)}" 不对：应为 1 起的整数`, en: `Version "${text.slice(0, 20)}" is not valid: use a whole number from 1` });
  }
  return Number(text);
}

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

type ScenarioRoutes = 'scenarios' | 'saveScenario' | 'scenario' | 'scenarioVersions' | 'scenarioVersion' | 'eraseScenario' | 'eraseScenarioVersion';

export function scenarioEndpoints(ctx: RequestContext): Pick<Endpoints, ScenarioRoutes> {

  /** A scenario of another county is answered as not found, and the attempt is audited. */
  const missing = async (req: Request, { storage, principal }: Records, id: string, version?: number): Promise<never> => {
    const owner = await storage.scenarioCounty(id);
    // Recorded in the owning county's log, where its administrator looks.
    if (owner !== undefined && owner !== principal.county) {
      await ctx.audit(req, { action: 'access.other-county', target: id, county: owner, details: { fromCounty: principal.county, status: 404 } });
    }
    throw notFound(id, version);
  };

  const load = async (req: Request, records: Records, id: string, version?: number): Promise<ScenarioVersion> => {
    const { storage, principal } = records;
    const found = await storage.getScenario(principal.county, id, version);
    if (!found) return missing(req, records, id, version);
    if (found.erased) {
      throw new ServiceError(410, 'ERASED', { zh: `方案 ${found.id} 第 ${found.version} 版的内容已被管理员删除`, en: `The content of scenario ${found.id} version ${found.version} was erased by an administrator` });
    }
    if (found.personal && !allows(principal.role, 'scenario.personal')) {
      throw new ServiceError(403, 'PERSONAL_DATA', { zh: `方案 ${found.id} 第 ${found.version} 版含个人信息（由 ${found.author} 于 ${found.createdAt} 保存），只有人事和管理员可以查看内容`, en: `Scenario ${found.id} version ${found.version} holds personal information (saved by ${found.author} at ${found.createdAt}); only personnel staff and administrators may read its content` });
    }
    await ctx.audit(req, { action: 'scenario.load', target: found.id, details: { version: found.version } });
    return found;
  };

  const erase = async (req: Request, records: Records, id: string, version?: number) => {
    const { storage, principal } = records;
    const erased = await storage.eraseScenario(principal.county, id, version, actorOf(principal));
    if (!erased) return missing(req, records, id, version);
    return { id: erased.id, erased: erased.versions };
  };

  return {
    scenarios: {
      needs: 'scenario.read',
      refusal: { hint: { zh: '可用 limit（1–1000）和 offset（0 起）。', en: 'Use limit (1–1000) and offset (from 0).' } },
      handle: async (_req, _res, { storage, principal, query }) => ({ ...(await storage.listScenarios(principal.county, query)), ...query }),
    },

    saveScenario: {
      needs: 'scenario.write',
      refusal: { what: { zh: '方案', en: 'scenario' }, hint: SAVE_HINT },
      handle: async (req, res, { storage, principal, body }) => {
        const { name, workbook = '' } = body;
        for (const [field, text] of [
          ['name', name],
          ['workbook', workbook],
        ] as const) {
          const bad = textProblem(text);
          if (bad) throw new ServiceError(400, 'BAD_REQUEST', { zh: `方案的 ${field} ${bad.zh}`, en: `The scenario's ${field} ${bad.en}` });
        }
        const key = req.get('idempotency-key');
        if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
          throw new ServiceError(400, 'BAD_REQUEST', { zh: 'Idempotency-Key 应为 1–200 个可见 ASCII 字符（如一个 UUID）', en: 'Idempotency-Key must be 1–200 visible ASCII characters (a UUID, say)' });
        }
        const free = await freeBytes(storage);
        if (free !== undefined && free < ctx.records.minFreeBytes) {
          throw new ServiceError(507, 'DISK_LOW', { zh: `服务器磁盘只剩 ${mib(free)} MiB（低于保留的 ${mib(ctx.records.minFreeBytes)} MiB），这次保存没有写入，已保存的内容仍可读取：请管理员清理磁盘空间`, en: `The server's disk has only ${mib(free)} MiB free (below the ${mib(ctx.records.minFreeBytes)} MiB kept in reserve); this save was not written and everything saved can still be read. Ask your administrator to free disk space.` });
        }
        // The objects as parsed from JSON, not zod's copies: every key (even "__proto__") is kept.
        const raw = req.body as { inputs: Record<string, unknown>; results?: Record<string, unknown> };
        const found = findPersonalData([workbook, raw.inputs, raw.results ?? {}]);
        const saved = await storage.saveScenario(
          { name, workbook, inputs: raw.inputs, results: raw.results ?? {}, personal: body.personal === true || found.personal },
          actorOf(principal),
          { idempotencyKey: key, quotaBytes: ctx.records.countyQuotaBytes },
        );
        const { replayed, ...answer } = saved;
        if (replayed) res.status(200).set('Idempotent-Replayed', 'true');
        else res.status(201);
        res.location(`/api/v1/scenarios/${saved.id}`);
        return { ...answer, personalSigns: found.signs };
      },
    },

    scenario: { needs: 'scenario.read', handle: (req, _res, records) => load(req, records, req.params.id) },
    scenarioVersions: {
      needs: 'scenario.read',
      handle: async (req, _res, records) => (await records.storage.scenarioHistory(records.principal.county, req.params.id)) ?? missing(req, records, req.params.id),
    },
    scenarioVersion: { needs: 'scenario.read', handle: (req, _res, records) => load(req, records, req.params.id, versionNumber(req.params.n)) },
    eraseScenario: { needs: 'scenario.erase', handle: (req, _res, records) => erase(req, records, req.params.id) },
    eraseScenarioVersion: { needs: 'scenario.erase', handle: (req, _res, records) => erase(req, records, req.params.id, versionNumber(req.params.n)) },
  };
}
