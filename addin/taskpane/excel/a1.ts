/**
 * A1 addresses for the sheets the pane writes: plain functions so the layouts that use
 * them (comparison, plans) can be tested without Excel.
 */

export { cellAddress, columnLetter } from '../../../formulas/core/a1.js';
import { cellAddress } from '../../../formulas/core/a1.js';

/** "B3:D7" (or "B3" for one cell) from 0-based inclusive bounds. */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const first = cellAddress(top, left);
  return top === bottom && left === right ? first : `${first}:${cellAddress(bottom, right)}`;
}

/** Sheet names with spaces or punctuation are quoted in references: 'My Sheet'!A1. */
export function sheetReference(sheet: string, address: string): string {
  const plain = /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

/** Splits "Sheet1!A1:B2" / "'My Sheet'!A1" into sheet and local address. */
export function splitReference(reference: string): { sheet: string | undefined; address: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(reference.trim());
  if (!m) return { sheet: undefined, address: reference.trim().replace(/\$/g, '') };
  return { sheet: (m[1] ?? m[2]!).replace(/''/g, "'"), address: m[3]!.replace(/\$/g, '') };
}

/**
 * Excel's sheet names: at most 31 characters, none of []:*?/\ , unique in the workbook
 * (case-insensitive). Adds " (2)", " (3)" ... to `wanted` until it is free.
 */
export function uniqueSheetName(wanted: string, existing: readonly string[]): string {
  const base = [...(wanted.replace(/[[\]:*?/\\]/g, '').trim() || 'Sheet')].slice(0, 31).join('');
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = [...base].slice(0, 31 - suffix.length).join('') + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
