/**
 * A better start for the solver than the greedy plan (consolidation-model.ts), found by local
 * search: quick, deterministic, and never worse than the plan it starts from in the objectives'
 * order. HiGHS proves much sooner when it starts near the optimum: a stage whose start already
 * merges every school with a receiver in range is proven without a solve, and a close pupil-km
 * value lets it discard most moves at once.
 *
 *   1. Fill: stage by stage, each school not merged tries its receivers, nearest first; where
 *      the seats are short, schools already placed there move on to another receiver in their
 *      own range with the seats (cheapest detour per seat freed first), if that frees enough.
 *   2. Shorten: moves that cut pupil-km without unmerging anyone, until none is left: a school
 *      to a nearer receiver, moving others on from there as in 1 if the seats are short; two
 *      schools exchanging receivers.
 *
 * Only without expansion: with it every school with a receiver is already merged by greedy.
 */
import type { Option, Placement, PreparedConsolidation } from './consolidation-prepare.js';

interface State {
  prepared: PreparedConsolidation;
  /** Each candidate's receiver, or −1. */
  at: Int32Array;
  free: number[];
  /** Candidates placed at each receiver. */
  members: Set<number>[];
  /** Pupil-km of the plan so far (hundredths). */
  cost: number;
  /** While trying a chain of moves: each move's candidate and where it came from, to undo them. */
  trail: [number, number][];
}

const pupilsOf = (s: State, c: number): number => s.prepared.candidates[c]!.school.pupils;
const optionAt = (s: State, c: number, r: number): Option | undefined => s.prepared.candidates[c]!.options.find((o) => o.receiver === r);
const costAt = (s: State, c: number): number => (s.at[c]! < 0 ? 0 : optionAt(s, c, s.at[c]!)!.cost);

function move(s: State, c: number, r: number): void {
  const from = s.at[c]!;
  s.cost -= costAt(s, c);
  if (from >= 0) {
    s.free[from]! += pupilsOf(s, c);
    s.members[from]!.delete(c);
  }
  s.at[c] = r;
  s.free[r]! -= pupilsOf(s, c);
  s.members[r]!.add(c);
  s.cost += costAt(s, c);
  s.trail.push([c, from]);
}

/** Undoes the moves made since the trail had `mark` entries. */
function undo(s: State, mark: number): void {
  while (s.trail.length > mark) {
    const [c, from] = s.trail.pop()!;
    move(s, c, from);
    s.trail.pop();
  }
}

/** The cheapest other receiver in c's range with the seats for it, not `except`. */
function cheapestElsewhere(s: State, c: number, except: number): Option | undefined {
  let best: Option | undefined;
  for (const o of s.prepared.candidates[c]!.options) {
    if (o.receiver === except || s.free[o.receiver]! < pupilsOf(s, c)) continue;
    if (best === undefined || o.cost < best.cost) best = o;
  }
  return best;
}

/** Makes room for `need` more seats at r by moving some of its schools on; false (and no change) when it cannot. */
function makeRoom(s: State, r: number, need: number): boolean {
  const detours = [...s.members[r]!]
    .map((m) => ({ m, to: cheapestElsewhere(s, m, r) }))
    .filter((d): d is { m: number; to: Option } => d.to !== undefined)
    .map((d) => ({ ...d, perSeat: (d.to.cost - costAt(s, d.m)) / pupilsOf(s, d.m) }))
    .sort((a, b) => a.perSeat - b.perSeat || a.m - b.m);
  const mark = s.trail.length;
  for (const d of detours) {
    if (need <= 0) break;
    // Seats may have gone to an earlier detour of this loop.
    if (s.free[d.to.receiver]! < pupilsOf(s, d.m)) continue;
    move(s, d.m, d.to.receiver);
    need -= pupilsOf(s, d.m);
  }
  if (need <= 0) return true;
  undo(s, mark);
  return false;
}

function fill(s: State): void {
  const { candidates, input } = s.prepared;
  input.thresholds.forEach((_, stage) => {
    candidates.forEach((c, i) => {
      if (c.stage !== stage + 1 || s.at[i]! >= 0) return;
      const nearest = [...c.options].sort((a, b) => a.cost - b.cost || a.receiver - b.receiver);
      const fits = nearest.find((o) => s.free[o.receiver]! >= c.school.pupils) ?? nearest.find((o) => makeRoom(s, o.receiver, c.school.pupils - s.free[o.receiver]!));
      if (fits) move(s, i, fits.receiver);
    });
  });
}

/**
 * Tries to move c to r, making room there if need be, and keeps the moves only when they cut
 * the pupil-km; true when kept.
 */
function tryMove(s: State, c: number, r: number): boolean {
  const before = s.cost;
  const mark = s.trail.length;
  const need = pupilsOf(s, c) - s.free[r]!;
  if (need > 0 && !makeRoom(s, r, need)) return false;
  move(s, c, r);
  if (s.cost < before) return true;
  undo(s, mark);
  return false;
}

/** Exchanges c1 with a school at r2 that may go to c1's receiver, when both fit and the sum falls. */
function tryExchange(s: State, c1: number, r2: number, cost: number): boolean {
  const r1 = s.at[c1]!;
  const p1 = pupilsOf(s, c1);
  for (const c2 of s.members[r2]!) {
    const back = optionAt(s, c2, r1);
    const p2 = pupilsOf(s, c2);
    if (back === undefined || s.free[r1]! + p1 < p2 || s.free[r2]! + p2 < p1) continue;
    if (cost + back.cost >= costAt(s, c1) + costAt(s, c2)) continue;
    move(s, c1, r2);
    move(s, c2, r1);
    return true;
  }
  return false;
}

/** One pass of improving moves over every merged school; true when any was made. */
function shortenOnce(s: State): boolean {
  let improved = false;
  s.at.forEach((r1, c) => {
    if (r1 < 0) return;
    const here = costAt(s, c);
    const nearer = s.prepared.candidates[c]!.options.filter((o) => o.cost < here).sort((a, b) => a.cost - b.cost || a.receiver - b.receiver);
    if (nearer.some((o) => tryMove(s, c, o.receiver) || tryExchange(s, c, o.receiver, o.cost))) improved = true;
  });
  return improved;
}

/** The improved placements: at least as many merges in every stage as `start`, and no more pupil-km for the same merges. */
export function improvePlacements(prepared: PreparedConsolidation, start: readonly Placement[]): Placement[] {
  if (prepared.input.expansion) return [...start];
  const s: State = {
    prepared,
    at: new Int32Array(prepared.candidates.length).fill(-1),
    free: prepared.receivers.map((r) => r.free),
    members: prepared.receivers.map(() => new Set<number>()),
    cost: 0,
    trail: [],
  };
  for (const p of start) move(s, p.candidate, p.receiver);
  fill(s);
  while (shortenOnce(s)) s.trail.length = 0;
  const placements: Placement[] = [];
  s.at.forEach((receiver, candidate) => {
    if (receiver >= 0) placements.push({ candidate, receiver });
  });
  return placements;
}
