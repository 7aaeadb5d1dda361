/**
 * How a value looks when read back from Calc by calc-driver.py.
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
