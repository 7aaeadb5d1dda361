/**
 * The rotation plan's input (a zod schema: the service checks the request body with it) and
 * its answer, the shapes docs/rotation.md documents and the task pane reads to write
 * 教师交流轮岗计划表.
 */
import { z } from 'zod';
import type { Bilingual } from '../core/errors.js';
import { isBlankCell, YES_NO_HINT, yesNoOf } from '../core/cells.js';
import type { SheetColumn } from './plan-sheet.js';
import { choiceOf } from '../core/excel-values.js';
import { textKeyed } from '../core/lookup.js';
import { type BackboneBase, backboneBaseSchema } from './rotation-profile.js';

export { type SchoolRole, schoolRoleAliases } from './school-roles.js';
import { said } from '../core/issue-messages.js';
import { schoolRoleAliases } from './school-roles.js';

/** A yes/no cell read with the one word list (core/cells.ts); a blank cell is no. */
export const yesNoCell = () =>
  z.union([z.boolean(), z.number(), z.string(), z.null()]).transform((v, ctx): boolean => {
    if (isBlankCell(v)) return false;
    const answer = yesNoOf(v);
    if (answer !== undefined) return answer;
    ctx.addIssue({ code: 'custom', ...said(`不是${YES_NO_HINT.zh}`, `is not yes/no (${YES_NO_HINT.en})`) });
    return z.NEVER;
  });

/** Ids may be typed as numbers in Excel (学校代码 1001): kept as text. */
const idCell = () =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1, 'empty id').max(100));

const nameCell = () =>
  z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((v) => (v === null || v === undefined ? '' : String(v).trim()));

/** A date as a cell holds it (an Excel serial or YYYY-MM-DD); checked when it is needed. */
const dateCell = () => z.union([z.string(), z.number(), z.null()]).optional();

export const MAX_TEACHERS = 50_000;
export const MAX_SCHOOLS = 5_000;

export const planTeacherSchema = z.object({
  id: idCell(),
  name: nameCell(),
  /** The id of the teacher's current school. */
  school: idCell(),
  subject: z.string().trim().min(1).max(50),
  backbone: yesNoCell().optional().transform((v) => v === true),
  yearsAtSchool: z.number().min(0).max(70),
  birthdate: dateCell(),
  retireCategory: z.union([z.string(), z.null()]).optional(),
});

export const planSchoolSchema = z.object({
  id: idCell(),
  name: nameCell(),
  role: choiceOf(schoolRoleAliases),
  /** Receiving schools: teachers needed per subject, e.g. { "数学": 2, "英语": 1 }. */
  needs: textKeyed(z.number().int().min(0).max(10_000)).optional(),
  /** Receiving schools: distance or travel time from each sending school, keyed by its id. */
  distances: textKeyed(z.number().min(0).max(100_000)).optional(),
  /** Sending schools: a number the bureau assigns, at least the policy minimum. */
  quota: z.number().int().min(0).optional(),
  /** Sending schools: backbone teachers the bureau assigns, at least the policy minimum. */
  backboneQuota: z.number().int().min(0).optional(),
});

export const planParametersSchema = z.object({
  /** Policy profile for omitted values ("cn-national", "id@YYYY-MM-DD"); omitted: the default profile. */
  profile: z.string().optional(),
  rate: z.number().min(0).max(1).optional(),
  backboneShare: z.number().min(0).max(1).optional(),
  backboneBase: backboneBaseSchema().optional(),
  minYears: z.number().min(0).max(70).optional(),
  exemptYears: z.number().int().min(0).max(30).optional(),
  asOf: z.union([z.string(), z.number()]).optional(),
});

export const planInputSchema = z.object({
  teachers: z.array(planTeacherSchema).max(MAX_TEACHERS),
  schools: z.array(planSchoolSchema).min(1).max(MAX_SCHOOLS),
  parameters: planParametersSchema.optional().transform((p) => p ?? {}),
});

export type PlanInput = z.output<typeof planInputSchema>;
export type PlanTeacher = PlanInput['teachers'][number];
export type PlanSchool = PlanInput['schools'][number];

/** Why a plan cannot be made: a data problem ("input") or a rule that cannot be met ("rules"). */
export type PlanRule =
  | 'quota'
  | 'backbone'
  | 'quota-below-policy'
  | 'backbone-quota-below-policy'
  | 'backbone-above-quota'
  | 'duplicate-teacher'
  | 'duplicate-school'
  | 'unknown-school'
  | 'unknown-distance-school'
  | 'missing-distance'
  | 'missing-as-of'
  | 'invalid-as-of'
  | 'invalid-birthdate'
  | 'invalid-retire-category'
  | 'profile';

export interface PlanProblem extends Bilingual {
  rule: PlanRule;
  schoolId?: string;
  school?: string;
  teacherId?: string;
  /** How many the rule requires, and how many there are. */
  required?: number;
  existing?: number;
}

export interface PlanRow {
  /** 序号, from 1. */
  seq: number;
  teacherId: string;
  name: string;
  fromSchoolId: string;
  fromSchool: string;
  /** Null when no receiving school needs the teacher's subject: the bureau places the teacher. */
  toSchoolId: string | null;
  toSchool: string | null;
  subject: string;
  backbone: boolean;
  yearsAtSchool: number;
  /** Distance or travel time as given; null without distances or without a destination. */
  distance: number | null;
  /** True when the teacher fills a stated subject need of the receiving school. */
  fillsNeed: boolean;
}

export interface SendingSummary {
  schoolId: string;
  school: string;
  /** Teachers listed at the school. */
  teachers: number;
  /** Eligible by years, then less those exempt near retirement. */
  eligible: number;
  exempt: number;
  eligibleBackbone: number;
  quota: number;
  backboneQuota: number;
  rotating: number;
  backboneRotating: number;
}

export interface ReceivingSummary {
  schoolId: string;
  school: string;
  needs: { subject: string; need: number; filled: number }[];
  received: number;
}

export interface ResolvedParameters {
  profile: string;
  rate: number;
  backboneShare: number;
  backboneBase: BackboneBase;
  minYears: number;
  exemptYears: number | null;
  asOf: string | null;
}

export interface PlanResult {
  rows: PlanRow[];
  sending: SendingSummary[];
  receiving: ReceivingSummary[];
  totals: {
    teachers: number;
    eligible: number;
    rotating: number;
    backboneRotating: number;
    needs: number;
    needsFilled: number;
    unplaced: number;
    /** Sum of the distances of the placed teachers; null without distances. */
    travel: number | null;
    /** Sum over those rotating of the number of eligible colleagues at their school with more years. */
    seniorityRank: number;
  };
  parameters: ResolvedParameters;
  form: { title: string; columns: readonly SheetColumn[] };
  warnings: Bilingual[];
}
