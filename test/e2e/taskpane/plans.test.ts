/**
 * 规划 (plans) end to end: the teacher rotation from two tables (the request, the sheet, the
 * rules it cannot meet, one table never taken for both) and the consolidation of small schools.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cellValue, clickAndSettle, dump, paneSuite, sheetShot, shot, typeInto, type PaneSuite } from '../../helpers/taskpane-page.js';
import { hasProgram } from '../../helpers/system-programs.js';

describe.skipIf(!hasProgram('chromium'))('规划 (plans): teacher rotation and school consolidation', () => {
  const pane = paneSuite();
  let page: PaneSuite['page'];
  let lastPost: PaneSuite['lastPost'];
  beforeAll(() => {
    ({ page, lastPost } = pane);
  });

  it('plans the teacher rotation from two tables and writes 教师交流轮岗计划表', async () => {
    await page.click('#tab-plans');
    await page.waitForFunction(() => document.querySelectorAll('#rot-teachers option').length > 0);
    expect(await page.inputValue('#rot-teachers')).toBe('教师');
    expect(await page.inputValue('#rot-schools')).toBe('学校');
    await clickAndSettle(page, '#rot-check', 'rot-status');
    const mapping = await page.$$eval('#rot-mapping li.found', (lis) => lis.map((li) => li.textContent));
    expect(mapping).toEqual(expect.arrayContaining(['教师编号 teacher id ← 工号', '本校任教年限 years at school ← 本校任教年限', '学校类别（派出/接收） type (sending/receiving) ← 类别']));

    const status = await clickAndSettle(page, '#rot-plan', 'rot-status');
    expect(status.state, status.text + status.items.join('\n')).toBe('ok');
    const body = lastPost('/api/v1/rotation/plan') as { teachers: unknown[]; schools: unknown[] };
    expect(body.teachers).toContainEqual({ id: 'T1', name: '张一', school: 'S1', subject: '数学', backbone: true, yearsAtSchool: 9 });
    expect(body.schools).toContainEqual({ id: 'R1', name: '乡村小学', role: 'receiving', needs: { 数学: 1 }, distances: { S1: 12 } });
    const sheet = (await dump(page, '教师交流轮岗计划表'))!;
    expect(cellValue(sheet, 'A1')).toBe('教师交流轮岗计划表');
    // Three eligible (6+ years) at 城关一小: quota ceil(10% × 3) = 1, backbone ceil(20% × 1) = 1: 张一 goes to 乡村小学 for 数学.
    const cells = Object.values(sheet.cells).map((c) => c.value);
    expect(cells).toEqual(expect.arrayContaining(['T1', '张一', '城关一小', '乡村小学', '数学', '是', 9, 12]));
    expect(cells).not.toContain('T2');
    expect(sheet.pageLayout.orientation).toBe('Landscape');
    await shot(page, 'taskpane-plans.png');
    await sheetShot(page, sheet, 'sheet-rotation-plan.png');
  });

  it('lists the rules a rotation plan cannot meet by school and rule', async () => {
    await typeInto(page, '教师名单!E2', [['否']]);
    const status = await clickAndSettle(page, '#rot-plan', 'rot-status');
    expect(status.state).toBe('bad');
    expect(status.items).toHaveLength(1);
    expect(status.items[0]).toContain('城关一小');
    expect(status.items[0]).toContain('骨干教师比例');
    await page.locator('#rot-status').scrollIntoViewIfNeeded();
    await shot(page, 'taskpane-plans-infeasible.png');
    await typeInto(page, '教师名单!E2', [['是']]);
  });

  it('never takes one table for both teachers and schools, and names the table a column is missing from', async () => {
    // Choosing the teacher table for the schools as well is refused before anything is read.
    await page.selectOption('#rot-schools', '教师');
    let status = await clickAndSettle(page, '#rot-plan', 'rot-status');
    expect(status.state).toBe('bad');
    expect(status.text).toContain('教师表和学校表选了同一个表格“教师”');
    // A school table without the 类别 column: the message names that table.
    await page.selectOption('#rot-schools', '规模');
    status = await clickAndSettle(page, '#rot-plan', 'rot-status');
    expect(status.state).toBe('bad');
    expect(status.items.join('\n')).toContain('学校表“规模”缺少“学校类别（派出/接收）”列');
    // Choosing the school list as the teacher table moves the school choice off it, to the best other match.
    await page.selectOption('#rot-schools', '学校');
    await page.selectOption('#rot-teachers', '学校');
    expect(await page.inputValue('#rot-schools')).not.toBe('学校');
    await page.selectOption('#rot-teachers', '教师');
    await page.selectOption('#rot-schools', '学校');
  });

  it('plans the consolidation of small schools and writes it to a new sheet', async () => {
    await page.selectOption('#con-schools', '规模');
    await page.selectOption('#con-distances', '距离');
    const status = await clickAndSettle(page, '#con-plan', 'con-status');
    expect(status.state, status.text + status.items.join('\n')).toBe('ok');
    // 甲 (8 pupils) in the first stage, 乙 (25) in the second, both to 中心小学; 丙 is kept.
    expect(status.text).toContain('安置学生33人');
    const body = lastPost('/api/v1/consolidation/plan') as { schools: Record<string, unknown>[]; distances: unknown[] };
    expect(body.schools).toContainEqual({ id: '丙教学点', name: '丙教学点', pupils: 6, teachers: 1, temporaryStaff: 0, kept: true });
    expect(body.distances).toContainEqual({ from: '甲教学点', to: '中心小学', km: 5 });
    const sheet = (await dump(page, '布局调整方案'))!;
    expect(Object.values(sheet.cells).map((c) => c.value)).toEqual(expect.arrayContaining(['甲教学点', '乙小学', '中心小学', 33]));
    await sheetShot(page, sheet, 'sheet-consolidation.png');
  });
});
