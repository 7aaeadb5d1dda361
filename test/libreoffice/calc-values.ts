/**
 * How a value looks when read back from Calc by calc-driver.py, and how the arguments of a
 * formula as Calc shows it are split.
 */
import { isFormulaError } from '../../formulas/core/errors.js';
import type { ResultCell } from '../../formulas/core/excel-values.js';

/** A cell read from Calc: number, text, null (empty) or an error value's code. */
export type CalcValue = number | string | null | { error: string };

/** A result cell as Calc shows it: TRUE/FALSE are 1/0 (Calc has no boolean type), errors their code. */
export function calcCell(cell: ResultCell): CalcValue {
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  if (isFormulaError(cell)) return { error: cell.error.code };
  return cell;
}

/** `B16,B6:B13,"a,b",TRUE()` -> its top-level arguments (commas inside quotes, braces or brackets stay). */
export function argumentTexts(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '(' || ch === '{')) depth += 1;
    else if (!quoted && (ch === ')' || ch === '}')) depth -= 1;
    else if (!quoted && depth === 0 && ch === ',') {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out;
}
