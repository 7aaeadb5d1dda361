/**
 * The consolidation plan as a mixed-integer program, for HiGHS (server/solvers/highs-mip.ts).
 * With C the small schools that may be merged (consolidation-prepare.ts), R the receivers,
 * p_c a school's pupils, f_r a receiver's free seats and O_c the receivers in c's range:
 *
 *   x_{c,r} ∈ {0,1}, r ∈ O_c    school c moves, whole, to receiver r
 *   a_r ∈ ℤ, a_r ≥ 0             seats r adds (only when expansion is allowed; else none)
 *
 *   Σ_{r ∈ O_c} x_{c,r} ≤ 1                      each school moves at most once
 *   Σ_c p_c·x_{c,r} − a_r ≤ f_r                  capacity, plus the seats added
 *
 * Kept schools and receivers have no columns, so they are never merged; the distance limit
 * is in O_c. The objectives, in priority order (each over the optima of those before it):
 *   1. merge as many schools of the first stage (≤ 10 pupils) as possible: every one with a
 *      feasible receiver, when the seats allow;
 *   2. then as many of each later stage (≤ 30) as possible;
 *   3. then the fewest pupil-km, Σ p_c·km_{c,r}·x_{c,r} (hundredths of a km, integers);
 *   4. then the fewest seats added, Σ a_r.
 * Every cost is an integer, so a stage is proven optimal when its value and the solver's
 * bound are less than 1 apart.
 */
import { type LexProgram, ProgramBuilder } from '../core/lex-program.js';
import { type Placement, type PreparedConsolidation, byId } from './consolidation-prepare.js';

export interface ConsolidationModel {
  program: LexProgram;
  /** Column of each move: x_{c,r}. */
  moves: { candidate: number; receiver: number; col: number }[];
  /** Column of each receiver's added seats, when expansion is allowed. */
  added: { receiver: number; col: number }[];
}

/** The objective names, in priority order: one per stage, then pupil-km and seats added. */
const objectiveNames = (stages: number): string[] => [...Array.from({ length: stages }, (_, s) => `stage${s + 1}`), 'pupilKm', 'seatsAdded'];

export function buildConsolidationModel(prepared: PreparedConsolidation): ConsolidationModel {
  const { input, receivers, candidates } = prepared;
  const b = new ProgramBuilder(objectiveNames(input.thresholds.length));
  const once = candidates.map((c) => (c.options.length > 0 ? b.row(0, 1) : -1));
  const capacity = receivers.map((r) => b.row(-Infinity, r.free));
  const moves: ConsolidationModel['moves'] = [];
  candidates.forEach((c, candidate) => {
    for (const o of c.options) {
      const cost = { [`stage${c.stage}`]: -1, pupilKm: o.cost };
      const col = b.col(
        0,
        1,
        [
          [once[candidate]!, 1],
          [capacity[o.receiver]!, c.school.pupils],
        ],
        cost,
        true,
      );
      moves.push({ candidate, receiver: o.receiver, col });
    }
  });
  // No plan merges more schools of a stage than have a receiver in range; one that merges them
  // all moves each exactly once.
  input.thresholds.forEach((_, s) => {
    const rows = candidates.flatMap((c, i) => (c.stage === s + 1 && c.options.length > 0 ? [once[i]!] : []));
    b.floor(`stage${s + 1}`, -rows.length, rows);
  });
  b.floor('seatsAdded', 0);
  const reachable = new Set(moves.map((m) => m.receiver));
  const added = input.expansion
    ? receivers.flatMap((_, receiver) => (reachable.has(receiver) ? [{ receiver, col: b.col(0, Infinity, [[capacity[receiver]!, -1]], { seatsAdded: 1 }, true) }] : []))
    : [];
  return { program: b.build(), moves, added };
}

/** The moves the solver chose, by stage and then by school id (the order the plan lists them). */
export function decodeConsolidation(prepared: PreparedConsolidation, model: ConsolidationModel, x: Float64Array): Placement[] {
  const chosen = model.moves.filter((m) => x[m.col]! > 0.5).map(({ candidate, receiver }) => ({ candidate, receiver }));
  const c = prepared.candidates;
  return chosen.sort((p, q) => c[p.candidate]!.stage - c[q.candidate]!.stage || byId(c[p.candidate]!.school.id, c[q.candidate]!.school.id));
}

/** A plan's columns as a starting solution for the solver (the greedy plan: always feasible). */
export function startOf(prepared: PreparedConsolidation, model: ConsolidationModel, placements: readonly Placement[]): Float64Array {
  const x = new Float64Array(model.program.numCols);
  const col = new Map(model.moves.map((m) => [`${m.candidate}:${m.receiver}`, m.col]));
  const placed = prepared.receivers.map(() => 0);
  for (const p of placements) {
    x[col.get(`${p.candidate}:${p.receiver}`)!] = 1;
    placed[p.receiver]! += prepared.candidates[p.candidate]!.school.pupils;
  }
  for (const a of model.added) x[a.col] = Math.max(0, placed[a.receiver]! - prepared.receivers[a.receiver]!.free);
  return x;
}
