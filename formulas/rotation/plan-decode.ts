/**
 * The solver's values read back into the plan: who goes, from where to where, the schools'
 * summaries, the totals and the warnings, laid out for 教师交流轮岗计划表 (plan-sheet.ts).
 */
import { type PlanModel, TRAVEL_SCALE, activeSchools } from './plan-model.js';
import { type PreparedPlan, byText } from './plan-prepare.js';
import { ROTATION_SHEET } from './plan-sheet.js';
import type { PlanResult, PlanRow, ReceivingSummary, SendingSummary } from './plan-types.js';

/** A solver value that must be a whole number (the matrix is unimodular); anything else is a bug. */
function whole(x: number, col: number): number {
  const n = Math.round(x);
  if (Math.abs(x - n) > 1e-6) throw new Error(`rotation plan: column ${col} is ${x}, not integral`);
  return n;
}

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
    form: ROTATION_SHEET,
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

