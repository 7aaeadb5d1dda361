/**
 * The consolidation request checked and put in the form both planners use: the receivers, and
 * each small school with its stage and the receivers it may go to. Sorted by id, so the order
 * of the table never changes a plan.
 *
 * - A school's stage is the first threshold it falls within (≤ 10, then ≤ 30 by default);
 *   a school not merged in its stage is not tried again in a later one.
 * - Receivers: schools with `receives: true`, or by default those above the largest threshold.
 *   They are never merged; nor are kept schools (群众不同意撤并、条件暂不成熟).
 * - In range: with `maxDistanceKm`, the receivers at a known distance within it; without, every
 *   receiver. A pair with no known distance counts, in pupil-km, at the largest distance the
 *   table gives (so a known near receiver is always preferred to an unknown one).
 */
import { type FormulaError, valueError } from '../core/errors.js';
import type { ConsolidationInput, ConsolidationSchool } from './consolidation-schema.js';

export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Distances are compared and summed in hundredths of a km, as integers. */
export const KM_SCALE = 100;

export interface Receiver {
  school: ConsolidationSchool;
  capacity: number;
  /** Seats free before the plan; never below 0 (an overcrowded school has none). */
  free: number;
}

export interface Option {
  /** Index into PreparedConsolidation.receivers. */
  receiver: number;
  /** Known road distance; undefined when the table gives none (only without a distance limit). */
  km: number | undefined;
  /** Pupils × km in hundredths, exact: the pupil-km objective of this move. */
  cost: number;
}

export interface Candidate {
  school: ConsolidationSchool;
  /** 1-based, in the order of the thresholds. */
  stage: number;
  threshold: number;
  /** Receivers in range, by receiver index. */
  options: Option[];
}

/** One merge: candidate index → receiver index (both into the prepared plan). */
export interface Placement {
  candidate: number;
  receiver: number;
}

export interface PreparedConsolidation {
  input: ConsolidationInput;
  receivers: Receiver[];
  /** Small schools that may be merged, by id. */
  candidates: Candidate[];
  /** Small schools kept where they are, by id. */
  kept: { school: ConsolidationSchool; stage: number; threshold: number }[];
}

/** Checks the ids and distances, finds the receivers and every small school's options. */
export function prepareConsolidation(input: ConsolidationInput): PreparedConsolidation | FormulaError {
  const distances = new Map<string, Map<string, number>>();
  for (const s of input.schools) {
    if (distances.has(s.id)) {
      return valueError(`学校编号 "${s.id}" 重复：每所学校的编号应唯一`, `School id "${s.id}" appears more than once: every school needs its own id`);
    }
    distances.set(s.id, new Map());
  }
  let farthest = 0;
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
    farthest = Math.max(farthest, d.km);
  }

  const stageOf = (pupils: number): number => input.thresholds.findIndex((t) => (input.thresholdRule === 'atMost' ? pupils <= t : pupils < t));
  const sorted = [...input.schools].sort((a, b) => byId(a.id, b.id));
  const receivers: Receiver[] = [];
  for (const s of sorted) {
    if (!(s.receives ?? stageOf(s.pupils) < 0)) continue;
    if (s.capacity === undefined) {
      return valueError(
        `学校 "${s.id}"${s.name ? `（${s.name}）` : ''}可以接收学生，但没有填写学位数（capacity）：请填写，或标明 receives: false`,
        `School "${s.id}"${s.name ? ` (${s.name})` : ''} may receive pupils but has no capacity: enter its seats, or mark it receives: false`,
      );
    }
    receivers.push({ school: s, capacity: s.capacity, free: Math.max(0, s.capacity - s.pupils) });
  }
  const receiverIndex = new Map(receivers.map((r, i) => [r.school.id, i]));

  const candidates: Candidate[] = [];
  const kept: PreparedConsolidation['kept'] = [];
  for (const s of sorted) {
    const stage = stageOf(s.pupils);
    if (stage < 0 || s.receives === true) continue;
    const at = { school: s, stage: stage + 1, threshold: input.thresholds[stage]! };
    if (s.kept) {
      kept.push(at);
      continue;
    }
    const known = distances.get(s.id)!;
    const options: Option[] = [];
    const option = (receiver: number, km: number | undefined) =>
      options.push({ receiver, km, cost: s.pupils * Math.round((km ?? farthest) * KM_SCALE) });
    if (input.maxDistanceKm === undefined) receivers.forEach((r, i) => option(i, known.get(r.school.id)));
    else {
      for (const [id, km] of known) {
        const i = receiverIndex.get(id);
        if (i !== undefined && km <= input.maxDistanceKm) option(i, km);
      }
      options.sort((a, b) => a.receiver - b.receiver);
    }
    candidates.push({ ...at, options });
  }
  return { input, receivers, candidates, kept };
}
