/**
 * How the pane stores a named range or a table in a scenario (the service keeps `inputs`
 * and `results` as any JSON, exactly as saved):
 *
 *   { "kind": "range", "address": "预算!B2:B9", "values": [[...], ...], "labels": ["第一学区", ...] }
 *   { "kind": "table", "address": "学校!A1:D9", "headers": ["学校", "学生数"], "values": [[...], ...] }
 *
 * `values` are the cells as Excel gives them (numbers, text, booleans; "" for empty); a
 * table's `values` are its body rows, without the header. `labels` name the units of a
 * one-column (or one-row) range: the text beside it when there is any, for the comparison.
 * A bare 2-D array (what another client may post, e.g. {"Budget": [[1600000]]}) is read as
 * a range. `formulas` (same shape as `values`, "" where a cell holds no formula) is there only
 * when the user chose to save formulas; loading restores them only when asked to
 * (logic/formula-guard.ts).
 */
export type CellValue = string | number | boolean;

export interface SavedRange {
  kind: 'range';
  address: string;
  values: CellValue[][];
  labels?: string[];
  formulas?: string[][];
}

export interface SavedTable {
  kind: 'table';
  address: string;
  headers: string[];
  values: CellValue[][];
  formulas?: string[][];
}

export type SavedSource = SavedRange | SavedTable;

export const isCell = (v: unknown): v is CellValue => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

function isMatrix(v: unknown): v is CellValue[][] {
  if (!Array.isArray(v) || v.length === 0) return false;
  const width = Array.isArray(v[0]) ? v[0].length : -1;
  return width > 0 && v.every((row) => Array.isArray(row) && row.length === width && row.every((c) => isCell(c) || c === null));
}

const cleanMatrix = (m: unknown[][]): CellValue[][] => m.map((row) => row.map((c) => (c === null ? '' : (c as CellValue))));

/** Saved formulas of the same shape as the values, or nothing. */
function formulasOf(raw: unknown, values: CellValue[][]): { formulas?: string[][] } {
  if (!Array.isArray(raw) || raw.length !== values.length) return {};
  const ok = raw.every((row, r) => Array.isArray(row) && row.length === values[r]!.length && row.every((f) => typeof f === 'string'));
  return ok ? { formulas: raw as string[][] } : {};
}

/** The saved value in the pane's shape, or undefined when it is not a range or table. */
export function readSaved(raw: unknown): SavedSource | undefined {
  if (isMatrix(raw)) return { kind: 'range', address: '', values: cleanMatrix(raw) };
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return { kind: 'range', address: '', values: [[raw]] };
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  const address = typeof o.address === 'string' ? o.address : '';
  if (o.kind === 'table' && Array.isArray(o.headers) && o.headers.every((h) => typeof h === 'string')) {
    const headers = o.headers as string[];
    if (Array.isArray(o.values) && o.values.length === 0) return { kind: 'table', address, headers, values: [] };
    if (isMatrix(o.values) && o.values[0]!.length === headers.length) {
      const values = cleanMatrix(o.values);
      return { kind: 'table', address, headers, values, ...formulasOf(o.formulas, values) };
    }
    return undefined;
  }
  if ((o.kind === 'range' || o.kind === undefined) && isMatrix(o.values)) {
    const labels = Array.isArray(o.labels) && o.labels.every((l) => typeof l === 'string') ? (o.labels as string[]) : undefined;
    const values = cleanMatrix(o.values);
    return { kind: 'range', address, values, ...(labels ? { labels } : {}), ...formulasOf(o.formulas, values) };
  }
  return undefined;
}

/** "8 行 × 2 列" / "8 rows × 2 columns" of what was saved (a table's header row not counted). */
export function sizeText(saved: SavedSource): { zh: string; en: string } {
  const rows = saved.values.length;
  const cols = saved.kind === 'table' ? saved.headers.length : (saved.values[0]?.length ?? 0);
  return { zh: `${rows} 行 × ${cols} 列`, en: `${rows} row${rows === 1 ? '' : 's'} × ${cols} column${cols === 1 ? '' : 's'}` };
}

/**
 * Labels for a one-column range from the column to its left (or a one-row range from the
 * row above), kept only when every one is non-empty text: then they name the units.
 */
export function labelsFrom(beside: CellValue[] | undefined): string[] | undefined {
  if (!beside || beside.length === 0) return undefined;
  if (!beside.every((v) => typeof v === 'string' && v.trim() !== '')) return undefined;
  return beside.map((v) => String(v).trim());
}
