/**
 * A deliberately plain reference for FUNDSPLIT, used only by the tests: exact rationals,
 * every breakpoint sorted, f evaluated at each, the linear piece solved, then a full sort
 * for the leftover fen. Slow (n^2) and independent of clamped-split.ts's guesses,
 * Dekker products and selection.
 */
import { add, compare, div, floor, mul, type Rational, rationalOf, sub } from '../../../formulas/core/exact.js';

export interface ReferenceUnit {
  /** Yuan, as typed (at most 2 decimals). */
  lump: number;
  floor: number;
  /** Yuan, or undefined for no cap. */
  cap: number | undefined;
  drivers: number[];
}

const R = (x: number): Rational => rationalOf(x);
const ZERO: Rational = { n: 0n, d: 1n };

function clampAt(u: ReferenceUnit, s: Rational, r: Rational): Rational {
  let v = add(R(u.lump), mul(r, s));
  if (compare(v, R(u.floor)) < 0) v = R(u.floor);
  if (u.cap !== undefined && compare(v, R(u.cap)) > 0) v = R(u.cap);
  return v;
}

/** Totals in fen (bigint) for a feasible split. */
export function referenceSplit(budget: number, units: readonly ReferenceUnit[], weights: readonly number[]): bigint[] {
  const S = units.map((u) => u.drivers.reduce<Rational>((acc, d, j) => add(acc, mul(R(d), R(weights[j]!))), ZERO));
  const B = R(budget);
  const f = (r: Rational): Rational => units.reduce<Rational>((acc, u, i) => add(acc, clampAt(u, S[i]!, r)), ZERO);
  const points: Rational[] = [ZERO];
  units.forEach((u, i) => {
    if (S[i]!.n === 0n) return;
    points.push(div(sub(R(u.floor), R(u.lump)), S[i]!));
    if (u.cap !== undefined) points.push(div(sub(R(u.cap), R(u.lump)), S[i]!));
  });
  const sorted = points.filter((p) => compare(p, ZERO) >= 0).sort(compare);
  let r: Rational = ZERO;
  if (compare(f(ZERO), B) < 0) {
    // The first breakpoint where f reaches B, or beyond the last one.
    let lo = ZERO;
    let hi: Rational | undefined;
    for (const p of sorted) {
      if (compare(f(p), B) >= 0) {
        hi = p;
        break;
      }
      lo = p;
    }
    // f is linear on [lo, hi] (or [lo, ∞)): f(lo) + slope * (r - lo) = B.
    const probe = hi === undefined ? add(lo, { n: 1n, d: 1n }) : div(add(lo, hi), { n: 2n, d: 1n });
    const slope = div(sub(f(probe), f(lo)), sub(probe, lo));
    r = add(lo, div(sub(B, f(lo)), slope));
  }
  const exact = units.map((u, i) => mul(clampAt(u, S[i]!, r), { n: 100n, d: 1n }));
  const whole = exact.map(floor);
  let left = exact.reduce<Rational>((acc, x) => add(acc, x), ZERO);
  for (const w of whole) left = sub(left, { n: w, d: 1n });
  const leftover = floor(left) + (compare(left, { n: floor(left), d: 1n }) > 0 ? 1n : 0n);
  const order = exact
    .map((x, i) => ({ i, rem: sub(x, { n: whole[i]!, d: 1n }), s: S[i]! }))
    .filter((x) => x.rem.n !== 0n)
    .sort((a, b) => compare(b.rem, a.rem) || compare(b.s, a.s) || a.i - b.i);
  for (let m = 0; m < Number(leftover); m++) whole[order[m]!.i]! += 1n;
  return whole;
}
