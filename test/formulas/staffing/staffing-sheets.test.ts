/**
 * The staffing sheets of the example workbook reproduce seed 000's numbers from their
 * illustrative data: 48 posts = 9/6/6/6/5/6/5/5; 122 staff = 48 kept + 74 moved; the
 * bureau's 137 − 10 retiring in 2023-08..2024-12 = 127.
 */
import { describe, expect, it } from 'vitest';
import { findFormula, invoke, isFormulaError, shippedProfileSource } from '../../../formulas/index.js';
import { type CivilDate, compareDates, toExcelSerial } from '../../../formulas/core/dates.js';
import { statutoryRetirement } from '../../../formulas/staffing/retirement-reform.js';
import { checkSheet } from '../../../examples/sheet-spec.js';
import {
  BUREAU_STAFF,
  CENTRE_STAFF,
  DEPUTY_MINIMUM,
  ILLUSTRATIVE_PUPILS,
  KEPT,
  REFORM_DATE,
  SEED_POSTS,
  staffingSheets,
  WINDOW_END,
  WINDOW_START,
} from '../../../examples/sheets/staffing.js';

const ctx = { profiles: shippedProfileSource };
const column = (xs: readonly number[]) => xs.map((x) => [x]);

/** Whole years from `birth` to `on`, as Excel's DATEDIF(birth, on, "Y"). */
function ageOn(birth: CivilDate, on: CivilDate): number {
  const before = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (before ? 1 : 0);
}

const formulaAt = (sheet: string, ref: string) => staffingSheets.find((s) => s.name === sheet)!.cells.find((c) => c.ref === ref)?.formula;

describe('the staffing example sheets', () => {
  it('keep the sheet spec', () => {
    for (const sheet of staffingSheets) expect(checkSheet(sheet), sheet.name).toEqual([]);
  });

  it('学区岗位分配: 1 director + APPORTION(40, pupils, "hamilton", 4) gives the seed’s table', () => {
    expect(SEED_POSTS.reduce((a, b) => a + b, 0)).toBe(48);
    const apportion = findFormula('APPORTION');
    expect(apportion, 'EDU.APPORTION is registered').toBeDefined();
    const deputies = invoke(apportion!, [40, column(ILLUSTRATIVE_PUPILS), 'hamilton', DEPUTY_MINIMUM], ctx) as number[][];
    expect(deputies.map((r) => r[0]! + 1)).toEqual(SEED_POSTS);
    expect(formulaAt('学区岗位分配', 'D6')).toBe('=EDU.APPORTION(B16,B6:B13,"hamilton",B17)');
  });

  it('学区人员分流: 122 staff, 48 kept, 74 moved; nobody retired before the reform date; some kept staff are 50+', () => {
    expect(CENTRE_STAFF).toHaveLength(122);
    expect(KEPT.size).toBe(48);
    expect(CENTRE_STAFF.filter((s) => !KEPT.has(s.id))).toHaveLength(74);
    for (const s of CENTRE_STAFF) expect(compareDates(statutoryRetirement(s.birth, s.category).date, REFORM_DATE)).toBe(1);
    const transition = CENTRE_STAFF.filter((s) => KEPT.has(s.id) && ageOn(s.birth, REFORM_DATE) >= 50);
    expect(transition.length).toBeGreaterThan(0);
    expect(transition.length).toBeLessThan(48);
    expect(formulaAt('学区人员分流', 'H8')).toBe('=EDU.RETIREDATE(B8:B129,C8:C129)');
  });

  it('机关退休减员: exactly 10 of 137 retire in 2023-08..2024-12, leaving 127; nobody had retired before', () => {
    expect(BUREAU_STAFF).toHaveLength(137);
    expect(new Set(BUREAU_STAFF.map((s) => s.id)).size).toBe(137);
    const dates = BUREAU_STAFF.map((s) => statutoryRetirement(s.birth, s.category).date);
    const inWindow = dates.filter((d) => compareDates(d, WINDOW_START) >= 0 && compareDates(d, WINDOW_END) <= 0);
    expect(inWindow).toHaveLength(10);
    expect(137 - inWindow.length).toBe(127);
    for (const d of dates) expect(compareDates(d, WINDOW_START)).toBeGreaterThanOrEqual(0);
    // The sheet's EDU.RETIREDATE gives the same dates as serials.
    const serials = invoke(
      findFormula('RETIREDATE')!,
      [BUREAU_STAFF.map((s) => [toExcelSerial(s.birth)]), BUREAU_STAFF.map((s) => [s.category])],
      ctx,
    ) as number[][];
    expect(serials.map((r) => r[0])).toEqual(dates.map(toExcelSerial));
    expect(formulaAt('机关退休减员', 'D9')).toBe('=EDU.RETIREDATE(B9:B145,C9:C145)');
  });

  it('编制与比例岗位: every function on the sheet gives numbers for its data', () => {
    const results = [
      invoke(findFormula('ESTABLISHMENT')!, [column([2350, 1620, 2900, 64]), [['小学'], ['初中'], ['高中'], ['小学']]], ctx),
      // E6 = RATIOPOSTS(C6:C9, I6, I7), I6/I7 the profile's 1:1000 (county) and 1 per school (national).
      invoke(findFormula('RATIOPOSTS')!, [column([2350, 1620, 2900, 64]), invoke(findFormula('PROFILE')!, ['cn-national', 'staffing.psychology.pupilsPerTeacher'], ctx), invoke(findFormula('PROFILE')!, ['cn-national', 'staffing.psychology.perSchoolMinimum'], ctx)], ctx),
      invoke(findFormula('INSPECTORS')!, [column([28, 40, 35, 31, 22, 30, 26, 24])], ctx),
    ];
    for (const r of results) expect((r as unknown[][]).flat().some(isFormulaError)).toBe(false);
    // 2350/19 → 124; 1620/13.5 = 120; 2900/12.5 = 232; 64/19 → 4.
    expect(results[0]).toEqual([[124], [120], [232], [4]]);
    // ⌈2.35⌉ = 3, ⌈1.62⌉ = 2, ⌈2.9⌉ = 3, ⌈0.064⌉ = 1 (and never below 1 per school).
    expect(results[1]).toEqual([[3], [2], [3], [1]]);
    expect(formulaAt('编制与比例岗位', 'E6')).toBe('=EDU.RATIOPOSTS(C6:C9,I6,I7)');
    // County: 6+8+7+7+5+6+6+5 = 50 inspectors, 16 full-time ≤ 50/3.
    expect((results[2] as number[][]).at(-1)).toEqual([50, 16, 34]);
  });
});
