/**
 * 方案 (scenarios) end to end: the built add-in in Chromium, the REAL service and the recording
 * Excel stub. Saving posts what was read through Excel; versions and history; loading asks
 * first, writes exactly what it listed and never a live formula; comparing writes values,
 * differences, rules and a chart; a plain selection is named before it is saved.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cellValue, clickAndSettle, CENTRES, dump, FUNDS_A, FUNDS_B, paneSuite, POSTS_A, settled, sheetNames, sheetShot, shot, typeInto, writeLog, type Excel, type PaneSuite } from '../../helpers/taskpane-page.js';
import { hasProgram } from '../../helpers/system-programs.js';

describe.skipIf(!hasProgram('chromium'))('方案 (scenarios): save, history, load, compare', () => {
  const pane = paneSuite();
  let page: PaneSuite['page'];
  let service: PaneSuite['service'];
  let lastPost: PaneSuite['lastPost'];
  beforeAll(() => {
    ({ page, service, lastPost } = pane);
  });

  it('saves a scenario: the picked named ranges and table are read through Excel and posted as a new version', async () => {
    await page.click('#tab-scenarios');
    await settled(page, 'scn-refresh-status');
    expect(await page.textContent('#scn-workbook')).toBe('县域规划.xlsx');
    // Sources are listed by name: 分配结果 (table), 岗位, 经费 (named ranges), and the plan tables.
    const rows = await page.$$eval('#scn-sources tbody tr strong', (els) => els.map((e) => e.textContent));
    expect(rows).toEqual(expect.arrayContaining(['分配结果', '岗位', '经费', '教师']));
    const useOf = async (name: string, use: string) => {
      const id = await page.$$eval('#scn-sources tbody tr', (trs, n) => trs.find((tr) => tr.querySelector('strong')?.textContent === n)?.querySelector('select')?.id, name);
      await page.selectOption(`#${id}`, use);
    };
    await useOf('岗位', 'input');
    await useOf('经费', 'input');
    await useOf('分配结果', 'result');
    await page.fill('#scn-name', '学区方案A');
    await shot(page, 'taskpane-scenarios.png');
    const status = await clickAndSettle(page, '#scn-save', 'scn-save-status');
    expect(status.state).toBe('ok');
    expect(status.text).toContain('第 1 版');

    const body = lastPost('/api/v1/scenarios')!;
    expect(body.name).toBe('学区方案A');
    expect(body.workbook).toBe('县域规划.xlsx');
    expect(body.inputs).toEqual({
      岗位: { kind: 'range', address: '学区岗位!B2:B9', values: POSTS_A.map((v) => [v]), labels: CENTRES },
      经费: { kind: 'range', address: '学区岗位!C2:C9', values: FUNDS_A.map((v) => [v]), labels: CENTRES },
    });
    expect(body.results).toEqual({
      分配结果: { kind: 'table', address: '结果!A2:C9', headers: ['学区', '岗位数', '经费（元）'], values: CENTRES.map((c, i) => [c, POSTS_A[i], FUNDS_A[i]]) },
    });
  });

  it('saves a second scenario and a second version of the first; history lists the versions with author and time', async () => {
    // Scenario B: 10,000 yuan and one post move from centre 1 to centre 5.
    await typeInto(page, '结果!B2', [[8]]);
    await typeInto(page, '结果!B6', [[6]]);
    await typeInto(page, '结果!C2', FUNDS_B.map((v) => [v]));
    await page.fill('#scn-name', '学区方案B');
    expect((await clickAndSettle(page, '#scn-save', 'scn-save-status')).text).toContain('“学区方案B”第 1 版');
    await typeInto(page, '学区岗位!B2', [[10]]);
    await page.fill('#scn-name', '学区方案A');
    expect((await clickAndSettle(page, '#scn-save', 'scn-save-status')).text).toContain('“学区方案A”第 2 版');

    const id = await page.$eval('#scn-history-name', (s: HTMLSelectElement) => Array.from(s.options).find((o) => o.textContent?.startsWith('学区方案A'))!.value);
    await page.selectOption('#scn-history-name', id);
    await page.waitForFunction(() => document.querySelectorAll('#scn-history tbody tr').length === 2);
    const history = await page.$$eval('#scn-history tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)));
    expect(history.map((r) => r[0])).toEqual(['第 2 版', '第 1 版']);
    expect(history.every((r) => r[1] === 'local' && /^\d{4}-\d\d-\d\d \d\d:\d\d$/.test(r[2] ?? '') && r[3] === '县域规划.xlsx')).toBe(true);
  });

  it('loads version 1 back after a confirmation listing exactly what is overwritten; cancelling writes nothing', async () => {
    const id = await page.$eval('#scn-load-name', (s: HTMLSelectElement) => Array.from(s.options).find((o) => o.textContent?.startsWith('学区方案A'))!.value);
    await page.selectOption('#scn-load-name', id);
    await page.selectOption('#scn-load-version', '1');
    await page.evaluate(() => (window as unknown as { __excel: Excel }).__excel.clearLog());

    await page.click('#scn-load');
    await page.waitForSelector('#scn-confirm [role="alertdialog"]');
    const listed = await page.$$eval('#scn-confirm li.overwrite', (lis) => lis.map((li) => li.textContent));
    expect(listed).toHaveLength(2);
    expect(listed[0]).toContain('岗位（命名区域');
    expect(listed[0]).toContain('学区岗位!B2:B9');
    expect(listed[1]).toContain('学区岗位!C2:C9');
    // The safe choice has the focus; Escape cancels.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('取消');
    await page.keyboard.press('Escape');
    expect((await settled(page, 'scn-load-status')).text).toContain('已取消');
    expect((await writeLog(page)).filter((w) => w.op === 'values')).toEqual([]);

    await page.click('#scn-load');
    await page.waitForSelector('#scn-confirm [role="alertdialog"]');
    await shot(page, 'taskpane-load-confirm.png');
    await page.click('#scn-confirm .btn-danger');
    const status = await settled(page, 'scn-load-status');
    expect(status.state).toBe('ok');
    expect(status.text).toContain('写入 2 个区域');
    const writes = (await writeLog(page)).filter((w) => w.op === 'values');
    expect(writes).toEqual([
      { op: 'values', sheet: '学区岗位', address: 'B2:B9', value: POSTS_A.map((v) => [v]) },
      { op: 'values', sheet: '学区岗位', address: 'C2:C9', value: FUNDS_A.map((v) => [v]) },
    ]);
    // The 10 typed into B2 before version 2 is back to version 1's 9.
    expect(cellValue((await dump(page, '学区岗位'))!, 'B2')).toBe(9);
  });

  it('loading never writes a live formula: strings starting with = + - @ go in as text; saved formulas come back only when ticked', async () => {
    // A scenario posted by another client: four formula-like strings, and one formula saved on purpose.
    const hostile = ['=WEBSERVICE("http://example.invalid/x")', '+1+1', '-A1', '@SUM(B2)'];
    const values = [...hostile.map((v) => [v]), [5], [6], [7], [18]];
    const formulas = values.map((_, i) => [i === 7 ? '=SUM(B6:B8)' : '']);
    const posted = await fetch(`${service.url}/api/v1/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '外来方案', inputs: { 岗位: { kind: 'range', address: '学区岗位!B2:B9', values, formulas } } }),
    });
    expect(posted.status).toBe(201);
    await clickAndSettle(page, '#scn-refresh', 'scn-refresh-status');
    const id = await page.$eval('#scn-load-name', (s: HTMLSelectElement) => Array.from(s.options).find((o) => o.textContent?.startsWith('外来方案'))!.value);
    await page.selectOption('#scn-load-name', id);
    await page.selectOption('#scn-load-version', '1');

    const loadOnce = async (restore: boolean) => {
      await page.click('#scn-load');
      await page.waitForSelector('#scn-confirm [role="alertdialog"]');
      const text = await page.textContent('#scn-confirm');
      expect(text).toContain('4 个以 = + - @ 开头的文字按文字写入，不会成为公式');
      expect(text).toContain('恢复保存时有意保存的 1 个公式');
      expect(text).toContain('=SUM(B6:B8)');
      expect(await page.isChecked('#scn-restore-formulas')).toBe(false);
      if (restore) await page.check('#scn-restore-formulas');
      await page.click('#scn-confirm .btn-danger');
      expect((await settled(page, 'scn-load-status')).state).toBe('ok');
      return (await dump(page, '学区岗位'))!;
    };

    const plain = await loadOnce(false);
    hostile.forEach((v, i) => {
      expect(plain.cells[`B${i + 2}`]).toMatchObject({ value: v, numberFormat: '@' });
      expect(plain.cells[`B${i + 2}`]?.formula).toBeUndefined();
    });
    expect(plain.cells.B9).toMatchObject({ value: 18 });
    expect(plain.cells.B9?.formula).toBeUndefined();

    const restored = await loadOnce(true);
    expect(restored.cells.B9?.formula).toBe('=SUM(B6:B8)');
    expect(restored.cells.B2).toMatchObject({ value: hostile[0] });
    expect(restored.cells.B2?.formula).toBeUndefined();
    await typeInto(page, '学区岗位!B2', POSTS_A.map((v) => [v]));
  });

  it('compares two scenarios in a new sheet: values, differences, percentages, rules on the differences and a column chart', async () => {
    const boxes = await page.$$eval('#scn-compare-list .compare-row', (rows) => rows.map((r) => ({ id: r.querySelector('input')!.id, name: r.querySelector('label')!.textContent })));
    await page.check(`#${boxes.find((b) => b.name === '学区方案A')!.id}`);
    await page.check(`#${boxes.find((b) => b.name === '学区方案B')!.id}`);
    const aRow = boxes.findIndex((b) => b.name === '学区方案A');
    await page.selectOption(`#scn-cmp-v-${aRow}`, '1');
    await page.waitForFunction(() => document.querySelectorAll('#scn-main option').length >= 2);
    const mainKey = await page.$eval('#scn-main', (s: HTMLSelectElement) => Array.from(s.options).find((o) => o.textContent?.includes('经费'))!.value);
    await page.selectOption('#scn-main', mainKey);
    await shot(page, 'taskpane-compare.png');
    const status = await clickAndSettle(page, '#scn-compare', 'scn-compare-status');
    expect(status.state).toBe('ok');
    expect(await sheetNames(page)).toContain('方案对比');
    const sheet = (await dump(page, '方案对比'))!;
    // The base is the ticked scenario listed first (the list is newest first).
    const base = (await page.$$eval('#scn-compare-list .compare-row', (rows) => rows.map((r) => r.querySelector('label')!.textContent))).find((n) => n === '学区方案A' || n === '学区方案B');
    const [a, b] = base === '学区方案A' ? ['学区方案A v1', '学区方案B v1'] : ['学区方案B v1', '学区方案A v1'];
    const [fa, fb] = base === '学区方案A' ? [FUNDS_A, FUNDS_B] : [FUNDS_B, FUNDS_A];
    expect(cellValue(sheet, 'A1')).toBe('方案对比 Scenario comparison');
    expect(cellValue(sheet, 'A4')).toBe('结果：分配结果 · 经费（元）');
    expect([cellValue(sheet, 'A5'), cellValue(sheet, 'B5'), cellValue(sheet, 'C5'), cellValue(sheet, 'D5'), cellValue(sheet, 'E5')]).toEqual(['单位 Unit', a, b, `${b} − ${a}`, `${b} 较 ${a} (%)`]);
    CENTRES.forEach((c, i) => {
      const r = 6 + i;
      expect(cellValue(sheet, `A${r}`)).toBe(c);
      expect(cellValue(sheet, `B${r}`)).toBe(fa[i]);
      expect(cellValue(sheet, `C${r}`)).toBe(fb[i]);
      // Differences worked by hand: centre 1 moves 10,000 (4% of 250,000), centre 5 the other way (10,000 / 175,000).
      expect(cellValue(sheet, `D${r}`)).toBe(fb[i]! - fa[i]!);
      const pct = fb[i]! === fa[i]! ? 0 : (fb[i]! - fa[i]!) / fa[i]!;
      expect(sheet.cells[`E${r}`]?.value ?? 0).toBeCloseTo(pct, 12);
    });
    expect(sheet.cells.D6?.numberFormat).toBe('+#,##0;-#,##0;0');
    expect(sheet.cells.E6?.numberFormat).toBe('+0.0%;-0.0%;0.0%');
    expect(sheet.conditionalFormats).toEqual(
      expect.arrayContaining([
        { address: 'D6:D13', type: 'CellValue', fill: '#C6EFCE', fontColor: '#006100', rule: { formula1: '0', operator: 'GreaterThan' } },
        { address: 'D6:D13', type: 'CellValue', fill: '#FFC7CE', fontColor: '#9C0006', rule: { formula1: '0', operator: 'LessThan' } },
        { address: 'E6:E13', type: 'CellValue', fill: '#C6EFCE', fontColor: '#006100', rule: { formula1: '0', operator: 'GreaterThan' } },
      ]),
    );
    expect(sheet.charts).toEqual([{ type: 'ColumnClustered', source: 'A5:C13', seriesBy: 'Columns', title: '结果：分配结果 · 经费（元）（按单位 per unit）', legend: 'Bottom', position: ['G4', 'N22'] }]);
    // The second block compares the posts.
    expect(Object.values(sheet.cells).some((c) => c.value === '结果：分配结果 · 岗位数')).toBe(true);
    expect(sheet.activated).toBe(true);
    await sheetShot(page, sheet, 'sheet-comparison.png');
  });

  it('saves a plain selected range in a scenario after naming it, with a name suggested from its place; a bad name is refused in words', async () => {
    await page.click('#tab-scenarios');
    await settled(page, 'scn-refresh-status');
    await page.evaluate(() => (window as unknown as { __excel: { select(ref: string): void } }).__excel.select('结果!B2:B9'));
    await page.fill('#scn-selection-name', 'A1');
    let status = await clickAndSettle(page, '#scn-name-selection', 'scn-selection-status');
    expect(status.state).toBe('bad');
    expect(status.text).toContain('名称“A1”不能用：它像单元格地址');
    await page.fill('#scn-selection-name', '');
    status = await clickAndSettle(page, '#scn-name-selection', 'scn-selection-status');
    expect(status.state, status.text).toBe('ok');
    expect(status.text).toContain('已把选区 结果!B2:B9 命名为“结果_B2_B9”');
    const names = await page.evaluate(() => (window as unknown as { __excel: { names(): Record<string, string> } }).__excel.names());
    expect(names['结果_B2_B9']).toBe('结果!B2:B9');
    // Listed at once and marked as an input; saving posts it like any named range.
    const useId = await page.$$eval('#scn-sources tbody tr', (trs) => trs.find((tr) => tr.querySelector('strong')?.textContent === '结果_B2_B9')?.querySelector('select')?.id);
    expect(await page.inputValue(`#${useId}`)).toBe('input');
    await page.fill('#scn-name', '选区方案');
    const saved = await clickAndSettle(page, '#scn-save', 'scn-save-status');
    expect(saved.state, saved.text).toBe('ok');
    const body = lastPost('/api/v1/scenarios') as { inputs: Record<string, { kind: string; address: string; values: unknown[][] }> };
    expect(body.inputs['结果_B2_B9']).toMatchObject({ kind: 'range', address: '结果!B2:B9' });
    expect(body.inputs['结果_B2_B9']!.values).toHaveLength(8);
    // A second naming of the same range under the same name is refused: the name exists.
    await page.fill('#scn-selection-name', '结果_B2_B9');
    status = await clickAndSettle(page, '#scn-name-selection', 'scn-selection-status');
    expect(status.state).toBe('bad');
    expect(status.text).toContain('工作簿中已有名称“结果_B2_B9”');
  });
});
