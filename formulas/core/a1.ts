/**
 * A1 cell addresses, shared by everything that lays out a sheet: the service's form
 * layouts, the task pane's sheet writers, the example sheets and the test renderers.
 */

/** "A", ..., "Z", "AA", ... for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1 address of a 0-based (row, column). */
export const cellAddress = (row: number, column: number): string => `${columnLetter(column)}${row + 1}`;
