/**
 * 报表 (official forms) end to end: every form written cell for cell as the service lays it
 * out and downloaded as .xlsx; the Mac download through a one-time link; filling from the
 * selection through an editable column map shown before anything is filled; money only from
 * columns that say yuan; the signature fields; an Excel without page layout.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FormGrid } from '../../../contracts/forms.js';
import { cellValue, clickAndSettle, CENTRES, DEPUTIES, dump, FUNDS_A, openPane, paneSuite, SEED, settled, sheetNames, sheetShot, shot, type PaneSuite } from '../../helpers/taskpane-page.js';
import { hasProgram } from '../../helpers/system-programs.js';

describe.skipIf(!hasProgram('chromium'))('报表 (forms): write, download, fill from the workbook', () => {
  const pane = paneSuite();
  let page: PaneSuite['page'];
  let service: PaneSuite['service'];
  let browser: PaneSuite['browser'];
  let lastPost: PaneSuite['lastPost'];
  beforeAll(() => {
    ({ page, service, browser, lastPost } = pane);
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

  it('reads the selection, shows its column map before filling, and writes the form from it', async () => {
    await page.selectOption('#form-id', 'district-centre-posts');
    await page.check('#form-source-workbook');
    await page.selectOption('#form-table', 'selection');
    const read = await clickAndSettle(page, '#form-fill', 'form-status');
    expect(read.state, read.text).toBe('ok');
    expect(read.text).toContain('8 行');
    // The map, column by column: each field the form expects and the selection's column it takes (by header).
    const chosen = await page.$$eval('#form-columns select[data-key]', (ss) => ss.map((s) => [s.getAttribute('data-key'), (s as HTMLSelectElement).selectedOptions[0]!.textContent]));
    expect(chosen).toEqual([
      ['name', '单位名称'],
      ['director', '书记兼主任'],
      ['deputies', '副主任及专干'],
    ]);
    expect((await clickAndSettle(page, '#form-write', 'form-status')).state).toBe('ok');
    const body = lastPost('/api/v1/forms/district-centre-posts/layout') as { rows: unknown[] };
    expect(body.rows).toEqual(CENTRES.map((c, i) => ({ name: `${c}教育事务中心`, director: 1, deputies: DEPUTIES[i] })));
    const sheet = (await dump(page, '学区教育事务中心岗位设置表 (2)'))!;
    const rows = Object.entries(sheet.cells).filter(([, c]) => typeof c.value === 'string' && c.value.endsWith('教育事务中心'));
    expect(rows.map(([, c]) => c.value)).toEqual(CENTRES.map((c) => `${c}教育事务中心`));
    // 合计 = 48 posts, the seed's establishment.
    expect(Object.values(sheet.cells).some((c) => c.value === 48)).toBe(true);
    await shot(page, 'taskpane-forms-map.png');
  });

  it('names a required column left unmapped and writes nothing until one is chosen', async () => {
    const before = (await sheetNames(page)).length;
    await page.selectOption('#form-columns select[data-key="director"]', '');
    const status = await clickAndSettle(page, '#form-write', 'form-status');
    expect(status.state).toBe('bad');
    expect(status.items.join('\n')).toContain('没有“书记兼主任”列');
    expect((await sheetNames(page)).length).toBe(before);
    // Chosen by hand (here the deputies' column, to show the map is followed), the form is written from it.
    await page.selectOption('#form-columns select[data-key="director"]', '2');
    await page.selectOption('#form-columns select[data-key="deputies"]', '1');
    expect((await clickAndSettle(page, '#form-write', 'form-status')).state).toBe('ok');
    const body = lastPost('/api/v1/forms/district-centre-posts/layout') as { rows: unknown[] };
    expect(body.rows).toEqual(CENTRES.map((c, i) => ({ name: `${c}教育事务中心`, director: DEPUTIES[i], deputies: 1 })));
  });

  it('offers only columns that say yuan for money: a count column never becomes an amount', async () => {
    await page.selectOption('#form-id', 'public-funds');
    await page.selectOption('#form-table', '分配结果');
    // 学区 | 岗位数 | 经费（元）: no header names the unit, and 岗位数 is a count.
    const read = await clickAndSettle(page, '#form-fill', 'form-status');
    expect(read.state).toBe('bad');
    expect(read.items.join('\n')).toContain('没有“名称”列');
    const offered = await page.$$eval('#form-columns input[data-column]', (bs) => bs.map((b) => [b.parentElement!.textContent!.trim(), (b as HTMLInputElement).checked]));
    expect(offered).toEqual([['经费（元）', true]]);
    expect(await page.textContent('#form-columns')).toContain('数字列 岗位数 的列名不表示金额');
    await page.selectOption('#form-columns select[data-key="name"]', '0');
    expect((await settled(page, 'form-status')).state).toBe('ok');
    expect((await clickAndSettle(page, '#form-write', 'form-status')).state).toBe('ok');
    const body = lastPost('/api/v1/forms/public-funds/layout') as { drivers: unknown; rows: unknown[]; budget: number };
    expect(body.drivers).toEqual([{ name: '经费' }]);
    expect(body.rows).toEqual(CENTRES.map((c, i) => ({ name: c, shares: [FUNDS_A[i]] })));
    // Unticked, no money column is left and the form says so instead of writing anything.
    await page.uncheck('#form-columns input[data-column="2"]');
    const none = await settled(page, 'form-status');
    expect(none.state).toBe('bad');
    expect(none.items.join('\n')).toContain('没有金额列');
    await page.check('#form-source-example');
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
});
