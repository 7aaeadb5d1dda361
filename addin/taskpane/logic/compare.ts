/**
 * Scenarios side by side: per unit (school, centre, row), each scenario's value, and for
 * every scenario after the first (the base) the absolute and percentage difference from the
 * base. Pure; comparison-grid.ts lays the result out as a sheet.
 *
 * What is compared: each saved result (and, on request, each input) is split into
 * quantities. A one-column or one-row range is one quantity whose units are its labels (the
 * text beside it when it was saved) or its row/column numbers; a wider range gives one
 * quantity per column; a table gives one quantity per column holding numbers, with units
 * named by its first all-text column. Single cells are gathered into one block whose units
 * are their names. Units are matched by label, in the order they first appear (the base
 * first), so scenarios with a school more or less still line up.
 */
import { rowLabel } from '../../../formulas/core/row-label.js';
import { readSaved, type CellValue, type SavedSource } from './saved-values.js';

export interface ScenarioValues {
  /** How the scenario is named in the sheet, e.g. "方案A v3". */
  label: string;
  inputs: Record<string, unknown>;
  results: Record<string, unknown>;
}

export interface Quantity {
  /** Stable key: "results|预算" or "results|学校|学生数". */
  key: string;
  kind: 'results' | 'inputs';
  source: string;
  column?: string;
  /** The block's title in the sheet. */
  title: string;
}

export interface ComparisonBlock {
  quantity: Quantity;
  units: string[];
  /** [unit][scenario]; null where a scenario has no value for the unit. */
  values: (CellValue | null)[][];
  /** [unit][other scenario]: value − base, null unless both are numbers. */
  abs: (number | null)[][];
  /** [unit][other scenario]: (value − base) / base, null unless both are numbers and base ≠ 0. */
  pct: (number | null)[][];
  /** Decimal places shown, the most any value has (at most 4). */
  decimals: number;
}

export interface Comparison {
  scenarios: string[];
  blocks: ComparisonBlock[];
  /** Saved entries that are neither a range nor a table, left out. */
  skipped: string[];
}

export const SCALARS_SOURCE = '单值结果';

interface Extracted {
  quantity: Quantity;
  units: string[];
  values: CellValue[];
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isLabelText = (v: CellValue): boolean => typeof v === 'string' && v.trim() !== '' && !/^[-+]?\d+(\.\d+)?$/.test(v.trim());
const kindZh = (kind: Quantity['kind']): string => (kind === 'results' ? '结果' : '输入');

/** Decimal places of a number as written (1.25 -> 2, 1e-7 -> 7), at most 10. */
export function decimalsOf(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0;
  const text = String(n);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Math.min(10, Number(exp[1]) + (text.split('e')[0]!.split('.')[1]?.length ?? 0));
  return Math.min(10, text.split('.')[1]?.length ?? 0);
}

/** a − b without binary noise: rounded to the decimals the two numbers are written with. */
export function difference(a: number, b: number): number {
  const places = Math.max(decimalsOf(a), decimalsOf(b));
  const factor = 10 ** places;
  const d = Math.round((a - b) * factor) / factor;
  return Object.is(d, -0) ? 0 : d;
}

function extract(kind: Quantity['kind'], source: string, saved: SavedSource): Extracted[] {
  const q = (column: string | undefined, title: string): Quantity => ({
    key: column === undefined ? `${kind}|${source}` : `${kind}|${source}|${column}`,
    kind,
    source,
    ...(column === undefined ? {} : { column }),
    title,
  });
  const rows = saved.values;
  if (saved.kind === 'table') {
    const labelCol = saved.headers.findIndex((_, c) => rows.length > 0 && rows.every((r) => isLabelText(r[c]!)));
    const units = rows.map((r, i) => (labelCol >= 0 ? String(r[labelCol]).trim() : rowLabel(i).zh));
    return saved.headers.flatMap((header, c) =>
      c === labelCol || !rows.some((r) => isNumber(r[c])) ? [] : [{ quantity: q(header, `${kindZh(kind)}：${source} · ${header}`), units, values: rows.map((r) => r[c]!) }],
    );
  }
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  if (height === 1 && width === 1) return [{ quantity: q(undefined, source), units: [source], values: [rows[0]![0]!] }];
  if (width === 1 || height === 1) {
    const values = width === 1 ? rows.map((r) => r[0]!) : rows[0]!;
    const units = saved.labels && saved.labels.length === values.length ? saved.labels : values.map((_, i) => rowLabel(i, width === 1 ? 'column' : 'row').zh);
    return [{ quantity: q(undefined, `${kindZh(kind)}：${source}`), units, values }];
  }
  const units = rows.map((_, i) => rowLabel(i).zh);
  return Array.from({ length: width }, (_, c) => ({
    quantity: q(rowLabel(c, 'row').zh, `${kindZh(kind)}：${source} · ${rowLabel(c, 'row').zh}`),
    units,
    values: rows.map((r) => r[c]!),
  }));
}

/** Every block the scenarios give, in order of first appearance: for the "main result" list. */
export function quantitiesOf(scenarios: readonly ScenarioValues[], includeInputs: boolean): Quantity[] {
  const seen = new Map<string, Quantity>();
  for (const s of scenarios) {
    for (const e of extractAll(s, includeInputs).extracted) {
      const { key, quantity } = blockOf(e);
      if (!seen.has(key)) seen.set(key, quantity);
    }
  }
  return [...seen.values()];
}

/** One-cell quantities of the same kind share one block, each cell a unit named after it. */
function blockOf(e: Extracted): { key: string; quantity: Quantity } {
  if (e.quantity.column === undefined && e.units.length === 1 && e.units[0] === e.quantity.source) {
    const key = `${e.quantity.kind}|${SCALARS_SOURCE}`;
    return { key, quantity: { key, kind: e.quantity.kind, source: SCALARS_SOURCE, title: `${kindZh(e.quantity.kind)}：单值` } };
  }
  return { key: e.quantity.key, quantity: e.quantity };
}

function extractAll(s: ScenarioValues, includeInputs: boolean): { extracted: Extracted[]; skipped: string[] } {
  const extracted: Extracted[] = [];
  const skipped: string[] = [];
  const kinds: Quantity['kind'][] = includeInputs ? ['results', 'inputs'] : ['results'];
  for (const kind of kinds) {
    for (const [source, raw] of Object.entries(s[kind] ?? {})) {
      const saved = readSaved(raw);
      if (saved) extracted.push(...extract(kind, source, saved));
      else skipped.push(source);
    }
  }
  return { extracted, skipped };
}

/**
 * Builds the comparison. The first scenario is the base. `mainKey` (a Quantity key) comes
 * first, because the chart is drawn from the first block; without it the first quantity
 * with numbers does.
 */
export function buildComparison(scenarios: readonly ScenarioValues[], options: { includeInputs?: boolean; mainKey?: string } = {}): Comparison {
  if (scenarios.length < 2) throw new RangeError('a comparison needs at least two scenarios');
  const includeInputs = options.includeInputs ?? false;
  const perScenario = scenarios.map((s) => extractAll(s, includeInputs));
  const skipped = [...new Set(perScenario.flatMap((p) => p.skipped))];

  const blocks = new Map<string, { quantity: Quantity; units: string[]; cells: Map<string, (CellValue | null)[]> }>();
  perScenario.forEach((p, s) => {
    for (const e of p.extracted) {
      const { key, quantity } = blockOf(e);
      let block = blocks.get(key);
      if (!block) {
        block = { quantity, units: [], cells: new Map() };
        blocks.set(key, block);
      }
      e.units.forEach((unit, i) => {
        // A label that repeats within one scenario (two rows named alike) gets its position added.
        let label = unit;
        for (let n = 2; block!.cells.get(label)?.[s] !== undefined && block!.cells.get(label)?.[s] !== null; n++) label = `${unit} (${n})`;
        if (!block!.cells.has(label)) {
          block!.cells.set(label, scenarios.map(() => null));
          block!.units.push(label);
        }
        block!.cells.get(label)![s] = e.values[i] ?? null;
      });
    }
  });

  const ordered = [...blocks.entries()];
  const hasNumbers = ([, b]: (typeof ordered)[number]) => [...b.cells.values()].some((row) => row.some(isNumber));
  const mainAt = options.mainKey !== undefined ? ordered.findIndex(([key]) => key === options.mainKey) : -1;
  const first = mainAt >= 0 ? mainAt : ordered.findIndex(hasNumbers);
  if (first > 0) ordered.unshift(...ordered.splice(first, 1));

  return {
    scenarios: scenarios.map((s) => s.label),
    skipped,
    blocks: ordered.map(([, b]) => {
      const values = b.units.map((u) => b.cells.get(u)!);
      const decimals = Math.min(4, Math.max(0, ...values.flat().map((v) => (isNumber(v) ? decimalsOf(v) : 0))));
      const abs = values.map((row) => row.slice(1).map((v) => (isNumber(v) && isNumber(row[0]) ? difference(v, row[0]) : null)));
      const pct = values.map((row, u) => abs[u]!.map((d) => (d !== null && isNumber(row[0]) && row[0] !== 0 ? d / row[0] : null)));
      return { quantity: b.quantity, units: b.units, values, abs, pct, decimals };
    }),
  };
}
