/**
 * An independent check of a consolidation answer against its request, re-deriving every rule
 * from the request alone (it shares no code with the planners, the model or the report):
 *
 * Hard rules: a merged school is a small school of the stage it is listed in, not kept, not a
 * receiver, merged once, whole, with the request's numbers, to a receiver within the distance
 * limit; no receiver takes more pupils than its free seats plus the seats it adds, and seats
 * are added only when expansion is allowed; every small school not merged is listed once, with
 * the right reason; the totals and the objective values agree with the merges.
 *
 * Optimality certificates of a proven optimum (moves its objectives say cannot improve it):
 * no school left unmerged could move into a receiver in range that still has its seats (or any
 * receiver in range, with expansion), which would merge one more; no merged school could move to
 * a receiver in range with the seats for it at fewer pupil-km; and the plan is never worse than
 * the greedy plan on the objectives in their order.
 */
import type { ConsolidationAnswer, ConsolidationInput } from './consolidation-schema.js';

export interface Violation {
  rule: string;
  message: string;
}

const key = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export function verifyConsolidation(input: ConsolidationInput, answer: ConsolidationAnswer): Violation[] {
  const out: Violation[] = [];
  const fail = (rule: string, message: string): void => void out.push({ rule, message });
  const schools = new Map(input.schools.map((s) => [s.id, s]));
  const km = new Map(input.distances.map((d) => [key(d.from, d.to), d.km]));
  const farthest = input.distances.reduce((m, d) => Math.max(m, d.km), 0);
  const stageOf = (pupils: number): number => 1 + input.thresholds.findIndex((t) => (input.thresholdRule === 'atMost' ? pupils <= t : pupils < t));
  const receives = (id: string): boolean => {
    const s = schools.get(id);
    return s !== undefined && (s.receives ?? stageOf(s.pupils) === 0);
  };
  const inRange = (from: string, to: string): boolean => {
    if (!receives(to)) return false;
    if (input.maxDistanceKm === undefined) return true;
    const d = km.get(key(from, to));
    return d !== undefined && d <= input.maxDistanceKm;
  };
  const hundredthsKm = (from: string, to: string): number => Math.round((km.get(key(from, to)) ?? farthest) * 100);

  // Merges: who, where, and what each receiver takes.
  const placed = new Map<string, number>();
  const added = new Map<string, number>();
  const merged = new Set<string>();
  const mergedPerStage = input.thresholds.map(() => 0);
  let pupilKm = 0;
  for (const m of answer.merges) {
    const s = schools.get(m.schoolId);
    if (!s) {
      fail('merge', `${m.schoolId} is not in the request`);
      continue;
    }
    if (merged.has(s.id)) fail('merge', `${s.id} is merged twice`);
    merged.add(s.id);
    if (s.kept) fail('kept', `${s.id} is kept but merged`);
    if (receives(s.id)) fail('receiver', `${s.id} receives pupils but is merged`);
    if (stageOf(s.pupils) !== m.stage) fail('stage', `${s.id} (${s.pupils} pupils) is listed in stage ${m.stage}`);
    if (m.pupils !== s.pupils || m.teachers !== s.teachers || m.temporaryStaff !== s.temporaryStaff) fail('merge', `${s.id}: numbers differ from the request`);
    if (!inRange(s.id, m.receiverId)) fail('range', `${s.id} → ${m.receiverId} is not a receiver in range`);
    if (m.distanceKm !== (km.get(key(s.id, m.receiverId)) ?? null)) fail('merge', `${s.id}: distance ${m.distanceKm} differs from the table`);
    placed.set(m.receiverId, (placed.get(m.receiverId) ?? 0) + s.pupils);
    added.set(m.receiverId, (added.get(m.receiverId) ?? 0) + m.seatsAdded);
    if (m.stage >= 1) mergedPerStage[m.stage - 1]! += 1;
    pupilKm += s.pupils * hundredthsKm(s.id, m.receiverId);
  }

  // Capacity: free seats before the plan, plus the seats added, only with expansion.
  const freeBefore = (id: string): number => Math.max(0, (schools.get(id)?.capacity ?? 0) - (schools.get(id)?.pupils ?? 0));
  const freeAfter = (id: string): number => freeBefore(id) + (added.get(id) ?? 0) - (placed.get(id) ?? 0);
  let seatsAdded = 0;
  for (const [id, pupils] of placed) {
    if (freeAfter(id) < 0) fail('capacity', `${id} takes ${pupils} pupils with ${freeBefore(id)} free and ${added.get(id) ?? 0} added`);
    if (!input.expansion && (added.get(id) ?? 0) > 0) fail('capacity', `${id} adds seats though expansion is not allowed`);
    seatsAdded += Math.max(0, pupils - freeBefore(id));
  }

  // Schools left: each small school is merged or listed, once, with its reason.
  const left = new Map(answer.notMerged.map((u) => [u.schoolId, u]));
  if (left.size !== answer.notMerged.length) fail('notMerged', 'a school is listed twice among those not merged');
  for (const s of input.schools) {
    if (stageOf(s.pupils) === 0 || s.receives === true || merged.has(s.id)) continue;
    const u = left.get(s.id);
    if (!u) fail('notMerged', `${s.id} is neither merged nor listed`);
    else if ((u.reason === 'kept') !== s.kept) fail('notMerged', `${s.id}: reason ${u.reason}`);
    if (s.kept || answer.solver.method !== 'optimal' || !answer.solver.proven) continue;
    const could = input.schools.some((r) => inRange(s.id, r.id) && (input.expansion || freeAfter(r.id) >= s.pupils));
    if (could) fail('optimal', `${s.id} is left although a receiver in range has the seats`);
  }

  // A proven optimum: no merged school has a cheaper receiver in range with the seats for it.
  if (answer.solver.method === 'optimal' && answer.solver.proven) {
    for (const m of answer.merges) {
      const cost = m.pupils * hundredthsKm(m.schoolId, m.receiverId);
      const better = input.schools.find(
        (r) => r.id !== m.receiverId && inRange(m.schoolId, r.id) && m.pupils * hundredthsKm(m.schoolId, r.id) < cost && (input.expansion || freeAfter(r.id) >= m.pupils),
      );
      if (better) fail('optimal', `${m.schoolId} could go to ${better.id} for fewer pupil-km`);
    }
  }

  // Totals and objectives agree with the merges.
  const s = answer.summary;
  if (s.schoolsMerged !== answer.merges.length || s.pupilsPlaced !== answer.merges.reduce((a, m) => a + m.pupils, 0)) fail('totals', 'summary disagrees with the merges');
  if (s.seatsAdded !== seatsAdded) fail('totals', `seats added ${s.seatsAdded}, the merges need ${seatsAdded}`);
  const values = [...mergedPerStage, pupilKm / 100, seatsAdded];
  answer.solver.objectives.forEach((o, i) => {
    if (o.value !== values[i]) fail('objectives', `${o.name} is reported ${o.value}, the merges give ${values[i]}`);
    if (o.bound !== null && (o.sense === 'max' ? o.bound < o.value : o.bound > o.value)) fail('objectives', `${o.name}: the bound ${o.bound} is on the wrong side of ${o.value}`);
  });
  if (answer.solver.proven) {
    const first = answer.solver.objectives.find((o) => o.value !== o.greedy);
    if (first && (first.sense === 'max' ? first.value < first.greedy : first.value > first.greedy)) fail('optimal', `worse than the greedy plan on ${first.name}`);
  }
  return out;
}
