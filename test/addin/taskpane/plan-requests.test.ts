/**
 * The plan requests read from tables. Rotation: the teacher and school tables, columns by
 * header, needs and distances in either layout, schools named by id or name, and every
 * problem the pane can name precisely said with the table, sheet row and column.
 * Consolidation: a school table and an optional distance table. Each request built here is
 * checked against the service's own schema, so the two cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { schoolRoleAliases, planInputSchema } from '../../../formulas/rotation/plan-types.js';
import type { TableData } from '../../../addin/taskpane/logic/column-map.js';
import { consolidationRequest, parsePairs, parseThresholds, rotationRequest } from '../../../addin/taskpane/logic/plan-requests.js';
import { type ConsolidationPlan, consolidationInputSchema } from '../../../formulas/balance/consolidation-schema.js';
import { planGreedy } from '../../../formulas/balance/consolidation-greedy.js';

const teachers = (rows: (string | number | boolean)[][], headers = ['工号', '姓名', '所在学校', '学科', '骨干', '本校任教年限']): TableData => ({ name: '教师', sheet: '教师名单', headers, rows, firstRow: 2 });
const schools = (rows: (string | number | boolean)[][], headers = ['学校编号', '学校名称', '类别', '需求:数学', '距离:城关一小']): TableData => ({ name: '学校', sheet: '学校名单', headers, rows, firstRow: 2 });

const T = teachers([
  ['T1', '张一', '城关一小', '数学', '是', 9],
  ['T2', '李二', 'S1', '语文', '', 7],
]);
const S = schools([
  ['S1', '城关一小', '城镇', '', ''],
  ['R1', '乡村小学', '乡村', 1, 12],
]);

describe('rotationRequest: bad tables', () => {
  it('names every missing column and how to call it', () => {
    const r = rotationRequest(teachers([['T1', '张一']], ['工号', '姓名']), schools([['S1']], ['学校名称']), {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.zh)).toEqual([
      '教师表“教师”缺少“所在学校”列：请加一列，列名可用 学校编号、学校代码、所在学校、学校',
      '教师表“教师”缺少“任教学科”列：请加一列，列名可用 任教学科、学科、科目、subject',
      '教师表“教师”缺少“本校任教年限”列：请加一列，列名可用 本校任教年限、在校任教年限、在校年限、任教年限',
      '学校表“学校”缺少“学校类别（派出/接收）”列：请加一列，列名可用 类别、学校类别、城乡类别、城乡',
    ]);
  });

  it('says which sheet row holds a value it cannot use', () => {
    const r = rotationRequest(
      teachers([
        ['T1', '张一', 'S1', '数学', '也许', '六年'],
        ['', '', '', '', '', ''],
      ]),
      schools([['S1', '城关一小', '城市', '', '']]),
      {},
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.zh)).toEqual([
      '表格 学校（工作表 学校名单 第 2 行）：学校类别“城市”无法识别：请填写 派出（城镇/优质）或 接收（乡村/薄弱）',
      '表格 教师（工作表 教师名单 第 2 行）：“本校任教年限”应为数字，现在是“六年”',
      '表格 教师（工作表 教师名单 第 2 行）：“骨干教师”应填 是/否，现在是“也许”',
    ]);
    expect(r.problems[1]!.en).toBe('table 教师 (sheet 教师名单, row 2): "years at school" must be a number, not "六年"');
  });

  it('refuses needs it cannot read', () => {
    const r = rotationRequest(T, schools([['R1', '乡村小学', '乡村', '数学很多']], ['学校编号', '学校名称', '类别', '需求']), {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.zh).toContain('需求“数学很多”看不懂');
  });
});

describe('rotationRequest: reference', () => {
  it('builds the request the service documents, resolving school names to ids', () => {
    const r = rotationRequest(T, S, { rate: 0.1, backboneShare: 0.2 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body).toEqual({
      teachers: [
        { id: 'T1', name: '张一', school: 'S1', subject: '数学', backbone: true, yearsAtSchool: 9 },
        { id: 'T2', name: '李二', school: 'S1', subject: '语文', backbone: false, yearsAtSchool: 7 },
      ],
      schools: [
        { id: 'S1', name: '城关一小', role: 'sending' },
        { id: 'R1', name: '乡村小学', role: 'receiving', needs: { 数学: 1 }, distances: { S1: 12 } },
      ],
      parameters: { rate: 0.1, backboneShare: 0.2 },
    });
    expect(planInputSchema.safeParse(r.body).success).toBe(true);
  });

  it('reads needs and distances written in one cell, and birthdates as Excel serials', () => {
    const r = rotationRequest(
      teachers([['T1', '张一', 'S1', '数学', '否', 9, 24000, '女干部']], ['工号', '姓名', '所在学校', '学科', '骨干', '本校任教年限', '出生日期', '退休类别']),
      schools(
        [
          ['S1', '城关一小', 'urban', '', ''],
          ['R1', '乡村小学', 'rural', '数学2，英语1', '城关一小:12；S9:3'],
        ],
        ['学校编号', '学校名称', '类别', '需求', '距离'],
      ),
      {},
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body.teachers[0]).toMatchObject({ birthdate: 24000, retireCategory: '女干部' });
    expect(r.body.schools[1]).toEqual({ id: 'R1', name: '乡村小学', role: 'receiving', needs: { 数学: 2, 英语: 1 }, distances: { S1: 12, S9: 3 } });
    expect(r.notes).toEqual([]);
  });

  it('a school table without ids uses the names as ids; without needs it notes the plan will not match subjects', () => {
    const r = rotationRequest(teachers([['T1', '张一', '城关一小', '数学', '是', 9]]), schools([['城关一小', '城镇']], ['学校名称', '类别']), {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.body.schools).toEqual([{ id: '城关一小', name: '城关一小', role: 'sending' }]);
    expect(r.notes[0]!.zh).toContain('没有“需求”列');
  });
});

describe('rotationRequest: edges', () => {
  it('reads every school-type word the service knows, as the service reads it', () => {
    for (const [word, role] of Object.entries(schoolRoleAliases)) {
      const r = rotationRequest(T, schools([['S1', '城关一小', '城镇', '', ''], ['R1', '乡村小学', word, 1, 12]]), {});
      expect(r.ok, word).toBe(true);
      if (r.ok) expect(r.body.schools[1]!.role, word).toBe(role);
    }
    expect(rotationRequest(T, schools([['S1', '城关一小', '城里', '', '']]), {}).ok).toBe(false);
  });

  it('reads pairs in the usual ways', () => {
    expect(parsePairs('数学2，英语1')).toEqual({ 数学: 2, 英语: 1 });
    expect(parsePairs('数学: 2; 英语 = 1')).toEqual({ 数学: 2, 英语: 1 });
    expect(parsePairs('S1:12.5公里、S2:30km')).toEqual({ S1: 12.5, S2: 30 });
    expect(parsePairs('')).toEqual({});
    expect(parsePairs('数学')).toBeUndefined();
  });

  it('a teacher table with no rows is a problem, not an empty plan', () => {
    const r = rotationRequest(teachers([]), S, {});
    expect(r.ok).toBe(false);
  });
});

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
