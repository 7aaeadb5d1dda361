/**
 * What the compute pane writes, worked out without Excel (addin/compute/result-cells.ts):
 * the answer's cells in spill shape, error values as visible text, the cells in the way
 * (#SPILL!) and the cells a shrinking result leaves behind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaOf, areaReference, blockedCells, errorText, leftOver, resultCells, spillArea, spillMessage, type Area } from '../../../addin/compute/result-cells.js';

const NA = { error: { code: 'NA' as const, zh: '找不到', en: 'not found' } };

describe('resultCells', () => {
  it('spills rows as rows, one value into one cell, and shows each error value as "#CODE! 中文 / English" in its own cell', () => {
    expect(resultCells({ value: [[1], [2], [3]] })).toEqual([[1], [2], [3]]);
    expect(resultCells({ value: 0.25 })).toEqual([[0.25]]);
    expect(resultCells({ value: [['第一学区', NA]] })).toEqual([['第一学区', '#N/A 找不到 / not found']]);
    expect(resultCells({ error: { code: 'VALUE', zh: '份数须为正', en: 'must be positive' } })).toEqual([['#VALUE! 份数须为正 / must be positive']]);
    expect(errorText(NA)).toBe('#N/A 找不到 / not found');
  });
});

describe('areas', () => {
  it('reads an address with its sheet (quoted or not) and writes it back the way Excel does', () => {
    expect(areaOf('结果!D2:F9')).toEqual({ sheet: '结果', row: 1, column: 3, rows: 8, columns: 3 });
    expect(areaOf("'My Sheet'!$B$3")).toEqual({ sheet: 'My Sheet', row: 2, column: 1, rows: 1, columns: 1 });
    expect(areaOf('D2')).toBeUndefined();
    expect(areaReference({ sheet: 'My Sheet', row: 2, column: 1, rows: 2, columns: 1 })).toBe("'My Sheet'!B3:B4");
    expect(spillArea(areaOf('结果!D2')!, [[1, 2], [3, 4], [5, 6]])).toEqual({ sheet: '结果', row: 1, column: 3, rows: 3, columns: 2 });
  });

  it('finds the cells in the way, but not those the previous result filled, and names them in both languages', () => {
    const target = areaOf('结果!D2:D5')!;
    const previous = areaOf('结果!D2:D3');
    const current = [['5'], [''], ['=A1'], ['别人的数据']];
    expect(blockedCells(target, current, previous)).toEqual([
      { address: 'D4', shown: '=A1' },
      { address: 'D5', shown: '别人的数据' },
    ]);
    expect(blockedCells(target, current, undefined).map((b) => b.address)).toEqual(['D2', 'D4', 'D5']);
    const words = spillMessage(target, blockedCells(target, current, previous));
    expect(words.zh).toContain('#SPILL! 结果需要写入 结果!D2:D5，但 D4（=A1）、D5（别人的数据） 已有内容');
    expect(words.en).toContain('but D4 (=A1), D5 (别人的数据) already hold data');
  });

  it('a result that shrinks leaves its old cells to clear: columns to the right, then rows below', () => {
    const previous = areaOf('结果!D2:F9')!;
    expect(leftOver(previous, areaOf('结果!D2:E5')!).map(areaReference)).toEqual(['结果!F2:F9', '结果!D6:E9']);
    expect(leftOver(previous, areaOf('结果!D2:G12')!)).toEqual([]);
    expect(leftOver(undefined, areaOf('结果!D2')!)).toEqual([]);
    // Another anchor: the whole previous result goes.
    expect(leftOver(previous, areaOf('结果!H2')!)).toEqual([previous]);
  });

  it('property: the cells left over and the new result together cover the previous result, without overlapping', () => {
    const size = fc.integer({ min: 1, max: 6 });
    fc.assert(
      fc.property(size, size, size, size, (r1, c1, r2, c2) => {
        const previous: Area = { sheet: 'S', row: 1, column: 1, rows: r1, columns: c1 };
        const next: Area = { sheet: 'S', row: 1, column: 1, rows: r2, columns: c2 };
        const cleared = leftOver(previous, next);
        for (let r = 1; r < 1 + r1; r++) {
          for (let c = 1; c < 1 + c1; c++) {
            const inNext = r < 1 + r2 && c < 1 + c2;
            const inCleared = cleared.filter((a) => r >= a.row && r < a.row + a.rows && c >= a.column && c < a.column + a.columns).length;
            expect(inCleared).toBe(inNext ? 0 : 1);
          }
        }
      }),
    );
  });
});
