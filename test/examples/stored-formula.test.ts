/**
 * Typed formula -> stored formula. The reference forms are what Excel itself saved:
 * `_xldudf_CONTOSO_ADD(1,2)` for `=CONTOSO.ADD(1,2)` (a workbook saved by Excel, see
 * docs/example-workbook.md), `_xlfn._xlws.SORT(_xlfn.UNIQUE(...))`, `_xlfn.ANCHORARRAY(C4)`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storedCustomFunctionName, toStoredFormula } from '../../examples/stored-formula.js';

describe('toStoredFormula', () => {
  it('stores an EDU call with the _xldudf_ prefix, dots as underscores, as a dynamic array', () => {
    expect(toStoredFormula('=EDU.APPORTION(48,B4:B11,"hamilton",1)')).toEqual({
      formula: '_xldudf_EDU_APPORTION(48,B4:B11,"hamilton",1)',
      dynamic: true,
      customFunctions: ['_xldudf_EDU_APPORTION'],
    });
    expect(toStoredFormula('=edu.fund.split(1)').formula).toBe('_xldudf_EDU_FUND_SPLIT(1)');
    expect(storedCustomFunctionName('EDU.PROFILE')).toBe('_xldudf_EDU_PROFILE');
  });

  it('converts calls nested in Excel functions and in arithmetic', () => {
    expect(toStoredFormula('=SUM(EDU.APPORTION(48,B4:B11))-1.5E+3*EDU.PROFILE("cn-national","k")').formula).toBe(
      'SUM(_xldudf_EDU_APPORTION(48,B4:B11))-1.5E+3*_xldudf_EDU_PROFILE("cn-national","k")',
    );
  });

  it('leaves text in quotes, quoted sheet names and non-calls alone', () => {
    expect(toStoredFormula('=IF(A1="EDU.X(1)",1,0)')).toEqual({ formula: 'IF(A1="EDU.X(1)",1,0)', dynamic: false, customFunctions: [] });
    expect(toStoredFormula(`='EDU.X(1)'!A1+'it''s'!B2`).formula).toBe(`'EDU.X(1)'!A1+'it''s'!B2`);
    expect(toStoredFormula('="say ""EDU.X("" ok"').formula).toBe('="say ""EDU.X("" ok"'.slice(1));
    expect(toStoredFormula('=MYEDU.X(1)+EDU_X(2)').formula).toBe('MYEDU.X(1)+EDU_X(2)');
    expect(toStoredFormula('=SUM(B4:B11)')).toEqual({ formula: 'SUM(B4:B11)', dynamic: false, customFunctions: [] });
  });

  it('prefixes functions newer than Excel 2007 and the spill operator', () => {
    expect(toStoredFormula('=SORT(UNIQUE(A1:A9))')).toMatchObject({ formula: '_xlfn._xlws.SORT(_xlfn.UNIQUE(A1:A9))', dynamic: true });
    expect(toStoredFormula('=XLOOKUP(A1,B:B,C:C)').formula).toBe('_xlfn.XLOOKUP(A1,B:B,C:C)');
    expect(toStoredFormula('=IFNA(VLOOKUP(A1,B:C,2,0),0)')).toMatchObject({ formula: '_xlfn.IFNA(VLOOKUP(A1,B:C,2,0),0)', dynamic: false });
    expect(toStoredFormula('=STDEV.P(A1:A9)').formula).toBe('_xlfn.STDEV.P(A1:A9)');
    expect(toStoredFormula('=SUM(C4#)')).toMatchObject({ formula: 'SUM(_xlfn.ANCHORARRAY(C4))', dynamic: true });
    expect(toStoredFormula("=SUM('编制 测算'!$C$4#)").formula).toBe("SUM(_xlfn.ANCHORARRAY('编制 测算'!$C$4))");
    expect(toStoredFormula('=IFERROR(A1,#N/A)').formula).toBe('IFERROR(A1,#N/A)');
  });

  it('every EDU.<NAME>( is rewritten and nothing inside a string literal is', () => {
    const name = fc.stringMatching(/^[A-Z][A-Z0-9]{0,10}(\.[A-Z][A-Z0-9]{0,6})?$/);
    const literal = fc.string({ maxLength: 20 }).map((s) => `"${s.replace(/"/g, '""')}"`);
    fc.assert(
      fc.property(name, literal, fc.integer({ min: 0, max: 999 }), (fn, text, n) => {
        const stored = toStoredFormula(`=EDU.${fn}(${n},${text})&${text}`);
        expect(stored.formula).toBe(`_xldudf_EDU_${fn.replace(/\./g, '_')}(${n},${text})&${text}`);
        expect(stored.dynamic).toBe(true);
        // Storing is done once: the stored text holds no EDU. call left to convert.
        expect(toStoredFormula(`=${stored.formula}`).formula).toBe(stored.formula);
      }),
    );
  });
});
