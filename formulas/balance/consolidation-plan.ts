/**
 * The school-consolidation planner behind POST /api/v1/consolidation/plan (seed 001: 会府办字
 * 〔2023〕62号 "优化10人以下学校104所，30人以下学校11所，安置学生363人，分流教师74人，安置
 * 临聘人员22人"). Pure and deterministic: the same table always gives the same plan.
 *
 * Stages run in order of the thresholds (10, then 30). In each stage the small schools are
 * those with at most (or, by choice, fewer than) that many pupils that are neither kept
 * (群众不同意撤并、条件暂不成熟: never merged) nor already merged. Each goes whole to one
 * receiving school within the distance limit that has the seats:
 *   - the most constrained school first (fewest receivers in range), then the larger school
 *     first, then by id: a greedy first-fit-decreasing, so one school's choice rarely blocks
 *     another's;
 *   - to the nearest receiver that still has the seats; then the one with more free seats;
 *     then by id.
 * A receiver's pupils never exceed its capacity unless expansion is allowed, and then only by
 * the seats added, which the plan reports. A school that fits nowhere is left where it is and
 * reported with the seats it lacks.
 */
import { z } from 'zod';
import { type FormulaError, valueError } from '../core/errors.js';

/** Text or a whole number (school codes are often numbers in a sheet); kept as text. A custom check, not a union: a county's distance table can hold a million of these. */
const schoolId = z
  .custom<string | number>((v) => (typeof v === 'string' && v.trim().length > 0) || (typeof v === 'number' && Number.isInteger(v)), {
    message: 'a school id: non-empty text or a whole number',
  })
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
    .refine((t) => t.every((v, i) => i === 0 || v > t[i - 1]!), { message: 'thresholds must be strictly ascending, e.g. [10, 30]' }),
  /** "atMost": pupils ≤ threshold (以下含本数, the legal reading of "10人以下"); "below": pupils < threshold. */
  thresholdRule: z.enum(['atMost', 'below']).default('atMost'),
  /** Farthest a school's pupils may be sent; omitted: no limit. */
  maxDistanceKm: z.number().positive().optional(),
  /** Allow a receiver to add seats beyond its capacity (reported as seats added). */
  expansion: z.boolean().default(false),
  /** Name of the sheet the task pane writes the rows to. */
  sheetName: z.string().trim().min(1).max(31).default('布局调整方案'),
});

export type ConsolidationInput = z.output<typeof consolidationInputSchema>;
type School = z.output<typeof consolidationSchoolSchema>;

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

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Road distances by school, both directions. */
type Distances = Map<string, Map<string, number>>;

interface ReceiverState {
  school: School;
  capacity: number;
  placed: number;
  added: number;
  /** Pupils of unplaced schools that wanted this receiver. */
  wanted: number;
}

const freeSeats = (r: ReceiverState): number => r.capacity + r.added - r.school.pupils - r.placed;

function checkInput(input: ConsolidationInput): { distances: Distances } | FormulaError {
  const distances: Distances = new Map();
  for (const s of input.schools) {
    if (distances.has(s.id)) {
      return valueError(`学校编号 "${s.id}" 重复：每所学校的编号应唯一`, `School id "${s.id}" appears more than once: every school needs its own id`);
    }
    distances.set(s.id, new Map());
  }
  for (const d of input.distances) {
    const from = distances.get(d.from);
    const to = distances.get(d.to);
    if (from === undefined || to === undefined) {
      const id = from === undefined ? d.from : d.to;
      return valueError(`距离表中的学校编号 "${id}" 不在学校表中：请检查编号`, `The distance table names school "${id}", which is not in the schools table: check the id`);
    }
    if (d.from === d.to) {
      return valueError(`距离表中有学校 "${d.from}" 到自身的距离：请删除该行`, `The distance table has a distance from school "${d.from}" to itself: remove that row`);
    }
    const known = from.get(d.to);
    if (known !== undefined && known !== d.km) {
      return valueError(
        `学校 "${d.from}" 与 "${d.to}" 之间给了两个不同的距离（${known} 与 ${d.km} 公里）：请只保留一个`,
        `Two different distances are given between schools "${d.from}" and "${d.to}" (${known} and ${d.km} km): keep one`,
      );
    }
    from.set(d.to, d.km);
    to.set(d.from, d.km);
  }
  return { distances };
}

export function planConsolidation(input: ConsolidationInput): ConsolidationPlan | FormulaError {
  const checked = checkInput(input);
  if ('error' in checked) return checked;
  const { distances } = checked;
  const largest = input.thresholds[input.thresholds.length - 1]!;
  const within = (pupils: number, threshold: number): boolean => (input.thresholdRule === 'atMost' ? pupils <= threshold : pupils < threshold);
  const canReceive = (s: School): boolean => s.receives ?? !within(s.pupils, largest);

  const receivers: ReceiverState[] = [];
  for (const s of [...input.schools].sort((a, b) => byId(a.id, b.id))) {
    if (!canReceive(s)) continue;
    if (s.capacity === undefined) {
      return valueError(
        `学校 "${s.id}"${s.name ? `（${s.name}）` : ''}可以接收学生，但没有填写学位数（capacity）：请填写，或标明 receives: false`,
        `School "${s.id}"${s.name ? ` (${s.name})` : ''} may receive pupils but has no capacity: enter its seats, or mark it receives: false`,
      );
    }
    receivers.push({ school: s, capacity: s.capacity, placed: 0, added: 0, wanted: 0 });
  }

  const receiverById = new Map(receivers.map((r) => [r.school.id, r]));
  type Option = { r: ReceiverState; km: number | undefined };
  // With a distance limit only pairs of known distance qualify; without one, every receiver does.
  const inRange = (x: School): Option[] => {
    const known = distances.get(x.id)!;
    if (input.maxDistanceKm === undefined) return receivers.map((r) => ({ r, km: known.get(r.school.id) }));
    const options: Option[] = [];
    for (const [id, km] of known) {
      const r = receiverById.get(id);
      if (r !== undefined && km <= input.maxDistanceKm) options.push({ r, km });
    }
    return options;
  };
  // Nearest first (unknown distances last), then more free seats, then id.
  const rank = (a: Option, b: Option): number =>
    (a.km ?? Infinity) - (b.km ?? Infinity) || freeSeats(b.r) - freeSeats(a.r) || byId(a.r.school.id, b.r.school.id);
  const best = (options: readonly Option[]): Option | undefined => options.reduce<Option | undefined>((m, o) => (m === undefined || rank(o, m) < 0 ? o : m), undefined);

  const merges: MergeRow[] = [];
  const notMerged: NotMergedRow[] = [];
  const stages: StageSummary[] = [];
  const settled = new Set<string>();

  input.thresholds.forEach((threshold, s) => {
    const stage = s + 1;
    const summary: StageSummary = { stage, threshold, schoolsMerged: 0, pupilsPlaced: 0, teachersRedeployed: 0, temporaryStaffRedeployed: 0 };
    const small = input.schools.filter((x) => !settled.has(x.id) && x.receives !== true && within(x.pupils, threshold));
    for (const x of small.filter((y) => y.kept).sort((a, b) => byId(a.id, b.id))) {
      settled.add(x.id);
      notMerged.push({ stage, threshold, schoolId: x.id, schoolName: x.name, pupils: x.pupils, reason: 'kept', nearestReceiverId: null, seatsShort: 0 });
    }
    const candidates = small
      .filter((y) => !y.kept)
      .map((x) => ({ x, options: inRange(x) }))
      .sort((a, b) => a.options.length - b.options.length || b.x.pupils - a.x.pupils || byId(a.x.id, b.x.id));
    for (const { x, options } of candidates) {
      settled.add(x.id);
      const nearest = best(options);
      const fitting = best(options.filter((o) => freeSeats(o.r) >= x.pupils));
      const chosen = fitting ?? (input.expansion ? nearest : undefined);
      if (chosen === undefined) {
        if (nearest) nearest.r.wanted += x.pupils;
        notMerged.push({
          stage,
          threshold,
          schoolId: x.id,
          schoolName: x.name,
          pupils: x.pupils,
          reason: nearest ? 'noSeats' : 'outOfRange',
          nearestReceiverId: nearest ? nearest.r.school.id : null,
          seatsShort: nearest ? x.pupils - Math.max(0, freeSeats(nearest.r)) : 0,
        });
        continue;
      }
      const seatsAdded = Math.max(0, x.pupils - Math.max(0, freeSeats(chosen.r)));
      chosen.r.added += seatsAdded;
      chosen.r.placed += x.pupils;
      merges.push({
        stage,
        threshold,
        schoolId: x.id,
        schoolName: x.name,
        pupils: x.pupils,
        teachers: x.teachers,
        temporaryStaff: x.temporaryStaff,
        receiverId: chosen.r.school.id,
        receiverName: chosen.r.school.name,
        distanceKm: chosen.km ?? null,
        seatsAdded,
      });
      summary.schoolsMerged += 1;
      summary.pupilsPlaced += x.pupils;
      summary.teachersRedeployed += x.teachers;
      summary.temporaryStaffRedeployed += x.temporaryStaff;
    }
    stages.push(summary);
  });

  const receiverRows: ReceiverRow[] = receivers
    .filter((r) => r.placed > 0 || r.wanted > 0 || r.added > 0)
    .map((r) => ({
      id: r.school.id,
      name: r.school.name,
      capacity: r.capacity,
      pupilsBefore: r.school.pupils,
      pupilsPlaced: r.placed,
      pupilsAfter: r.school.pupils + r.placed,
      seatsAdded: r.added,
      freeSeatsAfter: Math.max(0, freeSeats(r)),
      seatsShort: Math.max(0, r.wanted - Math.max(0, freeSeats(r))),
    }));

  const total = (f: (s: StageSummary) => number): number => stages.reduce((sum, s) => sum + f(s), 0);
  const totals = {
    schoolsMerged: total((s) => s.schoolsMerged),
    pupilsPlaced: total((s) => s.pupilsPlaced),
    teachersRedeployed: total((s) => s.teachersRedeployed),
    temporaryStaffRedeployed: total((s) => s.temporaryStaffRedeployed),
    seatsAdded: receiverRows.reduce((sum, r) => sum + r.seatsAdded, 0),
    seatsShort: receiverRows.reduce((sum, r) => sum + r.seatsShort, 0),
    keptSchools: notMerged.filter((r) => r.reason === 'kept').length,
    unplacedSchools: notMerged.filter((r) => r.reason !== 'kept').length,
  };
  const text = summaryText(input, stages, totals);
  const summary = { stages, ...totals, text };
  return { summary, merges, receivers: receiverRows, notMerged, sheet: sheetRows(input, summary, merges, receiverRows, notMerged) };
}

function stageLabel(input: ConsolidationInput, threshold: number): { zh: string; en: string } {
  return input.thresholdRule === 'atMost'
    ? { zh: `${threshold}人以下`, en: `${threshold} pupils or fewer` }
    : { zh: `不足${threshold}人`, en: `fewer than ${threshold} pupils` };
}

type Totals = Omit<ConsolidationPlan['summary'], 'stages' | 'text'>;

/** The seed's own sentence: "优化10人以下学校104所，30人以下学校11所，安置学生363人，分流教师74人，安置临聘人员22人". */
function summaryText(input: ConsolidationInput, stages: StageSummary[], t: Totals): { zh: string; en: string } {
  const zh = [
    `优化${stages.map((s) => `${stageLabel(input, s.threshold).zh}学校${s.schoolsMerged}所`).join('，')}`,
    `安置学生${t.pupilsPlaced}人`,
    `分流教师${t.teachersRedeployed}人`,
    `安置临聘人员${t.temporaryStaffRedeployed}人`,
  ];
  const en = [
    `Merges ${stages.map((s) => `${s.schoolsMerged} schools of ${stageLabel(input, s.threshold).en}`).join(', ')}`,
    `places ${t.pupilsPlaced} pupils`,
    `redeploys ${t.teachersRedeployed} teachers`,
    `and ${t.temporaryStaffRedeployed} temporary staff`,
  ];
  if (t.seatsAdded > 0) {
    zh.push(`接收学校新增学位${t.seatsAdded}个`);
    en.push(`receiving schools add ${t.seatsAdded} seats`);
  }
  if (t.keptSchools > 0) {
    zh.push(`保留${t.keptSchools}所（群众不同意或条件暂不成熟）`);
    en.push(`${t.keptSchools} schools kept (families disagree or conditions not ready)`);
  }
  if (t.unplacedSchools > 0) {
    zh.push(`${t.unplacedSchools}所暂无法安置${t.seatsShort > 0 ? `（尚缺学位${t.seatsShort}个）` : ''}`);
    en.push(`${t.unplacedSchools} schools cannot be placed yet${t.seatsShort > 0 ? ` (${t.seatsShort} seats short)` : ''}`);
  }
  return { zh: `${zh.join('，')}。`, en: `${en.join(', ')}.` };
}

const REASON_TEXT: Readonly<Record<NotMergedReason, string>> = {
  kept: '保留（群众不同意或条件暂不成熟）',
  outOfRange: '距离范围内没有接收学校',
  noSeats: '接收学校学位不足',
};

function sheetRows(
  input: ConsolidationInput,
  summary: ConsolidationPlan['summary'],
  merges: readonly MergeRow[],
  receivers: readonly ReceiverRow[],
  notMerged: readonly NotMergedRow[],
): ConsolidationPlan['sheet'] {
  const rows: SheetCell[][] = [];
  const titleRows: number[] = [];
  const sectionRows: number[] = [];
  const headerRows: number[] = [];
  const push = (row: SheetCell[], mark?: number[]): void => {
    mark?.push(rows.length);
    rows.push(row);
  };
  push(['义务教育学校布局调整方案（测算）'], titleRows);
  push([summary.text.zh]);
  push([]);
  push(['一、撤并学校'], sectionRows);
  push(['阶段', '撤并学校编号', '撤并学校', '学生数', '教师数', '临聘人员数', '接收学校编号', '接收学校', '距离（公里）', '新增学位'], headerRows);
  for (const m of merges) {
    push([stageLabel(input, m.threshold).zh, m.schoolId, m.schoolName, m.pupils, m.teachers, m.temporaryStaff, m.receiverId, m.receiverName, m.distanceKm ?? '', m.seatsAdded]);
  }
  push(['合计', '', `${summary.schoolsMerged}所`, summary.pupilsPlaced, summary.teachersRedeployed, summary.temporaryStaffRedeployed, '', '', '', summary.seatsAdded]);
  push([]);
  push(['二、接收学校'], sectionRows);
  push(['接收学校编号', '接收学校', '学位数', '原有学生', '安置学生', '调整后学生', '新增学位', '剩余学位', '尚缺学位'], headerRows);
  for (const r of receivers) {
    push([r.id, r.name, r.capacity, r.pupilsBefore, r.pupilsPlaced, r.pupilsAfter, r.seatsAdded, r.freeSeatsAfter, r.seatsShort]);
  }
  push([]);
  push(['三、未撤并的小规模学校'], sectionRows);
  push(['阶段', '学校编号', '学校', '学生数', '原因', '最近的接收学校', '缺少学位'], headerRows);
  for (const u of notMerged) {
    push([stageLabel(input, u.threshold).zh, u.schoolId, u.schoolName, u.pupils, REASON_TEXT[u.reason], u.nearestReceiverId ?? '', u.seatsShort]);
  }
  const width = Math.max(...rows.map((r) => r.length));
  return {
    name: input.sheetName,
    rows: rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => '')]),
    titleRows,
    sectionRows,
    headerRows,
  };
}
