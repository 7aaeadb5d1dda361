/**
 * Formulas of example sheets follow a sheet that had to be renamed (" (2)"), and text
 * inside string literals is left alone.
 */
import { describe, expect, it } from 'vitest';
import { renameSheetRefs } from '../../../addin/taskpane/excel/write-examples.js';

describe('renameSheetRefs', () => {
  const renames = new Map([
    ['学区岗位分配', '学区岗位分配 (2)'],
    ['Data', 'Data2'],
  ]);

  it('changes nothing without renames or references', () => {
    expect(renameSheetRefs('=EDU.APPORTION(B16,B6:B13,"hamilton")', new Map())).toBe('=EDU.APPORTION(B16,B6:B13,"hamilton")');
    expect(renameSheetRefs('=SUM(B2:B9)', renames)).toBe('=SUM(B2:B9)');
  });

  it('rewrites bare and quoted references, quoting the new name when needed', () => {
    expect(renameSheetRefs('=SUM(学区岗位分配!C6:C13)', renames)).toBe("=SUM('学区岗位分配 (2)'!C6:C13)");
    expect(renameSheetRefs("=SUM('学区岗位分配'!C6:C13)+Data!A1", renames)).toBe("=SUM('学区岗位分配 (2)'!C6:C13)+Data2!A1");
  });

  it('leaves strings and longer sheet names alone', () => {
    expect(renameSheetRefs('=IF(A1="Data!A1",MyData!A1,0)', renames)).toBe('=IF(A1="Data!A1",MyData!A1,0)');
  });
});
