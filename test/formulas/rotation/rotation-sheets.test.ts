/**
 * The rotation sheet of the example workbook: it keeps the sheet spec, its EDU formulas are
 * evaluated here on the sheet's own illustrative cells (COUNTIFS done by hand), every spill
 * lands on empty cells, and the results are the ones worked out below.
 */
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../../examples/sheet-spec.js';
import { rotationSheets } from '../../../examples/sheets/rotation.js';
import { findFormula, invoke, shippedProfileSource } from '../../../formulas/index.js';

const sheet = rotationSheets[0]!;
const ctx = { profiles: shippedProfileSource };
const cell = (ref: string) => sheet.cells.find((c) => c.ref === ref);
const column = (col: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => [cell(`${col}${from + i}`)?.value ?? null]);
const taken = (col: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => cell(`${col}${from + i}`)).filter(Boolean);

describe('example sheet 交流轮岗名额', () => {
  it('keeps the sheet spec and says its numbers are illustrative', () => {
    expect(checkSheet(sheet)).toEqual([]);
    expect(String(cell('A2')!.value)).toContain('illustrative');
  });

  it('marks who is eligible and counts them per school', () => {
    expect(cell('H6')!.formula).toBe('=EDU.ROTATIONELIGIBLE(E6:E35,6,F6:F35,G6:G35,B3,D3)');
    const eligible = invoke(findFormula('ROTATIONELIGIBLE')!, [column('E', 6, 35), 6, column('F', 6, 35), column('G', 6, 35), cell('B3')!.value, cell('D3')!.value], ctx) as boolean[][];
    // 褚亮 (4 years) and 卫国 (born 1966-03-10, 男: retires 2026-07-10, within 5 years of
    // 2025-09-01) are the only ones not eligible.
    const names = column('A', 6, 35).map((r) => r[0]);
    expect(names.filter((_, i) => !eligible[i]![0])).toEqual(['褚亮', '卫国']);
    expect(taken('H', 7, 35)).toEqual([]);

    // COUNTIFS by school: 城关一小 11 eligible (backbone 李静, 赵磊, 钱丽), 城关二小 7 (蒋平, 尤佳),
    // 实验小学 10 (许可, 何蕾, 孔亮).
    const schools = column('B', 6, 35).map((r) => r[0]);
    const backbone = column('D', 6, 35).map((r) => r[0] === '是');
    const count = (school: string, bb: boolean) => schools.filter((s, i) => s === school && eligible[i]![0] && (!bb || backbone[i])).length;
    const counts = ['城关一小', '城关二小', '实验小学'].map((s) => [count(s, false), count(s, true)]);
    expect(counts).toEqual([
      [11, 3],
      [7, 2],
      [10, 3],
    ]);

    // Base "rotating": 11 → ⌈1.1⌉ = 2 rotate, ⌈0.2 × 2⌉ = 1 backbone; 7 → ⌈0.7⌉ = 1 and 1; 10 → 1 and 1.
    expect(cell('M6')!.formula).toBe('=EDU.ROTATIONQUOTA(K6:K8,0.1,0.2,"rotating",L6:L8)');
    const quota = invoke(findFormula('ROTATIONQUOTA')!, [counts.map((c) => [c[0]]), 0.1, 0.2, 'rotating', counts.map((c) => [c[1]])], ctx);
    expect(quota).toEqual([
      [2, 1],
      [1, 1],
      [1, 1],
    ]);

    // Base "eligible": 11 → ⌈2.2⌉ = 3 backbone, so 3 rotate (more than ⌈1.1⌉ = 2); 7 → ⌈1.4⌉ = 2 and 2;
    // 10 → ⌈2.0⌉ = 2 and 2. Every school has the backbone teachers it needs: no error value.
    const base = invoke(findFormula('ROTATIONQUOTA')!, [counts.map((c) => [c[0]]), 0.1, 0.2, 'eligible', counts.map((c) => [c[1]])], ctx);
    expect(base).toEqual([
      [3, 3],
      [2, 2],
      [2, 2],
    ]);
    expect([...taken('N', 6, 8), ...taken('M', 7, 8), ...taken('Q', 6, 8), ...taken('P', 7, 8)]).toEqual([]);
  });
});
