/**
 * The official forms:
 *   GET  /api/v1/forms                 -> { forms: [{ id, title, summary, orientation }] }
 *   GET  /api/v1/forms/{id}            -> the form, its field names and the payload's JSON Schema
 *   GET  /api/v1/forms/{id}/example    -> an example payload (POST it back to see the form)
 *   POST /api/v1/forms/{id}            -> the .xlsx (Content-Disposition names it in Chinese)
 *   POST /api/v1/forms/{id}/layout     -> the same sheet as a FormGrid (JSON) for the task pane
 * `?fonts=common` names 宋体/仿宋 instead of 方正小标宋简体/仿宋_GB2312.
 * A malformed payload answers 400 with every issue (row, field, what to enter); a payload
 * that cannot be printed as it stands (e.g. not adding up to the budget) answers 422.
 * Each export is written to the audit log with the SHA-256 of the canonical payload
 * (keys sorted, no spaces) before the answer is sent: no export goes unrecorded.
 */
import { createHash } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { RequestContext } from '../app.js';
import type { FormGrid } from '../forms/grid.js';
import { findForm, forms, prepareForm, summarizeForm } from '../forms/index.js';
import type { FontSet } from '../forms/styles.js';
import { commonFieldNames, type FormTemplate } from '../forms/template.js';
import { writeFormXlsx } from '../forms/xlsx-writer.js';
import { ServiceError } from '../service-error.js';
import { LINK_TTL_MS } from '../download-links.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** JSON with object keys sorted at every level: the same payload always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const payloadHash = (payload: unknown): string => createHash('sha256').update(canonicalJson(payload)).digest('hex');

/** RFC 5987 / RFC 6266: an ASCII fallback name and the UTF-8 name percent-encoded. */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

const fontsQuery = z.enum(['official', 'common']).default('official');

function fontsOf(req: Request): FontSet {
  const parsed = fontsQuery.safeParse(req.query.fonts);
  if (!parsed.success) throw new ServiceError(400, 'BAD_REQUEST', { zh: 'fonts 只能是 official 或 common', en: 'fonts must be "official" or "common"' });
  return parsed.data;
}

function formOf(id: string): FormTemplate {
  const form = findForm(id);
  if (!form) {
    throw new ServiceError(404, 'NOT_FOUND', { zh: `没有表格 "${id}"：GET /api/v1/forms 列出全部表格`, en: `There is no form "${id}": GET /api/v1/forms lists them` });
  }
  return form;
}

export function formsRouter(ctx: Pick<RequestContext, 'audit' | 'downloads'>): Router {
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

  /** Validates and lays out: the grid, or a 400 listing every issue, or a 422 when it cannot be printed. */
  const prepare = (req: Request): FormGrid => {
    const form = formOf(String(req.params.id));
    const prepared = prepareForm(form, req.body, fontsOf(req));
    if ('issues' in prepared) {
      const [first] = prepared.issues;
      const others = prepared.issues.length - 1;
      throw new ServiceError(
        400,
        'BAD_PAYLOAD',
        { zh: `${first!.zh}${others > 0 ? `（另有 ${others} 处问题）` : ''}`, en: `${first!.en}${others > 0 ? ` (and ${others} more)` : ''}` },
        { details: { issues: prepared.issues } },
      );
    }
    if ('problem' in prepared) throw new ServiceError(422, 'FORM_PROBLEM', prepared.problem);
    return prepared.grid;
  };

  router.post('/forms/:id', async (req, res) => {
    const grid = prepare(req);
    const xlsx = await writeFormXlsx(grid);
    await ctx.audit(req, { action: 'form.export', target: grid.formId, inputHash: payloadHash(req.body), details: { format: 'xlsx' } });
    res
      .status(200)
      .type(XLSX_TYPE)
      .set('Content-Disposition', contentDisposition(grid.fileName, `${grid.formId}.xlsx`))
      .send(xlsx);
  });

  // Excel for Mac cannot save a blob: the pane opens this one-time link in the system browser.
  router.post('/forms/:id/link', async (req, res) => {
    const grid = prepare(req);
    const bytes = await writeFormXlsx(grid);
    await ctx.audit(req, { action: 'form.export', target: grid.formId, inputHash: payloadHash(req.body), details: { format: 'link' } });
    const token = ctx.downloads.put({ bytes, fileName: grid.fileName, type: XLSX_TYPE });
    res.json({ url: `/downloads/${token}`, fileName: grid.fileName, expiresInSeconds: LINK_TTL_MS / 1000 });
  });

  router.post('/forms/:id/layout', async (req, res) => {
    const grid = prepare(req);
    await ctx.audit(req, { action: 'form.export', target: grid.formId, inputHash: payloadHash(req.body), details: { format: 'layout' } });
    res.json(grid);
  });

  return router;
}
