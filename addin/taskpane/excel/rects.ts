/**
 * Few, large rectangles for the writes: a form's body column has one style from top to
 * bottom, so formatting it as one range is one Excel call instead of one per cell. Pure.
 */
export interface Rect {
  key: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Rectangles of equal keys covering every cell whose key is not undefined: runs along each
 * row first, then runs with the same columns and key in consecutive rows joined downwards.
 */
export function rectsOf(keys: readonly (readonly (string | undefined)[])[]): Rect[] {
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  keys.forEach((row, r) => {
    const next = new Map<string, Rect>();
    let c = 0;
    while (c < row.length) {
      const key = row[c];
      let end = c;
      while (end + 1 < row.length && row[end + 1] === key) end++;
      if (key !== undefined) {
        const id = `${c}:${end}:${key}`;
        const above = open.get(id);
        if (above && above.bottom === r - 1) {
          above.bottom = r;
          next.set(id, above);
          open.delete(id);
        } else {
          next.set(id, { key, top: r, left: c, bottom: r, right: end });
        }
      }
      c = end + 1;
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Consecutive equal numbers as runs: [22, 22, 40] -> [{ from: 0, to: 1, value: 22 }, { from: 2, to: 2, value: 40 }]. */
export function runsOf(values: readonly number[]): { from: number; to: number; value: number }[] {
  const runs: { from: number; to: number; value: number }[] = [];
  values.forEach((value, i) => {
    const last = runs.at(-1);
    if (last && last.value === value && last.to === i - 1) last.to = i;
    else runs.push({ from: i, to: i, value });
  });
  return runs;
}
