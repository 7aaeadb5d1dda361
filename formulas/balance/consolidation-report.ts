/**
 * A placement (which small school goes to which receiver) turned into the answer: the merges
 * with the seats each adds, the receivers, the schools not merged and why, the seed-001
 * summary and the sheet; and the plan's objective values. Both planners answer through here.
 */
import { type Placement, type PreparedConsolidation, byId } from './consolidation-prepare.js';
import type { ConsolidationPlan, MergeRow, NotMergedRow, ObjectiveValues, ReceiverRow, StageSummary } from './consolidation-schema.js';
import { sheetRows, summaryText } from './consolidation-sheet.js';

/** Schools merged per stage, pupil-km and seats added: what the planners are judged by. */
export function objectivesOf(prepared: PreparedConsolidation, placements: readonly Placement[]): ObjectiveValues {
  const merged = prepared.input.thresholds.map(() => 0);
  const placed = prepared.receivers.map(() => 0);
  let pupilKmHundredths = 0;
  for (const p of placements) {
    const c = prepared.candidates[p.candidate]!;
    merged[c.stage - 1]! += 1;
    placed[p.receiver]! += c.school.pupils;
    pupilKmHundredths += c.options.find((o) => o.receiver === p.receiver)!.cost;
  }
  const seatsAdded = prepared.receivers.reduce((sum, r, i) => sum + Math.max(0, placed[i]! - r.free), 0);
  return { merged, pupilKmHundredths, seatsAdded };
}

/** Merges are listed in the placements' order; seats are added where a receiver runs out. */
export function reportConsolidation(prepared: PreparedConsolidation, placements: readonly Placement[]): ConsolidationPlan {
  const { input, receivers, candidates } = prepared;
  const free = receivers.map((r) => r.free);
  const placed = receivers.map(() => 0);
  const added = receivers.map(() => 0);
  const merges: MergeRow[] = placements.map((p) => {
    const c = candidates[p.candidate]!;
    const r = receivers[p.receiver]!;
    const seatsAdded = Math.max(0, c.school.pupils - free[p.receiver]!);
    free[p.receiver] = free[p.receiver]! + seatsAdded - c.school.pupils;
    placed[p.receiver]! += c.school.pupils;
    added[p.receiver]! += seatsAdded;
    return {
      stage: c.stage,
      threshold: c.threshold,
      schoolId: c.school.id,
      schoolName: c.school.name,
      pupils: c.school.pupils,
      teachers: c.school.teachers,
      temporaryStaff: c.school.temporaryStaff,
      receiverId: r.school.id,
      receiverName: r.school.name,
      distanceKm: c.options.find((o) => o.receiver === p.receiver)!.km ?? null,
      seatsAdded,
    };
  });

  // Schools left: why, and (when receivers are in range) the nearest one and the seats it lacks.
  const merged = new Set(placements.map((p) => p.candidate));
  const wanted = receivers.map(() => 0);
  const nearest = (i: number): number | undefined =>
    candidates[i]!.options.reduce<(typeof candidates)[number]['options'][number] | undefined>(
      (m, o) =>
        m === undefined || (o.km ?? Infinity) - (m.km ?? Infinity) || free[m.receiver]! - free[o.receiver]! || byId(receivers[o.receiver]!.school.id, receivers[m.receiver]!.school.id) < 0 ? o : m,
      undefined,
    )?.receiver;
  const notMerged: NotMergedRow[] = prepared.kept.map((k) => ({ ...rowOf(k), reason: 'kept', nearestReceiverId: null, seatsShort: 0 }));
  candidates.forEach((c, i) => {
    if (merged.has(i)) return;
    const r = nearest(i);
    if (r !== undefined) wanted[r]! += c.school.pupils;
    notMerged.push({ ...rowOf(c), reason: r === undefined ? 'outOfRange' : 'noSeats', nearestReceiverId: r === undefined ? null : receivers[r]!.school.id, seatsShort: r === undefined ? 0 : c.school.pupils - free[r]! });
  });
  notMerged.sort((a, b) => a.stage - b.stage || Number(b.reason === 'kept') - Number(a.reason === 'kept') || byId(a.schoolId, b.schoolId));

  const receiverRows: ReceiverRow[] = [];
  receivers.forEach((r, i) => {
    if (placed[i] === 0 && wanted[i] === 0 && added[i] === 0) return;
    receiverRows.push({
      id: r.school.id,
      name: r.school.name,
      capacity: r.capacity,
      pupilsBefore: r.school.pupils,
      pupilsPlaced: placed[i]!,
      pupilsAfter: r.school.pupils + placed[i]!,
      seatsAdded: added[i]!,
      freeSeatsAfter: free[i]!,
      seatsShort: Math.max(0, wanted[i]! - free[i]!),
    });
  });

  const stages: StageSummary[] = input.thresholds.map((threshold, s) => {
    const here = merges.filter((m) => m.stage === s + 1);
    const sum = (f: (m: MergeRow) => number): number => here.reduce((a, m) => a + f(m), 0);
    return { stage: s + 1, threshold, schoolsMerged: here.length, pupilsPlaced: sum((m) => m.pupils), teachersRedeployed: sum((m) => m.teachers), temporaryStaffRedeployed: sum((m) => m.temporaryStaff) };
  });
  const total = (f: (s: StageSummary) => number): number => stages.reduce((sum, s) => sum + f(s), 0);
  const totals = {
    schoolsMerged: total((s) => s.schoolsMerged),
    pupilsPlaced: total((s) => s.pupilsPlaced),
    teachersRedeployed: total((s) => s.teachersRedeployed),
    temporaryStaffRedeployed: total((s) => s.temporaryStaffRedeployed),
    seatsAdded: receiverRows.reduce((sum, r) => sum + r.seatsAdded, 0),
    seatsShort: receiverRows.reduce((sum, r) => sum + r.seatsShort, 0),
    keptSchools: prepared.kept.length,
    unplacedSchools: notMerged.length - prepared.kept.length,
  };
  const summary = { stages, ...totals, text: summaryText(input, stages, totals) };
  return { summary, merges, receivers: receiverRows, notMerged, sheet: sheetRows(input, summary, merges, receiverRows, notMerged) };
}

const rowOf = (c: { school: PreparedConsolidation['candidates'][number]['school']; stage: number; threshold: number }) => ({
  stage: c.stage,
  threshold: c.threshold,
  schoolId: c.school.id,
  schoolName: c.school.name,
  pupils: c.school.pupils,
});
