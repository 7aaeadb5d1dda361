/**
 * Row heights for wrapped text in the pane's own sheets (Excel does not grow merged rows).
 */
import { describe, expect, it } from 'vitest';
import { fitRowHeights, paneStyles } from '../../../addin/taskpane/excel/pane-grid.js';

describe('fitRowHeights', () => {
  const styles = paneStyles('official');

  it('one line of 11-point text: 11 × 1.35 + 6 = 20.85 -> 21 points', () => {
    expect(fitRowHeights({ cells: [[{ value: '城关一小', style: 'text' }]], columns: [{ width: 20 }], merges: [], styles })).toEqual([{ height: 21 }]);
  });

  it('wraps text over the merged width: 60 CJK characters at 12 pt over 4 × 10 units', () => {
    // usable width = 40 × 5.25 − 6 = 204 pt; 60 characters × 12 pt = 720 pt -> 4 lines; 4 × 12 × 1.35 + 6 = 70.8 -> 71.
    const text = '交'.repeat(60);
    const row = [{ value: text, style: 'subtitle' }, ...Array.from({ length: 3 }, () => ({ value: null, style: 'subtitle' }))];
    expect(fitRowHeights({ cells: [row], columns: Array.from({ length: 4 }, () => ({ width: 10 })), merges: [{ top: 0, left: 0, bottom: 0, right: 3 }], styles })).toEqual([{ height: 71 }]);
  });

  it('keeps to Excel’s 409-point limit and a 15-point floor', () => {
    const long = { value: '字'.repeat(5000), style: 'text' };
    expect(fitRowHeights({ cells: [[long], [{ value: null, style: 'blank' }]], columns: [{ width: 8 }], merges: [], styles }).map((r) => r.height)).toEqual([409, 21]);
    const tiny = { ...styles, tiny: { ...styles.blank!, font: { ...styles.blank!.font, size: 6 } } };
    expect(fitRowHeights({ cells: [[{ value: null, style: 'tiny' }]], columns: [{ width: 8 }], merges: [], styles: tiny })).toEqual([{ height: 15 }]);
  });
});
