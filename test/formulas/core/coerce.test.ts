/**
 * The one argument-coercion path (formulas/core/coerce.ts, cells.ts): what clerks type is
 * read the same everywhere (issue 13 §2), and messages name the cell as the clerk sees it
 * when Excel gave the argument's address.
 */
import { describe, expect, it } from 'vitest';
import { cellWithin, parseAddress } from '../../../formulas/core/a1.js';
import { numberFromText, yesNoOf, yesNoText } from '../../../formulas/core/cells.js';
import { isFormulaError } from '../../../formulas/core/errors.js';
import { findFormula, invoke, shippedProfileSource } from '../../../formulas/index.js';

const ctx = { profiles: shippedProfileSource };
const call = (id: string, args: unknown[], addresses?: (string | null)[]) => invoke(findFormula(id)!, args, ctx, addresses);
const message = (v: unknown): string => (isFormulaError(v) ? `${v.error.zh} / ${v.error.en}` : `not an error: ${JSON.stringify(v)}`);
const col = (xs: unknown[]) => xs.map((x) => [x]);

describe('numbers stored as text', () => {
  it('reads what the text shows: plain, thousands commas, full-width digits, spaces', () => {
    expect(['12100', '12,100', '１２１００', ' 12100 ', '12 100', '１２，１００', '-3.5', '+7'].map(numberFromText)).toEqual([12100, 12100, 12100, 12100, 12100, 12100, -3.5, 7]);
  });

  it('refuses what is not a number, and a comma that does not group thousands', () => {
    expect(['一万', '12,10', '1,2', '', '12元', '1e3', '--1'].map(numberFromText)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('gives every function the number a text cell shows, and names the cell and value of a text that is not one', () => {
    // 48 posts by 3:5:8 (hamilton): quotas 9, 15, 24 exactly.
    expect(call('APPORTION', ['48', col(['3', '５', ' 8 ']), '最大余额'])).toEqual([[9], [15], [24]]);
    expect(call('APPORTION', [48, col([3, '五', 8])], ['Sheet1!A1', '学校!C4:C6'])).toSatisfy((v: unknown) => /weights（学校!C5） 的值 "五" 不是数字/.test(message(v)));
    expect(message(call('APPORTION', [48, col([3, '五', 8])]))).toMatch(/weights 第 2 行 的值 "五" 不是数字.*weights row 2: "五" is not a number/);
  });
});

describe('yes/no: one word list', () => {
  it('reads 是/否, 有/无, Y/N, TRUE/FALSE, 1/0 and tick marks, any width or case', () => {
    expect(['是', '有', 'Y', 'y', 'yes', 'TRUE', 'true', 1, '1', '√', true, 'Ｙ'].map(yesNoOf)).toEqual(Array(12).fill(true));
    expect(['否', '无', 'N', 'no', 'FALSE', 0, '0', '×', false].map(yesNoOf)).toEqual(Array(9).fill(false));
    expect(['也许', 2, '', null].map(yesNoOf)).toEqual([undefined, undefined, undefined, undefined]);
    // The words printed for a yes/no (forms, the plan sheet, the pane) are read back as the same answer.
    for (const yes of [true, false]) expect(yesNoOf(yesNoText(yes))).toBe(yes);
    expect([yesNoText(true), yesNoText(false)]).toEqual(['是', '否']);
  });

  it('takes the words for rural in PUBLICFUNDS, one value or one per school, without a misleading shape message', () => {
    const rural = call('PUBLICFUNDS', [col([50, 50]), col([0, 0]), 0, 0, null, col([true, false])]);
    expect(call('PUBLICFUNDS', [col([50, 50]), col([0, 0]), 0, 0, null, col(['是', '否'])])).toEqual(rural);
    expect(call('PUBLICFUNDS', [col([50, 50]), col([0, 0]), 0, 0, null, col(['Y', 'N'])])).toEqual(rural);
    expect(call('PUBLICFUNDS', [50, 0, 0, 0, null, '是'])).toEqual(call('PUBLICFUNDS', [50, 0, 0, 0, null, true]));
    expect(message(call('PUBLICFUNDS', [50, 0, 0, 0, null, '也许']))).toMatch(/rural.*是\/否、有\/无、Y\/N、TRUE\/FALSE 或 1\/0/);
  });

  it('refuses a 0 for rural (it may be a blank cell) and says what to write, naming the cell', () => {
    const e = message(call('PUBLICFUNDS', [col([50, 50]), col([0, 0]), 0, 0, null, col([1, 0])], [null, null, null, null, null, "'学校 名单'!F2:F3"]));
    expect(e).toMatch(/rural（'学校 名单'!F3） 的值是 0.*请写 否/);
  });
});

describe('method names the docs promise', () => {
  it('accepts every Chinese method name with or without its final 法, in either width', () => {
    const hamilton = call('APPORTION', [10, col([1, 2, 3])]);
    for (const name of ['最大余额法', '最大余额', '最大余数', 'Hamilton', ' HAMILTON ']) expect(call('APPORTION', [10, col([1, 2, 3]), name]), name).toEqual(hamilton);
    const jefferson = call('APPORTION', [10, col([1, 2, 3]), 'jefferson']);
    for (const name of ['达洪特法', '达洪特', 'dhondt']) expect(call('APPORTION', [10, col([1, 2, 3]), name]), name).toEqual(jefferson);
  });
});

describe('cell addresses', () => {
  it('reads the addresses Excel gives and counts cells from the top-left', () => {
    expect(parseAddress('Sheet1!$B$2:$B$9')).toEqual({ sheet: 'Sheet1', row: 1, column: 1 });
    expect(parseAddress("'It''s'!AA10")).toEqual({ sheet: "It's", row: 9, column: 26 });
    expect(parseAddress('B:B')).toBeUndefined();
    expect(cellWithin('Sheet1!B2:C9', 5, 1)).toBe('Sheet1!C7');
    expect(cellWithin('B2', 0, 0)).toBe('B2');
    expect(cellWithin('My Sheet!A1', 1, 0)).toBe("'My Sheet'!A2");
  });

  it('names the cell in a message when the address is known, and the position in the range when not', () => {
    expect(message(call('APPORTION', [10, col([5, -3, 5])], ['Sheet1!A1', 'Sheet1!B5:B7']))).toMatch(/weights（Sheet1!B6） 的值 -3 小于 0.*weights \(Sheet1!B6\): -3 is below 0/);
    expect(message(call('APPORTION', [10, [[5, 5, -1]]], [null, 'Sheet1!B5:D5']))).toMatch(/Sheet1!D5/);
    expect(message(call('APPORTION', [10, col([5, -3, 5])], [null, null]))).toMatch(/weights 第 2 行/);
  });
});
