/**
 * Names for plain selected ranges: the suggestion from the sheet and address is always a
 * name Excel accepts; typed names are checked against Excel's rules with a reason in words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangeNameProblem, suggestRangeName } from '../../../addin/taskpane/logic/range-name.js';

describe('range names', () => {
  it('suggests sheet_address', () => {
    expect(suggestRangeName('学区岗位', 'B2:B9')).toBe('学区岗位_B2_B9');
    expect(suggestRangeName('2024 预算', '$A$1:$C$3')).toBe('_2024_预算_A1_C3');
    expect(suggestRangeName('Sheet1', 'D4')).toBe('Sheet1_D4');
  });

  it('every suggestion is a name Excel accepts (any sheet name, any address)', () => {
    const address = fc.tuple(fc.constantFrom('A', 'B', 'AA', 'XFD'), fc.integer({ min: 1, max: 1048576 })).map(([c, r]) => `$${c}$${r}`);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[[\]:*?/\\]/.test(s)), address, address, (sheet, a, b) => {
        expect(rangeNameProblem(suggestRangeName(sheet, `${a}:${b}`))).toBeUndefined();
      }),
    );
  });

  it.each([
    ['A1', '像单元格地址'],
    ['r1c1', '像单元格地址'],
    ['C', '像单元格地址'],
    ['1月', '须以汉字、字母或下划线开头'],
    ['学区 岗位', '不能含空格和标点'],
    ['岗位-经费', '不能含空格和标点'],
    ['', '1 到 255 个字符'],
  ])('refuses %j: %s', (name, reason) => {
    expect(rangeNameProblem(name)?.zh).toContain(reason);
  });

  it.each(['学区岗位', '_2024预算', 'funds_A', '经费B2B9x'])('accepts %j', (name) => {
    expect(rangeNameProblem(name)).toBeUndefined();
  });
});
