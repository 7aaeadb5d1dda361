/**
 * The balance sheet of the example workbook: its EDU formulas are evaluated here on the
 * sheet's own illustrative cells (a small reader of A1 ranges, quoted text and TRUE/FALSE),
 * every spill lands on empty cells (Excel would show #SPILL! otherwise), and the results
 * are the ones worked out below.
 */
import { describe, expect, it } from 'vitest';
import { checkSheet, type ExampleSheet } from '../../../examples/sheet-spec.js';
import { balanceSheets } from '../../../examples/sheets/balance.js';
import { findFormula, invoke, shippedProfileSource } from '../../../formulas/index.js';
import type { ResultValue } from '../../../formulas/core/excel-values.js';

const ctx = { profiles: shippedProfileSource };
const sheet = balanceSheets[0]!;

const colNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const colLetters = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : colLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));
const split = (ref: string): [number, number] => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return [colNumber(m[1]!), Number(m[2])];
};

function cellValue(s: ExampleSheet, ref: string): unknown {
  return s.cells.find((c) => c.ref === ref)?.value ?? null;
}

function rangeValues(s: ExampleSheet, range: string): unknown[][] {
  const [from, to] = range.split(':') as [string, string];
  const [c1, r1] = split(from);
  const [c2, r2] = split(to);
  return Array.from({ length: r2 - r1 + 1 }, (_, i) => Array.from({ length: c2 - c1 + 1 }, (__, j) => cellValue(s, `${colLetters(c1 + j)}${r1 + i}`)));
}

/** Evaluates `=EDU.NAME(arg, ...)` whose arguments are ranges, quoted text or TRUE/FALSE. */
function evaluate(s: ExampleSheet, formula: string): ResultValue {
  const m = /^=EDU\.([A-Z]+)\((.*)\)$/.exec(formula)!;
  const args = m[2]!.split(',').map((a): unknown => {
    if (/^".*"$/.test(a)) return a.slice(1, -1);
    if (a === 'TRUE' || a === 'FALSE') return a === 'TRUE';
    return rangeValues(s, a);
  });
  return invoke(findFormula(m[1]!)!, args, ctx);
}

const eduCells = sheet.cells.filter((c) => c.formula?.startsWith('=EDU.'));
const result = (name: string) => {
  const cell = eduCells.find((c) => c.formula!.startsWith(`=EDU.${name}(`))!;
  return { ref: cell.ref, value: evaluate(sheet, cell.formula!) as unknown[][] };
};

describe('the balance example sheet', () => {
  it('keeps the sheet spec and says its numbers are illustrative', () => {
    expect(checkSheet(sheet)).toEqual([]);
    expect(sheet.cells.some((c) => c.style === 'note' && String(c.value).includes('示意'))).toBe(true);
  });

  it('every EDU formula spills onto empty cells', () => {
    for (const cell of eduCells) {
      const value = evaluate(sheet, cell.formula!) as unknown[][];
      expect(Array.isArray(value), cell.ref).toBe(true);
      const [c0, r0] = split(cell.ref);
      value.forEach((row, i) =>
        row.forEach((_, j) => {
          if (i === 0 && j === 0) return;
          expect(sheet.cells.find((c) => c.ref === `${colLetters(c0 + j)}${r0 + i}`), `${cell.formula} spills over a filled cell`).toBeUndefined();
        }),
      );
    }
  });

  it('BALANCECHECK: two schools pass (one at exactly 6 of 7), four do not', () => {
    // 城关第二小学: sports area 6.5 of 7.5 = 86.66…% → shown rounded down as 86.6%, above 85%.
    // 乡中心小学: 6 met, but backbone teachers 0.7 of 1 = 70% < 85%.
    expect(result('BALANCECHECK').value.map((r) => r.slice(0, 2))).toEqual([
      [7, true],
      [6, true],
      [4, false],
      [6, false],
      [3, false],
      [5, false],
    ]);
    expect(result('BALANCECHECK').value[1]![2]).toBe('生均体育运动场馆 86.6%');
  });

  it('GAPTOPASS: 镇中心小学 (900 pupils) needs 2 qualified teachers and 90 000 yuan of equipment', () => {
    // Misses: qualified 4.0 (95.2%), PE/art 0.8 (88.9%), equipment 1900 (95%). One may stay
    // below its threshold; leaving PE/art saves the most relative to its threshold:
    //   qualified (4.2 − 4.0) × 900 / 100 = 1.8 → 2 teachers; equipment 100 × 900 = 90 000 yuan.
    expect(result('GAPTOPASS').value[2]).toEqual([2, 0, 0, 0, 0, 90000, 0]);
    expect(result('GAPTOPASS').value[0]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('BALANCECV: every indicator within 0.50 for these schools', () => {
    expect(result('BALANCECV').value[1]).toEqual(Array(7).fill(true));
  });

  it('CLASSBAND: the grades sit on the band edges 45/46, 45.5, 55/56 and 66', () => {
    expect(result('CLASSBAND').value.map((r) => r.slice(1))).toEqual([
      [45, '符合标准'],
      [46, '超标准'],
      [46, '超标准'],
      [55, '超标准'],
      [56, '大班额'],
      [66, '超大班额'],
    ]);
  });
});
