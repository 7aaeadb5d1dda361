/**
 * Exact arithmetic for decisions that must not depend on binary floating point: who gets
 * the last post, where the last fen goes, whether a ratio is met.
 *
 * A number typed in a cell reaches us as a double; we take the decimal the user typed (the
 * shortest representation JavaScript prints, which round-trips) and work with it as an
 * exact fraction of bigints. 0.1 is 1/10 here, not 0.1000000000000000055511151231257827.
 */

/** An exact fraction n/d with d > 0 (not necessarily reduced). */
export interface Rational {
  n: bigint;
  d: bigint;
}

const TEN = 10n;

/** The decimal a finite double prints as, as `digits / 10^scale` (scale >= 0). */
export function decimalOf(x: number): { digits: bigint; scale: number } {
  if (!Number.isFinite(x)) throw new RangeError(`decimalOf: ${x} is not finite`);
  const text = String(x);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new RangeError(`decimalOf: cannot read ${text}`);
  const [, sign, whole, frac = '', exp = '0'] = match;
  let digits = BigInt(`${whole}${frac}`);
  let scale = frac.length - Number(exp);
  if (scale < 0) {
    digits *= TEN ** BigInt(-scale);
    scale = 0;
  }
  return { digits: sign === '-' ? -digits : digits, scale };
}

export function rationalOf(x: number): Rational {
  const { digits, scale } = decimalOf(x);
  return { n: digits, d: TEN ** BigInt(scale) };
}

/** x scaled by 10^places as an exact integer, or undefined if x has more places than that. */
export function scaledInteger(x: number, places: number): bigint | undefined {
  const { digits, scale } = decimalOf(x);
  if (scale > places) return undefined;
  return digits * TEN ** BigInt(places - scale);
}

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const add = (a: Rational, b: Rational): Rational => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const sub = (a: Rational, b: Rational): Rational => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
export const mul = (a: Rational, b: Rational): Rational => ({ n: a.n * b.n, d: a.d * b.d });
export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('division by zero');
  const sign = b.n < 0n ? -1n : 1n;
  return { n: a.n * b.d * sign, d: a.d * b.n * sign };
}

/** Floor of a non-negative or negative fraction (rounds towards minus infinity). */
export function floor(a: Rational): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

export function ceil(a: Rational): bigint {
  return -floor({ n: -a.n, d: a.d });
}

/** The lowest common multiple of the denominators' powers of ten: the scale to make all integers. */
export function commonScale(xs: readonly number[]): number {
  let scale = 0;
  for (const x of xs) scale = Math.max(scale, decimalOf(x).scale);
  return scale;
}
