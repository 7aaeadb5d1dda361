/**
 * Reads an exported .xlsx with a second library (SheetJS), independent of exceljs which
 * wrote it, and, for what SheetJS does not expose (fonts, print settings), the raw XML.
 */
import JSZip from 'jszip';
import * as XLSX from 'xlsx';

export interface ReadBack {
  sheetNames: string[];
  /** Dense rows x columns of the first sheet; null for an empty cell. */
  values: (string | number | boolean | null)[][];
  /** Merged ranges of the first sheet in A1 notation, sorted. */
  merges: string[];
  /** The workbook's defined names (print titles and area). */
  names: { Name: string; Ref: string; Sheet?: number }[];
}

export function readBack(xlsx: Buffer): ReadBack {
  const book = XLSX.read(xlsx, { type: 'buffer' });
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  const values = XLSX.utils.sheet_to_json<(string | number | boolean | null)[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  const merges = (sheet['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)).sort();
  return { sheetNames: book.SheetNames, values, merges, names: (book.Workbook?.Names ?? []) as ReadBack['names'] };
}

/** One part of the package as text, e.g. "xl/styles.xml". */
export async function partOf(xlsx: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(xlsx);
  const file = zip.file(name);
  if (!file) throw new Error(`no part ${name} in the package`);
  return file.async('string');
}

/** Amount in a cell (yuan, a double) as integer fen: exact for any amount a form holds. */
export const fenOf = (v: unknown): bigint => BigInt(Math.round(Number(v) * 100));

/** "83,333.34" / 83333.34 as typed in a payload -> fen, without going through a double. */
export function fenOfTyped(v: string | number): bigint {
  const text = String(v).replace(/,/g, '');
  const [whole, frac = ''] = text.split('.');
  return BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0'));
}
