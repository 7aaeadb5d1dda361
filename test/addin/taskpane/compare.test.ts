/**
 * Scenarios side by side: quantities from ranges and tables, units matched by label,
 * absolute and percentage differences from the base worked out by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildComparison, decimalsOf, difference, quantitiesOf, type ScenarioValues } from '../../../addin/taskpane/logic/compare.js';

const CENTRES = ['第一学区', '第二学区', '第三学区'];
const table = (funds: number[]) => ({
  kind: 'table',
  address: '结果!A2:C4',
  headers: ['学区', '岗位数', '经费（元）'],
  values: CENTRES.map((c, i) => [c, 9 - i, funds[i]!]),
});
const scenario = (label: string, results: Record<string, unknown>, inputs: Record<string, unknown> = {}): ScenarioValues => ({ label, results, inputs });

describe('buildComparison: bad arguments', () => {
  it('needs two scenarios', () => {
    expect(() => buildComparison([scenario('A', {})])).toThrow(RangeError);
  });

  it('leaves out saved entries that are neither a range nor a table, and says so', () => {
    const c = buildComparison([scenario('A', { 备注: { note: 'x' }, 预算: [[1]] }), scenario('B', { 预算: [[2]] })]);
    expect(c.skipped).toEqual(['备注']);
    expect(c.blocks).toHaveLength(1);
  });
});

describe('buildComparison: reference values', () => {
  it('compares a results table column by column, labelled by its text column (worked by hand)', () => {
    // A: 250,000 / 200,000 / 175,000; B moves 10,000 from centre 1 to centre 3.
    // Centre 1: 240,000 − 250,000 = −10,000, −10,000 / 250,000 = −4%.
    // Centre 3: 185,000 − 175,000 = +10,000, 10,000 / 175,000 = 0.0571428…
    const c = buildComparison([scenario('A', { 分配: table([250000, 200000, 175000]) }), scenario('B', { 分配: table([240000, 200000, 185000]) })], { mainKey: 'results|分配|经费（元）' });
    expect(c.scenarios).toEqual(['A', 'B']);
    expect(c.blocks.map((b) => b.quantity.title)).toEqual(['结果：分配 · 经费（元）', '结果：分配 · 岗位数']);
    const [funds] = c.blocks;
    expect(funds!.units).toEqual(CENTRES);
    expect(funds!.values).toEqual([
      [250000, 240000],
      [200000, 200000],
      [175000, 185000],
    ]);
    expect(funds!.abs).toEqual([[-10000], [0], [10000]]);
    expect(funds!.pct[0]).toEqual([-0.04]);
    expect(funds!.pct[1]).toEqual([0]);
    expect(funds!.pct[2]![0]).toBeCloseTo(10000 / 175000, 15);
    expect(funds!.decimals).toBe(0);
  });

  it('three scenarios: every later one against the first', () => {
    const c = buildComparison([scenario('A', { 总额: [[100]] }), scenario('B', { 总额: [[110]] }), scenario('C', { 总额: [[90]] })]);
    expect(c.blocks[0]!.abs).toEqual([[10, -10]]);
    expect(c.blocks[0]!.pct).toEqual([[0.1, -0.1]]);
  });

  it('gathers single cells into one block whose units are their names', () => {
    const c = buildComparison([scenario('A', { 预算: [[1600000]], 岗位: [[48]] }), scenario('B', { 预算: [[1700000]], 岗位: [[48]] })]);
    expect(c.blocks).toHaveLength(1);
    expect(c.blocks[0]!.quantity.title).toBe('结果：单值');
    expect(c.blocks[0]!.units).toEqual(['预算', '岗位']);
    expect(c.blocks[0]!.abs).toEqual([[100000], [0]]);
  });

  it('labels a one-column range by the labels saved with it, else by row number; a wide range per column', () => {
    const labelled = { kind: 'range', address: 'S!B2:B3', values: [[1], [2]], labels: ['甲', '乙'] };
    expect(buildComparison([scenario('A', { r: labelled }), scenario('B', { r: labelled })]).blocks[0]!.units).toEqual(['甲', '乙']);
    expect(buildComparison([scenario('A', { r: [[1], [2]] }), scenario('B', { r: [[1], [3]] })]).blocks[0]!.units).toEqual(['第 1 行', '第 2 行']);
    expect(buildComparison([scenario('A', { r: [[1, 2, 3]] }), scenario('B', { r: [[1, 2, 3]] })]).blocks[0]!.units).toEqual(['第 1 列', '第 2 列', '第 3 列']);
    const wide = buildComparison([scenario('A', { r: [[1, 2], [3, 4]] }), scenario('B', { r: [[1, 2], [3, 5]] })]);
    expect(wide.blocks.map((b) => b.quantity.title)).toEqual(['结果：r · 第 1 列', '结果：r · 第 2 列']);
    expect(wide.blocks[1]!.abs).toEqual([[0], [1]]);
  });

  it('includes inputs only when asked, after the results', () => {
    const a = scenario('A', { 总额: [[1]] }, { 比例: [[0.1]] });
    const b = scenario('B', { 总额: [[2]] }, { 比例: [[0.2]] });
    expect(buildComparison([a, b]).blocks).toHaveLength(1);
    const both = buildComparison([a, b], { includeInputs: true });
    expect(both.blocks.map((x) => x.quantity.kind)).toEqual(['results', 'inputs']);
    expect(both.blocks[1]!.abs).toEqual([[0.1]]);
    expect(quantitiesOf([a, b], true).map((q) => q.key)).toEqual(['results|单值结果', 'inputs|单值结果']);
  });
});

describe('buildComparison: edge cases', () => {
  it('matches units by label when a scenario has a school more or less', () => {
    const two = { kind: 'table', address: '', headers: ['学校', '学生'], values: [['甲', 10], ['乙', 20]] };
    const three = { kind: 'table', address: '', headers: ['学校', '学生'], values: [['乙', 25], ['丙', 5], ['甲', 10]] };
    const c = buildComparison([scenario('A', { t: two }), scenario('B', { t: three })]);
    expect(c.blocks[0]!.units).toEqual(['甲', '乙', '丙']);
    expect(c.blocks[0]!.values).toEqual([
      [10, 10],
      [20, 25],
      [null, 5],
    ]);
    expect(c.blocks[0]!.abs).toEqual([[0], [5], [null]]);
  });

  it('gives no percentage against a base of zero and no difference for text', () => {
    const c = buildComparison([scenario('A', { r: [[0], ['n/a']] }), scenario('B', { r: [[5], [3]] })]);
    expect(c.blocks[0]!.abs).toEqual([[5], [null]]);
    expect(c.blocks[0]!.pct).toEqual([[null], [null]]);
  });

  it('keeps two rows with the same label apart', () => {
    const dup = { kind: 'table', address: '', headers: ['学校', '学生'], values: [['甲', 1], ['甲', 2]] };
    expect(buildComparison([scenario('A', { t: dup }), scenario('B', { t: dup })]).blocks[0]!.units).toEqual(['甲', '甲 (2)']);
  });

  it('differences carry no binary noise: 0.3 − 0.1 is 0.2, 1600000.10 − 1500000.05 is 100000.05', () => {
    expect(difference(0.3, 0.1)).toBe(0.2);
    expect(difference(1600000.1, 1500000.05)).toBe(100000.05);
    expect(difference(0.1, 0.1)).toBe(0);
    expect(Object.is(difference(-0.1, -0.1), 0)).toBe(true);
    expect(decimalsOf(1e-7)).toBe(7);
    expect(decimalsOf(1.5e-7)).toBe(8);
    expect(decimalsOf(12)).toBe(0);
  });
});

describe('buildComparison: properties', () => {
  it('for whole numbers the difference is exact and the percentage times the base gives it back', () => {
    const ints = fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(ints, ints, (xs, ys) => {
        const n = Math.min(xs.length, ys.length);
        const a = xs.slice(0, n).map((v) => [v]);
        const b = ys.slice(0, n).map((v) => [v]);
        const block = buildComparison([scenario('A', { r: a }), scenario('B', { r: b })]).blocks[0]!;
        block.abs.forEach((d, i) => {
          expect(d[0]).toBe(b[i]![0]! - a[i]![0]!);
          const pct = block.pct[i]![0];
          if (a[i]![0] === 0) expect(pct).toBeNull();
          else expect(pct! * a[i]![0]!).toBeCloseTo(d[0]!, 4);
        });
      }),
    );
  });
});
