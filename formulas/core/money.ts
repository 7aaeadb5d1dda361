/**
 * Money as integer fen (1 yuan = 100 fen), held as bigint. A cell gives yuan as a double;
 * we take the decimal the user typed (at most two places: 分 is the smallest unit the
 * bureau's accounts carry) and never let binary floating point touch an amount.
 *
 * Amounts are limited to 10^12 yuan = 10^14 fen, below 2^53: a fen amount converts to a
 * double without loss, and fen / 100 prints back as the exact decimal (at most 15
 * significant digits always round-trip), so a result cell shows exactly the fen computed.
 */
import { scaledInteger } from './exact.js';

/** The largest amount in yuan a money argument may hold (10^12, a trillion yuan). */
export const MAX_YUAN = 1e12;
/** The same limit in fen. */
export const MAX_FEN = 100_000_000_000_000n;

/**
 * Yuan typed in a cell as integer fen, or undefined when it has a third decimal place
 * (a fraction of a fen). `Math.round(x * 100)` is only a quick guess at the fen: it is
 * accepted when dividing back gives the very same double, which for amounts up to 10^12
 * yuan happens exactly when the shortest decimal of `x` has at most two places; anything
 * else is settled by reading that decimal (`scaledInteger`).
 */
export function yuanToFen(x: number): bigint | undefined {
  const guess = Math.round(x * 100);
  if (Number.isSafeInteger(guess) && guess / 100 === x) return BigInt(guess);
  return scaledInteger(x, 2);
}

/**
 * The same whole number of fen as a double, for per-unit amounts of at most 10^12 yuan
 * (10^14 fen < 2^53, so the double holds it exactly); undefined for a third decimal.
 */
export function yuanToFenNumber(x: number): number | undefined {
  const guess = Math.round(x * 100);
  if (Number.isSafeInteger(guess) && guess / 100 === x) return guess;
  const fen = scaledInteger(x, 2);
  return fen === undefined ? undefined : Number(fen);
}

/** Fen as the yuan number a cell shows (exact for |fen| <= 10^14, see above). */
export function fenToYuan(fen: bigint | number): number {
  return Number(fen) / 100;
}

/** Fen written for a message: "1,600,000.00". */
export function formatYuan(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${cents}`;
}

/** The smallest integer not below n/d (d > 0): how "at least" (不低于) rounds an amount to the fen. */
export function ceilDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return q * d < n ? q + 1n : q;
}
