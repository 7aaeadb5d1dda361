/**
 * The official forms, laid out and written in the worker pool:
 *   POST /api/v1/forms/{id}            -> the .xlsx (Content-Disposition names it in Chinese)
 *   POST /api/v1/forms/{id}/layout     -> the same sheet as a FormGrid (JSON) for the task pane
 * `?fonts=common` names 宋体/仿宋 instead of 方正小标宋简体/仿宋_GB2312.
 * A malformed payload answers 400 with every issue in details.issues (row, field, what to enter); a payload
 * that cannot be printed as it stands (e.g. not adding up to the budget) answers 422.
 * Each export carries its audit entry with the SHA-256 of the canonical payload (keys
 * sorted, no spaces); the main thread writes it before the answer is sent, so no export
 * goes unrecorded.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FormGrid } from '../forms/grid.js';
import { findForm, prepareForm } from '../forms/index.js';
import type { FontSet } from '../forms/styles.js';
import type { FormTemplate } from '../forms/template.js';
import { writeFormXlsx } from '../forms/xlsx-writer.js';
import type { JobDefinition, JobInput } from '../pool/job.js';
import { ServiceError } from '../service-error.js';

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

function fontsOf(input: JobInput): FontSet {
  const parsed = fontsQuery.safeParse(input.query.fonts);
  if (!parsed.success) throw new ServiceError(400, 'BAD_REQUEST', { zh: 'fonts 只能是 official 或 common', en: 'fonts must be "official" or "common"' });
  return parsed.data;
}

export function formOf(id: string): FormTemplate {
  const form = findForm(id);
  if (!form) {
    throw new ServiceError(404, 'NOT_FOUND', { zh: `没有表格 "${id}"：GET /api/v1/forms 列出全部表格`, en: `There is no form "${id}": GET /api/v1/forms lists them` });
  }
  return form;
}

/** Validates and lays out: the grid, or a 400 listing every issue, or a 422 when it cannot be printed. */
function prepare(input: JobInput): FormGrid {
  const form = formOf(input.params.id ?? '');
  const prepared = prepareForm(form, input.body, fontsOf(input));
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
}

const exported = (grid: FormGrid, input: JobInput, format: 'xlsx' | 'layout') => ({
  action: 'form.export',
  target: grid.formId,
  inputHash: payloadHash(input.body),
  details: { format },
});

export const formXlsxJob: JobDefinition = {
  name: 'form.xlsx',
  lane: 'by-size',
  async run(input) {
    const grid = prepare(input);
    const bytes = await writeFormXlsx(grid);
    return {
      file: { bytes, type: XLSX_TYPE, disposition: contentDisposition(grid.fileName, `${grid.formId}.xlsx`) },
      audit: exported(grid, input, 'xlsx'),
    };
  },
};

export const formLayoutJob: JobDefinition = {
  name: 'form.layout',
  lane: 'by-size',
  run(input) {
    const grid = prepare(input);
    return { json: grid, audit: exported(grid, input, 'layout') };
  },
};
