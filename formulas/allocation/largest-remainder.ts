/**
 * Hamilton's method (largest remainder, Hare-Niemeyer) for EDU.APPORTION, with per-unit
 * bounds, decided exactly.
 *
 * Unbounded: unit i's quota is total × w_i / W; each unit gets the whole part of its quota,
 * and the posts left over go one each to the largest fractional parts.
 *
 * Bounded: a unit whose quota falls below its minimum is fixed at the minimum, one above its
 * maximum at the maximum, and the rest of the total is re-split among the others by their
 * weights; that can push further quotas past their bounds, so it repeats until no quota
 * does. The stable point is one rate λ with quota_i = clamp(λ·w_i, lo_i, hi_i) summing to the
 * total. We find λ at once, exactly, by sweeping the rates lo_i/w_i and hi_i/w_i at which
 * units come free or hit their maximum (sorted once), instead of repeating the re-split.
 * Then, as unbounded: whole parts, and the posts left over to the largest fractional parts
 * (a unit fixed at a bound has fractional part 0, so it never gets one).
 *
 * All quotas share the denominator of λ, so fractional parts are compared as bigint
 * numerators. Equal fractional parts at the cut are an exact tie.
 */
import { type BoundedProblem, type Outcome, sortExactly } from './apportion-problem.js';

/** λ = num / den, the rate at which the clamped quotas of the units of positive weight sum to `rest`. */
function rate(p: BoundedProblem, units: readonly number[], rest: number, weightSum: bigint): { num: bigint; den: bigint } {
  const { weights, lo, hi } = p;
  const r = BigInt(rest);
  const free = units.every((i) => {
    const x = r * weights[i]!;
    return (lo[i] === 0 || BigInt(lo[i]!) * weightSum <= x) && (hi[i]! >= rest || x <= BigInt(hi[i]!) * weightSum);
  });
  if (free) return { num: r, den: weightSum };

  // Event 2k: units[k] comes free at λ = lo/w; event 2k+1: it reaches its maximum at λ = hi/w.
  const bound = (e: number): number => (e & 1 ? hi : lo)[units[e >> 1]!]!;
  const weightOf = (e: number): bigint => weights[units[e >> 1]!]!;
  const approx = new Float64Array(2 * units.length);
  for (let e = 0; e < approx.length; e++) approx[e] = bound(e) / p.approx[units[e >> 1]!]!;
  const events = sortExactly(
    Array.from({ length: approx.length }, (_, e) => e),
    approx,
    (a, b) => {
      const left = BigInt(bound(a)) * weightOf(b);
      const right = BigInt(bound(b)) * weightOf(a);
      return left < right ? -1 : left > right ? 1 : (a & 1) - (b & 1);
    },
  );

  // Below every rate all units sit at their minimum; f(λ) = fixed + λ·freeWeight is continuous.
  let fixed = 0n;
  for (const i of units) fixed += BigInt(lo[i]!);
  let freeWeight = 0n;
  for (const e of events) {
    const b = BigInt(bound(e));
    const w = weightOf(e);
    // f(b/w) >= rest, i.e. fixed·w + b·freeWeight >= rest·w: λ lies before this event.
    if (fixed * w + b * freeWeight >= r * w) return { num: r - fixed, den: freeWeight };
    if (e & 1) {
      fixed += b;
      freeWeight -= w;
    } else {
      fixed -= b;
      freeWeight += w;
    }
  }
  throw new Error('largestRemainder: the total exceeds the sum of the maximums');
}

/** Apportions `p` by Hamilton's method. Requires sum(lo) < total < sum(hi). */
export function largestRemainder(p: BoundedProblem): Outcome {
  const { weights, lo, hi } = p;
  const seats = lo.slice();
  const units: number[] = [];
  let rest = p.total;
  let weightSum = 0n;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i]! === 0n) rest -= lo[i]!;
    else {
      units.push(i);
      weightSum += weights[i]!;
    }
  }
  const { num, den } = rate(p, units, rest, weightSum);

  const remainder: bigint[] = new Array<bigint>(weights.length).fill(0n);
  const fractional: number[] = [];
  let left = rest;
  for (const i of units) {
    const x = num * weights[i]!;
    if (x <= BigInt(lo[i]!) * den) seats[i] = lo[i]!;
    else if (x >= BigInt(hi[i]!) * den) seats[i] = hi[i]!;
    else {
      seats[i] = Number(x / den);
      remainder[i] = x % den;
      if (remainder[i]! > 0n) fractional.push(i);
    }
    left -= seats[i]!;
  }
  if (left === 0) return { kind: 'seats', seats };

  // Largest fractional parts first; the doubles only give the starting order.
  const approx = new Float64Array(weights.length);
  for (const i of fractional) approx[i] = -Number(remainder[i]!);
  const order = sortExactly(fractional, approx, (a, b) => {
    const ra = remainder[a]!;
    const rb = remainder[b]!;
    return ra > rb ? -1 : ra < rb ? 1 : 0;
  });
  const cut = remainder[order[left - 1]!]!;
  if (remainder[order[left]!] === cut) {
    const rows = order.filter((i) => remainder[i] === cut).sort((a, b) => a - b);
    const posts = order.slice(0, left).filter((i) => remainder[i] === cut).length;
    return { kind: 'tie', rows, posts };
  }
  for (const i of order.slice(0, left)) seats[i] = seats[i]! + 1;
  return { kind: 'seats', seats };
}
