/**
 * What the service offers, generated from the registry and the contracts:
 *   GET /api/v1/functions     the catalog (id, summaries, parameters, result shape, rounding
 *                             rule, examples); functions.json and docs/functions.md come
 *                             from the same description;
 *   GET /api/v1/openapi.json  the OpenAPI 3.1 document of every route (contracts/openapi.ts),
 *                             built on first request.
 */
import { Router } from 'express';
import { openApiDocument } from '../../contracts/openapi.js';
import { catalog } from '../../formulas/catalog.js';
import { registry } from '../../formulas/registry.js';

export function catalogRouter(): Router {
  const router = Router();
  const body = { functions: catalog() };
  let document: ReturnType<typeof openApiDocument> | undefined;
  router.get('/functions', (_req, res) => {
    res.json(body);
  });
  router.get('/openapi.json', (_req, res) => {
    document ??= openApiDocument(registry);
    res.json(document);
  });
  return router;
}
