/**
 * The task pane end to end: the built add-in in Debian's Chromium, the REAL service
 * (`tsx server/main.ts`), and an Excel stub (test/helpers/excel-stub.ts) that records every
 * sheet write. Each view is driven the way a clerk would (clicks, choices) and the test
 * asserts what reached the service (request bodies) and what reached the workbook (cells,
 * merges, fonts, conditional formats, charts, page layout). Screenshots of each view go to
 * docs/screenshots/.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin } from '../../addin/build/build.js';
import type { FormGrid } from '../../server/forms/grid.js';
import { launchChromium, OFFICE_STUB } from '../helpers/chromium.js';
import { hasProgram } from '../helpers/system-programs.js';

import { excelStubScript, type ExcelSeed, type SheetDump, type WriteRecord } from '../helpers/excel-stub.js';
import { sheetHtml } from '../helpers/render-sheet.js';
import { addUsers } from '../helpers/cli-users.js';
import { startService, type ServiceProcess } from '../helpers/service-process.js';

const root = path.join(import.meta.dirname, '..', '..');
const shots = path.join(root, 'docs', 'screenshots');

const CENTRES = ['第一学区', '第二学区', '第三学区', '第四学区', '第五学区', '第六学区', '第七学区', '第八学区'];
/** Seed 000: 48 posts over 8 centres, one director each; deputies as the seed's table. */
const DEPUTIES = [8, 5, 5, 5, 4, 5, 4, 4];
const POSTS_A = DEPUTIES.map((d) => d + 1);
/** Illustrative splits of the 1,600,000 yuan: scenario A, then B moves 10,000 from centre 1 to centre 5. */
const FUNDS_A = [250000, 200000, 200000, 200000, 175000, 200000, 187500, 187500];
const FUNDS_B = [240000, 200000, 200000, 200000, 185000, 200000, 187500, 187500];

const SEED: ExcelSeed = {
  name: '县域规划.xlsx',
  sheets: {
    学区岗位: [['学区', '岗位', '经费'], ...CENTRES.map((c, i) => [c, POSTS_A[i]!, FUNDS_A[i]!])],
    结果: [['学区', '岗位数', '经费（元）'], ...CENTRES.map((c, i) => [c, POSTS_A[i]!, FUNDS_A[i]!])],
    岗位表: [['单位名称', '书记兼主任', '副主任及专干'], ...CENTRES.map((c, i) => [`${c}教育事务中心`, 1, DEPUTIES[i]!])],
    教师名单: [
      ['工号', '姓名', '所在学校', '学科', '骨干', '本校任教年限'],
      ['T1', '张一', '城关一小', '数学', '是', 9],
      ['T2', '李二', '城关一小', '语文', '否', 7],
      ['T3', '王三', '城关一小', '数学', '否', 3],
      ['T4', '赵四', '城关一小', '英语', '否', 8],
    ],
    学校名单: [
      ['学校编号', '学校名称', '类别', '需求:数学', '需求:英语', '距离:城关一小'],
      ['S1', '城关一小', '城镇', null, null, null],
      ['R1', '乡村小学', '乡村', 1, 0, 12],
      ['R2', '村小', '乡村', 0, 1, 20],
    ],
    学校规模: [
      ['学校名称', '学生数', '教师数', '临聘人员', '学位数', '保留'],
      ['甲教学点', 8, 2, 1, null, '否'],
      ['乙小学', 25, 3, 0, null, '否'],
      ['丙教学点', 6, 1, 0, null, '是'],
      ['中心小学', 300, 20, 2, 340, '否'],
    ],
    学校距离: [
      ['起点', '终点', '距离（公里）'],
      ['甲教学点', '中心小学', 5],
      ['乙小学', '中心小学', 8],
      ['丙教学点', '中心小学', 4],
    ],
  },
  names: { 岗位: '学区岗位!B2:B9', 经费: '学区岗位!C2:C9' },
  tables: { 分配结果: '结果!A1:C9', 教师: '教师名单!A1:F5', 学校: '学校名单!A1:F4', 规模: '学校规模!A1:F5', 距离: '学校距离!A1:C4' },
  selection: '岗位表!A1:C9',
};

type Excel = { dump(sheet: string): SheetDump | null; log: WriteRecord[]; sheetNames(): string[]; set(ref: string, values: unknown[][]): void; clearLog(): void };

const dump = (page: Page, sheet: string) => page.evaluate((s) => (window as unknown as { __excel: Excel }).__excel.dump(s), sheet);
const sheetNames = (page: Page) => page.evaluate(() => (window as unknown as { __excel: Excel }).__excel.sheetNames());
const writeLog = (page: Page) => page.evaluate(() => (window as unknown as { __excel: Excel }).__excel.log);
const typeInto = (page: Page, ref: string, values: unknown[][]) => page.evaluate(([r, v]) => (window as unknown as { __excel: Excel }).__excel.set(r as string, v as unknown[][]), [ref, values] as const);

async function openPane(page: Page, url: string, seed: ExcelSeed): Promise<void> {
  await page.addInitScript(OFFICE_STUB);
  await page.addInitScript(excelStubScript(seed));
  await page.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await page.goto(`${url}/taskpane.html`);
  await page.waitForSelector('#conn-state.state-ok, #conn-state.state-bad');
}

/** Waits for a view's status line to settle and answers its state and text. */
async function settled(page: Page, id: string): Promise<{ state: string; text: string; items: string[] }> {
  await page.waitForFunction((sel) => {
    const el = document.getElementById(sel);
    return el !== null && (el.dataset.state === 'ok' || el.dataset.state === 'bad' || el.dataset.state === 'idle');
  }, id);
  return page.evaluate((sel) => {
    const el = document.getElementById(sel)!;
    return { state: el.dataset.state ?? '', text: el.querySelector('.status-text')?.textContent ?? '', items: Array.from(el.querySelectorAll('ul.issues li')).map((li) => li.textContent ?? '') };
  }, id);
}

/** A status that may still show an earlier result: wait until it changes to a settled one. */
async function clickAndSettle(page: Page, button: string, status: string): Promise<{ state: string; text: string; items: string[] }> {
  await page.evaluate((id) => {
    const el = document.getElementById(id);
    if (el) el.dataset.state = 'clicked';
  }, status);
  await page.click(button);
  return settled(page, status);
}

/** A full-page screenshot from the top, so the sticky tab bar sits where a user sees it. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, name), fullPage: true });
}

const cellValue = (d: SheetDump, ref: string) => d.cells[ref]?.value;

/** A picture of a sheet the pane wrote (as the stub recorded it), to look at. */
async function sheetShot(page: Page, sheet: SheetDump, name: string): Promise<void> {
  const view = await page.context().newPage();
  await view.setViewportSize({ width: 1280, height: 600 });
  await view.setContent(sheetHtml(sheet));
  await view.screenshot({ path: path.join(shots, name), fullPage: true });
  await view.close();
}

describe.skipIf(!hasProgram('chromium'))('the task pane against the running service, with a recording Excel stub', () => {
  let service: ServiceProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const posted: { url: string; body: unknown }[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const addinDir = await buildAddin(mkdtempSync(path.join(os.tmpdir(), 'edu-addin-')));
    service = await startService({ EDU_ADDIN_DIR: addinDir });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().includes('/api/v1/')) posted.push({ url: new URL(req.url()).pathname, body: JSON.parse(req.postData() ?? 'null') });
    });
    await openPane(page, service.url, SEED);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  const lastPost = (pathname: string) => [...posted].reverse().find((p) => p.url === pathname)?.body as Record<string, unknown> | undefined;

  it('tabs are keyboard operable: arrows move between sections, only the open tab is in the tab order', async () => {
    await page.focus('#tab-connection');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-scenarios');
    expect(await page.getAttribute('#tab-scenarios', 'aria-selected')).toBe('true');
    expect(await page.isHidden('#panel-connection')).toBe(true);
    expect(await page.getAttribute('#tab-connection', 'tabindex')).toBe('-1');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-profile');
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-connection');
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

  it('writes every official form into a new sheet exactly as the service lays it out, and downloads its .xlsx', async () => {
    await page.click('#tab-forms');
    await settled(page, 'form-status');
    const ids = await page.$$eval('#form-id option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    const listed = (await (await fetch(`${service.url}/api/v1/forms`)).json()) as { forms: { id: string }[] };
    expect(ids).toEqual(listed.forms.map((f) => f.id));
    expect(ids.length).toBeGreaterThanOrEqual(5);

    for (const id of ids) {
      await page.selectOption('#form-id', id);
      await page.check('#form-source-example');
      const status = await clickAndSettle(page, '#form-write', 'form-status');
      expect(status.state, `${id}: ${status.text}`).toBe('ok');
      const example = await (await fetch(`${service.url}/api/v1/forms/${id}/example`)).json();
      const grid = (await (await fetch(`${service.url}/api/v1/forms/${id}/layout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example) })).json()) as FormGrid;
      const sheet = (await dump(page, grid.sheetName))!;
      expect(sheet, `${id}: sheet ${grid.sheetName}`).not.toBeNull();
      // Every cell of the service's grid, value for value.
      grid.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
          expect(sheet.cells[ref]?.value, `${id} ${ref}`).toEqual(cell.value === null ? '' : cell.value);
          expect(sheet.cells[ref]?.numberFormat, `${id} ${ref}`).toBe(grid.styles[cell.style]!.numberFormat);
        }),
      );
      expect(cellValue(sheet, 'A1')).toBe(grid.title);
      expect(new Set(sheet.merges)).toEqual(new Set(grid.merges.map((m) => m.ref)));
      expect(sheet.merges).toContain(grid.merges[0]!.ref);
      const titleFont = sheet.cells.A1!.font!;
      expect([grid.styles.title!.font.name, ...grid.styles.title!.font.fallbacks]).toContain(titleFont.name);
      expect(titleFont.size).toBe(18);
      const headerCell = `A${grid.print.titleRows.first}`;
      expect(sheet.cells[headerCell]?.borders).toMatchObject({ EdgeTop: 'Continuous', EdgeBottom: 'Continuous', EdgeLeft: 'Continuous', EdgeRight: 'Continuous' });
      expect(sheet.pageLayout).toMatchObject({
        paperSize: 'A4',
        orientation: grid.print.orientation === 'landscape' ? 'Landscape' : 'Portrait',
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        printTitleRows: `$${grid.print.titleRows.first}:$${grid.print.titleRows.last}`,
        printArea: grid.print.printArea,
        centerHorizontally: true,
      });
      expect(sheet.freezeRows).toBe(grid.bodyStart);
      // A totals row is written where the form has one (合计 / 合 计).
      const hasTotal = grid.cells.some((row) => row.some((c) => typeof c.value === 'string' && /^合\s*计/.test(c.value)));
      if (hasTotal) expect(Object.values(sheet.cells).some((c) => typeof c.value === 'string' && /^合\s*计/.test(c.value))).toBe(true);

      const downloadDir = mkdtempSync(path.join(os.tmpdir(), 'edu-download-'));
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#form-download')]);
      expect(download.suggestedFilename()).toBe(grid.fileName);
      const file = path.join(downloadDir, download.suggestedFilename());
      await download.saveAs(file);
      expect((await settled(page, 'form-status')).state).toBe('ok');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.getCell('A1').value).toBe(grid.title);
      expect(lastPost(`/api/v1/forms/${id}`)).toEqual(example);
      await sheetShot(page, sheet, `sheet-form-${id}.png`);
    }
    await page.selectOption('#form-id', ids[0]!);
    await shot(page, 'taskpane-forms.png');
  });

  it('on Excel for Mac, downloads through a one-time link opened in the system browser, never a button that does nothing', async () => {
    // office-js #2700: a blob-URL download does nothing on a Mac. The stub becomes a Mac whose ui.openBrowserWindow records the URL.
    await page.evaluate(() => {
      const w = window as unknown as { Office: Record<string, unknown>; __opened: string[] };
      w.__opened = [];
      w.Office.PlatformType = { PC: 'PC', Mac: 'Mac', OfficeOnline: 'OfficeOnline' };
      w.Office.context = { platform: 'Mac', ui: { openBrowserWindow: (url: string) => w.__opened.push(url) } };
    });
    const status = await clickAndSettle(page, '#form-download', 'form-status');
    expect(status.state, status.text).toBe('ok');
    expect(status.text).toContain('已在浏览器中打开');
    const opened = await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(new RegExp(`^${service.url}/downloads/[A-Za-z0-9_-]{32}$`));
    expect(await page.textContent('#form-download-link')).toContain(opened[0]!);
    // The browser (no sign-in token) gets the .xlsx once; the link is then gone.
    const first = await fetch(opened[0]!);
    expect(first.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await first.arrayBuffer());
    expect(wb.worksheets.length).toBeGreaterThan(0);
    expect((await fetch(opened[0]!)).status).toBe(404);
    await page.evaluate(() => {
      const w = window as unknown as { Office: Record<string, unknown> };
      delete w.Office.context;
      delete w.Office.PlatformType;
    });
  });

  it('fills a form from the selection by its column names and writes it', async () => {
    await page.selectOption('#form-id', 'district-centre-posts');
    await page.check('#form-source-workbook');
    await page.selectOption('#form-table', 'selection');
    const status = await clickAndSettle(page, '#form-fill', 'form-status');
    expect(status.state).toBe('ok');
    const payload = JSON.parse(await page.inputValue('#form-payload')) as { rows: unknown[] };
    expect(payload.rows).toEqual(CENTRES.map((c, i) => ({ name: `${c}教育事务中心`, director: 1, deputies: DEPUTIES[i] })));
    // The mapping is shown: each column the form expects, and the selection's column it came from.
    const mapping = await page.$$eval('#form-columns li.found', (lis) => lis.map((li) => li.textContent));
    expect(mapping).toEqual(expect.arrayContaining(['单位名称 unit name ← 单位名称', '书记兼主任 director ← 书记兼主任']));
    expect((await clickAndSettle(page, '#form-write', 'form-status')).state).toBe('ok');
    const sheet = (await dump(page, '学区教育事务中心岗位设置表 (2)'))!;
    const rows = Object.entries(sheet.cells).filter(([, c]) => typeof c.value === 'string' && c.value.endsWith('教育事务中心'));
    expect(rows.map(([, c]) => c.value)).toEqual(CENTRES.map((c) => `${c}教育事务中心`));
    // 合计 = 48 posts, the seed's establishment.
    expect(Object.values(sheet.cells).some((c) => c.value === 48)).toBe(true);
  });

  it('lists the columns a form expects and takes 填报单位, 日期 and 文号 as fields', async () => {
    await page.selectOption('#form-id', 'district-centre-posts');
    await page.waitForFunction(() => document.querySelectorAll('#form-columns li').length > 0);
    const columns = await page.$$eval('#form-columns li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(columns.join('\n')).toContain('单位名称 unit name');
    expect(columns.join('\n')).toContain('书记兼主任');
    await page.check('#form-source-example');
    await page.fill('#form-unit', '平江县教育局');
    await page.fill('#form-date', '2023-08-17');
    await page.fill('#form-docline', '（据平办发〔2023〕22号）');
    const status = await clickAndSettle(page, '#form-write', 'form-status');
    expect(status.state, status.text).toBe('ok');
    const body = lastPost('/api/v1/forms/district-centre-posts/layout') as { documentLine: string; signature: { unit: string; date: string } };
    expect(body.documentLine).toBe('（据平办发〔2023〕22号）');
    expect(body.signature).toMatchObject({ unit: '平江县教育局', date: '2023-08-17' });
    for (const id of ['#form-unit', '#form-date', '#form-docline']) await page.fill(id, '');
  });

  it('on an Excel without page layout (before ExcelApi 1.9) still writes the form and says what to set by hand', async () => {
    const old = await browser.context.newPage();
    await openPane(old, service.url, { ...SEED, noPageLayout: true });
    await old.click('#tab-forms');
    await settled(old, 'form-status');
    await old.selectOption('#form-id', 'key-tasks');
    const status = await clickAndSettle(old, '#form-write', 'form-status');
    expect(status.state).toBe('ok');
    expect(status.items).toHaveLength(4);
    expect(status.items.join('\n')).toContain('打印标题行');
    expect(status.items.every((i) => i.includes('页面布局'))).toBe(true);
    const names = await sheetNames(old);
    const sheet = (await dump(old, names.at(-1)!))!;
    expect(Object.values(sheet.cells).some((c) => c.value === '目标任务')).toBe(true);
    expect(sheet.pageLayout).toEqual({});
    await old.close();
  });

  it('says in words what to fix when the form data is not valid JSON', async () => {
    await page.fill('#form-payload', '{"rows": [');
    const status = await clickAndSettle(page, '#form-write', 'form-status');
    expect(status.state).toBe('bad');
    expect(status.text).toContain('不是有效的 JSON');
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

  it('inserts the example sheets with their formulas as typed; a second insert gets " (2)" names', async () => {
    await page.click('#tab-examples');
    const status = await clickAndSettle(page, '#ex-insert', 'ex-status');
    expect(status.state).toBe('ok');
    const api = (await (await fetch(`${service.url}/api/v1/example-sheets`)).json()) as { sheets: { name: string; cells: { ref: string; value?: unknown; formula?: string }[]; merges?: string[] }[] };
    const names = await sheetNames(page);
    for (const spec of api.sheets) {
      expect(names).toContain(spec.name);
      const sheet = (await dump(page, spec.name))!;
      for (const cell of spec.cells) {
        if (cell.formula !== undefined) expect(sheet.cells[cell.ref]?.formula, `${spec.name}!${cell.ref}`).toBe(cell.formula);
        else if (cell.value !== undefined) expect(sheet.cells[cell.ref]?.value, `${spec.name}!${cell.ref}`).toEqual(cell.value);
      }
      expect(sheet.merges).toEqual(spec.merges ?? []);
    }
    await sheetShot(page, (await dump(page, api.sheets[1]!.name))!, 'sheet-example.png');
    const edu = api.sheets.flatMap((s) => s.cells.filter((c) => c.formula?.startsWith('=EDU.')));
    expect(edu.length).toBeGreaterThan(5);
    await shot(page, 'taskpane-examples.png');
    expect((await clickAndSettle(page, '#ex-insert', 'ex-status')).state).toBe('ok');
    expect(await sheetNames(page)).toContain(`${api.sheets[1]!.name} (2)`);
  });

  it('with the service stopped, tells the clerk whom to contact and the address it tried, no command to run', async () => {
    await service.stop();
    await page.click('#tab-scenarios');
    const status = await settled(page, 'scn-refresh-status');
    expect(status.state).toBe('bad');
    expect(status.text).toContain(`无法连接计算服务（尝试的地址：${service.url}）`);
    expect(status.text).toContain('请联系本局负责本加载项的信息化管理员');
    expect(status.text).not.toMatch(/npm|服务已启动/);
  });
});

describe.skipIf(!hasProgram('chromium'))('sign-in: the token field against a service with EDU_AUTH=on', () => {
  let service: ServiceProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const addinDir = await buildAddin(mkdtempSync(path.join(os.tmpdir(), 'edu-addin-')));
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'edu-data-'));
    Object.assign(
      tokens,
      addUsers(dataDir, [
        ['张会计', 'finance'],
        ['李查看', 'viewer'],
      ]),
    );
    service = await startService({ EDU_ADDIN_DIR: addinDir, EDU_DATA_DIR: dataDir, EDU_AUTH: 'on' });
    browser = await launchChromium();
    page = await browser.context.newPage();
    await openPane(page, service.url, SEED);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('asks for the token, then says who is signed in; the token stays out of the workbook', async () => {
    await page.waitForSelector('#conn-state.state-bad');
    expect(await page.textContent('#conn-state')).toContain('服务要求登录');
    await page.waitForFunction(() => (document.getElementById('session-state')?.textContent ?? '').includes('需要登录'));
    await page.fill('#token', tokens.finance!);
    await page.click('#settings-form button[type="submit"]');
    await page.waitForFunction(() => (document.getElementById('session-state')?.textContent ?? '').includes('已登录'));
    expect(await page.textContent('#session-state')).toContain('已登录：张会计（财务，360000）');
    expect(await page.textContent('#conn-state')).toContain('已连接');
    await shot(page, 'taskpane-signin.png');
    expect(await page.evaluate(() => localStorage.getItem('edu.token'))).toBe(tokens.finance);
    const writes = await writeLog(page);
    expect(JSON.stringify(writes)).not.toContain(tokens.finance!);
  });

  it('a signed-in clerk saves a scenario with the bearer token; a viewer is told why not', async () => {
    await page.click('#tab-scenarios');
    await settled(page, 'scn-refresh-status');
    const id = await page.$$eval('#scn-sources tbody tr', (trs) => trs.find((tr) => tr.querySelector('strong')?.textContent === '经费')?.querySelector('select')?.id);
    await page.selectOption(`#${id}`, 'input');
    await page.fill('#scn-name', '经费方案');
    const [request] = await Promise.all([page.waitForRequest((r) => r.url().endsWith('/api/v1/scenarios') && r.method() === 'POST'), page.click('#scn-save')]);
    expect(request.headers().authorization).toBe(`Bearer ${tokens.finance}`);
    expect((await settled(page, 'scn-save-status')).text).toContain('第 1 版');

    await page.click('#tab-connection');
    await page.fill('#token', tokens.viewer!);
    await page.click('#settings-form button[type="submit"]');
    await page.waitForFunction(() => (document.getElementById('session-state')?.textContent ?? '').includes('李查看'));
    await page.click('#tab-scenarios');
    await settled(page, 'scn-refresh-status');
    const status = await clickAndSettle(page, '#scn-save', 'scn-save-status');
    expect(status.state).toBe('bad');
    expect(status.text).toContain('不能保存方案');
  });
});
