/**
 * Slow, plain reference implementations of the apportionment methods, written straight from
 * the textbook definitions and independently of formulas/allocation/, for the property tests
 * to compare against. Exact: bigint fractions throughout. Small inputs only.
 */

export type Method = 'hamilton' | 'jefferson' | 'webster' | 'huntington-hill' | 'adams' | 'dean';

export type OracleResult = { seats: number[] } | { tie: true } | { infeasible: true };

/** The signpost s(k) between k and k+1 as a fraction; for Huntington-Hill, s(k)² = k(k+1). */
function signpost(method: Exclude<Method, 'hamilton'>, k: bigint): [bigint, bigint] {
  switch (method) {
    case 'jefferson':
      return [k + 1n, 1n];
    case 'adams':
      return [k, 1n];
    case 'webster':
      return [2n * k + 1n, 2n];
    case 'dean':
      return [2n * k * (k + 1n), 2n * k + 1n];
    case 'huntington-hill':
      return [k * (k + 1n), 1n];
  }
}

/**
 * The claim w / s(k) of a unit holding k posts to one more, as [numerator, denominator];
 * squared for Huntington-Hill (all claims are >= 0, so squares order the same way).
 * A denominator of 0 is an infinite claim.
 */
function claim(method: Exclude<Method, 'hamilton'>, w: bigint, k: number): [bigint, bigint] {
  const [sn, sd] = signpost(method, BigInt(k));
  const ww = method === 'huntington-hill' ? w * w : w;
  return [ww * sd, sn];
}

/** Sign of a − b for claims (a denominator of 0 is infinity). */
function cmp(a: [bigint, bigint], b: [bigint, bigint]): number {
  if (a[1] === 0n || b[1] === 0n) return a[1] === 0n && b[1] === 0n ? 0 : a[1] === 0n ? 1 : -1;
  const l = a[0] * b[1];
  const r = b[0] * a[1];
  return l === r ? 0 : l > r ? 1 : -1;
}

/**
 * A divisor method as the sequential procedure of the textbooks: start every unit at its
 * minimum (adams, dean, huntington-hill: at least 1 for positive weight, their first claim
 * being infinite) and hand out the remaining posts one at a time to the strongest claim
 * w / s(k) among units below their maximum. A tie when the weakest claim handed out equals
 * the strongest one left over.
 */
export function divisorOracle(
  method: Exclude<Method, 'hamilton'>,
  total: number,
  weights: readonly bigint[],
  lo: readonly number[],
  hi: readonly number[],
): OracleResult {
  const n = weights.length;
  const top = hi.map((h, i) => (weights[i] === 0n ? lo[i]! : Math.min(h, total)));
  const seats = lo.map((l, i) => (weights[i]! > 0n && top[i]! >= 1 && ['adams', 'dean', 'huntington-hill'].includes(method) ? Math.max(l, 1) : l));
  let given = seats.reduce((a, b) => a + b, 0);
  if (given > total || top.reduce((a, b) => a + b, 0) < total) return { infeasible: true };
  let weakestGiven: [bigint, bigint] | undefined;
  while (given < total) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (seats[i]! >= top[i]!) continue;
      if (best < 0 || cmp(claim(method, weights[i]!, seats[i]!), claim(method, weights[best]!, seats[best]!)) > 0) best = i;
    }
    weakestGiven = claim(method, weights[best]!, seats[best]!);
    seats[best]!++;
    given++;
  }
  if (weakestGiven) {
    for (let i = 0; i < n; i++) {
      if (seats[i]! < top[i]! && cmp(claim(method, weights[i]!, seats[i]!), weakestGiven) === 0) return { tie: true };
    }
  }
  return { seats };
}

/** a/b as a reduced-free pair with b > 0. */
type Q = [bigint, bigint];
const qcmp = (a: Q, b: Q): number => {
  const l = a[0] * b[1];
  const r = b[0] * a[1];
  return l === r ? 0 : l > r ? 1 : -1;
};

/**
 * Hamilton with bounds, as the iteration it is described by: compute everybody's quota of
 * what is left; fix at their bound the units whose quota passes it (the side with the larger
 * total excess, which is certainly bounded in the end), re-split the rest, repeat; then
 * whole parts and the largest fractional parts.
 */
export function hamiltonOracle(total: number, weights: readonly bigint[], lo: readonly number[], hi: readonly number[]): OracleResult {
  const n = weights.length;
  const top = hi.map((h, i) => (weights[i] === 0n ? lo[i]! : Math.min(h, total)));
  if (lo.reduce((a, b) => a + b, 0) > total || top.reduce((a, b) => a + b, 0) < total) return { infeasible: true };
  const fixed = new Map<number, number>();
  for (let i = 0; i < n; i++) if (weights[i] === 0n) fixed.set(i, lo[i]!);
  let quota: Q[] = [];
  for (;;) {
    const free = [...Array(n).keys()].filter((i) => !fixed.has(i));
    const rest = BigInt(total - [...fixed.values()].reduce((a, b) => a + b, 0));
    const w = free.reduce((a, i) => a + weights[i]!, 0n);
    if (free.length === 0) break;
    quota = [];
    for (const i of free) quota[i] = [rest * weights[i]!, w];
    let excess: Q = [0n, 1n];
    let deficit: Q = [0n, 1n];
    const over: number[] = [];
    const under: number[] = [];
    for (const i of free) {
      const q = quota[i]!;
      if (qcmp(q, [BigInt(top[i]!), 1n]) > 0) {
        over.push(i);
        excess = [excess[0] * q[1] + (q[0] - BigInt(top[i]!) * q[1]) * excess[1], excess[1] * q[1]];
      } else if (qcmp(q, [BigInt(lo[i]!), 1n]) < 0) {
        under.push(i);
        deficit = [deficit[0] * q[1] + (BigInt(lo[i]!) * q[1] - q[0]) * deficit[1], deficit[1] * q[1]];
      }
    }
    if (over.length === 0 && under.length === 0) break;
    const c = qcmp(excess, deficit);
    if (c >= 0) for (const i of over) fixed.set(i, top[i]!);
    if (c <= 0) for (const i of under) fixed.set(i, lo[i]!);
  }
  const seats: number[] = [];
  const frac: Q[] = [];
  for (let i = 0; i < n; i++) {
    if (fixed.has(i)) {
      seats[i] = fixed.get(i)!;
      frac[i] = [0n, 1n];
    } else {
      const [a, b] = quota[i]!;
      seats[i] = Number(a / b);
      frac[i] = [a % b, b];
    }
  }
  const left = total - seats.reduce((a, b) => a + b, 0);
  if (left === 0) return { seats };
  const order = [...Array(n).keys()].sort((a, b) => qcmp(frac[b]!, frac[a]!));
  if (qcmp(frac[order[left - 1]!]!, frac[order[left]!]!) === 0) return { tie: true };
  for (const i of order.slice(0, left)) seats[i]!++;
  return { seats };
}

/** True when `seats` satisfies the divisor method's criterion: weakest held claim >= strongest unheld claim. */
export function isDivisorAllocation(
  method: Exclude<Method, 'hamilton'>,
  weights: readonly bigint[],
  seats: readonly number[],
  lo: readonly number[],
  hi: readonly number[],
): boolean {
  let weakest: [bigint, bigint] | undefined;
  let strongest: [bigint, bigint] | undefined;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] === 0n) continue;
    if (seats[i]! > lo[i]!) {
      const c = claim(method, weights[i]!, seats[i]! - 1);
      if (!weakest || cmp(c, weakest) < 0) weakest = c;
    }
    if (seats[i]! < hi[i]!) {
      const c = claim(method, weights[i]!, seats[i]!);
      if (!strongest || cmp(c, strongest) > 0) strongest = c;
    }
  }
  return !weakest || !strongest || cmp(weakest, strongest) >= 0;
}
