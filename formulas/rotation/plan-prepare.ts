/**
 * The rotation plan's input checks: who is eligible and each sending school's quota (the rules
 * of EDU.ROTATIONELIGIBLE and EDU.ROTATIONQUOTA), the receiving schools' needs and the
 * distances. Where the data are inconsistent or a rule cannot be met, every problem is listed
 * with the school and the rule, and no program is built (plan-model.ts builds it otherwise).
 */
import { type CivilDate, isoOf, parseDateCell } from '../core/dates.js';
import type { Bilingual } from '../core/errors.js';
import { rationalOf } from '../core/exact.js';
import type { ProfileSource } from '../core/profiles.js';
import type { RetireCategory } from '../staffing/retirement-reform.js';
import type { PlanInput, PlanProblem, PlanSchool, PlanTeacher, ResolvedParameters } from './plan-types.js';
import { nearRetirement, parseRetireCategory } from './rotation-eligible.js';
import { rotationDefaults } from './rotation-profile.js';
import { type QuotaRule, atLeast, rotationQuota } from './rotation-quota.js';

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
