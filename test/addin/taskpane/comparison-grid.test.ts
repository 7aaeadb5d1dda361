/**
 * The comparison sheet's layout: where each value, difference, rule and the chart go.
 */
import { describe, expect, it } from 'vitest';
import { buildComparison } from '../../../addin/taskpane/logic/compare.js';
import { blockFormats, comparisonGrid } from '../../../addin/taskpane/logic/comparison-grid.js';

const col = (values: number[]) => ({ kind: 'range', address: '', values: values.map((v) => [v]), labels: ['甲', '乙'] });
const three = buildComparison([
  { label: 'A', inputs: {}, results: { 经费: col([100, 200]) } },
  { label: 'B', inputs: {}, results: { 经费: col([110, 200]) } },
  { label: 'C', inputs: {}, results: { 经费: col([90.5, 210]) } },
]);

describe('comparisonGrid', () => {
  it('number formats follow the block’s decimals and show the sign of a difference', () => {
    expect(blockFormats(0)).toEqual({ value: '#,##0', diff: '+#,##0;-#,##0;0', pct: '+0.0%;-0.0%;0.0%' });
    expect(blockFormats(2).diff).toBe('+#,##0.00;-#,##0.00;0');
  });

  it('lays out three scenarios: unit | A | B | C | B − A | B 较 A | C − A | C 较 A (worked by hand)', () => {
    const { grid, extras } = comparisonGrid(three, '2024-03-01 09:30');
    expect(grid.columns).toHaveLength(8);
    expect(grid.cells[0]![0]!.value).toBe('方案对比 Scenario comparison');
    expect(grid.cells[1]![0]!.value).toContain('2024-03-01 09:30');
    expect(grid.cells[3]![0]!.value).toBe('结果：经费');
    expect(grid.cells[4]!.map((c) => c.value)).toEqual(['单位 Unit', 'A', 'B', 'C', 'B − A', 'B 较 A (%)', 'C − A', 'C 较 A (%)']);
    // 甲: B − A = 10 (10%), C − A = −9.5 (−9.5%); 乙: 0, and C − A = 10 (5%).
    expect(grid.cells[5]!.map((c) => c.value)).toEqual(['甲', 100, 110, 90.5, 10, 0.1, -9.5, -0.095]);
    expect(grid.cells[6]!.map((c) => c.value)).toEqual(['乙', 200, 200, 210, 0, 0, 10, 0.05]);
    expect(grid.styles[grid.cells[5]![1]!.style]!.numberFormat).toBe('#,##0.0');
    expect(grid.merges[0]).toEqual({ top: 0, left: 0, bottom: 0, right: 7 });
    expect(extras.conditionalFormats!.map((c) => c.address)).toEqual(['E6:E7', 'F6:F7', 'G6:G7', 'H6:H7']);
    expect(extras.conditionalFormats![0]!.rules.map((r) => r.operator)).toEqual(['GreaterThan', 'LessThan']);
    expect(extras.chart).toEqual({ source: 'A5:D7', title: '结果：经费（按单位 per unit）', topLeft: 'J4', bottomRight: 'Q22' });
    expect(grid.print!.printArea).toBe('A1:H8');
    expect(grid.rows).toHaveLength(grid.cells.length);
  });

  it('draws no chart when the first block holds no numbers', () => {
    const text = buildComparison([
      { label: 'A', inputs: {}, results: { 说明: [['甲'], ['乙']] } },
      { label: 'B', inputs: {}, results: { 说明: [['丙'], ['丁']] } },
    ]);
    expect(comparisonGrid(text, 'now').extras.chart).toBeUndefined();
  });
});
