/**
 * The task pane in WPS 表格, end to end without WPS: the built WPS pane page (dist/addin/wps/
 * taskpane.html, the same views as in Excel) in Debian's Chromium, the WPS stand-in
 * (test/helpers/wps-stub.ts) as the workbook, and the REAL service. Scenarios, forms and
 * plans are driven the way a clerk would; the test asserts what reached the service and what
 * reached the workbook through the WPS host (addin/wps/wps-host.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormGrid } from '../../contracts/forms.js';
import type { ServiceProcess } from '../helpers/service-process.js';
import { hasProgram } from '../helpers/system-programs.js';
import { CENTRES, clickAndSettle, dump as sheetDump, POSTS_A, recordPosts, SEED as EXCEL_SEED, typeInto as typeIntoSheet } from '../helpers/taskpane-page.js';
import type { WpsCellDump, WpsSeed } from '../helpers/wps-stub.js';
import { startWpsSuite, type WpsSuite } from '../helpers/wps-suite.js';

/** The Excel pane suites' workbook (seed 000's centres, the rotation tables), as a WPS file. */
const SEED: WpsSeed = { ...EXCEL_SEED, name: '县域规划.et' };

interface Dump {
  cells: Record<string, WpsCellDump>;
  merges: string[];
  pageSetup: Record<string, unknown>;
  freezeRows: number;
}
const dump = (page: Page, sheet: string) => sheetDump<Dump>(page, sheet, '__wps');
const typeInto = (page: Page, ref: string, values: unknown[][]) => typeIntoSheet(page, ref, values, '__wps');

describe.skipIf(!hasProgram('chromium'))('the task pane in WPS (stand-in) against the running service', () => {
  let suite: WpsSuite;
  let service: ServiceProcess;
  let page: Page;
  let lastPost: ReturnType<typeof recordPosts>;

  beforeAll(async () => {
    suite = await startWpsSuite();
    service = suite.service;
    page = await suite.newPage(SEED);
    lastPost = recordPosts(page);
    await page.goto(`${service.url}/wps/taskpane.html`);
    await page.waitForSelector('#conn-state.state-ok');
  }, 180_000);

  afterAll(() => suite?.stop());

  it('is connected and knows it is in a workbook (no “not in Excel” banner)', async () => {
    expect(await page.textContent('#conn-state')).toContain('已连接');
    expect(await page.isHidden('#no-excel')).toBe(true);
    expect(await page.isHidden('#wps-no-functions')).toBe(true);
  });

  it('in a WPS older than 12.1.0.20540 (no AddCustomFunction) says the functions need an upgrade, and the pane still works', async () => {
    const old = await suite.newPage({ ...SEED, noCustomFunctions: true });
    await old.goto(`${service.url}/wps/taskpane.html`);
    await old.waitForSelector('#conn-state.state-ok');
    expect(await old.isVisible('#wps-no-functions')).toBe(true);
    expect(await old.textContent('#wps-no-functions')).toContain('12.1.0.20540');
    await old.close();
  });

  it('saves a scenario from a named range and a table read through WPS, then loads it back after confirming', async () => {
    await page.click('#tab-scenarios');
    await page.waitForFunction(() => document.querySelectorAll('#scn-sources tbody tr').length >= 7);
    expect(await page.textContent('#scn-workbook')).toBe('县域规划.et');
    const useOf = async (name: string, use: string) => {
      const id = await page.$$eval('#scn-sources tbody tr', (trs, n) => trs.find((tr) => tr.querySelector('strong')?.textContent === n)?.querySelector('select')?.id, name);
      await page.selectOption(`#${id}`, use);
    };
    await useOf('岗位', 'input');
    await useOf('学校', 'result');
    await page.fill('#scn-name', 'WPS方案');
    const saved = await clickAndSettle(page, '#scn-save', 'scn-save-status');
    expect(saved.state, saved.text).toBe('ok');
    const body = lastPost('/api/v1/scenarios') as { workbook: string; inputs: unknown; results: Record<string, { headers: string[]; values: unknown[][] }> };
    expect(body.workbook).toBe('县域规划.et');
    expect(body.inputs).toEqual({ 岗位: { kind: 'range', address: '学区岗位!B2:B9', values: POSTS_A.map((v) => [v]), labels: CENTRES } });
    expect(body.results.学校).toMatchObject({ kind: 'table', address: '学校名单!A2:F4', headers: SEED.sheets!.学校名单![0] });
    expect(body.results.学校!.values[1]).toEqual(['R1', '乡村小学', '乡村', 1, 0, 12]);

    await typeInto(page, '学区岗位!B2', [[12]]);
    const id = await page.$eval('#scn-load-name', (s: HTMLSelectElement) => Array.from(s.options).find((o) => o.textContent?.startsWith('WPS方案'))!.value);
    await page.selectOption('#scn-load-name', id);
    await page.click('#scn-load');
    await page.waitForSelector('#scn-confirm [role="alertdialog"]');
    expect(await page.$$eval('#scn-confirm li.overwrite', (lis) => lis.map((li) => li.textContent ?? ''))).toEqual(expect.arrayContaining([expect.stringContaining('学区岗位!B2:B9')]));
    await page.click('#scn-confirm .btn-danger');
    await page.waitForFunction(() => document.getElementById('scn-load-status')?.dataset.state === 'ok');
    expect((await dump(page, '学区岗位'))!.cells.B2!.value).toBe(9);
  });

  it('names the selection for a scenario, refusing a name that looks like a cell address', async () => {
    await page.fill('#scn-selection-name', 'B2');
    expect((await clickAndSettle(page, '#scn-name-selection', 'scn-selection-status')).text).toContain('名称“B2”不能用');
    await page.fill('#scn-selection-name', '');
    const status = await clickAndSettle(page, '#scn-name-selection', 'scn-selection-status');
    expect(status.state, status.text).toBe('ok');
    const names = await page.evaluate(() => (window as unknown as { __wps: { names(): Record<string, string> } }).__wps.names());
    expect(names['岗位表_A1_C9']).toBe('=岗位表!$A$1:$C$9');
  });

  it('writes an official form into a new sheet, value for value as the service lays it out, with its print settings and frozen header', async () => {
    await page.click('#tab-forms');
    await page.waitForFunction(() => document.querySelectorAll('#form-id option').length > 0);
    const id = await page.inputValue('#form-id');
    await page.check('#form-source-example');
    const status = await clickAndSettle(page, '#form-write', 'form-status');
    expect(status.state, status.text).toBe('ok');
    const example = await (await fetch(`${service.url}/api/v1/forms/${id}/example`)).json();
    const grid = (await (await fetch(`${service.url}/api/v1/forms/${id}/layout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example) })).json()) as FormGrid;
    const sheet = (await dump(page, grid.sheetName))!;
    grid.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
        expect(sheet.cells[ref]?.value, ref).toEqual(cell.value === null || cell.value === '' ? undefined : cell.value);
        expect(sheet.cells[ref]?.numberFormat, ref).toBe(grid.styles[cell.style]!.numberFormat);
      }),
    );
    expect(new Set(sheet.merges)).toEqual(new Set(grid.merges.map((m) => m.ref)));
    expect(sheet.cells.A1!.font!.Size).toBe(grid.styles.title!.font.size);
    // Printed and filed: A4, fit to one page wide (False tall = as many as needed), title rows, page numbers; header frozen.
    const p = grid.print;
    expect(sheet.pageSetup).toEqual({
      Orientation: p.orientation === 'landscape' ? 2 : 1,
      PaperSize: 9,
      CenterHorizontally: p.horizontalCentered,
      TopMargin: p.margins.top * 72,
      BottomMargin: p.margins.bottom * 72,
      LeftMargin: p.margins.left * 72,
      RightMargin: p.margins.right * 72,
      HeaderMargin: p.margins.header * 72,
      FooterMargin: p.margins.footer * 72,
      Zoom: false,
      FitToPagesWide: 1,
      FitToPagesTall: false,
      PrintTitleRows: `$${p.titleRows.first}:$${p.titleRows.last}`,
      PrintArea: p.printArea,
      CenterFooter: '第 &P 页，共 &N 页',
    });
    expect(sheet.freezeRows).toBe(grid.bodyStart);
    expect(await page.textContent('#form-status')).not.toContain('页面布局');
    // The print area and title rows became sheet-level names; the scenario list leaves them out.
    const names = await page.evaluate(() => (window as unknown as { __wps: { names(): Record<string, string> } }).__wps.names());
    expect(Object.keys(names)).toContain(`${grid.sheetName}!Print_Area`);
    await page.click('#tab-scenarios');
    await clickAndSettle(page, '#scn-refresh', 'scn-refresh-status');
    const listed = await page.$$eval('#scn-sources tbody tr strong', (els) => els.map((e) => e.textContent ?? ''));
    expect(listed).toContain('岗位');
    expect(listed.filter((n) => n.includes('Print_'))).toEqual([]);
  });

  it('plans the teacher rotation from the two tables read through WPS and writes 教师交流轮岗计划表', async () => {
    await page.click('#tab-plans');
    await page.waitForFunction(() => document.querySelectorAll('#rot-teachers option').length > 0);
    const status = await clickAndSettle(page, '#rot-plan', 'rot-status');
    expect(status.state, status.text).toBe('ok');
    const body = lastPost('/api/v1/rotation/plan') as { teachers: unknown[]; schools: unknown[] };
    expect(body.teachers).toContainEqual({ id: 'T1', name: '张一', school: 'S1', subject: '数学', backbone: true, yearsAtSchool: 9 });
    expect(body.schools).toContainEqual({ id: 'R1', name: '乡村小学', role: 'receiving', needs: { 数学: 1 }, distances: { S1: 12 } });
    const values = Object.values((await dump(page, '教师交流轮岗计划表'))!.cells).map((c) => c.value);
    // Three eligible (6+ years) at 城关一小: quota ceil(10% × 3) = 1, backbone ceil(20% × 1) = 1: 张一 goes.
    expect(values).toEqual(expect.arrayContaining(['张一', '城关一小', '乡村小学', '数学']));
    expect(values).not.toContain('李二');
  });

  it('inserts the example sheets with their EDU formulas as typed', async () => {
    await page.click('#tab-examples');
    expect((await clickAndSettle(page, '#ex-insert', 'ex-status')).state).toBe('ok');
    const api = (await (await fetch(`${service.url}/api/v1/example-sheets`)).json()) as { sheets: { name: string; cells: { ref: string; formula?: string }[] }[] };
    for (const spec of api.sheets) {
      const sheet = (await dump(page, spec.name))!;
      for (const cell of spec.cells.filter((c) => c.formula !== undefined)) expect(sheet.cells[cell.ref]?.formula, `${spec.name}!${cell.ref}`).toBe(cell.formula);
    }
  });
});
