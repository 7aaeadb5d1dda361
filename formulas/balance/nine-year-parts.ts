/**
 * A nine-year school (九年一贯制) inside BALANCECV: its row holds whole-school indicators and
 * enrolment; the part of the level asked for enters the CV as a school of its own, weighted by
 * that part's pupils. The shared resources (indicators 4–7: floor space, grounds, equipment
 * value, multimedia rooms) are split as EDU.NINEYEARSPLIT does, one junior pupil weighing w
 * primary pupils (《测算均衡系数拆分公式》, a third-party copy; see nine-year-split.ts), but
 * exactly, unrounded: the primary part has R ÷ (A + wB) per pupil, the junior part w·R ÷ (A + wB),
 * with R = x·(A + B) for the whole-school indicator x. The teacher indicators 1–3 keep the
 * school's value: teachers are counted by the level they teach, not split.
 */
import { type CellNames, rowName } from '../core/cell-names.js';
import { type FormulaError, valueError } from '../core/errors.js';
import { type Rational, rationalOf } from '../core/exact.js';
import type { Level } from './indicators.js';

/** Indicators 4–7 (0-based 3..6) are resources the two parts share. */
const isShared = (column: number): boolean => column >= 3;

export interface LevelPart {
  /** Each row's indicator value for the part of `level`, exactly. */
  values: Rational[];
  /** Each row's pupils of that part (a whole school's for an ordinary one). */
  weights: bigint[];
}

/** Column `column` as the schools of `level` see it; `juniors[i]` > 0 marks a nine-year school. */
export function levelPart(column: readonly number[], students: readonly number[], juniors: readonly (number | null)[], level: Level, index: number, weight: Rational, cells: CellNames): LevelPart | FormulaError {
  const values: Rational[] = [];
  const weights: bigint[] = [];
  for (let i = 0; i < column.length; i++) {
    const x = rationalOf(column[i]!);
    const total = BigInt(students[i]!);
    const b = BigInt(juniors[i] ?? 0);
    if (b > total) {
      const at = rowName(cells, 'juniorPupils', i);
      return valueError(
        `${at.zh}初中部学生数 ${b} 多于在校生数 ${total}：students 填全校人数，juniorPupils 填其中的初中生`,
        `${at.en}: ${b} junior pupils exceed the enrolment ${total}: students is the whole school, juniorPupils the junior pupils among them`,
      );
    }
    if (b === 0n) {
      values.push(x);
      weights.push(total);
      continue;
    }
    const a = total - b;
    const weighted = a * weight.d + b * weight.n;
    const share = level === 'primary' ? weight.d : weight.n;
    values.push(isShared(index) ? { n: x.n * total * share, d: x.d * weighted } : x);
    weights.push(level === 'primary' ? a : b);
  }
  return { values, weights };
}
