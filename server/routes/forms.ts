/**
 * The official forms' descriptions (exports and layouts run in the worker pool,
 * server/jobs/form-export.ts):
 *   GET  /api/v1/forms                 -> { forms: [{ id, title, summary, orientation }] }
 *   GET  /api/v1/forms/{id}            -> the form, its field names and the payload's JSON Schema
 *   GET  /api/v1/forms/{id}/example    -> an example payload (POST it back to see the form)
 */
import { Router } from 'express';
import { z } from 'zod';
import { forms, summarizeForm } from '../forms/index.js';
import { commonFieldNames } from '../forms/template.js';
import { formOf } from '../jobs/form-export.js';

export function formsRouter(): Router {
  const router = Router();
  const list = { forms: forms.map(summarizeForm) };

  router.get('/forms', (_req, res) => {
    res.json(list);
  });

  router.get('/forms/:id', (req, res) => {
    const form = formOf(req.params.id);
    res.json({
      ...summarizeForm(form),
      fields: { ...commonFieldNames, ...form.fields },
      schema: z.toJSONSchema(form.schema, { io: 'input', unrepresentable: 'any' }),
    });
  });

  router.get('/forms/:id/example', (req, res) => {
    res.json(formOf(req.params.id).example);
  });

  return router;
}
