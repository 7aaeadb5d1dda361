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

/** The 0-based index of column letters ("A" -> 0, "AA" -> 26). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const ADDRESS = /^(?:(.+)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/**
 * The top-left cell of an address as Excel gives it ("Sheet1!B2:B9", "'学校 名单'!$C$4",
 * "B2"), with its sheet; undefined for anything else (a whole column, a name, nothing).
 */
export function parseAddress(address: string): { sheet: string | undefined; row: number; column: number } | undefined {
  const m = ADDRESS.exec(address.trim());
  if (!m) return undefined;
  const sheet = m[1]?.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return { sheet, row: Number(m[3]) - 1, column: columnIndex(m[2]!) };
}

/** The address of the cell `rows` down and `columns` across from the top-left of `address`, as Excel writes it. */
export function cellWithin(address: string, rows: number, columns: number): string | undefined {
  const at = parseAddress(address);
  if (!at) return undefined;
  const cell = cellAddress(at.row + rows, at.column + columns);
  if (at.sheet === undefined) return cell;
  const sheet = /^[\p{L}\p{N}_.]+$/u.test(at.sheet) ? at.sheet : `'${at.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${cell}`;
}
