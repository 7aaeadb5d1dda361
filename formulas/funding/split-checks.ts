/**
 * Argument checks shared by the money splits (FUNDSPLIT, FACTORSPLIT): per-unit amounts in
 * whole fen, and the budget errors of a split with lump sums, floors and caps.
 */
import { type CellNames, unitName, unitNames } from '../core/cell-names.js';
import { type FormulaError, valueError } from '../core/errors.js';
import { opening, rowLabel, rowLabels } from '../core/row-label.js';
import { formatYuan, yuanToFenNumber } from '../core/money.js';
import { highestTotal, lowestTotal, type SplitInput } from './clamped-split.js';
import type { PerUnitCells } from '../core/number-cells.js';

export function tooManyDecimals(name: string, whereZh: string, whereEn: string, x: number): FormulaError {
  return valueError(
    `参数 ${name}${whereZh} 的值 ${x} 有超过两位的小数（不足一分）：金额以元为单位，最多两位小数`,
    `${name}${whereEn}: ${x} has more than two decimal places (a fraction of a fen): amounts are in yuan with at most 2 decimals`,
  );
}

/** Whole fen per unit (exact doubles, see clamped-split.ts) from a per-unit argument; blank cells read as `blank`. */
export function fenPerUnit(name: string, bound: PerUnitCells | undefined, n: number, blank: number, names: CellNames): Float64Array | FormulaError {
  if (bound === undefined) return new Float64Array(n).fill(blank);
  if (bound.kind === 'all') {
    if (bound.value === null) return new Float64Array(n).fill(blank);
    const fen = yuanToFenNumber(bound.value);
    return fen === undefined ? tooManyDecimals(name, '', '', bound.value) : new Float64Array(n).fill(fen);
  }
  const { cells, orientation } = bound;
  if (cells.length !== n) {
    return valueError(
      `参数 ${name} 有 ${cells.length} 个数，但 drivers 有 ${n} 行（每行一个单位）：请每个单位给一个数，或只给一个数用于全部单位`,
      `${name} has ${cells.length} values but drivers has ${n} rows (one per unit): give one value per unit, or a single value for all`,
    );
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = cells[i]!;
    // Whole yuan (the usual case) are whole fen at once; x * 100 is exact below 2^53 / 100.
    const fen = Number.isInteger(x) ? x * 100 : Number.isNaN(x) ? blank : yuanToFenNumber(x);
    if (fen === undefined) {
      const at = unitName(names, name, i, rowLabel(i, orientation));
      return tooManyDecimals(name, ` ${at.zh}`, ` ${at.en}`, x);
    }
    out[i] = fen;
  }
  return out;
}

/** The units' rows, named by their cells in `units.param` when Excel gave its address. */
function listRows(rows: readonly number[], units: UnitCells): { zh: string; en: string } {
  return unitNames(units.cells, units.param, rows, rowLabels(rows));
}

/** How to name a unit in a split's messages: the cells of its row in the argument with one row per unit. */
export interface UnitCells {
  cells: CellNames;
  param: string;
}

/** A unit whose floor is above its cap: the error naming it (its floors cell when known), else undefined. */
export function checkFloorsBelowCaps(floor: Float64Array, cap: Float64Array, cells: CellNames): FormulaError | undefined {
  const i = floor.findIndex((f, k) => f > cap[k]!);
  if (i < 0) return undefined;
  const at = unitName(cells, 'floors', i, opening(rowLabel(i)));
  const [f, c] = [formatYuan(BigInt(floor[i]!)), formatYuan(BigInt(cap[i]!))];
  return valueError(`${at.zh}的保底额 ${f} 元高于封顶额 ${c} 元：请降低保底或提高封顶`, `${at.en}: the floor ${f} yuan is above the cap ${c} yuan: lower the floor or raise the cap`);
}

/**
 * The two budget errors of a clamped split: lump sums and floors above the budget, or caps
 * that cannot take it all. `idle` names what a unit without drivers lacks, in both languages.
 */
export function checkBudgetReach(input: SplitInput, idle: { zh: string; en: string }, units: UnitCells): FormulaError | undefined {
  const { budget, lump, floor, cap, weight } = input;
  const n = lump.length;
  const lowest = lowestTotal(input);
  if (lowest > budget) {
    const atStart = Array.from({ length: n }, (_, i) => ({ i, v: Math.min(Math.max(lump[i]!, floor[i]!), cap[i]!) }))
      .filter((u) => u.v > 0)
      .sort((a, b) => b.v - a.v || a.i - b.i)
      .slice(0, 3);
    const named = atStart.map((u) => ({ ...u, at: unitName(units.cells, units.param, u.i, rowLabel(u.i)) }));
    const zh = named.map((u) => `${u.at.zh} ${formatYuan(BigInt(u.v))} 元`).join('、');
    const en = named.map((u) => `${u.at.en} ${formatYuan(BigInt(u.v))}`).join(', ');
    return valueError(
      `一次性拨款与保底额合计 ${formatYuan(lowest)} 元，超过预算 ${formatYuan(budget)} 元，多出 ${formatYuan(lowest - budget)} 元（最大的：${zh}）：请降低保底额或一次性拨款，或增加预算`,
      `Lump sums and floors add up to ${formatYuan(lowest)} yuan, ${formatYuan(lowest - budget)} above the budget of ${formatYuan(budget)} (largest: ${en}): lower floors or lump sums, or raise the budget`,
    );
  }
  const highest = highestTotal(input);
  if (highest !== undefined && highest < budget && weight.some((s) => s !== 0)) {
    const idleRows: number[] = [];
    for (let i = 0; i < n; i++) if (weight[i] === 0) idleRows.push(i);
    const rows = listRows(idleRows, units);
    return valueError(
      `封顶后最多只能分出 ${formatYuan(highest)} 元，低于预算 ${formatYuan(budget)} 元，还差 ${formatYuan(budget - highest)} 元` +
        `${idleRows.length > 0 ? `（${rows.zh}的${idle.zh}为 0，只得一次性拨款或保底额）` : ''}：请提高或取消部分封顶额，或减少预算`,
      `The caps allow at most ${formatYuan(highest)} yuan, ${formatYuan(budget - highest)} short of the budget of ${formatYuan(budget)}` +
        `${idleRows.length > 0 ? ` (${rows.en} ${idleRows.length === 1 ? 'has' : 'have'} no ${idle.en} and ${idleRows.length === 1 ? 'gets' : 'get'} only a lump sum or floor)` : ''}: raise or remove some caps, or lower the budget`,
    );
  }
  return undefined;
}
