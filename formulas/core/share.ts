/**
 * Shares read exactly, one parser for every function that takes them: EDU.INSPECTORS'
 * "at most one third" of inspectors full-time (`shareSchema`, one share in (0, 1], a
 * number or the text "1/3") and EDU.FACTORSPLIT's factor shares (`shareWeights`, any
 * non-negative numbers — 50%, 0.5 or 50 — normalised by their sum).
 *
 * In Excel a user types =1/3, which reaches us as the double 0.3333333333333333; reading
 * that decimal literally would make 16 of 48 full-time inspectors exceed one third, and
 * would cut a pot of {=1/3, =2/3} in the ratio 3333333333333333 : 6666666666666667. So a
 * number that is exactly the double nearest to a fraction with a denominator up to 1000 is
 * read as that fraction (=1/3 is 1/3, 0.25 is 1/4, 0.3 is 3/10, 50 is 50); any other number
 * is read as the decimal it prints as.
 */
import { z } from 'zod';
import { rationalOf, type Rational } from './exact.js';
import { finiteNumber } from './excel-values.js';
import { said } from './issue-messages.js';

const MAX_SNAP_DENOMINATOR = 1000;

/** The exact fraction a typed share stands for (see above). */
export function shareOf(x: number): Rational {
  for (let d = 1; d <= MAX_SNAP_DENOMINATOR; d++) {
    const n = Math.round(x * d);
    if (n / d === x) return { n: BigInt(n), d: BigInt(d) };
  }
  return rationalOf(x);
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * Whole numbers in the exact ratio of `shares`, each read by shareOf: {=1/3, =2/3} gives
 * [1, 2], {50%, 30%, 20%} gives [5, 3, 2]; all zeros give zeros.
 */
export function shareWeights(shares: ArrayLike<number>): bigint[] {
  const exact = Array.from(shares, shareOf);
  const lcm = exact.reduce((l, r) => (l / gcd(l, r.d)) * r.d, 1n);
  const whole = exact.map((r) => r.n * (lcm / r.d));
  const common = whole.reduce((g, w) => gcd(g, w), 0n);
  return common > 1n ? whole.map((w) => w / common) : whole;
}

const FRACTION_TEXT = /^\s*(\d+)\s*[/:：]\s*(\d+)\s*$/;

/** A share in (0, 1]: a number or the text "a/b". */
export const shareSchema = () =>
  z
    .union([
      finiteNumber().transform(shareOf),
      z
        .string()
        .refine((s) => FRACTION_TEXT.test(s), said('不是 1/3 这样的分数', 'is not a fraction such as 1/3'))
        .transform((s): Rational => {
          const [, a, b] = FRACTION_TEXT.exec(s)!;
          return { n: BigInt(a!), d: BigInt(b!) };
        }),
    ])
    .refine((r) => r.d > 0n && r.n > 0n && r.n <= r.d, said('不在 0（不含）到 1 之间', 'is not above 0 and at most 1'));
