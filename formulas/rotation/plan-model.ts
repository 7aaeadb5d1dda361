/**
 * The rotation plan as an integer program, built for a solver and read back into the rows of
 * 教师交流轮岗计划表. Pure: the service hands the programs to HiGHS (server/solvers/highs.ts).
 *
 * Who is eligible and each sending school's quota come first (the rules of EDU.ROTATIONELIGIBLE
 * and EDU.ROTATIONQUOTA); where a rule cannot be met the answer names the school and the rule
 * and no program is built. Then, with E_s the eligible teachers of sending school s, q_s its
 * quota and b_s its backbone quota, the decisions are
 *
 *   w_t ∈ {0,1}          teacher t rotates                                 (t ∈ E_s)
 *   v_s                  backbone teachers rotating from s, b_s ≤ v_s ≤ |backbone ∩ E_s|
 *   y_{s,k,r} ≥ 0        subject-k teachers of s sent to receiving school r, which needs k
 *   u_{s,k} ≥ 0          subject-k teachers of s rotating beyond every stated need (unplaced)
 *   z_{r,k} ≥ 0          need of r in subject k left unfilled
 *
 *   A_s:  Σ_{t ∈ E_s non-backbone} w_t + v_s = q_s          (exactly the quota rotates)
 *   B_s:  Σ_{t ∈ E_s backbone} w_t − v_s = 0                (so at least b_s backbone)
 *   C_sk: Σ_{t ∈ E_s, subject k} w_t − Σ_r y_{s,k,r} − u_{s,k} = 0
 *   D_rk: Σ_s y_{s,k,r} + z_{r,k} = n_{r,k}
 *
 * Every column has at most two non-zeros and the rows split into {A, B} and {C, D} so that
 * two entries of a column have opposite signs within a part and equal signs across parts:
 * the matrix is totally unimodular (a network matrix). Every vertex of the LP relaxation is
 * therefore integral, and the simplex method returns an integer optimum with no branching;
 * decodePlan checks integrality all the same.
 *
 * The objectives, minimised lexicographically (each over the optimal solutions of the ones
 * before, see LexProgram), are:
 *   1. needs: Σ u — receiving schools' subject needs filled as far as possible;
 *   2. seniority: Σ rank_t·w_t, rank_t = the number of eligible colleagues at the same school
 *      with more years there — the longest at their school go first, passed over only where
 *      the quota, the backbone minimum or a need requires it;
 *   3. travel: Σ d_{s,r}·y_{s,k,r} (distances in hundredths), when distances are given;
 *   4. order: a fixed cost from the ids, so remaining ties fall the same way every time.
 *
 * Stages 1–2 do not depend on which receiving school a teacher goes to, only on how many of a
 * subject are placed, so they are solved on a small selection program (buildSelectionModel);
 * stages 3–4 on the placement program (buildPlacementModel), which keeps the selection's
 * optimal face as column bounds. Within one school, subject and backbone status the teachers
 * who go are the first by (years descending, id ascending), chosen here from the counts.
 */
import { type CivilDate, isoOf, parseDateCell } from '../core/dates.js';
import type { Bilingual } from '../core/errors.js';
import { rationalOf } from '../core/exact.js';
import type { ProfileSource } from '../core/profiles.js';
import type { RetireCategory } from '../staffing/retirement-reform.js';
import {
  type LexProgram,
  type LexSolution,
  type LexStage,
  type PlanInput,
  type PlanProblem,
  type PlanResult,
  type PlanRow,
  type PlanSchool,
  type PlanTeacher,
  type ReceivingSummary,
  type ResolvedParameters,
  type SendingSummary,
} from './plan-types.js';
import { nearRetirement, parseRetireCategory } from './rotation-eligible.js';
import { rotationDefaults } from './rotation-profile.js';
import { type QuotaRule, atLeast, rotationQuota } from './rotation-quota.js';

export const PLAN_FORM_TITLE = '教师交流轮岗计划表';

/** Distances enter the travel objective in hundredths of the unit given, as integers. */
export const TRAVEL_SCALE = 100;

/** Problems listed in one answer; the count of the rest is given. */
export const MAX_PROBLEMS = 200;

export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Longest at the school first, then by id: the order in which eligible teachers go. */
export const bySeniority = (a: PlanTeacher, b: PlanTeacher): number => b.yearsAtSchool - a.yearsAtSchool || byText(a.id, b.id);

export interface SendingSchool {
  school: PlanSchool;
  teachers: number;
  /** Eligible teachers in seniority order. */
  eligible: PlanTeacher[];
  /** rank[i]: eligible colleagues with strictly more years than eligible[i]. */
  rank: number[];
  exempt: number;
  eligibleBackbone: number;
  quota: number;
  backboneQuota: number;
  /** The subjects of the eligible teachers, sorted. */
  subjects: string[];
}

export interface ReceivingSchool {
  school: PlanSchool;
  /** Subjects with a need above 0, sorted. */
  needs: { subject: string; need: number }[];
}

export interface PreparedPlan {
  parameters: ResolvedParameters;
  /** Sorted by id. */
  sending: SendingSchool[];
  /** Sorted by id. */
  receiving: ReceivingSchool[];
  /** Distance from sending school id to receiving school id, when distances are given. */
  distance: ((from: string, to: string) => number) | undefined;
  teacherCount: number;
  warnings: Bilingual[];
}

export type Prepared = { ok: true; plan: PreparedPlan } | { ok: false; kind: 'input' | 'rules'; problems: PlanProblem[]; more: number };

const schoolLabel = (s: PlanSchool): string => (s.name ? `${s.name}（${s.id}）` : s.id);
const schoolLabelEn = (s: PlanSchool): string => (s.name ? `${s.name} (${s.id})` : s.id);

/** Checks the input, decides who is eligible and each school's quota; lists every problem found. */
export function preparePlan(input: PlanInput, profiles: ProfileSource): Prepared {
  const inputProblems: PlanProblem[] = [];
  const ruleProblems: PlanProblem[] = [];
  const warnings: Bilingual[] = [];

  const parameters = resolveParameters(input.parameters, profiles, inputProblems);

  const schools = new Map<string, PlanSchool>();
  for (const s of input.schools) {
    if (schools.has(s.id)) {
      inputProblems.push({ rule: 'duplicate-school', schoolId: s.id, zh: `学校代码 ${s.id} 出现了不止一次：每所学校只列一行`, en: `School id ${s.id} appears more than once: list each school once` });
    } else schools.set(s.id, s);
  }
  const byId = [...schools.values()].sort((a, b) => byText(a.id, b.id));
  const sendingSchools = byId.filter((s) => s.role === 'sending');
  const receivingSchools = byId.filter((s) => s.role === 'receiving');

  const atSchool = new Map<string, PlanTeacher[]>(byId.map((s) => [s.id, []]));
  const seen = new Set<string>();
  for (const t of input.teachers) {
    if (seen.has(t.id)) {
      inputProblems.push({ rule: 'duplicate-teacher', teacherId: t.id, zh: `教师编号 ${t.id} 出现了不止一次：每位教师只列一行`, en: `Teacher id ${t.id} appears more than once: list each teacher once` });
      continue;
    }
    seen.add(t.id);
    const list = atSchool.get(t.school);
    if (list) list.push(t);
    else {
      inputProblems.push({
        rule: 'unknown-school',
        teacherId: t.id,
        schoolId: t.school,
        zh: `教师 ${t.name || t.id}（${t.id}）所在学校 ${t.school} 不在学校表中：请核对学校代码，或在学校表中补上该校`,
        en: `Teacher ${t.name || t.id} (${t.id}) is at school ${t.school}, which is not in the schools table: check the id or add the school`,
      });
    }
  }

  for (const s of sendingSchools) {
    if (s.needs && Object.values(s.needs).some((n) => n > 0)) {
      warnings.push({ zh: `派出学校 ${schoolLabel(s)} 填了学科需求，已忽略：只有接收学校的需求参与安排`, en: `Sending school ${schoolLabelEn(s)} lists subject needs; ignored: only receiving schools' needs are planned` });
    }
  }
  for (const r of receivingSchools) {
    if (r.quota !== undefined || r.backboneQuota !== undefined) {
      warnings.push({ zh: `接收学校 ${schoolLabel(r)} 填了交流名额，已忽略：名额只适用于派出学校`, en: `Receiving school ${schoolLabelEn(r)} has a quota; ignored: quotas apply to sending schools` });
    }
    for (const from of Object.keys(r.distances ?? {})) {
      if (schools.get(from)?.role !== 'sending') {
        inputProblems.push({
          rule: 'unknown-distance-school',
          schoolId: r.id,
          school: r.name,
          zh: `接收学校 ${schoolLabel(r)} 的距离表中有 "${from}"，它不是派出学校的代码：请核对`,
          en: `Receiving school ${schoolLabelEn(r)} gives a distance from "${from}", which is not a sending school's id: check it`,
        });
      }
    }
  }
  const atReceiving = receivingSchools.reduce((n, r) => n + atSchool.get(r.id)!.length, 0);
  if (atReceiving > 0) {
    warnings.push({ zh: `接收学校的 ${atReceiving} 名教师不参与本计划（只安排派出学校的教师）`, en: `${atReceiving} teacher${atReceiving === 1 ? '' : 's'} at receiving schools take${atReceiving === 1 ? 's' : ''} no part in this plan (only sending schools' teachers rotate)` });
  }

  const rule: QuotaRule | undefined = parameters && {
    rate: rationalOf(parameters.rate),
    backboneShare: rationalOf(parameters.backboneShare),
    backboneBase: parameters.backboneBase,
  };
  const asOf = parameters?.asOf ? parseDateCell(parameters.asOf) : undefined;

  const sending: SendingSchool[] = [];
  for (const s of sendingSchools) {
    const teachers = atSchool.get(s.id)!;
    const byYears = parameters ? teachers.filter((t) => t.yearsAtSchool >= parameters.minYears) : [];
    let exempt = 0;
    const eligible: PlanTeacher[] = [];
    for (const t of byYears) {
      if (parameters?.exemptYears != null && asOf) {
        const near = exemptionOf(t, parameters.exemptYears, asOf, s, inputProblems);
        if (near === undefined) continue;
        if (near) {
          exempt++;
          continue;
        }
      }
      eligible.push(t);
    }
    eligible.sort(bySeniority);
    const rank: number[] = [];
    eligible.forEach((t, i) => rank.push(i > 0 && eligible[i - 1]!.yearsAtSchool === t.yearsAtSchool ? rank[i - 1]! : i));
    const eligibleBackbone = eligible.filter((t) => t.backbone).length;
    const quota = rule ? quotaOf(s, eligible.length, eligibleBackbone, rule, ruleProblems) : { quota: 0, backbone: 0 };
    sending.push({
      school: s,
      teachers: teachers.length,
      eligible,
      rank,
      exempt,
      eligibleBackbone,
      quota: quota.quota,
      backboneQuota: quota.backbone,
      subjects: [...new Set(eligible.map((t) => t.subject))].sort(byText),
    });
  }

  const receiving: ReceivingSchool[] = receivingSchools.map((r) => {
    // Subjects are matched after trimming, so "数学" and "数学 " are one need.
    const needs = new Map<string, number>();
    for (const [subject, need] of Object.entries(r.needs ?? {})) needs.set(subject.trim(), (needs.get(subject.trim()) ?? 0) + need);
    return {
      school: r,
      needs: [...needs]
        .map(([subject, need]) => ({ subject, need }))
        .filter((n) => n.need > 0)
        .sort((a, b) => byText(a.subject, b.subject)),
    };
  });

  const distance = distancesOf(sending, receiving, inputProblems);

  const offered = new Set(sending.filter((s) => s.quota > 0).flatMap((s) => s.subjects));
  const unmatched = [...new Set(receiving.flatMap((r) => r.needs.map((n) => n.subject)))].filter((k) => !offered.has(k)).sort(byText);
  if (unmatched.length > 0) {
    warnings.push({
      zh: `接收学校需要的学科 ${unmatched.join('、')} 在派出学校的交流人选中没有教师，无法安排`,
      en: `No teacher eligible to rotate teaches ${unmatched.join(', ')}, which receiving schools need`,
    });
  }

  if (inputProblems.length > 0 || !parameters) return failure('input', inputProblems);
  if (ruleProblems.length > 0) return failure('rules', ruleProblems);
  return {
    ok: true,
    plan: { parameters, sending, receiving, distance, teacherCount: seen.size, warnings },
  };
}

function failure(kind: 'input' | 'rules', problems: PlanProblem[]): Prepared {
  return { ok: false, kind, problems: problems.slice(0, MAX_PROBLEMS), more: Math.max(0, problems.length - MAX_PROBLEMS) };
}

function resolveParameters(p: PlanInput['parameters'], profiles: ProfileSource, problems: PlanProblem[]): ResolvedParameters | undefined {
  const defaults = rotationDefaults(profiles, p.profile);
  if ('error' in defaults) {
    problems.push({ rule: 'profile', zh: defaults.error.zh, en: defaults.error.en });
    return undefined;
  }
  const rate = p.rate ?? defaults.rate();
  const backboneShare = p.backboneShare ?? defaults.backboneShare();
  const backboneBase = p.backboneBase ?? defaults.backboneBase();
  const minYears = p.minYears ?? defaults.minYears();
  let ok = true;
  for (const v of [rate, backboneShare, backboneBase, minYears]) {
    if (typeof v === 'object') {
      problems.push({ rule: 'profile', zh: v.error.zh, en: v.error.en });
      ok = false;
    }
  }
  let asOf: CivilDate | undefined;
  if (p.asOf !== undefined) {
    asOf = parseDateCell(p.asOf);
    if (!asOf) {
      problems.push({ rule: 'invalid-as-of', zh: `asOf ${JSON.stringify(p.asOf)} 不是日期：请写成 YYYY-MM-DD，如 "2025-09-01"`, en: `asOf ${JSON.stringify(p.asOf)} is not a date: write YYYY-MM-DD, e.g. "2025-09-01"` });
      ok = false;
    }
  } else if (p.exemptYears !== undefined) {
    problems.push({
      rule: 'missing-as-of',
      zh: '给出了 exemptYears（临近退休免交流），还须给出 asOf（据以计算的日期，如交流学年开始日 "2025-09-01"）',
      en: 'exemptYears (the exemption before retirement) needs asOf, the date it is judged on (e.g. the start of the rotation year, "2025-09-01")',
    });
    ok = false;
  }
  if (!ok) return undefined;
  return {
    profile: defaults.profileId,
    rate: rate as number,
    backboneShare: backboneShare as number,
    backboneBase: backboneBase as ResolvedParameters['backboneBase'],
    minYears: minYears as number,
    exemptYears: p.exemptYears ?? null,
    asOf: asOf ? isoOf(asOf) : null,
  };
}

/** True when near retirement, false when not, undefined (and a problem) when the data are missing. */
function exemptionOf(t: PlanTeacher, exemptYears: number, asOf: CivilDate, s: PlanSchool, problems: PlanProblem[]): boolean | undefined {
  const birth = parseDateCell(t.birthdate);
  const category: RetireCategory | undefined = parseRetireCategory(t.retireCategory);
  const who = { zh: `${schoolLabel(s)} 的教师 ${t.name || t.id}（${t.id}）`, en: `Teacher ${t.name || t.id} (${t.id}) of ${schoolLabelEn(s)}` };
  if (!birth) {
    problems.push({
      rule: 'invalid-birthdate',
      teacherId: t.id,
      schoolId: s.id,
      zh: `${who.zh}的出生日期 ${JSON.stringify(t.birthdate ?? null)} 不是日期：判断临近退休免交流需要出生日期（YYYY-MM-DD 或 Excel 日期）`,
      en: `${who.en}: birth date ${JSON.stringify(t.birthdate ?? null)} is not a date; the exemption before retirement needs it (YYYY-MM-DD or an Excel date)`,
    });
  }
  if (!category) {
    problems.push({
      rule: 'invalid-retire-category',
      teacherId: t.id,
      schoolId: s.id,
      zh: `${who.zh}的退休类别 ${JSON.stringify(t.retireCategory ?? null)} 无法识别：请填写 男、女干部（原 55 岁）或 女工人（原 50 岁）`,
      en: `${who.en}: retirement category ${JSON.stringify(t.retireCategory ?? null)} is not recognised: enter male, female-cadre (formerly 55) or female-worker (formerly 50)`,
    });
  }
  if (!birth || !category) return undefined;
  return nearRetirement(birth, category, { asOf, exemptYears });
}

function quotaOf(s: PlanSchool, eligible: number, eligibleBackbone: number, rule: QuotaRule, problems: PlanProblem[]): { quota: number; backbone: number } {
  const policy = rotationQuota(eligible, rule);
  const quota = s.quota ?? policy.rotating;
  const backbonePolicy = rule.backboneBase === 'rotating' ? atLeast(rule.backboneShare, quota) : policy.backbone;
  const backbone = s.backboneQuota ?? backbonePolicy;
  const base = { schoolId: s.id, school: s.name };
  if (quota < policy.rotating) {
    problems.push({
      ...base,
      rule: 'quota-below-policy',
      required: policy.rotating,
      existing: quota,
      zh: `${schoolLabel(s)}分配的交流名额 ${quota} 人低于政策下限 ${policy.rotating} 人（符合条件 ${eligible} 人）：请提高名额或删去该名额按政策计算`,
      en: `${schoolLabelEn(s)} is assigned ${quota} to rotate, below the policy minimum of ${policy.rotating} (of ${eligible} eligible): raise it or leave it out to use the policy figure`,
    });
  }
  if (backbone < backbonePolicy) {
    problems.push({
      ...base,
      rule: 'backbone-quota-below-policy',
      required: backbonePolicy,
      existing: backbone,
      zh: `${schoolLabel(s)}分配的骨干教师名额 ${backbone} 人低于政策下限 ${backbonePolicy} 人：请提高名额或删去该名额按政策计算`,
      en: `${schoolLabelEn(s)} is assigned ${backbone} backbone teachers, below the policy minimum of ${backbonePolicy}: raise it or leave it out`,
    });
  }
  if (backbone > quota) {
    problems.push({
      ...base,
      rule: 'backbone-above-quota',
      required: backbone,
      existing: quota,
      zh: `${schoolLabel(s)}的骨干教师名额 ${backbone} 人多于交流名额 ${quota} 人：骨干教师计入交流人数，请调整`,
      en: `${schoolLabelEn(s)} has ${backbone} backbone places but only ${quota} rotating: backbone teachers count among those who rotate, adjust them`,
    });
  }
  if (quota > eligible) {
    problems.push({
      ...base,
      rule: 'quota',
      required: quota,
      existing: eligible,
      zh: `${schoolLabel(s)}须交流 ${quota} 人，但符合交流条件的教师只有 ${eligible} 人`,
      en: `${schoolLabelEn(s)} must rotate ${quota} but has only ${eligible} eligible teacher${eligible === 1 ? '' : 's'}`,
    });
  }
  if (backbone > eligibleBackbone) {
    problems.push({
      ...base,
      rule: 'backbone',
      required: backbone,
      existing: eligibleBackbone,
      zh: `${schoolLabel(s)}须交流骨干教师 ${backbone} 人，但符合交流条件的骨干教师只有 ${eligibleBackbone} 人`,
      en: `${schoolLabelEn(s)} must rotate ${backbone} backbone teacher${backbone === 1 ? '' : 's'} but has only ${eligibleBackbone} eligible backbone teacher${eligibleBackbone === 1 ? '' : 's'}`,
    });
  }
  return { quota, backbone };
}

/** The distance lookup when any receiving school gives distances; every pair that can be planned must then have one. */
function distancesOf(sending: SendingSchool[], receiving: ReceivingSchool[], problems: PlanProblem[]): PreparedPlan['distance'] {
  if (!receiving.some((r) => r.school.distances && Object.keys(r.school.distances).length > 0)) return undefined;
  const active = sending.filter((s) => s.quota > 0);
  for (const r of receiving) {
    if (r.needs.length === 0) continue;
    const missing = active.filter((s) => r.school.distances?.[s.school.id] === undefined).map((s) => s.school.id);
    if (missing.length > 0) {
      problems.push({
        rule: 'missing-distance',
        schoolId: r.school.id,
        school: r.school.name,
        zh: `接收学校 ${schoolLabel(r.school)} 缺少到派出学校 ${missing.join('、')} 的距离：给出距离时，每所有需求的接收学校都须列出到每所有交流名额的派出学校的距离`,
        en: `Receiving school ${schoolLabelEn(r.school)} has no distance from sending school${missing.length === 1 ? '' : 's'} ${missing.join(', ')}: with distances, every receiving school with a need lists one from every sending school with a quota`,
      });
    }
  }
  const table = new Map(receiving.map((r) => [r.school.id, r.school.distances ?? {}]));
  return (from, to) => table.get(to)![from]!;
}

/** Collects columns and equality rows, then hands them over as a LexProgram. */
class ProgramBuilder {
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];
  private readonly bounds: number[] = [];
  private readonly costs: number[][];

  constructor(private readonly objectives: readonly string[]) {
    this.costs = objectives.map(() => []);
  }

  row(bound: number): number {
    return this.bounds.push(bound) - 1;
  }

  col(lower: number, upper: number, entries: readonly (readonly [number, number])[], cost: Readonly<Record<string, number>> = {}): number {
    this.lower.push(lower);
    this.upper.push(upper);
    for (const [row, value] of entries) {
      this.indices.push(row);
      this.values.push(value);
    }
    this.starts.push(this.indices.length);
    this.objectives.forEach((name, i) => this.costs[i]!.push(cost[name] ?? 0));
    return this.lower.length - 1;
  }

  build(): LexProgram {
    return {
      numCols: this.lower.length,
      numRows: this.bounds.length,
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      rowLower: Float64Array.from(this.bounds),
      rowUpper: Float64Array.from(this.bounds),
      starts: Int32Array.from(this.starts),
      indices: Int32Array.from(this.indices),
      values: Float64Array.from(this.values),
      objectives: this.objectives.map((name, i) => ({ name, cost: Float64Array.from(this.costs[i]!) })),
    };
  }
}

/** Where each decision of one sending school sits among a program's columns. */
export interface SchoolColumns {
  /** eligible[i] is column wStart + i. */
  wStart: number;
  vCol: number;
  subjects: {
    subject: string;
    uCol: number;
    /** Placed against needs, Y_{s,k}; absent when no receiving school needs the subject. */
    placedCol: number | undefined;
    /** Placement model only: y_{s,k,r}, receiving school index and column. */
    y: { receiving: number; col: number }[];
  }[];
}

export interface PlanModel {
  program: LexProgram;
  /** One per sending school with a quota above 0, in id order. */
  schools: SchoolColumns[];
  /** Selection model only: z_k, the county's unfilled need of each subject. */
  unfilled: { subject: string; col: number }[];
}

/** FNV-1a, 32 bits: a fixed pseudo-random cost from ids, the same on every machine. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const activeSchools = (plan: PreparedPlan): SendingSchool[] => plan.sending.filter((s) => s.quota > 0);

const subjectCount = (s: SendingSchool, k: string): number => s.eligible.reduce((n, t) => n + Number(t.subject === k), 0);

function needBySubject(plan: PreparedPlan): Map<string, number> {
  const total = new Map<string, number>();
  for (const r of plan.receiving) for (const n of r.needs) total.set(n.subject, (total.get(n.subject) ?? 0) + n.need);
  return total;
}

/**
 * The selection program: who rotates, with each school's placed teachers counted per subject
 * against the county's total need of that subject (Y_{s,k} ≥ 0, Σ_s Y_{s,k} + z_k = N_k).
 * Its objectives are needs and seniority. Any Y with Σ_s Y_{s,k} ≤ N_k can be split among the
 * receiving schools that need k (every sending school may send to every one), so this small
 * program has exactly the needs and seniority optima of the full one, and its optimal face
 * (the bounds the solver fixes) carries over to the placement program.
 */
export function buildSelectionModel(plan: PreparedPlan): PlanModel {
  const b = new ProgramBuilder(['needs', 'seniority']);
  const need = needBySubject(plan);
  const needRow = new Map([...need.keys()].sort(byText).map((k) => [k, b.row(need.get(k)!)]));
  const schools = activeSchools(plan).map((s): SchoolColumns => {
    const rowA = b.row(s.quota);
    const rowB = b.row(0);
    const rowC = new Map(s.subjects.map((k) => [k, b.row(0)]));
    const wStart = s.eligible.length === 0 ? -1 : b.col(0, 1, wEntries(s, 0, rowA, rowB, rowC), { seniority: s.rank[0]! });
    for (let i = 1; i < s.eligible.length; i++) b.col(0, 1, wEntries(s, i, rowA, rowB, rowC), { seniority: s.rank[i]! });
    const vCol = b.col(s.backboneQuota, s.eligibleBackbone, [
      [rowA, 1],
      [rowB, -1],
    ]);
    const subjects = s.subjects.map((k) => {
      const count = subjectCount(s, k);
      const uCol = b.col(0, count, [[rowC.get(k)!, -1]], { needs: 1 });
      const row = needRow.get(k);
      const placedCol =
        row === undefined
          ? undefined
          : b.col(0, Math.min(count, need.get(k)!), [
              [rowC.get(k)!, -1],
              [row, 1],
            ]);
      return { subject: k, uCol, placedCol, y: [] };
    });
    return { wStart, vCol, subjects };
  });
  const unfilled = [...needRow].map(([subject, row]) => ({ subject, col: b.col(0, need.get(subject)!, [[row, 1]]) }));
  return { program: b.build(), schools, unfilled };
}

function wEntries(s: SendingSchool, i: number, rowA: number, rowB: number, rowC: Map<string, number>): [number, number][] {
  const t = s.eligible[i]!;
  return [
    [t.backbone ? rowB : rowA, 1],
    [rowC.get(t.subject)!, 1],
  ];
}

/**
 * The placement program: the selection's columns with the bounds of its optimal face, each
 * Y_{s,k} split over the receiving schools that need k (E_sk: Y_{s,k} − Σ_r y_{s,k,r} = 0,
 * D_rk: Σ_s y_{s,k,r} + z_{r,k} = n_{r,k}) and the unfilled needs summed back to the
 * selection's z_k (G_k: Σ_r z_{r,k} − Z_k = 0), all with the selection's face bounds, so its
 * solutions are exactly the optimal selections, placed. With G in the part of A and B the
 * matrix is still a network matrix. Only pairs whose Y may be above 0 get y columns.
 * Its objectives are travel (when distances are given) and order.
 */
export function buildPlacementModel(plan: PreparedPlan, selection: PlanModel, faceLower: Float64Array, faceUpper: Float64Array): PlanModel {
  const b = new ProgramBuilder(plan.distance ? ['travel', 'order'] : ['order']);
  const needRow = plan.receiving.map((r) => new Map(r.needs.map((n) => [n.subject, b.row(n.need)])));
  const receivingBySubject = new Map<string, number[]>();
  plan.receiving.forEach((r, ri) => {
    for (const n of r.needs) receivingBySubject.set(n.subject, [...(receivingBySubject.get(n.subject) ?? []), ri]);
  });
  const bounds = (col: number): [number, number] => [faceLower[col]!, faceUpper[col]!];

  const schools = activeSchools(plan).map((s, si): SchoolColumns => {
    const chosen = selection.schools[si]!;
    const rowA = b.row(s.quota);
    const rowB = b.row(0);
    const rowC = new Map(s.subjects.map((k) => [k, b.row(0)]));
    let wStart = -1;
    s.eligible.forEach((_, i) => {
      const col = b.col(...bounds(chosen.wStart + i), wEntries(s, i, rowA, rowB, rowC), { order: i });
      if (i === 0) wStart = col;
    });
    const vCol = b.col(...bounds(chosen.vCol), [
      [rowA, 1],
      [rowB, -1],
    ]);
    const subjects = chosen.subjects.map(({ subject: k, uCol, placedCol }) => {
      const u = b.col(...bounds(uCol), [[rowC.get(k)!, -1]]);
      if (placedCol === undefined) return { subject: k, uCol: u, placedCol: undefined, y: [] };
      // Row C bounds Y by the teachers of k still free to go: most subjects of a school drop out here.
      let free = -faceLower[uCol]!;
      s.eligible.forEach((t, i) => {
        if (t.subject === k) free += faceUpper[chosen.wStart + i]!;
      });
      const upper = Math.min(faceUpper[placedCol]!, free);
      if (upper <= 0) return { subject: k, uCol: u, placedCol: undefined, y: [] };
      const rowE = b.row(0);
      const placed = b.col(faceLower[placedCol]!, upper, [
        [rowC.get(k)!, -1],
        [rowE, 1],
      ]);
      const y = receivingBySubject.get(k)!.map((ri) => {
        const r = plan.receiving[ri]!.school;
        const cost = {
          travel: plan.distance ? Math.round(plan.distance(s.school.id, r.id) * TRAVEL_SCALE) : 0,
          order: (hashOf(`${s.school.id}\u0000${k}\u0000${r.id}`) % 997) + 1,
        };
        const col = b.col(
          0,
          upper,
          [
            [rowE, -1],
            [needRow[ri]!.get(k)!, 1],
          ],
          cost,
        );
        return { receiving: ri, col };
      });
      return { subject: k, uCol: u, placedCol: placed, y };
    });
    return { wStart, vCol, subjects };
  });
  // The county's unfilled need per subject keeps the selection's face too (G_k: Σ_r z_{r,k} − Z_k = 0).
  const unfilledRow = new Map(selection.unfilled.map(({ subject }) => [subject, b.row(0)]));
  plan.receiving.forEach((r, ri) => {
    for (const n of r.needs) {
      b.col(0, n.need, [
        [needRow[ri]!.get(n.subject)!, 1],
        [unfilledRow.get(n.subject)!, 1],
      ]);
    }
  });
  for (const { subject, col } of selection.unfilled) b.col(...bounds(col), [[unfilledRow.get(subject)!, -1]]);
  return { program: b.build(), schools, unfilled: [] };
}

/** Solves a LexProgram: the service passes HiGHS (server/solvers/highs.ts); tests may pass another. */
export type LexSolver = (program: LexProgram) => Promise<LexSolution>;

export interface SolvedPlan {
  result: PlanResult;
  stages: LexStage[];
  size: { selection: { columns: number; rows: number }; placement: { columns: number; rows: number } };
}

/**
 * Selection, then placement over the selection's optimal face: the plan of a prepared input.
 * A solver failure is returned as a message (with a sound input it is a bug, not a user error).
 */
export async function solvePlan(plan: PreparedPlan, solve: LexSolver): Promise<SolvedPlan | { error: string }> {
  const selection = buildSelectionModel(plan);
  const first = await solve(selection.program);
  if (first.status !== 'optimal') return { error: `selection: ${first.message}` };
  const placement = buildPlacementModel(plan, selection, first.faceLower, first.faceUpper);
  const second = await solve(placement.program);
  if (second.status !== 'optimal') return { error: `placement: ${second.message}` };
  const size = (m: PlanModel) => ({ columns: m.program.numCols, rows: m.program.numRows });
  return {
    result: decodePlan(plan, placement, second.x),
    stages: [...first.stages, ...second.stages],
    size: { selection: size(selection), placement: size(placement) },
  };
}

/** A solver value that must be a whole number (the matrix is unimodular); anything else is a bug. */
function whole(x: number, col: number): number {
  const n = Math.round(x);
  if (Math.abs(x - n) > 1e-6) throw new Error(`rotation plan: column ${col} is ${x}, not integral`);
  return n;
}

export const PLAN_FORM_COLUMNS: PlanResult['form']['columns'] = [
  { key: 'seq', zh: '序号', en: 'No.' },
  { key: 'teacherId', zh: '教师编号', en: 'Teacher id' },
  { key: 'name', zh: '姓名', en: 'Name' },
  { key: 'fromSchool', zh: '原学校', en: 'From school' },
  { key: 'toSchool', zh: '交流学校', en: 'To school' },
  { key: 'subject', zh: '任教学科', en: 'Subject' },
  { key: 'backbone', zh: '骨干教师', en: 'Backbone' },
  { key: 'yearsAtSchool', zh: '本校任教年限', en: 'Years at school' },
  { key: 'distance', zh: '距离', en: 'Distance' },
];

/** Reads the solver's values back into the plan: who goes, from where to where. */
export function decodePlan(plan: PreparedPlan, model: PlanModel, x: Float64Array): PlanResult {
  const active = activeSchools(plan);
  const rows: Omit<PlanRow, 'seq'>[] = [];
  const filled = plan.receiving.map((r) => new Map(r.needs.map((n) => [n.subject, 0])));
  const rotatingBySchool = new Map<string, { rotating: number; backbone: number }>();
  let seniorityRank = 0;

  active.forEach((s, si) => {
    const layout = model.schools[si]!;
    const counts = new Map<string, number>();
    s.eligible.forEach((t, i) => {
      const key = `${t.subject}\u0000${t.backbone}`;
      counts.set(key, (counts.get(key) ?? 0) + whole(x[layout.wStart + i]!, layout.wStart + i));
    });
    // Within one subject and backbone status the longest at the school go (eligible is in that order).
    const going = s.eligible
      .map((t, i) => ({ t, rank: s.rank[i]! }))
      .filter(({ t }) => {
        const key = `${t.subject}\u0000${t.backbone}`;
        const left = counts.get(key)!;
        if (left === 0) return false;
        counts.set(key, left - 1);
        return true;
      });
    rotatingBySchool.set(s.school.id, { rotating: going.length, backbone: going.filter(({ t }) => t.backbone).length });
    for (const { rank } of going) seniorityRank += rank;

    for (const { subject, y } of layout.subjects) {
      const teachers = going.filter(({ t }) => t.subject === subject).map(({ t }) => t);
      const places = y
        .flatMap(({ receiving, col }) => Array.from({ length: whole(x[col]!, col) }, () => receiving))
        .sort((a, b) => placeOrder(plan, s.school.id, a, b));
      teachers.forEach((t, i) => {
        const ri = places[i];
        const to = ri === undefined ? undefined : plan.receiving[ri]!.school;
        if (ri !== undefined) filled[ri]!.set(subject, filled[ri]!.get(subject)! + 1);
        rows.push({
          teacherId: t.id,
          name: t.name,
          fromSchoolId: s.school.id,
          fromSchool: s.school.name,
          toSchoolId: to?.id ?? null,
          toSchool: to ? to.name : null,
          subject,
          backbone: t.backbone,
          yearsAtSchool: t.yearsAtSchool,
          distance: to && plan.distance ? plan.distance(s.school.id, to.id) : null,
          fillsNeed: to !== undefined,
        });
      });
    }
  });

  const sending: SendingSummary[] = plan.sending.map((s) => ({
    schoolId: s.school.id,
    school: s.school.name,
    teachers: s.teachers,
    eligible: s.eligible.length,
    exempt: s.exempt,
    eligibleBackbone: s.eligibleBackbone,
    quota: s.quota,
    backboneQuota: s.backboneQuota,
    rotating: rotatingBySchool.get(s.school.id)?.rotating ?? 0,
    backboneRotating: rotatingBySchool.get(s.school.id)?.backbone ?? 0,
  }));
  const receiving: ReceivingSummary[] = plan.receiving.map((r, ri) => {
    const needs = r.needs.map((n) => ({ subject: n.subject, need: n.need, filled: filled[ri]!.get(n.subject)! }));
    return { schoolId: r.school.id, school: r.school.name, needs, received: needs.reduce((a, n) => a + n.filled, 0) };
  });
  const placed = rows.filter((r) => r.toSchoolId !== null);
  const unplaced = rows.length - placed.length;
  const warnings = [...plan.warnings];
  if (unplaced > 0) {
    warnings.push({
      zh: `${unplaced} 名须交流的教师所教学科已无接收学校需要，计划表中“交流学校”留空，请县教育局统筹安排`,
      en: `${unplaced} rotating teacher${unplaced === 1 ? '' : 's'} teach subjects no receiving school still needs; their destination is left blank for the county bureau to decide`,
    });
  }
  const needs = receiving.reduce((a, r) => a + r.needs.reduce((b, n) => b + n.need, 0), 0);
  return {
    rows: rows.map((r, i) => ({ seq: i + 1, ...r })),
    sending,
    receiving,
    totals: {
      teachers: plan.teacherCount,
      eligible: plan.sending.reduce((a, s) => a + s.eligible.length, 0),
      rotating: rows.length,
      backboneRotating: rows.filter((r) => r.backbone).length,
      needs,
      needsFilled: placed.length,
      unplaced,
      travel: plan.distance ? roundedSum(placed.map((r) => r.distance!)) : null,
      seniorityRank,
    },
    parameters: plan.parameters,
    form: { title: PLAN_FORM_TITLE, columns: PLAN_FORM_COLUMNS },
    warnings,
  };
}

/** Nearest receiving school first, then by id: the order places are handed to the longest-serving. */
function placeOrder(plan: PreparedPlan, from: string, a: number, b: number): number {
  const ra = plan.receiving[a]!.school;
  const rb = plan.receiving[b]!.school;
  const d = plan.distance ? plan.distance(from, ra.id) - plan.distance(from, rb.id) : 0;
  return d || byText(ra.id, rb.id);
}

/** A sum of distances as typed, in hundredths, so 0.1 + 0.2 shows as 0.3. */
function roundedSum(xs: readonly number[]): number {
  return xs.reduce((a, x) => a + Math.round(x * TRAVEL_SCALE), 0) / TRAVEL_SCALE;
}

