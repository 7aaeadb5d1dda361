/**
 * A1 addresses of the sheets the pane writes: column letters, ranges, sheet references
 * (quoted when they must be) and unique sheet names within Excel's rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAddress, columnLetter, rangeAddress, sheetReference, splitReference, uniqueSheetName } from '../../../addin/taskpane/excel/a1.js';

describe('A1 addresses', () => {
  it('letters columns as Excel does, across the Z/AA and ZZ/AAA boundaries', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
    expect(cellAddress(0, 0)).toBe('A1');
    expect(rangeAddress(4, 1, 12, 1)).toBe('B5:B13');
    expect(rangeAddress(2, 2, 2, 2)).toBe('C3');
  });

  it('quotes sheet names that need it and reads references back', () => {
    expect(sheetReference('预算', 'B2:B9')).toBe('预算!B2:B9');
    expect(sheetReference('My Sheet', 'A1')).toBe("'My Sheet'!A1");
    expect(sheetReference("O'Brien", 'A1')).toBe("'O''Brien'!A1");
    expect(sheetReference('2024', 'A1')).toBe("'2024'!A1");
    expect(splitReference("'O''Brien'!$A$1:$B$2")).toEqual({ sheet: "O'Brien", address: 'A1:B2' });
    expect(splitReference('B2')).toEqual({ sheet: undefined, address: 'B2' });
  });

  it('sheet references survive a round trip for any name Excel allows', () => {
    const name = fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[[\]:*?/\\]/.test(s) && s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(name, (sheet) => {
        expect(splitReference(sheetReference(sheet, 'C3:D4'))).toEqual({ sheet, address: 'C3:D4' });
      }),
    );
  });

  it('makes sheet names unique, at most 31 characters, without []:*?/\\', () => {
    expect(uniqueSheetName('方案对比', [])).toBe('方案对比');
    expect(uniqueSheetName('方案对比', ['方案对比', '方案对比 (2)'])).toBe('方案对比 (3)');
    expect(uniqueSheetName('a/b:c', [])).toBe('abc');
    expect(uniqueSheetName('', [])).toBe('Sheet');
    expect(uniqueSheetName('SHEET1', ['Sheet1'])).toBe('SHEET1 (2)');
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 31 }), { maxLength: 8 }), (wanted, existing) => {
        const name = uniqueSheetName(wanted, existing);
        expect([...name].length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[[\]:*?/\\]/);
        expect(existing.map((e) => e.toLowerCase())).not.toContain(name.toLowerCase());
      }),
    );
  });
});
