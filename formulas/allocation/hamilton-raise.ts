/**
 * Hamilton's method with a minimum as the published U.S. House tables of 1880–1900 applied
 * it (method "hamilton-raise"): run Hamilton over all units with no bounds, then raise the
 * units below their minimum, taking the posts back one each from the units that won a
 * leftover post with the smallest fractional parts.
 *
 * The other convention ("hamilton" with a minimum, largest-remainder.ts) fixes the units
 * below their minimum first and splits the rest again among the others. The two agree when
 * no minimum binds; docs/apportion.md says when each fits.
 *
 * Exact: quotas total × w_i / W share the denominator W, so fractional parts compare as
 * bigint numerators. An exact tie at either cut (the last leftover post, or the last post
 * taken back) is reported, never settled by row order.
 */
import type { Outcome } from './apportion-problem.js';

/** Indices of `candidates` ordered by `key` (bigint), descending when `desc`; ties found by the caller. */
function byKey(candidates: number[], key: readonly bigint[], desc: boolean): number[] {
  return candidates.sort((a, b) => {
    const ka = key[a]!;
    const kb = key[b]!;
    if (ka === kb) return a - b;
    return (ka > kb) === desc ? -1 : 1;
  });
}

/** Whether the `count`-th of `order` ties with the next one by `key` (then the rows in the tie). */
function tieAt(order: readonly number[], key: readonly bigint[], count: number): number[] | undefined {
  if (count <= 0 || count >= order.length) return undefined;
  const cut = key[order[count - 1]!]!;
  if (key[order[count]!] !== cut) return undefined;
  return order.filter((i) => key[i] === cut).sort((a, b) => a - b);
}

/**
 * Hamilton over all units (weights as exact integers, not all zero), then each unit raised
 * to its minimum `lo`. Requires sum(lo) <= total.
 */
export function hamiltonThenRaise(total: number, weights: readonly bigint[], lo: readonly number[]): Outcome | { kind: 'short'; need: number; donors: number } {
  const n = weights.length;
  let W = 0n;
  for (const w of weights) W += w;
  const T = BigInt(total);
  const seats = new Array<number>(n);
  const remainder = new Array<bigint>(n);
  let left = total;
  for (let i = 0; i < n; i++) {
    const x = T * weights[i]!;
    seats[i] = Number(x / W);
    remainder[i] = x % W;
    left -= seats[i]!;
  }
  const byRemainder = byKey(
    Array.from({ length: n }, (_, i) => i).filter((i) => remainder[i]! > 0n),
    remainder,
    true,
  );
  const tie = tieAt(byRemainder, remainder, left);
  if (tie) return { kind: 'tie', rows: tie, posts: byRemainder.slice(0, left).filter((i) => remainder[i] === remainder[byRemainder[left - 1]!]).length };
  const winners = byRemainder.slice(0, left);
  for (const i of winners) seats[i]! += 1;

  let need = 0;
  for (let i = 0; i < n; i++) need += Math.max(0, lo[i]! - seats[i]!);
  if (need === 0) return { kind: 'seats', seats };
  // Donors: winners that stay at or above their own minimum after giving the post back,
  // smallest winning fractional part first.
  const donors = byKey(
    winners.filter((i) => seats[i]! - 1 >= lo[i]!),
    remainder,
    false,
  );
  if (donors.length < need) return { kind: 'short', need, donors: donors.length };
  const donorTie = tieAt(donors, remainder, need);
  if (donorTie) return { kind: 'tie', rows: donorTie, posts: donors.slice(0, need).filter((i) => remainder[i] === remainder[donors[need - 1]!]).length };
  for (const i of donors.slice(0, need)) seats[i]! -= 1;
  for (let i = 0; i < n; i++) seats[i] = Math.max(seats[i]!, lo[i]!);
  return { kind: 'seats', seats };
}
