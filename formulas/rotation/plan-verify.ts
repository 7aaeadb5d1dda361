/**
 * An independent check of a rotation plan against its input: every rule re-derived from the
 * input and the policy profile, sharing no code with the model builder or the solver (only the
 * calendar, the retirement schedules and exact fractions of formulas/core and staffing).
 *
 * Hard rules: each row is an eligible teacher of a sending school, listed once, with the data
 * of the input; every sending school rotates exactly its quota with at least its backbone
 * quota; no receiving school gets more teachers of a subject than it needs.
 *
 * Optimality certificates (each a move the plan's priorities say must not improve it):
 * - needs: no rotating teacher is left unplaced while a receiving school still needs that
 *   subject, and no unplaced rotating teacher could be swapped for a staying colleague whose
 *   subject is still needed;
 * - seniority: no staying eligible teacher has more years than a rotating colleague of the
 *   same school and subject when the two could swap without breaking the backbone quota;
 * - travel: no placed teacher could move to a nearer school that still needs the subject, and
 *   no two placed teachers of a subject could swap destinations for less total travel.
 */
import { addMonths, compareDates, parseDateCell } from '../core/dates.js';
import { ceil, rationalOf, type Rational } from '../core/exact.js';
import { type ProfileSource, resolveProfile } from '../core/profiles.js';
import { retireCategoryAliases, statutoryRetirement } from '../staffing/retirement-reform.js';
import type { PlanInput, PlanResult, PlanRow, PlanSchool, PlanTeacher } from './plan-types.js';

export interface Violation {
  rule: string;
  message: string;
}

const ceilShare = (share: Rational, count: number): number => Number(ceil({ n: share.n * BigInt(count), d: share.d }));
/** Distances compared in hundredths of the unit, as the plan's travel objective does. */
const hundredths = (d: number): number => Math.round(d * 100);

interface Rules {
  rate: number;
  backboneShare: number;
  backboneBase: string;
  minYears: number;
  exemptYears: number | null;
  asOf: string | null;
}

function rulesOf(input: PlanInput, profiles: ProfileSource, out: Violation[]): Rules | undefined {
  const p = input.parameters;
  const profile = resolveProfile(profiles, p.profile);
  if ('error' in profile) {
    out.push({ rule: 'profile', message: profile.error.en });
    return undefined;
  }
  const value = (key: string): unknown => profile.entry(key)?.value;
  const asOf = p.asOf === undefined ? undefined : parseDateCell(p.asOf);
  const base = p.backboneBase ?? String(value('rotation.quota.backboneBase')).trim().toLowerCase();
  return {
    rate: p.rate ?? (value('rotation.quota.rate') as number),
    backboneShare: p.backboneShare ?? (value('rotation.quota.backboneShare') as number),
    backboneBase: base,
    minYears: p.minYears ?? (value('rotation.eligibility.minYears') as number),
    exemptYears: p.exemptYears ?? null,
    asOf: asOf ? `${asOf.year}-${String(asOf.month).padStart(2, '0')}-${String(asOf.day).padStart(2, '0')}` : null,
  };
}

function eligibleTeacher(t: PlanTeacher, rules: Rules): boolean {
  if (!(t.yearsAtSchool >= rules.minYears)) return false;
  if (rules.exemptYears === null || rules.asOf === null) return true;
  const birth = parseDateCell(t.birthdate);
  const category = typeof t.retireCategory === 'string' ? retireCategoryAliases[t.retireCategory.trim().toLowerCase()] : undefined;
  if (!birth || !category) return false;
  const retires = statutoryRetirement(birth, category).date;
  const asOf = parseDateCell(rules.asOf)!;
  return compareDates(retires, addMonths(asOf, 12 * rules.exemptYears)) >= 0;
}

const needOf = (school: PlanSchool | undefined, subject: string): number => {
  if (!school || school.role !== 'receiving') return 0;
  let total = 0;
  for (const [k, n] of Object.entries(school.needs ?? {})) if (k.trim() === subject) total += n;
  return total;
};

/** Every rule and certificate the plan breaks; an empty list for a sound plan. */
export function verifyPlan(input: PlanInput, plan: PlanResult, profiles: ProfileSource): Violation[] {
  const out: Violation[] = [];
  const fail = (rule: string, message: string) => out.push({ rule, message });
  const rules = rulesOf(input, profiles, out);
  if (!rules) return out;
  for (const key of ['rate', 'backboneShare', 'backboneBase', 'minYears', 'exemptYears', 'asOf'] as const) {
    if (plan.parameters[key] !== rules[key]) fail('parameters', `parameter ${key} is ${String(plan.parameters[key])}, the input gives ${String(rules[key])}`);
  }

  const schools = new Map(input.schools.map((s) => [s.id, s]));
  const teachers = new Map(input.teachers.map((t) => [t.id, t]));
  const rate = rationalOf(rules.rate);
  const share = rationalOf(rules.backboneShare);
  const distanceGiven = input.schools.some((s) => s.role === 'receiving' && Object.keys(s.distances ?? {}).length > 0);
  const distance = (from: string, to: string): number | undefined => schools.get(to)?.distances?.[from];

  // Rows: who, from where, to where.
  const seen = new Set<string>();
  plan.rows.forEach((row, i) => {
    if (row.seq !== i + 1) fail('row', `row ${i + 1} has seq ${row.seq}`);
    const t = teachers.get(row.teacherId);
    if (!t) return fail('row', `row ${row.seq}: teacher ${row.teacherId} is not in the input`);
    if (seen.has(t.id)) fail('row', `teacher ${t.id} is listed more than once`);
    seen.add(t.id);
    const from = schools.get(t.school);
    if (from?.role !== 'sending') fail('row', `teacher ${t.id} is not at a sending school`);
    if (!eligibleTeacher(t, rules)) fail('eligibility', `teacher ${t.id} (${t.yearsAtSchool} years) is not eligible to rotate`);
    if (row.fromSchoolId !== t.school || row.fromSchool !== (from?.name ?? '')) fail('row', `teacher ${t.id}: from ${row.fromSchoolId}, the input says ${t.school}`);
    if (row.name !== t.name || row.subject !== t.subject || row.backbone !== t.backbone || row.yearsAtSchool !== t.yearsAtSchool) {
      fail('row', `teacher ${t.id}: name, subject, backbone or years differ from the input`);
    }
    if (row.toSchoolId === null) {
      if (row.toSchool !== null || row.distance !== null || row.fillsNeed) fail('row', `teacher ${t.id}: unplaced but carries a destination`);
      return;
    }
    const to = schools.get(row.toSchoolId);
    if (to?.role !== 'receiving') return fail('row', `teacher ${t.id} goes to ${row.toSchoolId}, not a receiving school`);
    if (row.toSchool !== to.name || !row.fillsNeed) fail('row', `teacher ${t.id}: destination fields inconsistent`);
    const d = distance(t.school, to.id);
    if (distanceGiven ? row.distance !== d : row.distance !== null) fail('row', `teacher ${t.id}: distance ${row.distance}, the input gives ${String(d ?? null)}`);
  });

  // Quotas, re-derived per sending school.
  const rotating = new Set(plan.rows.map((r) => r.teacherId));
  const backboneQuota = new Map<string, number>();
  const bySchool = new Map<string, PlanTeacher[]>();
  for (const t of input.teachers) {
    const list = bySchool.get(t.school);
    if (list) list.push(t);
    else bySchool.set(t.school, [t]);
  }
  for (const s of input.schools) {
    if (s.role !== 'sending') continue;
    const eligible = (bySchool.get(s.id) ?? []).filter((t) => eligibleTeacher(t, rules));
    const e = eligible.length;
    const byRate = ceilShare(rate, e);
    const policyBackbone = ceilShare(share, rules.backboneBase === 'rotating' ? byRate : e);
    const quota = s.quota ?? Math.max(byRate, policyBackbone);
    const bQuota = s.backboneQuota ?? ceilShare(share, rules.backboneBase === 'rotating' ? quota : e);
    backboneQuota.set(s.id, bQuota);
    const going = eligible.filter((t) => rotating.has(t.id));
    const goingBackbone = going.filter((t) => t.backbone).length;
    if (going.length !== quota) fail('quota', `school ${s.id}: ${going.length} rotate, the quota is ${quota} (of ${e} eligible)`);
    if (goingBackbone < bQuota) fail('backbone', `school ${s.id}: ${goingBackbone} backbone teachers rotate, at least ${bQuota} must`);
    if (quota > e) fail('quota', `school ${s.id}: a plan was made though the quota ${quota} exceeds the ${e} eligible`);

    // Seniority: a staying colleague with more years, same subject, could take the place.
    for (const t of going) {
      for (const u of eligible) {
        if (rotating.has(u.id) || u.subject !== t.subject || !(u.yearsAtSchool > t.yearsAtSchool)) continue;
        if (goingBackbone - Number(t.backbone) + Number(u.backbone) >= bQuota) {
          fail('seniority', `school ${s.id}: ${u.id} (${u.yearsAtSchool} years) stays while ${t.id} (${t.yearsAtSchool} years, same subject) rotates`);
        }
      }
    }
  }

  // Needs: never more than needed; nothing left unplaced that a need could take.
  const placedAt = new Map<string, number>();
  const key = (school: string, subject: string) => `${school}\u0000${subject}`;
  for (const r of plan.rows) if (r.toSchoolId) placedAt.set(key(r.toSchoolId, r.subject), (placedAt.get(key(r.toSchoolId, r.subject)) ?? 0) + 1);
  const open = new Map<string, PlanSchool[]>();
  const openNeed = (subject: string): PlanSchool[] => {
    let list = open.get(subject);
    if (!list) open.set(subject, (list = input.schools.filter((s) => s.role === 'receiving' && (placedAt.get(key(s.id, subject)) ?? 0) < needOf(s, subject))));
    return list;
  };
  for (const [k, n] of placedAt) {
    const [school, subject] = k.split('\u0000') as [string, string];
    const need = needOf(schools.get(school), subject);
    if (n > need) fail('need', `school ${school} receives ${n} ${subject} teachers but needs ${need}`);
  }
  const unplaced = plan.rows.filter((r) => r.toSchoolId === null);
  for (const r of unplaced) {
    if (openNeed(r.subject).length > 0) fail('need', `teacher ${r.teacherId} (${r.subject}) is unplaced while a receiving school still needs ${r.subject}`);
    const t = teachers.get(r.teacherId);
    if (!t) continue;
    const goingBackbone = plan.rows.filter((x) => x.fromSchoolId === t.school && x.backbone).length;
    for (const u of input.teachers) {
      if (u.school !== t.school || rotating.has(u.id) || !eligibleTeacher(u, rules)) continue;
      if (goingBackbone - Number(t.backbone) + Number(u.backbone) < (backboneQuota.get(t.school) ?? 0)) continue;
      if (openNeed(u.subject).length > 0) fail('need', `unplaced ${t.id} could swap with ${u.id}, whose subject ${u.subject} is still needed`);
    }
  }

  // Travel: no nearer open need, no profitable swap of destinations.
  if (distanceGiven) {
    const placed = plan.rows.filter((r) => r.toSchoolId !== null);
    const dist = (from: string, to: string): number => hundredths(distance(from, to) ?? Number.POSITIVE_INFINITY);
    for (const r of placed) {
      for (const s of openNeed(r.subject)) {
        if (dist(r.fromSchoolId, s.id) < dist(r.fromSchoolId, r.toSchoolId!)) fail('travel', `teacher ${r.teacherId} could go to nearer ${s.id}, which still needs ${r.subject}`);
      }
    }
    const bySubject = new Map<string, PlanRow[]>();
    for (const r of placed) bySubject.set(r.subject, [...(bySubject.get(r.subject) ?? []), r]);
    for (const rows of bySubject.values()) {
      for (let i = 0; i < rows.length; i++) {
        for (let j = i + 1; j < rows.length; j++) {
          const a = rows[i]!;
          const b = rows[j]!;
          const now = dist(a.fromSchoolId, a.toSchoolId!) + dist(b.fromSchoolId, b.toSchoolId!);
          const swapped = dist(a.fromSchoolId, b.toSchoolId!) + dist(b.fromSchoolId, a.toSchoolId!);
          if (swapped < now) fail('travel', `${a.teacherId} and ${b.teacherId} would travel less with destinations swapped`);
        }
      }
    }
  }

  // Totals agree with the rows.
  const placedRows = plan.rows.filter((r) => r.toSchoolId !== null);
  const t = plan.totals;
  if (t.rotating !== plan.rows.length || t.needsFilled !== placedRows.length || t.unplaced !== unplaced.length) fail('totals', 'totals disagree with the rows');
  if (t.backboneRotating !== plan.rows.filter((r) => r.backbone).length) fail('totals', 'backbone total disagrees with the rows');
  const travel = distanceGiven ? placedRows.reduce((a, r) => a + hundredths(r.distance!), 0) / 100 : null;
  if (t.travel !== travel) fail('totals', `travel total ${t.travel}, the rows give ${travel}`);
  return out;
}
