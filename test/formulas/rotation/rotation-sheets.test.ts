/**
 * The rotation sheet of the example workbook: it keeps the sheet spec, its EDU formulas are
 * evaluated here on the sheet's own illustrative cells (COUNTIFS done by hand), every spill
 * lands on empty cells, and the results are the ones worked out below.
 */
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../../examples/load-sheets.js';
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
    // 褚亮 (4 years), 卫国 (born 1966-03-10, 男: retires 2026-07-10, within 5 years of 2025-09-01)
    // and 尤佳 (3 years) are the only ones not eligible.
    const names = column('A', 6, 35).map((r) => r[0]);
    expect(names.filter((_, i) => !eligible[i]![0])).toEqual(['褚亮', '卫国', '尤佳']);
    expect(taken('H', 7, 35)).toEqual([]);

    // COUNTIFS by school: 城关一小 11 eligible (backbone 李静, 钱丽), 城关二小 6 (none),
    // 实验小学 10 (许可, 何蕾, 孔亮).
    const schools = column('B', 6, 35).map((r) => r[0]);
    const backbone = column('D', 6, 35).map((r) => r[0] === '是');
    const count = (school: string, bb: boolean) => schools.filter((s, i) => s === school && eligible[i]![0] && (!bb || backbone[i])).length;
    const counts = ['城关一小', '城关二小', '实验小学'].map((s) => [count(s, false), count(s, true)]);
    expect(counts).toEqual([
      [11, 2],
      [6, 0],
      [10, 3],
    ]);

    // Base "rotating": 11 → ⌈1.1⌉ = 2 and ⌈0.4⌉ = 1; 6 → 1 and 1, but 0 backbone: error; 10 → 1 and 1.
    expect(cell('M6')!.formula).toBe('=EDU.ROTATIONQUOTA(K6:K8,0.1,0.2,"rotating",L6:L8)');
    const quota = invoke(findFormula('ROTATIONQUOTA')!, [counts.map((c) => [c[0]]), 0.1, 0.2, 'rotating', counts.map((c) => [c[1]])], ctx) as unknown[][];
    expect(quota[0]).toEqual([2, 1]);
    expect(quota[2]).toEqual([1, 1]);
    expect((quota[1]![0] as { error: { zh: string } }).error.zh).toBe('第 2 行：须交流骨干教师 1 人，但符合交流条件的骨干教师只有 0 人：请核对骨干教师名单，或报县教育局统筹调整');

    // Base "eligible": 11 → ⌈2.2⌉ = 3 backbone > 2: error; 6 → 2 > 0: error; 10 → 2 and 2.
    const base = invoke(findFormula('ROTATIONQUOTA')!, [counts.map((c) => [c[0]]), 0.1, 0.2, 'eligible', counts.map((c) => [c[1]])], ctx) as unknown[][];
    expect(JSON.stringify(base[0])).toContain('须交流骨干教师 3 人');
    expect(JSON.stringify(base[1])).toContain('须交流骨干教师 2 人');
    expect(base[2]).toEqual([2, 2]);
    expect([...taken('N', 6, 8), ...taken('M', 7, 8), ...taken('Q', 6, 8), ...taken('P', 7, 8)]).toEqual([]);
  });
});
