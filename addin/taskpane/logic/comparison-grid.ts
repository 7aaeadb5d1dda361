/**
 * Lays a comparison out as a sheet (PaneGrid) with its extras: green/red rules on the
 * difference columns and a clustered column chart of the first block (the main result) per
 * unit, one series per scenario. Pure: the addresses are computed here and tested.
 *
 *   方案对比 Scenario comparison
 *   基准 … 对比 …
 *
 *   结果：分配 · 金额
 *   单位 Unit | A | B | C | B − A | B 较 A | C − A | C 较 A
 *   第一学区  | … | … | … |   …   |  …%   |   …   |  …%
 */
import { a4Print, fitRowHeights, paneStyles, type GridExtras, type PaneCellFormat, type PaneGrid } from '../excel/pane-grid.js';
import { cellAddress, rangeAddress } from '../excel/a1.js';
import type { Comparison } from './compare.js';

const GREEN = { fill: 'C6EFCE', fontColor: '006100' };
const RED = { fill: 'FFC7CE', fontColor: '9C0006' };
const CHART_ROWS = 18;
const CHART_COLUMNS = 8;

const decimalsPart = (d: number): string => (d > 0 ? `.${'0'.repeat(d)}` : '');

/** Number formats of a block's values and differences at its decimals. */
export function blockFormats(decimals: number): { value: string; diff: string; pct: string } {
  const n = `#,##0${decimalsPart(decimals)}`;
  return { value: n, diff: `+${n};-${n};0`, pct: '+0.0%;-0.0%;0.0%' };
}

export function comparisonGrid(comparison: Comparison, generatedAt: string): { grid: PaneGrid; extras: GridExtras } {
  const base = comparison.scenarios[0]!;
  const others = comparison.scenarios.slice(1);
  const s = comparison.scenarios.length;
  const width = 1 + s + 2 * (s - 1);
  const styles: Record<string, PaneCellFormat> = paneStyles('working');
  const cells: PaneGrid['cells'] = [];
  const merges: PaneGrid['merges'] = [];
  const conditionalFormats: NonNullable<GridExtras['conditionalFormats']> = [];
  const blankRow = (style = 'blank'): PaneGrid['cells'][number] => Array.from({ length: width }, () => ({ value: null, style }));
  const fullRow = (value: string, style: string) => {
    const row = blankRow(style);
    row[0]!.value = value;
    merges.push({ top: cells.length, left: 0, bottom: cells.length, right: width - 1 });
    cells.push(row);
  };

  fullRow('方案对比 Scenario comparison', 'title');
  fullRow(
    `基准方案 Base：${base}；对比 Compared：${others.join('、')}。差额 = 方案 − 基准；绿色高于基准，红色低于基准。Green: above the base; red: below. 生成于 ${generatedAt}`,
    'subtitle',
  );
  cells.push(blankRow());

  let chart: GridExtras['chart'];
  let firstHeader = -1;
  comparison.blocks.forEach((block, b) => {
    const formats = blockFormats(block.decimals);
    styles[`value${block.decimals}`] ??= { ...styles.integer!, numberFormat: formats.value };
    styles[`diff${block.decimals}`] ??= { ...styles.integer!, numberFormat: formats.diff };
    styles.pctDiff ??= { ...styles.pct!, numberFormat: formats.pct };

    fullRow(block.quantity.title, 'section');
    const header = cells.length;
    if (firstHeader < 0) firstHeader = header;
    cells.push([
      { value: '单位 Unit', style: 'header' },
      ...comparison.scenarios.map((label) => ({ value: label, style: 'header' })),
      ...others.flatMap((label) => [
        { value: `${label} − ${base}`, style: 'header' },
        { value: `${label} 较 ${base} (%)`, style: 'header' },
      ]),
    ]);
    block.units.forEach((unit, u) => {
      const row = block.values[u]!;
      cells.push([
        { value: unit, style: 'text' },
        ...row.map((v) => ({ value: v, style: typeof v === 'number' ? `value${block.decimals}` : 'general' })),
        ...others.flatMap((_, k) => [
          { value: block.abs[u]![k]!, style: `diff${block.decimals}` },
          { value: block.pct[u]![k]!, style: 'pctDiff' },
        ]),
      ]);
    });
    const top = header + 1;
    const bottom = cells.length - 1;
    if (bottom >= top) {
      others.forEach((_, k) => {
        for (const column of [1 + s + 2 * k, 2 + s + 2 * k]) {
          conditionalFormats.push({
            address: rangeAddress(top, column, bottom, column),
            rules: [
              { operator: 'GreaterThan', formula: '0', ...GREEN },
              { operator: 'LessThan', formula: '0', ...RED },
            ],
          });
        }
      });
      if (b === 0 && block.values.some((row) => row.some((v) => typeof v === 'number'))) {
        chart = {
          source: rangeAddress(header, 0, bottom, s),
          title: `${block.quantity.title}（按单位 per unit）`,
          topLeft: cellAddress(3, width + 1),
          bottomRight: cellAddress(3 + CHART_ROWS, width + CHART_COLUMNS),
        };
      }
    }
    cells.push(blankRow());
  });

  const grid: PaneGrid = {
    title: '方案对比',
    sheetName: '方案对比',
    columns: [{ width: 24 }, ...comparison.scenarios.map(() => ({ width: 14 })), ...others.flatMap(() => [{ width: 14 }, { width: 12 }])],
    cells,
    merges,
    styles,
    bodyStart: 0,
    print: a4Print('landscape', { first: 1, last: 2 }, rangeAddress(0, 0, cells.length - 1, width - 1)),
  };
  grid.rows = fitRowHeights(grid);
  return { grid, extras: { conditionalFormats, ...(chart ? { chart } : {}) } };
}
