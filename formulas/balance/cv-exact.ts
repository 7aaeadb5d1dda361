/**
 * The enrolment-weighted coefficient of variation (差异系数) of the assessment, exactly.
 *
 *   X̄ = Σ Pᵢ·Xᵢ / P,   S = √( Σ Pᵢ·(Xᵢ − X̄)² / P ),   CV = S / X̄,   P = Σ Pᵢ
 *
 * With Xᵢ = xᵢ / 10^k (the decimals as typed, scaled to integers xᵢ), A = Σ Pᵢ·xᵢ and
 * B = Σ Pᵢ·xᵢ², the square CV² = S² / X̄² = (P·B − A²) / A² is a rational of integers: the
 * scale cancels. So "CV ≤ limit" is decided as CV² ≤ limit², with no rounding at all, and
 * only the displayed CV is a double (the square root of that exact rational).
 */
import { type Rational, commonScale, compare, mul, scaledInteger } from '../core/exact.js';

export interface WeightedMoments {
  /** P = Σ Pᵢ. */
  p: bigint;
  /** A = Σ Pᵢ·xᵢ (values scaled by 10^scale). */
  a: bigint;
  /** B = Σ Pᵢ·xᵢ². */
  b: bigint;
}

export function weightedMoments(values: readonly number[], weights: readonly number[]): WeightedMoments {
  const scale = commonScale(values);
  return integerMoments(
    values.map((x) => scaledInteger(x, scale)!),
    weights.map((w) => BigInt(w)),
  );
}

/**
 * The same for exact fractions (a nine-year school's part, BALANCECV): CV² does not change when
 * every value is multiplied by one number, so the values are brought to integers over the
 * least common denominator.
 */
export function rationalMoments(values: readonly Rational[], weights: readonly bigint[]): WeightedMoments {
  const lcm = values.reduce((l, { d }) => (l / gcd(l, d)) * d, 1n);
  return integerMoments(
    values.map(({ n, d }) => (n * lcm) / d),
    weights,
  );
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

function integerMoments(xs: readonly bigint[], weights: readonly bigint[]): WeightedMoments {
  let p = 0n;
  let a = 0n;
  let b = 0n;
  xs.forEach((x, i) => {
    const w = weights[i]!;
    p += w;
    a += w * x;
    b += w * x * x;
  });
  return { p, a, b };
}

/** CV² as an exact fraction; the caller has checked P > 0 and A ≠ 0. */
export function cvSquared({ p, a, b }: WeightedMoments): Rational {
  return { n: p * b - a * a, d: a * a };
}

/** CV ≤ limit, decided exactly (limit ≥ 0). */
export function cvWithin(cv2: Rational, limit: Rational): boolean {
  return compare(cv2, mul(limit, limit)) <= 0;
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

/** ⌊√n⌋ for n ≥ 0 (Newton's method from above, on integers). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** Decimal digits kept before converting to a double: far more than a double holds. */
const DISPLAY_DIGITS = 24n;

/**
 * √(n/d) as a double: the exact value truncated to 24 decimals, then read as the nearest
 * double. The truncation is below 10⁻²⁴, far under a double's resolution for any CV a
 * county meets, so this is the double nearest the exact root.
 */
export function sqrtToNumber(r: Rational): number {
  const scaled = isqrt((r.n * 10n ** (2n * DISPLAY_DIGITS)) / r.d);
  const digits = scaled.toString().padStart(Number(DISPLAY_DIGITS) + 1, '0');
  const cut = digits.length - Number(DISPLAY_DIGITS);
  return Number(`${digits.slice(0, cut)}.${digits.slice(cut)}`);
}
