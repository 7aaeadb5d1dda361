/**
 * The OpenAPI 3.1 document, generated from the route list (routes.ts) and the formula
 * registry with @asteasolutions/zod-to-openapi: each function's calc route appears with its
 * parameters, in order, as Excel passes them. Served at GET /api/v1/openapi.json.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { AnyFormula, ParamSpec } from '../formulas/core/definition.js';
import { calcValueSchema } from './calc.js';
import { errorBodySchema } from './errors.js';
import { ROUTES, type RouteContract } from './routes.js';

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Malformed request / 请求格式有误',
  '401': 'Sign-in required / 需要登录',
  '403': 'Not allowed / 无权限',
  '404': 'Not found / 找不到',
  '413': 'Too large or too much work / 数据或计算量太大',
  '422': 'Well formed, but cannot be computed / 格式正确但无法计算',
  '429': 'Too many requests / 请求太频繁',
  '500': 'Internal error / 服务内部出错',
  '503': 'Busy or unavailable / 服务繁忙或不可用',
};

/** Express ":id" -> OpenAPI "{id}", and the path parameters it names. */
function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  const converted = path.replace(/:(\w+)/g, (_m, name: string) => {
    params.push(name);
    return `{${name}}`;
  });
  return { path: converted, params };
}

function errorResponses() {
  return Object.fromEntries(
    Object.entries(ERROR_STATUSES).map(([status, description]) => [status, { description, content: { 'application/json': { schema: errorBodySchema } } }]),
  );
}

function register(registry: OpenAPIRegistry, name: string, r: RouteContract): void {
  const { path, params } = openApiPath(r.path);
  const ok =
    r.answer === 'file'
      ? { description: 'The .xlsx file', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().meta({ format: 'binary' }) } } }
      : { description: 'OK', content: { 'application/json': { schema: r.answer } } };
  registry.registerPath({
    operationId: name,
    method: r.method,
    path,
    summary: `${r.summary.zh} / ${r.summary.en}`,
    request: {
      ...(params.length > 0 ? { params: z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) } : {}),
      ...(r.query ? { query: r.query } : {}),
      ...(r.body ? { body: { content: { 'application/json': { schema: r.body } } } } : {}),
    },
    responses: { [r.method === 'post' && name === 'saveScenario' ? '201' : '200']: ok, ...errorResponses() },
  });
}

/** One argument as the calc route takes it: its name, what it is, and whether it may be null. */
function argumentSchema(p: ParamSpec): z.ZodType {
  const shape = p.dimensionality === 'matrix' ? 'a range: rows of cells, or a packed range' : 'one value';
  const schema = z.unknown().meta({ description: `${p.name}: ${p.summary.zh} / ${p.summary.en} (${shape})` });
  return p.optional || p.default !== undefined ? schema.optional() : schema;
}

function registerFunction(registry: OpenAPIRegistry, def: AnyFormula): void {
  const args = z.tuple(def.params.map(argumentSchema) as [z.ZodType, ...z.ZodType[]]);
  registry.registerPath({
    operationId: `calc${def.id}`,
    method: 'post',
    path: `/api/v1/calc/${def.id}`,
    summary: `EDU.${def.id}: ${def.summary.zh} / ${def.summary.en}`,
    description: `${def.rounding.zh} / ${def.rounding.en}`,
    tags: [def.category],
    request: { body: { content: { 'application/json': { schema: z.object({ args, pack: z.boolean().optional() }) } } } },
    responses: { '200': { description: 'The value', content: { 'application/json': { schema: calcValueSchema } } }, ...errorResponses() },
  });
}

export function openApiDocument(formulas: readonly AnyFormula[]): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  for (const [name, r] of Object.entries(ROUTES)) register(registry, name, r);
  for (const def of formulas) registerFunction(registry, def);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'EDU 县域教育规划计算服务 / County education planning service',
      version: '1',
      description: 'Every error answers { "error": { "code", "zh", "en", "details"? } }. 错误一律以此形式回答。',
    },
    servers: [{ url: '/' }],
  });
}
