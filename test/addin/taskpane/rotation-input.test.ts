/**
 * The rotation plan request from the teacher and school tables: columns by header, needs
 * and distances in either layout, schools named by id or name, and every problem the pane
 * can name precisely said with the table, sheet row and column. Each request built here is
 * checked against the service's own schema, so the two cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { schoolRoleAliases, planInputSchema } from '../../../formulas/rotation/plan-types.js';
import type { TableData } from '../../../addin/taskpane/logic/column-map.js';
import { parsePairs, ROLE_WORDS, rotationRequest } from '../../../addin/taskpane/logic/rotation-input.js';

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
  it('knows exactly the school types the service knows', () => {
    expect(ROLE_WORDS).toEqual(schoolRoleAliases);
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
