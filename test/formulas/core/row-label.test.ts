/**
 * The one row-label helper (formulas/core/row-label.ts): every message that names a
 * position without a cell address counts from 1 the same way in both languages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellLabel, opening, rowLabel, rowLabels } from '../../../formulas/core/row-label.js';
import { invoke, isFormulaError, shippedProfileSource } from '../../../formulas/index.js';
import { apportion } from '../../../formulas/allocation/apportion.js';

describe('row labels', () => {
  it('counts from 1: down a column rows, along a row columns, a block’s cell both', () => {
    expect(rowLabel(0)).toEqual({ zh: '第 1 行', en: 'row 1' });
    expect(rowLabel(4, 'row')).toEqual({ zh: '第 5 列', en: 'column 5' });
    expect(cellLabel(2, 1)).toEqual({ zh: '第 3 行第 2 列', en: 'row 3, column 2' });
    expect(opening(rowLabel(2))).toEqual({ zh: '第 3 行', en: 'Row 3' });
  });

  it('lists several, at most ten, and counts the rest', () => {
    expect(rowLabels([1, 4])).toEqual({ zh: '第 2、5 行', en: 'rows 2, 5' });
    expect(rowLabels([0], 'row')).toEqual({ zh: '第 1 列', en: 'column 1' });
    const twelve = Array.from({ length: 12 }, (_, i) => i);
    expect(rowLabels(twelve)).toEqual({ zh: '第 1、2、3、4、5、6、7、8、9、10 行等 12 行', en: 'rows 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more' });
  });

  it('property: one label names the same position in both languages', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.constantFrom('column' as const, 'row' as const), (i, lying) => {
        const { zh, en } = rowLabel(i, lying);
        expect(Number(/\d+/.exec(zh)![0])).toBe(i + 1);
        expect(Number(/\d+/.exec(en)![0])).toBe(i + 1);
        expect(en).not.toMatch(/[\u4e00-\u9fff]/);
      }),
    );
  });

  it('is what the argument checks say: a bad cell of a column range is named by its row', () => {
    const result = invoke(apportion, [10, [[1], [2], [-3]]], { profiles: shippedProfileSource });
    expect(isFormulaError(result)).toBe(true);
    if (isFormulaError(result)) {
      expect(result.error.zh).toContain(rowLabel(2).zh);
      expect(result.error.en).toContain(rowLabel(2).en);
    }
  });
});
