/**
 * Scenarios, the county's named and versioned working records:
 *   GET  /api/v1/scenarios                       -> { scenarios: [{ id, name, latestVersion, workbook, updatedAt, updatedBy }] }
 *   POST /api/v1/scenarios { name, workbook, inputs, results } -> 201 { id, name, version, createdAt, hash }
 *   GET  /api/v1/scenarios/{id}                  -> the latest version { id, name, version, workbook, inputs, results, author, createdAt, hash }
 *   GET  /api/v1/scenarios/{id}/versions         -> { id, name, versions: [{ version, workbook, author, createdAt, hash }] }
 *   GET  /api/v1/scenarios/{id}/versions/{n}     -> version n
 * Every save is a new immutable version; saving under a name the county already has adds
 * the next version of that scenario. `inputs` and `results` are objects of named ranges or
 * tables (any JSON values) and come back exactly as saved. Saves and loads are audited.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { RequestContext } from '../app.js';
import { actorOf } from '../auth/principal.js';
import { guard } from '../auth/guard.js';
import { ServiceError } from '../service-error.js';
import { textProblem } from '../storage/text.js';
import type { ScenarioVersion } from '../storage/types.js';
import { zodProblem } from './zod-problem.js';

const MAX_NAME = 200;
const MAX_WORKBOOK = 500;

const namedValues = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  message: 'expected an object of named ranges or tables, e.g. {"Budget": [[1600000]]}',
  params: { zh: '应为以区域名或表名为键的对象，如 {"Budget": [[1600000]]}' },
});

const saveBody = z.object({
  name: z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().min(1).max(MAX_NAME)),
  workbook: z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().max(MAX_WORKBOOK)).optional(),
  inputs: namedValues,
  results: namedValues.optional(),
});

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

export function scenariosRouter(ctx: RequestContext): Router {
  const router = Router();

  router.get('/scenarios', async (req, res) => {
    const { storage, principal } = guard(ctx, req, 'scenario.read');
    res.json({ scenarios: await storage.listScenarios(principal.county) });
  });

  router.post('/scenarios', async (req, res) => {
    const { storage, principal } = guard(ctx, req, 'scenario.write');
    const body = saveBody.safeParse(req.body);
    if (!body.success) throw zodProblem(body.error, { zh: '方案', en: 'scenario' }, SAVE_HINT);
    const { name, workbook = '' } = body.data;
    for (const [field, text] of [
      ['name', name],
      ['workbook', workbook],
    ] as const) {
      const bad = textProblem(text);
      if (bad) throw new ServiceError(400, 'BAD_REQUEST', { zh: `方案的 ${field} ${bad.zh}`, en: `The scenario's ${field} ${bad.en}` });
    }
    // The objects as parsed from JSON, not zod's copies: every key (even "__proto__") is kept.
    const raw = req.body as { inputs: Record<string, unknown>; results?: Record<string, unknown> };
    const saved = await storage.saveScenario({ name, workbook, inputs: raw.inputs, results: raw.results ?? {} }, actorOf(principal));
    res.status(201).location(`/api/v1/scenarios/${saved.id}`).json(saved);
  });

  const load = async (req: Request, id: string, version?: number): Promise<ScenarioVersion> => {
    const { storage, principal } = guard(ctx, req, 'scenario.read');
    const found = await storage.getScenario(principal.county, id, version);
    if (!found) throw notFound(id, version);
    await ctx.audit(req, { action: 'scenario.load', target: found.id, details: { name: found.name, version: found.version } });
    return found;
  };

  router.get('/scenarios/:id', async (req, res) => {
    res.json(await load(req, req.params.id));
  });

  router.get('/scenarios/:id/versions', async (req, res) => {
    const { storage, principal } = guard(ctx, req, 'scenario.read');
    const history = await storage.scenarioHistory(principal.county, req.params.id);
    if (!history) throw notFound(req.params.id);
    res.json(history);
  });

  router.get('/scenarios/:id/versions/:n', async (req, res) => {
    res.json(await load(req, req.params.id, versionNumber(req.params.n)));
  });

  return router;
}
