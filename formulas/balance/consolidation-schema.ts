/**
 * The school-consolidation plan's request and answer (POST /api/v1/consolidation/plan; seed
 * 001: 会府办字〔2023〕62号 "优化10人以下学校104所，30人以下学校11所，安置学生363人，分流
 * 教师74人，安置临聘人员22人"). The planners are consolidation-greedy.ts and the HiGHS model in
 * consolidation-model.ts; consolidation-report.ts turns a placement into this answer.
 */
import { z } from 'zod';
import { said } from '../core/issue-messages.js';

/** Text or a whole number (school codes are often numbers in a sheet); kept as text. A custom check, not a union: a county's distance table can hold a million of these. */
const schoolId = z
  .custom<string | number>((v) => (typeof v === 'string' && v.trim().length > 0) || (typeof v === 'number' && Number.isInteger(v)), {
    ...said('不是学校代码（非空文本或整数）', 'is not a school id (non-empty text or a whole number)'),
  })
  .meta({ type: ['string', 'integer'] })
  .transform((v) => String(v).trim());

export const consolidationSchoolSchema = z.object({
  id: schoolId,
  name: z.string().default(''),
  pupils: z.number().int().min(0),
  teachers: z.number().int().min(0).default(0),
  temporaryStaff: z.number().int().min(0).default(0),
  /** Seats (学位); needed for every school that may receive pupils. */
  capacity: z.number().int().min(0).optional(),
  /** Families disagree or conditions are not ready: never merged. */
  kept: z.boolean().default(false),
  /**
   * Whether it may receive pupils. Default: yes when it is above the largest threshold (not a
   * small school itself), no otherwise. `true` also keeps it from being merged.
   */
  receives: z.boolean().optional(),
});

export const consolidationInputSchema = z.object({
  schools: z.array(consolidationSchoolSchema).min(1).max(20_000),
  /** Road distances in km between pairs of schools, either direction. */
  distances: z
    .array(z.object({ from: schoolId, to: schoolId, km: z.number().min(0) }))
    .max(1_000_000)
    .default([]),
  /** Pupil thresholds of the stages, strictly ascending (seed 001: 10, then 30). */
  thresholds: z
    .array(z.number().int().min(1))
    .min(1)
    .max(10)
    .default([10, 30])
    .refine((t) => t.every((v, i) => i === 0 || v > t[i - 1]!), said('不是从小到大排列（如 [10, 30]）', 'is not in strictly ascending order (e.g. [10, 30])')),
  /** "atMost": pupils ≤ threshold (以下含本数, the legal reading of "10人以下"); "below": pupils < threshold. */
  thresholdRule: z.enum(['atMost', 'below']).default('atMost'),
  /** Farthest a school's pupils may be sent; omitted: no limit. */
  maxDistanceKm: z.number().positive().optional(),
  /** Allow a receiver to add seats beyond its capacity (reported as seats added). */
  expansion: z.boolean().default(false),
  /** Name of the sheet the task pane writes the rows to. */
  sheetName: z.string().trim().min(1).max(31).default('布局调整方案'),
  /** "optimal": the lexicographic optimum by HiGHS (default); "greedy": the rule-of-thumb planner, for comparison. */
  method: z.enum(['optimal', 'greedy']).default('optimal'),
  /** Seconds the solver may take over all its objectives (at most 15: a pooled job has 20 s by default); when it stops early the answer gives the gap still open. */
  timeLimitSeconds: z.number().positive().max(15).default(10),
});

export type ConsolidationInput = z.output<typeof consolidationInputSchema>;
export type ConsolidationSchool = z.output<typeof consolidationSchoolSchema>;

export interface MergeRow {
  stage: number;
  threshold: number;
  schoolId: string;
  schoolName: string;
  pupils: number;
  teachers: number;
  temporaryStaff: number;
  receiverId: string;
  receiverName: string;
  /** null when no distance is known for the pair. */
  distanceKm: number | null;
  /** Seats the receiver adds for this school (expansion only; else 0). */
  seatsAdded: number;
}

export interface ReceiverRow {
  id: string;
  name: string;
  capacity: number;
  pupilsBefore: number;
  pupilsPlaced: number;
  pupilsAfter: number;
  seatsAdded: number;
  /** Seats still free after the plan (never below 0). */
  freeSeatsAfter: number;
  /** Seats it would need to add to take every unplaced school whose nearest receiver it is. */
  seatsShort: number;
}

export type NotMergedReason = 'kept' | 'outOfRange' | 'noSeats';

export interface NotMergedRow {
  stage: number;
  threshold: number;
  schoolId: string;
  schoolName: string;
  pupils: number;
  reason: NotMergedReason;
  /** The nearest receiver in range (for noSeats), else null. */
  nearestReceiverId: string | null;
  /** Seats this school alone lacks at that receiver (noSeats), else 0. */
  seatsShort: number;
}

export interface StageSummary {
  stage: number;
  threshold: number;
  schoolsMerged: number;
  pupilsPlaced: number;
  teachersRedeployed: number;
  temporaryStaffRedeployed: number;
}

export type SheetCell = string | number;

export interface ConsolidationPlan {
  summary: {
    stages: StageSummary[];
    schoolsMerged: number;
    pupilsPlaced: number;
    teachersRedeployed: number;
    temporaryStaffRedeployed: number;
    seatsAdded: number;
    seatsShort: number;
    keptSchools: number;
    unplacedSchools: number;
    text: { zh: string; en: string };
  };
  merges: MergeRow[];
  receivers: ReceiverRow[];
  notMerged: NotMergedRow[];
  /** Rectangular rows ready to write to a new sheet (padded with ""), and which rows to style. */
  sheet: { name: string; rows: SheetCell[][]; titleRows: number[]; sectionRows: number[]; headerRows: number[] };
}

/**
 * The plan's objectives, in priority order: schools merged in each stage (more is better),
 * then pupil-kilometres and seats added (fewer is better).
 */
export interface ObjectiveValues {
  /** Schools merged per stage, in the order of the thresholds. */
  merged: number[];
  /** Σ pupils × km over the merges, in hundredths of a pupil-km (exact integers). */
  pupilKmHundredths: number;
  seatsAdded: number;
}

export interface ObjectiveLine {
  name: string;
  zh: string;
  en: string;
  sense: 'max' | 'min';
  /** The answered plan's value. */
  value: number;
  /** The best value the solver proved possible; equal to value when proven; null for the greedy planner. */
  bound: number | null;
  /** The greedy plan's value, for comparison. */
  greedy: number;
}

export interface SolverReport {
  method: 'optimal' | 'greedy';
  /** True when every objective was proven optimal (always false for the greedy planner). */
  proven: boolean;
  objectives: ObjectiveLine[];
  /** HiGHS version and timings; absent for the greedy planner. */
  name?: string;
  version?: string;
  columns?: number;
  rows?: number;
  ms: number;
}

export type ConsolidationAnswer = ConsolidationPlan & { solver: SolverReport };
