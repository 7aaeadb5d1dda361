/**
 * The local search that improves the greedy plan before the solver starts from it
 * (consolidation-improve.ts): two instances worked by hand, and properties on random counties —
 * never worse than its start in the objectives' order, and every rule still holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedyPlacements } from '../../../formulas/balance/consolidation-greedy.js';
import { improvePlacements } from '../../../formulas/balance/consolidation-improve.js';
import { type Placement, type PreparedConsolidation, prepareConsolidation } from '../../../formulas/balance/consolidation-prepare.js';
import { objectivesOf } from '../../../formulas/balance/consolidation-report.js';
import { consolidationInputSchema } from '../../../formulas/balance/consolidation-schema.js';
import { isFormulaError } from '../../../formulas/core/errors.js';
import { countyArb } from './consolidation-county.js';

function prepare(body: unknown): PreparedConsolidation {
  const prepared = prepareConsolidation(consolidationInputSchema.parse(body));
  if (isFormulaError(prepared)) throw new Error(prepared.error.en);
  return prepared;
}

const named = (p: PreparedConsolidation, placements: readonly Placement[]) =>
  placements.map((m) => `${p.candidates[m.candidate]!.school.id}→${p.receivers[m.receiver]!.school.id}`).sort();

/** Objective values as one key, smaller is better, in the objectives' order. */
const key = (p: PreparedConsolidation, placements: readonly Placement[]) => {
  const v = objectivesOf(p, placements);
  return [...v.merged.map((m) => -m), v.pupilKmHundredths, v.seatsAdded];
};
const lexCompare = (x: number[], y: number[]): number => x.map((v, i) => v - y[i]!).find((d) => d !== 0) ?? 0;

describe('improving the greedy plan: worked by hand', () => {
  it('fills: moves a small school on to make room for a stage-2 school greedy left behind', () => {
    // R1 has 15 free seats, R2 5. B (5 pupils, stage 1) is 1 km from R1, 5 km from R2;
    // E (12 pupils, stage 2) reaches only R1, 3 km.
    // Greedy: B → R1 (10 left); E (12) fits nowhere: merged [1, 0], 5 pupil-km.
    // Fill: E tries R1, 2 seats short; B can move on to R2 (5 free), so it does: E → R1.
    // Merged [1, 1], pupil-km 5 × 5 + 12 × 3 = 61.
    const p = prepare({
      schools: [
        { id: 'R1', pupils: 100, capacity: 115 },
        { id: 'R2', pupils: 100, capacity: 105 },
        { id: 'B', pupils: 5, teachers: 1 },
        { id: 'E', pupils: 12, teachers: 2 },
      ],
      distances: [
        { from: 'B', to: 'R1', km: 1 },
        { from: 'B', to: 'R2', km: 5 },
        { from: 'E', to: 'R1', km: 3 },
      ],
      maxDistanceKm: 10,
    });
    const greedy = greedyPlacements(p);
    expect(named(p, greedy)).toEqual(['B→R1']);
    const improved = improvePlacements(p, greedy);
    expect(named(p, improved)).toEqual(['B→R2', 'E→R1']);
    expect(objectivesOf(p, improved)).toEqual({ merged: [1, 1], pupilKmHundredths: 6100, seatsAdded: 0 });
  });

  it('shortens: two schools in full receivers exchange them', () => {
    // R1 and R2 have 6 free seats each. C (6 pupils) is 10 km from R1, 1 km from R2; D (6) the
    // other way round. Started crossed (C → R1, D → R2: 120 pupil-km), neither can move alone;
    // exchanged they travel 6 + 6 = 12 pupil-km.
    const p = prepare({
      schools: [
        { id: 'R1', pupils: 100, capacity: 106 },
        { id: 'R2', pupils: 100, capacity: 106 },
        { id: 'C', pupils: 6, teachers: 1 },
        { id: 'D', pupils: 6, teachers: 1 },
      ],
      distances: [
        { from: 'C', to: 'R1', km: 10 },
        { from: 'C', to: 'R2', km: 1 },
        { from: 'D', to: 'R1', km: 1 },
        { from: 'D', to: 'R2', km: 10 },
      ],
    });
    const crossed = [
      { candidate: 0, receiver: 0 },
      { candidate: 1, receiver: 1 },
    ];
    expect(objectivesOf(p, crossed).pupilKmHundredths).toBe(12000);
    const improved = improvePlacements(p, crossed);
    expect(named(p, improved)).toEqual(['C→R2', 'D→R1']);
    expect(objectivesOf(p, improved).pupilKmHundredths).toBe(1200);
  });
});

describe('improving the greedy plan: properties', () => {
  it('is never worse than greedy in the objectives’ order, and every rule holds', () => {
    fc.assert(
      fc.property(countyArb, (body) => {
        const p = prepare(body);
        const greedy = greedyPlacements(p);
        const improved = improvePlacements(p, greedy);
        expect(lexCompare(key(p, improved), key(p, greedy))).toBeLessThanOrEqual(0);
        // Each school once, to a receiver in its range; without expansion no receiver overfills.
        expect(new Set(improved.map((m) => m.candidate)).size).toBe(improved.length);
        for (const m of improved) expect(p.candidates[m.candidate]!.options.some((o) => o.receiver === m.receiver)).toBe(true);
        if (!p.input.expansion) {
          const placed = p.receivers.map(() => 0);
          for (const m of improved) placed[m.receiver]! += p.candidates[m.candidate]!.school.pupils;
          placed.forEach((n, r) => expect(n).toBeLessThanOrEqual(p.receivers[r]!.free));
        }
      }),
      { numRuns: 200 },
    );
  });
});
