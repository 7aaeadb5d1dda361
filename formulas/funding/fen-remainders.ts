/**
 * Exact whole-fen quotients and the largest-remainder choice of who gets the fen left over,
 * shared by FUNDSPLIT's clamped split and FACTORSPLIT's pots.
 */

/** Remainders of the amounts over one common denominator: doubles (exact when `remsBig` is absent), 0 for none. */
export interface Remainders {
  rems: Float64Array;
  remsBig?: readonly bigint[];
}

/** The tie-breaker among equal remainders: the larger value first (then the earlier row). */
export interface TieBreak {
  weight: Float64Array;
  weightBig?: readonly bigint[];
}

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for doubles

/** The rounding error a*b - fl(a*b), exactly (Dekker's TwoProduct, no fused multiply-add needed). */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/**
 * floor(num*s/den) and its remainder for whole numbers num, s < 2^53, den < 2^50, from a
 * quotient estimate q within one of the truth. rho = num*s - q*den is computed exactly:
 * each product is p + e with e its exact error; p1 - p2 is exact (both are below 2^53, or
 * within a factor 2 of each other: Sterbenz), and the remaining integer sums stay below
 * 2^53. A remainder outside [0, den) moves q by one.
 */
export function exactQuotient(num: number, s: number, den: number, q: number, out: { q: number; rho: number }): void {
  const p1 = num * s;
  const p2 = q * den;
  let rho = p1 - p2 + productError(num, s, p1) - productError(q, den, p2);
  if (rho < 0) {
    q -= 1;
    rho += den;
  } else if (rho >= den) {
    q += 1;
    rho -= den;
  }
  out.q = q;
  out.rho = rho;
}


/**
 * The `count` units that get one more fen: largest remainder first, then larger weighted
 * driver total, then earlier row. A selection (expected linear time), not a full sort; the
 * ranking is a strict total order, so the chosen set does not depend on the pivots. The
 * double remainders are exact on the fast path; otherwise they are rounded monotonically
 * (a larger double means a larger bigint) and equal ones are compared as bigints.
 */
export function topRemainders(at: Remainders, input: TieBreak, count: number): number[] {
  if (count <= 0) return [];
  const { rems, remsBig } = at;
  const { weight, weightBig } = input;
  let found = 0;
  const all = new Int32Array(rems.length);
  for (let i = 0; i < rems.length; i++) if (rems[i]! > 0) all[found++] = i;
  const idx = all.subarray(0, found);
  if (count >= found) return Array.from(idx);
  const before = (a: number, b: number): boolean => {
    const ra = rems[a]!;
    const rb = rems[b]!;
    if (ra !== rb) return ra > rb;
    if (remsBig !== undefined && remsBig[a] !== remsBig[b]) return remsBig[a]! > remsBig[b]!;
    const sa = weight[a]!;
    const sb = weight[b]!;
    if (sa !== sb) return sa > sb;
    if (weightBig !== undefined && weightBig[a] !== weightBig[b]) return weightBig[a]! > weightBig[b]!;
    return a < b;
  };
  let left = 0;
  let right = idx.length - 1;
  let seed = 0x9e3779b9;
  // Quickselect: afterwards idx[0 .. count-1] are the first `count` in the ranking.
  while (left < right) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    const pivot = idx[left + ((seed >>> 0) % (right - left + 1))]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (before(idx[i]!, pivot)) i++;
      while (before(pivot, idx[j]!)) j--;
      if (i <= j) {
        const t = idx[i]!;
        idx[i] = idx[j]!;
        idx[j] = t;
        i++;
        j--;
      }
    }
    if (count - 1 <= j) right = j;
    else if (count - 1 >= i) left = i;
    else break;
  }
  return Array.from(idx.subarray(0, count));
}
