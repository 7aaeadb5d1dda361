/**
 * The factor method (因素法) in whole fen: the money is cut into one pot per factor in the
 * ratio of the factors' shares, and each pot is divided among the units in proportion to
 * their value of that factor.
 *
 * Both steps round by largest remainder, so the pots add up exactly to the money and each
 * pot's column adds up exactly to the pot. Ties among equal remainders go to the larger
 * share (pots) or the larger factor value (units), then to the earlier column or row. The
 * factor tie-break does not change when a column is multiplied by a constant, so neither
 * does the split.
 *
 * A column of whole values summing below 2^50 (every real case) is divided with doubles
 * and Dekker's exact product (fen-remainders.ts); decimals are scaled to whole numbers
 * first, and columns too large for doubles go through bigints.
 */
import { decimalOf, scaledInteger } from '../core/exact.js';
import type { NumberGrid } from '../core/number-grid.js';
import { exactQuotient, type Remainders, type TieBreak, topRemainders } from './fen-remainders.js';

/** Largest column sum for the double path (as in clamped-split.ts). */
const FAST_DEN = 2 ** 50;

/** Whole numbers proportional to `values` (each scaled by 10^its decimals' maximum), exactly. */
function wholeScale(values: ArrayLike<number>): bigint[] {
  let scale = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i])) scale = Math.max(scale, decimalOf(values[i]!).scale);
  return Array.from(values as ArrayLike<number>, (x) => scaledInteger(x, scale)!);
}

/**
 * `money` fen cut in the ratio of the whole numbers `weights` (not all zero), by largest
 * remainder; ties to the larger weight, then the earlier index.
 */
export function potsByShares(money: bigint, weights: readonly bigint[]): bigint[] {
  let total = 0n;
  for (const w of weights) total += w;
  const pots = weights.map((w) => (money * w) / total);
  const rems = weights.map((w, k) => money * w - pots[k]! * total);
  let left = money;
  for (const p of pots) left -= p;
  const order = weights
    .map((w, k) => ({ w, k, r: rems[k]! }))
    .filter((x) => x.r > 0n)
    .sort((a, b) => (a.r !== b.r ? (a.r > b.r ? -1 : 1) : a.w !== b.w ? (a.w > b.w ? -1 : 1) : a.k - b.k));
  for (let m = 0; m < order.length && left > 0n; m++, left--) pots[order[m]!.k]! += 1n;
  return pots;
}

/** Column `k` of the grid as whole numbers: doubles when exact and small enough, else bigints. */
function wholeColumn(grid: NumberGrid, k: number): { values: Float64Array; big?: bigint[]; sum: bigint } {
  const { rows: n, cols, data } = grid;
  const values = new Float64Array(n);
  let whole = true;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = data[i * cols + k]!;
    values[i] = x;
    sum += x;
    if (x !== Math.floor(x)) whole = false;
  }
  if (whole && sum < FAST_DEN) return { values, sum: BigInt(sum) };
  const big = wholeScale(values);
  let bigSum = 0n;
  for (const x of big) bigSum += x;
  for (let i = 0; i < n; i++) values[i] = Number(big[i]!);
  if (bigSum < BigInt(FAST_DEN)) return { values, sum: bigSum };
  return { values, big, sum: bigSum };
}

/**
 * Pot `pot` (fen, below 2^53) divided among the units in proportion to column k, whole fen
 * by largest remainder. The column is not all zero unless the pot is 0.
 */
export function splitPot(pot: bigint, grid: NumberGrid, k: number): Float64Array {
  const n = grid.rows;
  const parts = new Float64Array(n);
  if (pot === 0n) return parts;
  const column = wholeColumn(grid, k);
  const rems = new Float64Array(n);
  const at: Remainders = { rems };
  const tie: TieBreak = { weight: column.values };
  let given = 0n;
  if (column.big === undefined) {
    const num = Number(pot);
    const den = Number(column.sum);
    const values = column.values;
    let most = 0;
    for (let i = 0; i < n; i++) if (values[i]! > most) most = values[i]!;
    let sum = 0;
    if (num * most <= Number.MAX_SAFE_INTEGER) {
      // Below 2^53 the product pot * f is itself an exact double, and so is q * den <= it.
      for (let i = 0; i < n; i++) {
        const p = num * values[i]!;
        let q = Math.floor(p / den);
        let rho = p - q * den;
        if (rho < 0) {
          q -= 1;
          rho += den;
        } else if (rho >= den) {
          q += 1;
          rho -= den;
        }
        parts[i] = q;
        rems[i] = rho;
        sum += q;
      }
    } else {
      const r = num / den;
      const qr = { q: 0, rho: 0 };
      for (let i = 0; i < n; i++) {
        const f = values[i]!;
        if (f === 0) continue;
        exactQuotient(num, f, den, Math.floor(r * f), qr);
        parts[i] = qr.q;
        rems[i] = qr.rho;
        sum += qr.q;
      }
    }
    given = BigInt(sum);
  } else {
    const remsBig = new Array<bigint>(n);
    for (let i = 0; i < n; i++) {
      const p = pot * column.big[i]!;
      const q = p / column.sum;
      remsBig[i] = p - q * column.sum;
      rems[i] = Number(remsBig[i]);
      parts[i] = Number(q);
      given += q;
    }
    at.remsBig = remsBig;
    tie.weightBig = column.big;
  }
  for (const i of topRemainders(at, tie, Number(pot - given))) parts[i]! += 1;
  return parts;
}
