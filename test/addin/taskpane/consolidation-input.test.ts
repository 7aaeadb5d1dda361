/**
 * The consolidation plan request from a school table and an optional distance table,
 * checked against the service's own schema.
 */
import { describe, expect, it } from 'vitest';
import { type ConsolidationPlan, consolidationInputSchema } from '../../../formulas/balance/consolidation-schema.js';
import { planGreedy } from '../../../formulas/balance/consolidation-greedy.js';
import type { TableData } from '../../../addin/taskpane/logic/column-map.js';
import { consolidationRequest, parseThresholds } from '../../../addin/taskpane/logic/consolidation-input.js';

const table = (name: string, headers: string[], rows: (string | number | boolean)[][]): TableData => ({ name, sheet: name, headers, rows, firstRow: 2 });
const SCHOOLS = table('规模', ['学校名称', '学生数', '教师数', '临聘人员', '学位数', '保留'], [
  ['甲教学点', 8, 2, 1, '', '否'],
  ['乙小学', 25, 3, 0, '', ''],
  ['丙教学点', 6, 1, 0, '', '是'],
  ['中心小学', 300, 20, 2, 340, '否'],
]);
const DISTANCES = table('距离', ['起点', '终点', '距离（公里）'], [
  ['甲教学点', '中心小学', 5],
  ['乙小学', '中心小学', 8],
]);
const OPTIONS = { thresholds: [10, 30], thresholdRule: 'atMost' as const, expansion: false };

describe('consolidationRequest', () => {
  it('names missing columns and cells it cannot use', () => {
    const r = consolidationRequest(table('t', ['名称'], [['甲']]), table('d', ['from'], []), OPTIONS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.en)).toEqual(['The school table "t" has no "pupils" column: add one, named e.g. 在校生数, 在校学生数, 学生数, 学生人数', 'The distance table "d" has no "to" column: add one, named e.g. 终点学校, 终点, 学校2, 乙校', 'The distance table "d" has no "km" column: add one, named e.g. 距离, 公里, 里程, 路程']);
    const bad = consolidationRequest(table('t', ['学校', '学生数', '保留'], [['甲', 8.5, '或许'], ['乙', '', '']]), undefined, OPTIONS);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems.map((p) => p.zh)).toEqual([
        '表格 t（工作表 t 第 2 行）：“学生数”应为不小于 0 的整数，现在是“8.5”',
        '表格 t（工作表 t 第 2 行）：“保留（不撤并）”应填 是/否，现在是“或许”',
        '表格 t（工作表 t 第 3 行）：“学生数”是空的，请填写',
      ]);
    }
  });

  it('builds the request (worked example of seed 001’s kind): the service accepts it and places 33 pupils', () => {
    const r = consolidationRequest(SCHOOLS, DISTANCES, OPTIONS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body.schools[0]).toEqual({ id: '甲教学点', name: '甲教学点', pupils: 8, teachers: 2, temporaryStaff: 1, kept: false });
    expect(r.body.schools[3]).toMatchObject({ capacity: 340 });
    expect(r.body.distances).toEqual([
      { from: '甲教学点', to: '中心小学', km: 5 },
      { from: '乙小学', to: '中心小学', km: 8 },
    ]);
    const parsed = consolidationInputSchema.safeParse(r.body);
    expect(parsed.success).toBe(true);
    // 甲 (8 ≤ 10) then 乙 (25 ≤ 30) go to 中心小学 (40 free seats); 丙 is kept: 33 placed.
    const plan = planGreedy(parsed.data!);
    expect('summary' in plan && plan.summary.pupilsPlaced).toBe(33);
  });

  it('reads thresholds as typed', () => {
    expect(parseThresholds('10, 30')).toEqual([10, 30]);
    expect(parseThresholds('10、30')).toEqual([10, 30]);
    expect(parseThresholds('１０，３０')).toEqual([10, 30]);
    expect(parseThresholds('30, 10')).toBeUndefined();
    expect(parseThresholds('ten')).toBeUndefined();
    expect(parseThresholds('')).toBeUndefined();
    expect(parseThresholds('0')).toBeUndefined();
  });
});
