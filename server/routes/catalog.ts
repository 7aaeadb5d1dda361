/**
 * GET /api/v1/functions: the catalog, generated from the registry (id, summaries,
 * parameters, result shape, rounding rule, examples). The add-in's functions.json and
 * docs/functions.md are generated from the same description.
 */
import { Router } from 'express';
import { catalog } from '../../formulas/catalog.js';

export function catalogRouter(): Router {
  const router = Router();
  const body = { functions: catalog() };
  router.get('/functions', (_req, res) => {
    res.json(body);
  });
  return router;
}
