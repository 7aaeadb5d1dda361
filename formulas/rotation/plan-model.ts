/**
 * The rotation plan as an integer program, built for a solver (the service hands it to HiGHS,
 * server/solvers/highs.ts). With E_s the eligible teachers of sending school s (plan-prepare.ts),
 * q_s its quota and b_s its backbone quota, the decisions are
 *
 *   w_t ∈ {0,1}          teacher t rotates                                 (t ∈ E_s)
 *   v_s                  backbone teachers rotating from s, b_s ≤ v_s ≤ |backbone ∩ E_s|
 *   y_{s,k,r} ≥ 0        subject-k teachers of s sent to receiving school r, which needs k
 *   u_{s,k} ≥ 0          subject-k teachers of s rotating beyond every stated need (unplaced)
 *   z_{r,k} ≥ 0          need of r in subject k left unfilled
 *
 *   A_s:  Σ_{t ∈ E_s non-backbone} w_t + v_s = q_s          (exactly the quota rotates)
 *   B_s:  Σ_{t ∈ E_s backbone} w_t − v_s = 0                (so at least b_s backbone)
 *   C_sk: Σ_{t ∈ E_s, subject k} w_t − Σ_r y_{s,k,r} − u_{s,k} = 0
 *   D_rk: Σ_s y_{s,k,r} + z_{r,k} = n_{r,k}
 *
 * Every column has at most two non-zeros and the rows split into {A, B} and {C, D} so that
 * two entries of a column have opposite signs within a part and equal signs across parts:
 * the matrix is totally unimodular (a network matrix). Every vertex of the LP relaxation is
 * therefore integral, and the simplex method returns an integer optimum with no branching;
 * decodePlan (plan-decode.ts) checks integrality all the same.
 *
 * The objectives, minimised lexicographically (each over the optimal solutions of the ones
 * before, see LexProgram), are:
 *   1. needs: Σ u — receiving schools' subject needs filled as far as possible;
 *   2. seniority: Σ rank_t·w_t, rank_t = the number of eligible colleagues at the same school
 *      with more years there — the longest at their school go first, passed over only where
 *      the quota, the backbone minimum or a need requires it;
 *   3. travel: Σ d_{s,r}·y_{s,k,r} (distances in hundredths), when distances are given;
 *   4. order: a fixed cost from the ids, so remaining ties fall the same way every time.
 *
 * Stages 1–2 do not depend on which receiving school a teacher goes to, only on how many of a
 * subject are placed, so they are solved on a small selection program (buildSelectionModel);
 * stages 3–4 on the placement program (buildPlacementModel), which keeps the selection's
 * optimal face as column bounds. Within one school, subject and backbone status the teachers
 * who go are the first by (years descending, id ascending), chosen from the counts when decoding.
 */
import { ProgramBuilder, type LexProgram } from '../core/lex-program.js';
import { type PreparedPlan, type SendingSchool, byText } from './plan-prepare.js';

/** Distances enter the travel objective in hundredths of the unit given, as integers. */
export const TRAVEL_SCALE = 100;

/** Where each decision of one sending school sits among a program's columns. */
export interface SchoolColumns {
  /** eligible[i] is column wStart + i. */
  wStart: number;
  vCol: number;
  subjects: {
    subject: string;
    uCol: number;
    /** Placed against needs, Y_{s,k}; absent when no receiving school needs the subject. */
    placedCol: number | undefined;
    /** Placement model only: y_{s,k,r}, receiving school index and column. */
    y: { receiving: number; col: number }[];
  }[];
}

export interface PlanModel {
  program: LexProgram;
  /** One per sending school with a quota above 0, in id order. */
  schools: SchoolColumns[];
  /** Selection model only: z_k, the county's unfilled need of each subject. */
  unfilled: { subject: string; col: number }[];
}

/** FNV-1a, 32 bits: a fixed pseudo-random cost from ids, the same on every machine. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const activeSchools = (plan: PreparedPlan): SendingSchool[] => plan.sending.filter((s) => s.quota > 0);

const subjectCount = (s: SendingSchool, k: string): number => s.eligible.reduce((n, t) => n + Number(t.subject === k), 0);

function needBySubject(plan: PreparedPlan): Map<string, number> {
  const total = new Map<string, number>();
  for (const r of plan.receiving) for (const n of r.needs) total.set(n.subject, (total.get(n.subject) ?? 0) + n.need);
  return total;
}

/**
 * The selection program: who rotates, with each school's placed teachers counted per subject
 * against the county's total need of that subject (Y_{s,k} ≥ 0, Σ_s Y_{s,k} + z_k = N_k).
 * Its objectives are needs and seniority. Any Y with Σ_s Y_{s,k} ≤ N_k can be split among the
 * receiving schools that need k (every sending school may send to every one), so this small
 * program has exactly the needs and seniority optima of the full one, and its optimal face
 * (the bounds the solver fixes) carries over to the placement program.
 */
export function buildSelectionModel(plan: PreparedPlan): PlanModel {
  const b = new ProgramBuilder(['needs', 'seniority']);
  const need = needBySubject(plan);
  const needRow = new Map([...need.keys()].sort(byText).map((k) => [k, b.row(need.get(k)!)]));
  const schools = activeSchools(plan).map((s): SchoolColumns => {
    const rowA = b.row(s.quota);
    const rowB = b.row(0);
    const rowC = new Map(s.subjects.map((k) => [k, b.row(0)]));
    const wStart = s.eligible.length === 0 ? -1 : b.col(0, 1, wEntries(s, 0, rowA, rowB, rowC), { seniority: s.rank[0]! });
    for (let i = 1; i < s.eligible.length; i++) b.col(0, 1, wEntries(s, i, rowA, rowB, rowC), { seniority: s.rank[i]! });
    const vCol = b.col(s.backboneQuota, s.eligibleBackbone, [
      [rowA, 1],
      [rowB, -1],
    ]);
    const subjects = s.subjects.map((k) => {
      const count = subjectCount(s, k);
      const uCol = b.col(0, count, [[rowC.get(k)!, -1]], { needs: 1 });
      const row = needRow.get(k);
      const placedCol =
        row === undefined
          ? undefined
          : b.col(0, Math.min(count, need.get(k)!), [
              [rowC.get(k)!, -1],
              [row, 1],
            ]);
      return { subject: k, uCol, placedCol, y: [] };
    });
    return { wStart, vCol, subjects };
  });
  const unfilled = [...needRow].map(([subject, row]) => ({ subject, col: b.col(0, need.get(subject)!, [[row, 1]]) }));
  return { program: b.build(), schools, unfilled };
}

function wEntries(s: SendingSchool, i: number, rowA: number, rowB: number, rowC: Map<string, number>): [number, number][] {
  const t = s.eligible[i]!;
  return [
    [t.backbone ? rowB : rowA, 1],
    [rowC.get(t.subject)!, 1],
  ];
}

/**
 * The placement program: the selection's columns with the bounds of its optimal face, each
 * Y_{s,k} split over the receiving schools that need k (E_sk: Y_{s,k} − Σ_r y_{s,k,r} = 0,
 * D_rk: Σ_s y_{s,k,r} + z_{r,k} = n_{r,k}) and the unfilled needs summed back to the
 * selection's z_k (G_k: Σ_r z_{r,k} − Z_k = 0), all with the selection's face bounds, so its
 * solutions are exactly the optimal selections, placed. With G in the part of A and B the
 * matrix is still a network matrix. Only pairs whose Y may be above 0 get y columns.
 * Its objectives are travel (when distances are given) and order.
 */
export function buildPlacementModel(plan: PreparedPlan, selection: PlanModel, faceLower: Float64Array, faceUpper: Float64Array): PlanModel {
  const b = new ProgramBuilder(plan.distance ? ['travel', 'order'] : ['order']);
  const needRow = plan.receiving.map((r) => new Map(r.needs.map((n) => [n.subject, b.row(n.need)])));
  const receivingBySubject = new Map<string, number[]>();
  plan.receiving.forEach((r, ri) => {
    for (const n of r.needs) receivingBySubject.set(n.subject, [...(receivingBySubject.get(n.subject) ?? []), ri]);
  });
  const bounds = (col: number): [number, number] => [faceLower[col]!, faceUpper[col]!];

  const schools = activeSchools(plan).map((s, si): SchoolColumns => {
    const chosen = selection.schools[si]!;
    const rowA = b.row(s.quota);
    const rowB = b.row(0);
    const rowC = new Map(s.subjects.map((k) => [k, b.row(0)]));
    let wStart = -1;
    s.eligible.forEach((_, i) => {
      const col = b.col(...bounds(chosen.wStart + i), wEntries(s, i, rowA, rowB, rowC), { order: i });
      if (i === 0) wStart = col;
    });
    const vCol = b.col(...bounds(chosen.vCol), [
      [rowA, 1],
      [rowB, -1],
    ]);
    const subjects = chosen.subjects.map(({ subject: k, uCol, placedCol }) => {
      const u = b.col(...bounds(uCol), [[rowC.get(k)!, -1]]);
      if (placedCol === undefined) return { subject: k, uCol: u, placedCol: undefined, y: [] };
      // Row C bounds Y by the teachers of k still free to go: most subjects of a school drop out here.
      let free = -faceLower[uCol]!;
      s.eligible.forEach((t, i) => {
        if (t.subject === k) free += faceUpper[chosen.wStart + i]!;
      });
      const upper = Math.min(faceUpper[placedCol]!, free);
      if (upper <= 0) return { subject: k, uCol: u, placedCol: undefined, y: [] };
      const rowE = b.row(0);
      const placed = b.col(faceLower[placedCol]!, upper, [
        [rowC.get(k)!, -1],
        [rowE, 1],
      ]);
      const y = receivingBySubject.get(k)!.map((ri) => {
        const r = plan.receiving[ri]!.school;
        const cost = {
          travel: plan.distance ? Math.round(plan.distance(s.school.id, r.id) * TRAVEL_SCALE) : 0,
          order: (hashOf(`${s.school.id}\u0000${k}\u0000${r.id}`) % 997) + 1,
        };
        const col = b.col(
          0,
          upper,
          [
            [rowE, -1],
            [needRow[ri]!.get(k)!, 1],
          ],
          cost,
        );
        return { receiving: ri, col };
      });
      return { subject: k, uCol: u, placedCol: placed, y };
    });
    return { wStart, vCol, subjects };
  });
  // The county's unfilled need per subject keeps the selection's face too (G_k: Σ_r z_{r,k} − Z_k = 0).
  const unfilledRow = new Map(selection.unfilled.map(({ subject }) => [subject, b.row(0)]));
  plan.receiving.forEach((r, ri) => {
    for (const n of r.needs) {
      b.col(0, n.need, [
        [needRow[ri]!.get(n.subject)!, 1],
        [unfilledRow.get(n.subject)!, 1],
      ]);
    }
  });
  for (const { subject, col } of selection.unfilled) b.col(...bounds(col), [[unfilledRow.get(subject)!, -1]]);
  return { program: b.build(), schools, unfilled: [] };
}
