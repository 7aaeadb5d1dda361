/**
 * What the two families of apportionment methods (largest remainder, divisor methods)
 * solve for EDU.APPORTION: whole posts between per-unit bounds that sum to a total,
 * decided exactly on bigint weights.
 */

/**
 * One apportionment, already checked by EDU.APPORTION: every bound is a whole number,
 * lo <= hi <= total, sum(lo) < total < sum(hi), and a unit of weight 0 has lo === hi.
 */
export interface BoundedProblem {
  total: number;
  /** The weights exactly, as integers of one common decimal scale (12.5 and 3 become 125 and 30). */
  weights: readonly bigint[];
  /** The same weights as the doubles they were typed as: for starting estimates only, never to decide a post. */
  approx: readonly number[];
  lo: readonly number[];
  hi: readonly number[];
}

export type Outcome =
  | { kind: 'seats'; seats: number[] }
  /** An exact tie: `rows` (0-based) have equal claims, and `posts` of the contested posts are held by some of them. */
  | { kind: 'tie'; rows: number[]; posts: number };

/**
 * Sorts `items` ascending by an exact comparison. The doubles in `approx` (indexed by item)
 * give the starting order, which is all but right; a pass of insertion sort under the exact
 * comparison then puts right the few neighbours that doubles could not tell apart, so the
 * exact comparison runs about once per item instead of n log n times.
 */
export function sortExactly(items: number[], approx: ArrayLike<number>, compare: (a: number, b: number) => number): number[] {
  items.sort((a, b) => approx[a]! - approx[b]!);
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i - 1;
    while (j >= 0 && compare(items[j]!, item) > 0) {
      items[j + 1] = items[j]!;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}
