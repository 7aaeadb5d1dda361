/**
 * The functions: what the service offers, generated from the registry and the contracts,
 * and the calls themselves (run in the worker pool, server/jobs/calc.ts):
 *   GET  /api/v1/functions     the catalog (id, summaries, parameters, result shape, rounding
 *                              rule, examples); functions.json and docs/functions.md come
 *                              from the same description;
 *   GET  /api/v1/openapi.json  the OpenAPI 3.1 document of every route (contracts/openapi.ts),
 *                              built on first request;
 *   POST /api/v1/calc/{ID}     one call;  POST /api/v1/calc  a batch of calls.
 */
import { openApiDocument } from '../../contracts/openapi.js';
import { catalog } from '../../formulas/catalog.js';
import { registry } from '../../formulas/registry.js';
import type { Endpoints } from './endpoint.js';

export function catalogEndpoints(): Pick<Endpoints, 'functions' | 'openapi' | 'calcOne' | 'calcBatch'> {
  const body = { functions: catalog() };
  let document: ReturnType<typeof openApiDocument> | undefined;
  return {
    functions: { handle: () => body },
    openapi: { handle: () => (document ??= openApiDocument(registry)) },
    calcOne: { job: 'calc.one' },
    calcBatch: { job: 'calc.batch' },
  };
}
