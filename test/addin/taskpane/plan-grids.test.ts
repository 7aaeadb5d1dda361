/**
 * The plans as sheets: 教师交流轮岗计划表 with its 合计 row and the per-school summaries,
 * the consolidation plan with borders only around its tables, and plan problems named by
 * school and rule.
 */
import { describe, expect, it } from 'vitest';
import { type ConsolidationPlan, consolidationInputSchema } from '../../../formulas/balance/consolidation-schema.js';
import { planGreedy } from '../../../formulas/balance/consolidation-greedy.js';
import { ROTATION_SHEET } from '../../../formulas/rotation/plan-sheet.js';
import type { PlanResult } from '../../../formulas/rotation/plan-types.js';
import { consolidationGrid, describePlanProblem, rotationPlanGrid } from '../../../addin/taskpane/logic/plan-grids.js';

const PLAN: PlanResult = {
  rows: [
    { seq: 1, teacherId: 'T1', name: '张一', fromSchoolId: 'S1', fromSchool: '城关一小', toSchoolId: 'R1', toSchool: '乡村小学', subject: '数学', backbone: true, yearsAtSchool: 9, distance: 12, fillsNeed: true },
    { seq: 2, teacherId: 'T4', name: '赵四', fromSchoolId: 'S1', fromSchool: '城关一小', toSchoolId: null, toSchool: null, subject: '美术', backbone: false, yearsAtSchool: 8, distance: null, fillsNeed: false },
  ],
  sending: [{ schoolId: 'S1', school: '城关一小', teachers: 12, eligible: 11, exempt: 1, eligibleBackbone: 3, quota: 2, backboneQuota: 1, rotating: 2, backboneRotating: 1 }],
  receiving: [{ schoolId: 'R1', school: '乡村小学', needs: [{ subject: '数学', need: 1, filled: 1 }, { subject: '英语', need: 1, filled: 0 }], received: 1 }],
  totals: { teachers: 12, eligible: 11, rotating: 2, backboneRotating: 1, needs: 2, needsFilled: 1, unplaced: 1, travel: 12, seniorityRank: 0 },
  parameters: { profile: 'cn-national', rate: 0.1, backboneShare: 0.2, backboneBase: 'rotating', minYears: 6, exemptYears: 2, asOf: '2024-09-01' },
  form: ROTATION_SHEET,
  warnings: [{ zh: '赵四的学科没有接收学校需要', en: 'No receiving school needs 赵四’s subject' }],
};

const values = (grid: ReturnType<typeof rotationPlanGrid>, r: number) => grid.cells[r]!.map((c) => c.value);

describe('rotationPlanGrid', () => {
  const grid = rotationPlanGrid(PLAN);

  it('title, the rules it applied, and the list with a column for filled needs', () => {
    expect(values(grid, 0)[0]).toBe('教师交流轮岗计划表');
    expect(values(grid, 1)[0]).toBe('交流比例不低于符合条件教师的 10%，骨干教师不低于交流人数的 20%；在同一学校任教满 6 年者符合交流条件，距法定退休不足 2 年者免于交流（依据：cn-national）');
    expect(values(grid, 2)).toEqual(['序号', '教师编号', '姓名', '任教学科', '派出学校', '接收学校', '骨干教师', '本校任教年限', '交流距离', '填补学科需求']);
    expect(values(grid, 3)).toEqual([1, 'T1', '张一', '数学', '城关一小', '乡村小学', '是', 9, 12, '是']);
    // A teacher with no receiving school is placed by the bureau; no distance, no need filled.
    expect(values(grid, 4)).toEqual([2, 'T4', '赵四', '美术', '城关一小', '待教育局统筹安排', '否', 8, null, '—']);
    expect(values(grid, 5)[3]).toBe('交流 2 人，其中骨干教师 1 人；学科需求 2 人，已安排 1 人；1 人待教育局统筹安排；总距离 12');
    expect(grid.merges).toContainEqual({ top: 5, left: 0, bottom: 5, right: 2 });
    expect(grid.bodyStart).toBe(3);
    expect(grid.print!.titleRows).toEqual({ first: 3, last: 3 });
  });

  it('summaries: each sending school against its quotas, each receiving school’s needs; names over two columns', () => {
    const all = grid.cells.map((row) => row.map((c) => c.value));
    const sending = all.findIndex((r) => r[0] === '城关一小');
    expect(all[sending]).toEqual(['城关一小', null, 12, 11, 1, 3, 2, 1, 2, 1]);
    expect(grid.merges).toContainEqual({ top: sending, left: 0, bottom: sending, right: 1 });
    const receiving = all.findIndex((r) => r[0] === '乡村小学');
    expect(all[receiving]!.slice(2, 7)).toEqual(['数学', 1, 1, 0, 1]);
    expect(all[receiving + 1]!.slice(0, 7)).toEqual(['', null, '英语', 1, 0, 1, '']);
    expect(all.at(-1)![0]).toBe('说明：赵四的学科没有接收学校需要');
    expect(grid.rows).toHaveLength(grid.cells.length);
  });
});

describe('consolidationGrid', () => {
  const input = consolidationInputSchema.parse({
    schools: [
      { id: 'A', name: '甲教学点', pupils: 8, teachers: 2 },
      { id: 'C', name: '中心小学', pupils: 300, teachers: 20, capacity: 340 },
    ],
    distances: [{ from: 'A', to: 'C', km: 5 }],
  });
  const plan = planGreedy(input) as ConsolidationPlan;
  const grid = consolidationGrid(plan);

  it('styles the service’s title, sections and headers, and borders only inside tables', () => {
    const style = (r: number, c: number) => grid.cells[r]![c]!.style;
    expect(style(plan.sheet.titleRows[0]!, 0)).toBe('title');
    for (const r of plan.sheet.sectionRows) expect(style(r, 0)).toBe('section');
    const header = plan.sheet.headerRows[0]!;
    const width = plan.sheet.rows[header]!.filter((v) => v !== '').length;
    expect(style(header, 0)).toBe('header');
    expect(style(header + 1, width - 1)).not.toBe('blank');
    if (width < grid.columns.length) expect(style(header + 1, width)).toBe('blank');
    expect(grid.sheetName).toBe(plan.sheet.name);
    expect(grid.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: grid.columns.length - 1 });
  });
});

describe('describePlanProblem', () => {
  it('names the school and the rule', () => {
    expect(describePlanProblem({ rule: 'backbone', schoolId: 'S1', school: '城关一小', zh: '须交流骨干教师 1 人', en: 'must rotate 1' })).toEqual({
      where: '城关一小（S1）',
      rule: { zh: '骨干教师比例', en: 'backbone share' },
      zh: '须交流骨干教师 1 人',
      en: 'must rotate 1',
    });
    expect(describePlanProblem({ rule: 'duplicate-teacher', teacherId: 'T9', zh: 'a', en: 'b' }).where).toBe('教师 T9');
  });
});
