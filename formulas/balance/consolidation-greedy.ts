/**
 * The greedy consolidation planner: quick, explainable, not always the best plan (the
 * service's default is the lexicographic optimum of consolidation-model.ts; this one is kept
 * for comparison and answered beside it). Stage by stage (10, then 30):
 *   - the most constrained school first (fewest receivers in range), then the larger school
 *     first, then by id: a first-fit-decreasing, so one school's choice rarely blocks another's;
 *   - to the nearest receiver that still has the seats (unknown distances last); then the one
 *     with more free seats; then by id;
 *   - with expansion allowed and no receiver with the seats, to the nearest receiver, which adds
 *     the seats; otherwise the school stays where it is.
 */
import type { FormulaError } from '../core/errors.js';
import { type Option, type Placement, type PreparedConsolidation, byId, prepareConsolidation } from './consolidation-prepare.js';
import { reportConsolidation } from './consolidation-report.js';
import type { ConsolidationInput, ConsolidationPlan } from './consolidation-schema.js';

/** The greedy plan of a request, or the reason the table cannot be planned. */
export function planGreedy(input: ConsolidationInput): ConsolidationPlan | FormulaError {
  const prepared = prepareConsolidation(input);
  return 'error' in prepared ? prepared : reportConsolidation(prepared, greedyPlacements(prepared));
}

export function greedyPlacements(prepared: PreparedConsolidation): Placement[] {
  const { input, receivers, candidates } = prepared;
  const free = receivers.map((r) => r.free);
  const rank = (a: Option, b: Option): number =>
    (a.km ?? Infinity) - (b.km ?? Infinity) || free[b.receiver]! - free[a.receiver]! || byId(receivers[a.receiver]!.school.id, receivers[b.receiver]!.school.id);
  const best = (options: readonly Option[]): Option | undefined => options.reduce<Option | undefined>((m, o) => (m === undefined || rank(o, m) < 0 ? o : m), undefined);

  const placements: Placement[] = [];
  input.thresholds.forEach((_, s) => {
    const order = candidates
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.stage === s + 1)
      .sort((a, b) => a.c.options.length - b.c.options.length || b.c.school.pupils - a.c.school.pupils || byId(a.c.school.id, b.c.school.id));
    for (const { c, i } of order) {
      const pupils = c.school.pupils;
      const chosen = best(c.options.filter((o) => free[o.receiver]! >= pupils)) ?? (input.expansion ? best(c.options) : undefined);
      if (chosen === undefined) continue;
      free[chosen.receiver] = Math.max(0, free[chosen.receiver]! - pupils);
      placements.push({ candidate: i, receiver: chosen.receiver });
    }
  });
  return placements;
}
