/**
 * Messages made inside a calculation name the unit's cell as the clerk sees it when Excel gave
 * the argument's address (requiresParameterAddresses), the same way the argument checks do,
 * and fall back to the position in the range otherwise (issue 13 §2).
 */
import { describe, expect, it } from 'vitest';
import { isFormulaError } from '../../../formulas/core/errors.js';
import { findFormula, invoke, shippedProfileSource } from '../../../formulas/index.js';

const ctx = { profiles: shippedProfileSource };
const message = (id: string, args: unknown[], addresses?: (string | null)[]): string => {
  const v = invoke(findFormula(id)!, args, ctx, addresses);
  return isFormulaError(v) ? `${v.error.zh} / ${v.error.en}` : `not an error: ${JSON.stringify(v)}`;
};
const col = (xs: unknown[]) => xs.map((x) => [x]);

describe('a unit named inside a calculation', () => {
  it('APPORTION: a minimum above its maximum names the minimum cell, a tie the weight cells', () => {
    // The second unit: minimum 4 > maximum 3. minimum sits in C2:C4, so its second cell is C3.
    const crossed = [10, col([5, 5, 5]), 'hamilton', col([1, 4, 1]), col([3, 3, 3])];
    expect(message('APPORTION', crossed, [null, '学校!B2:B4', null, '学校!C2:C4', '学校!D2:D4'])).toMatch(/^学校!C3的 minimum 大于 maximum（学校!C3：4 > 3）.*学校!C3: minimum is above maximum/);
    expect(message('APPORTION', crossed)).toMatch(/第 2 行的 minimum 大于 maximum.*row 2: minimum is above maximum/);
    // 1 post between two equal weights: an exact tie, never settled by row order.
    expect(message('APPORTION', [1, col([1, 1])], [null, 'Sheet1!B5:B6'])).toMatch(/^Sheet1!B5、Sheet1!B6（权重 1、1）.*Sheet1!B5, Sheet1!B6 \(weights 1, 1\)/);
    expect(message('APPORTION', [1, col([1, 1])])).toMatch(/^第 1、2 行（权重 1、1）/);
  });

  it('RETIREDATE and ROTATIONELIGIBLE: a birth date that is not a date names its cell', () => {
    const secondCell = (addresses?: (string | null)[]): string => {
      const v = invoke(findFormula('RETIREDATE')!, [col(['1965-01-15', '不详']), 'male'], ctx, addresses);
      const cell = Array.isArray(v) ? v[1]![0] : v;
      return isFormulaError(cell) ? `${cell.error.zh} / ${cell.error.en}` : `not an error: ${JSON.stringify(v)}`;
    };
    expect(secondCell(['名单!C2:C3', null])).toMatch(/^名单!C3：出生日期.*\/ 名单!C3: /);
    expect(secondCell()).toMatch(/^第 2 行：出生日期/);
    const eligible = [col([8, 10]), 6, col(['1966-03-10', '不详']), col(['男', '男']), '2025-09-01', 5];
    const answer = invoke(findFormula('ROTATIONELIGIBLE')!, eligible, ctx, [null, null, '名单!D2:D3', '名单!E2:E3', null, null]);
    // The first teacher is answered (born March 1966, a man retires at 60 years and some months,
    // within the 5 exempt years of 2025-09-01: not eligible); only the second cell carries the error, naming D3.
    expect(Array.isArray(answer) && answer[0]![0]).toBe(false);
    const second = Array.isArray(answer) ? answer[1]![0] : undefined;
    expect(isFormulaError(second) && second.error.zh).toMatch(/^名单!D3：出生日期 "不详"/);
    const unnamed = invoke(findFormula('ROTATIONELIGIBLE')!, eligible, ctx);
    expect(Array.isArray(unnamed) && isFormulaError(unnamed[1]![0]) && unnamed[1]![0].error.zh).toMatch(/^第 2 行：出生日期/);
  });

  it('FUNDSPLIT: a floor above its cap names the floors cell; CLASSBAND a school without classes its classes cell', () => {
    const split = [1000, col([1, 1]), null, null, col([100, 600]), col([500, 500])];
    expect(message('FUNDSPLIT', split, [null, '分配!B2:B3', null, null, '分配!E2:E3', '分配!F2:F3'])).toMatch(/^分配!E3的保底额 600\.00 元高于封顶额 500\.00 元.*分配!E3: the floor/);
    expect(message('FUNDSPLIT', split)).toMatch(/^第 2 行的保底额 600\.00 元/);
    const band = invoke(findFormula('CLASSBAND')!, [col([90, 80]), col([2, 0])], ctx, ['班级!B2:B3', '班级!C2:C3']);
    const error = Array.isArray(band) ? band[1]![0] : undefined;
    expect(isFormulaError(error) && error.error.zh).toMatch(/^班级!C3班级数为 0/);
  });

  it('a single value given for every unit has no cell per unit: the position is named', () => {
    // maximum is one cell (D1) for all three units, so the crossed unit is named by its row.
    expect(message('APPORTION', [10, col([5, 5, 5]), 'hamilton', col([1, 4, 1]), 3], [null, '学校!B2:B4', null, null, '学校!D1'])).toMatch(/^第 2 行的 minimum 大于 maximum/);
  });
});
