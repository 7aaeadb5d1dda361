/**
 * The funding sheets of the example workbook: they keep the sheet spec, their formulas point
 * at the ranges that hold the inputs, and the functions give the expected results on the
 * sheets' own numbers.
 */
import { describe, expect, it } from 'vitest';
import { invoke, shippedProfileSource } from '../../../formulas/index.js';
import { fundSplit } from '../../../formulas/funding/fund-split.js';
import { publicFunds } from '../../../formulas/funding/public-funds.js';
import { checkSheet, type ExampleSheet } from '../../../examples/sheet-spec.js';
import { C0, C1, FUNDSPLIT_FORMULA, fundingSheets, PUBLICFUNDS_FORMULA, S0, S1 } from '../../../examples/sheets/funding.js';

const ctx = { profiles: shippedProfileSource };

function cellsOf(sheet: ExampleSheet) {
  const byRef = new Map(sheet.cells.map((c) => [c.ref, c]));
  const value = (ref: string): number | string | boolean => {
    const cell = byRef.get(ref);
    if (cell?.value === undefined) throw new Error(`${sheet.name}!${ref} holds no value`);
    return cell.value;
  };
  const formula = (ref: string): string | undefined => byRef.get(ref)?.formula;
  const column = (c: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => value(`${c}${from + i}`));
  return { value, formula, column };
}

const [split, perPupil] = fundingSheets as [ExampleSheet, ExampleSheet];

describe('example sheets: funding', () => {
  it('keep the example-sheet spec', () => {
    for (const sheet of fundingSheets) expect(checkSheet(sheet)).toEqual([]);
  });

  it('split the 1,600,000 yuan over the 8 centres exactly, after the 5% for teacher training', () => {
    const { value, formula } = cellsOf(split);
    expect(formula(`K${C0}`)).toBe(FUNDSPLIT_FORMULA);
    expect(FUNDSPLIT_FORMULA).toBe('=EDU.FUNDSPLIT(B8,C13:F20,C11:F11,H13:H20,I13:I20,J13:J20,TRUE)');
    expect(formula('B6')).toBe('=EDU.PROFILE("cn-national","funding.teacherTraining.share")');
    // B8 = B5 - ROUND(B5 x 5%, 2) = 1,600,000 - 80,000.
    const budget = (value('B5') as number) * 0.95;
    expect(budget).toBe(1520000);
    const rows = Array.from({ length: C1 - C0 + 1 }, (_, i) => C0 + i);
    const drivers = rows.map((r) => ['C', 'D', 'E', 'F'].map((c) => value(`${c}${r}`)));
    expect(drivers.map((d) => d[0])).toEqual([9, 6, 6, 6, 5, 6, 5, 5]);
    // The tier lump sum XLOOKUP gives: 40,000 from 10,000 pupils up, else 30,000.
    const pupils = drivers.map((d) => (d[1] as number) + (d[2] as number) + (d[3] as number));
    const lumps = pupils.map((p) => [p >= (value('E7') as number) ? value('F7') : value('F6')]);
    const weights = [['C', 'D', 'E', 'F'].map((c) => value(`${c}11`))];
    const floors = rows.map((r) => [value(`I${r}`)]);
    const caps = rows.map((r) => [value(`J${r}`)]);
    const result = invoke(fundSplit, [budget, drivers, weights, lumps, floors, caps, true], ctx) as number[][];
    expect(result).toHaveLength(8);
    const totals = result.map((row) => row[6]!);
    expect(totals.reduce((a, t) => a + Math.round(t * 100), 0)).toBe(152000000);
    // The two centres under 10,000 pupils (rows 5 and 8) are raised to the 135,000 floor;
    // the first centre (28,000 pupils) is held at the 300,000 cap.
    expect(totals[0]).toBe(300000);
    expect(totals[4]).toBe(135000);
    expect(totals[7]).toBe(135000);
    expect(result[0]![5]).toBeLessThan(0);
    expect(result[4]![5]).toBeGreaterThan(0);
    for (const row of result) expect(row.slice(0, 6).reduce((a, x) => a + Math.round(x * 100), 0)).toBe(Math.round(row[6]! * 100));
  });

  it('compute each illustrative school\'s public funds at the national rates in force today', () => {
    const { formula, column } = cellsOf(perPupil);
    expect(formula(`G${S0}`)).toBe(PUBLICFUNDS_FORMULA);
    const args = ['B', 'C', 'D', 'E'].map((c) => column(c, S0, S1).map((x) => [x]));
    const result = invoke(publicFunds, [...args, 'cn-national', column('F', S0, S1).map((x) => [x])], ctx);
    // Rates from 2023 (720 / 940, boarders 300) and 2025 (special education 7,000):
    // 1,200 x 720 + 3 x 7,000 = 885,000; 1,500 x 940 + 300 x 300 + 2 x 7,000 = 1,514,000;
    // 600 x 720 + 400 x 940 + 200 x 300 + 4 x 7,000 = 896,000; 45 rural pupils funded as 100 x 720;
    // 12 primary + 1 special: primary scaled to 99 x 720 + 7,000 = 78,280; 80 rural junior funded
    // as 100 x 940 plus 60 boarders x 300 = 112,000.
    expect(result).toEqual([[885000], [1514000], [896000], [72000], [78280], [112000]]);
  });
});
