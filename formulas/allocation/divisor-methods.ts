/**
 * The divisor methods of EDU.APPORTION, with per-unit bounds, decided exactly.
 *
 * A divisor method gives unit i its quotient w_i / d rounded by the method's rule, for one
 * common divisor d chosen so that the posts sum to the total. Each rule rounds k + fraction
 * up to k + 1 once the quotient passes a signpost s(k) between k and k + 1:
 *   jefferson (D'Hondt)        s(k) = k + 1                    (always down)
 *   adams                      s(k) = k                        (always up)
 *   webster (Sainte-Laguë)     s(k) = k + 1/2                  (to nearest)
 *   dean                       s(k) = 2k(k + 1) / (2k + 1)     (harmonic mean of k and k + 1)
 *   huntington-hill            s(k) = √(k(k + 1))              (geometric mean of k and k + 1)
 * With bounds, each rounding is clamped to [lo_i, hi_i] and d is searched over the clamped
 * roundings.
 *
 * The same thing seen post by post: unit i's claim to its (k+1)-th post is w_i / s(k). An
 * allocation is the method's exactly when every post a unit holds above its minimum has a
 * claim at least as strong as every post a unit below its maximum does not hold. Claims are
 * compared as fractions of bigints by cross-multiplication; Huntington-Hill's irrational
 * claims are compared through their squares w_i² / (k(k + 1)). When the weakest held claim
 * equals the strongest unheld one, two allocations are equally right: that is a tie.
 *
 * Speed: the divisor is first searched in doubles (a starting estimate only, O(n) per try),
 * which all but always lands on the answer; then one exact pass over the units proves it
 * (or two heaps move the few posts that doubles misplaced). Nothing is handed out one post
 * at a time, so 10,000 units and 1,000,000 posts take milliseconds.
 */
import type { BoundedProblem, Outcome } from './apportion-problem.js';

export type DivisorMethod = 'jefferson' | 'webster' | 'huntington-hill' | 'adams' | 'dean';

/**
 * Methods whose first signpost s(0) is 0, so any positive quotient rounds up to at least one
 * post: every unit of positive weight (and maximum >= 1) gets at least 1 post, and the total
 * must cover them all.
 */
export function firstPostIsFree(method: DivisorMethod): boolean {
  return method === 'adams' || method === 'huntington-hill' || method === 'dean';
}

/** A claim as the fraction p / q with q >= 0 (q = 0 is an infinitely strong claim). */
interface Claim {
  p: bigint;
  q: bigint;
}

function compareClaims(a: Claim, b: Claim): -1 | 0 | 1 {
  const left = a.p * b.q;
  const right = b.p * a.q;
  return left > right ? 1 : left < right ? -1 : 0;
}

/** The claim w / s(k) to post k + 1; `wp` is the weight, or its square for Huntington-Hill. */
function claimOf(method: DivisorMethod, wp: bigint, k: number): Claim {
  const kk = BigInt(k);
  switch (method) {
    case 'jefferson':
      return { p: wp, q: kk + 1n };
    case 'adams':
      return { p: wp, q: kk };
    case 'webster':
      return { p: 2n * wp, q: 2n * kk + 1n };
    case 'dean':
      return { p: wp * (2n * kk + 1n), q: 2n * kk * (kk + 1n) };
    case 'huntington-hill':
      return { p: wp, q: kk * (kk + 1n) };
  }
}

/** The method's rounding of a quotient, in doubles: for the starting estimate only. */
function roughRound(method: DivisorMethod, q: number): number {
  const k = Math.floor(q);
  switch (method) {
    case 'jefferson':
      return k;
    case 'adams':
      return Math.ceil(q);
    case 'webster':
      return Math.floor(q + 0.5);
    case 'dean':
      return q * (2 * k + 1) > 2 * k * (k + 1) ? k + 1 : k;
    case 'huntington-hill':
      return q * q > k * (k + 1) ? k + 1 : k;
  }
}

/** Fills `seats` with the clamped roundings at divisor d (in doubles) and returns their sum. */
function roughSeats(method: DivisorMethod, p: BoundedProblem, d: number, seats: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < seats.length; i++) {
    const w = p.approx[i]!;
    let a = w === 0 ? p.lo[i]! : roughRound(method, w / d);
    if (!(a >= p.lo[i]!)) a = p.lo[i]!;
    else if (a > p.hi[i]!) a = p.hi[i]!;
    seats[i] = a;
    sum += a;
  }
  return sum;
}

/**
 * The starting estimate: bisects the divisor in doubles until the clamped roundings sum to
 * the total, or until the divisor cannot be split further; then it takes the side whose sum
 * is below the total, so the exact step only ever hands out the rest.
 */
function estimate(method: DivisorMethod, p: BoundedProblem): Float64Array {
  const seats = new Float64Array(p.weights.length);
  const target = p.total;
  let weightSum = 0;
  for (const w of p.approx) weightSum += w;
  // The standard divisor W / total, or 1 if doubles cannot hold it (weights near 1e308).
  let d = weightSum / target;
  if (!(d > 0 && d < Number.POSITIVE_INFINITY)) d = 1;
  let sum = roughSeats(method, p, d, seats);
  if (sum === target) return seats;
  let low = d;
  let high = d;
  if (sum > target) {
    while (sum > target) {
      low = d;
      d *= 2;
      sum = roughSeats(method, p, d, seats);
    }
    high = d;
  } else {
    while (sum < target) {
      high = d;
      d /= 2;
      sum = roughSeats(method, p, d, seats);
    }
    low = d;
  }
  if (sum === target) return seats;
  for (let step = 0; step < 2100; step++) {
    const mid = (low + high) / 2;
    if (mid <= low || mid >= high) break;
    sum = roughSeats(method, p, mid, seats);
    if (sum === target) return seats;
    if (sum > target) low = mid;
    else high = mid;
  }
  roughSeats(method, p, high, seats);
  return seats;
}

interface HeapEntry {
  unit: number;
  /** The unit's seats when the entry was pushed; the entry is current while they are unchanged. */
  seats: number;
  claim: Claim;
}

/** A binary heap of claims; `first` says which of two claims comes out first. */
class ClaimHeap {
  private readonly items: HeapEntry[] = [];

  constructor(private readonly first: (a: Claim, b: Claim) => boolean) {}

  peek(): HeapEntry | undefined {
    return this.items[0];
  }

  push(entry: HeapEntry): void {
    const items = this.items;
    let i = items.push(entry) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.first(items[i]!.claim, items[parent]!.claim)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): HeapEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.first(items[l]!.claim, items[best]!.claim)) best = l;
        if (r < items.length && this.first(items[r]!.claim, items[best]!.claim)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}

/**
 * Apportions `p` by a divisor method. Requires sum(lo) < total < sum(hi) and, for the
 * methods where `firstPostIsFree`, lo_i >= 1 for every unit of positive weight and maximum >= 1.
 */
export function divisorApportion(method: DivisorMethod, p: BoundedProblem): Outcome {
  const n = p.weights.length;
  const wp = method === 'huntington-hill' ? p.weights.map((w) => w * w) : p.weights;
  const seats = estimate(method, p);
  const { lo, hi, total } = p;
  const heldClaim = (i: number): Claim => claimOf(method, wp[i]!, seats[i]! - 1);
  const nextClaim = (i: number): Claim => claimOf(method, wp[i]!, seats[i]!);

  let sum = 0;
  let weakest: Claim | undefined;
  let strongest: Claim | undefined;
  for (let i = 0; i < n; i++) {
    sum += seats[i]!;
    if (seats[i]! > lo[i]!) {
      const c = heldClaim(i);
      if (!weakest || compareClaims(c, weakest) < 0) weakest = c;
    }
    if (seats[i]! < hi[i]!) {
      const c = nextClaim(i);
      if (!strongest || compareClaims(c, strongest) > 0) strongest = c;
    }
  }
  if (sum !== total || (weakest && strongest && compareClaims(weakest, strongest) < 0)) {
    ({ weakest, strongest } = repair(method, p, wp, seats, sum));
  }

  if (weakest && strongest && compareClaims(weakest, strongest) === 0) {
    const rows: number[] = [];
    let posts = 0;
    for (let i = 0; i < n; i++) {
      const holds = seats[i]! > lo[i]! && compareClaims(heldClaim(i), weakest) === 0;
      const wants = seats[i]! < hi[i]! && compareClaims(nextClaim(i), weakest) === 0;
      if (holds) posts++;
      if (holds || wants) rows.push(i);
    }
    return { kind: 'tie', rows, posts };
  }
  return { kind: 'seats', seats: Array.from(seats) };
}

/**
 * Moves posts until the allocation is the method's: hands out the posts the estimate left
 * (it never hands out more than the total) by strongest claim, then swaps while a held claim
 * is weaker than an unheld one. Only the few posts the doubles misplaced move.
 */
function repair(
  method: DivisorMethod,
  p: BoundedProblem,
  wp: readonly bigint[],
  seats: Float64Array,
  start: number,
): { weakest: Claim | undefined; strongest: Claim | undefined } {
  const { lo, hi, total } = p;
  const unheld = new ClaimHeap((a, b) => compareClaims(a, b) > 0);
  const held = new ClaimHeap((a, b) => compareClaims(a, b) < 0);
  const pushUnit = (i: number): void => {
    const s = seats[i]!;
    if (s < hi[i]!) unheld.push({ unit: i, seats: s, claim: claimOf(method, wp[i]!, s) });
    if (s > lo[i]!) held.push({ unit: i, seats: s, claim: claimOf(method, wp[i]!, s - 1) });
  };
  const current = (heap: ClaimHeap): HeapEntry | undefined => {
    let top = heap.peek();
    while (top && seats[top.unit] !== top.seats) {
      heap.pop();
      top = heap.peek();
    }
    return top;
  };
  const move = (i: number, delta: 1 | -1): void => {
    seats[i] = seats[i]! + delta;
    pushUnit(i);
  };

  for (let i = 0; i < seats.length; i++) pushUnit(i);
  let sum = start;
  for (;;) {
    const give = current(unheld);
    const take = current(held);
    if (sum < total && give) {
      unheld.pop();
      move(give.unit, 1);
      sum++;
    } else if (give && take && compareClaims(take.claim, give.claim) < 0) {
      unheld.pop();
      held.pop();
      move(take.unit, -1);
      move(give.unit, 1);
    } else {
      return { weakest: take?.claim, strongest: give?.claim };
    }
  }
}
