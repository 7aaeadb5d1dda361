/**
 * Every official form the service prints, in the order the task pane lists them (listed
 * with registryOf, formulas/core/registry-of.ts, like the formulas, jobs and example
 * sheets), and the one function routes call: validate a payload and lay it out.
 */
import type { Bilingual } from '../../formulas/core/errors.js';
import { registryOf } from '../../formulas/core/registry-of.js';
import type { FormGrid } from './grid.js';
import { layoutForm } from './layout.js';
import { describeIssues, type PayloadIssue } from './payload-issues.js';
import type { FontSet } from './styles.js';
import { commonFieldNames, type FormProblem, type FormTemplate } from './template.js';
import { balanceIndicators } from './templates/balance-indicators.js';
import { districtCentrePosts } from './templates/district-centre-posts.js';
import { keyTasks } from './templates/key-tasks.js';
import { publicFunds } from './templates/public-funds.js';
import { teacherRotation } from './templates/teacher-rotation.js';

const templates = registryOf('form', [districtCentrePosts, publicFunds, teacherRotation, balanceIndicators, keyTasks], { key: (f: FormTemplate) => f.id });

export const forms: readonly FormTemplate[] = templates.all;
export const findForm = templates.find;

export type PreparedForm = { grid: FormGrid } | { issues: PayloadIssue[] } | FormProblem;

/** Validates `raw` against the form's schema and lays it out. */
export function prepareForm(template: FormTemplate, raw: unknown, fonts: FontSet): PreparedForm {
  const parsed = template.schema.safeParse(raw);
  if (!parsed.success) return { issues: describeIssues(parsed.error, raw, { ...commonFieldNames, ...template.fields }, template.id) };
  const laid = layoutForm(template, parsed.data, { fonts });
  return 'problem' in laid ? laid : { grid: laid };
}

export interface FormSummary {
  id: string;
  title: string;
  summary: Bilingual;
  orientation: 'portrait' | 'landscape';
}

export const summarizeForm = (f: FormTemplate): FormSummary => ({ id: f.id, title: f.title, summary: f.summary, orientation: f.orientation });
