/**
 * A share such as "at most one third" read exactly. In Excel a user types =1/3, which
 * reaches us as the double 0.3333333333333333; reading that decimal literally would make
 * 16 of 48 full-time inspectors exceed one third. So a number that is exactly the double
 * nearest to a fraction with a denominator up to 1000 is read as that fraction (=1/3 is
 * 1/3, 0.25 is 1/4, 0.3 is 3/10); any other number is read as the decimal it prints as.
 * Text "1/3" or "1:3" is accepted too.
 */
import { z } from 'zod';
import { rationalOf, type Rational } from '../core/exact.js';
import { finiteNumber } from '../core/excel-values.js';
import { said } from '../core/issue-messages.js';

const MAX_SNAP_DENOMINATOR = 1000;

/** The exact fraction a typed share stands for (see above). */
export function shareOf(x: number): Rational {
  for (let d = 1; d <= MAX_SNAP_DENOMINATOR; d++) {
    const n = Math.round(x * d);
    if (n / d === x) return { n: BigInt(n), d: BigInt(d) };
  }
  return rationalOf(x);
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
