/**
 * The official forms. Their descriptions are answered on the main thread; exports and
 * layouts run in the worker pool (server/jobs/form-export.ts):
 *   GET  /api/v1/forms                 -> { forms: [{ id, title, summary, orientation }] }
 *   GET  /api/v1/forms/{id}            -> the form, its field names and the payload's JSON Schema
 *   GET  /api/v1/forms/{id}/example    -> an example payload (POST it back to see the form)
 *   POST /api/v1/forms/{id}            -> the form as .xlsx
 *   POST /api/v1/forms/{id}/link       -> the same behind a one-time download link (Excel for Mac)
 *   POST /api/v1/forms/{id}/layout     -> the form laid out for the task pane to write
 */
import { z } from 'zod';
import { forms, summarizeForm } from '../forms/index.js';
import { commonFieldNames } from '../forms/template.js';
import { formOf } from '../jobs/form-export.js';
import type { Endpoints } from './endpoint.js';

type FormRoutes = 'forms' | 'form' | 'formExample' | 'formXlsx' | 'formLink' | 'formLayout';

export function formEndpoints(): Pick<Endpoints, FormRoutes> {
  const list = { forms: forms.map(summarizeForm) };
  return {
    forms: { handle: () => list },
    form: {
      handle: (req) => {
        const form = formOf(req.params.id);
        return {
          ...summarizeForm(form),
          fields: { ...commonFieldNames, ...form.fields },
          schema: z.toJSONSchema(form.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
        };
      },
    },
    formExample: { handle: (req) => formOf(req.params.id).example as Record<string, unknown> },
    formXlsx: { job: 'form.xlsx' },
    formLink: { job: 'form.xlsx', deliver: 'link' },
    formLayout: { job: 'form.layout' },
  };
}
