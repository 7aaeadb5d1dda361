/**
 * The compute-into-cells pane (compute.html, manifest-taskpane.xml) end to end: the built
 * pane in Debian's Chromium against the REAL service, with an Excel stand-in that has only
 * ExcelApi 1.1 (members of later sets removed: test/helpers/excel-api-sets.ts) and an Office
 * whose requirements answer ExcelApi 1.1 and Settings 1.1 and whose document keeps settings
 * (test/helpers/office-document-stub.ts). The values written must equal the core's answer
 * (formulas/ invoke on the same inputs).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin } from '../../addin/build/build.js';
import { catalog } from '../../formulas/catalog.js';
import { findFormula, invoke, shippedProfileSource } from '../../formulas/index.js';
import { errorText } from '../../addin/compute/result-cells.js';
import { launchChromium, OFFICE_STUB } from '../helpers/chromium.js';
import { EXCEL_2016_SETS, EXCEL_API_1_1 } from '../helpers/excel-api-sets.js';
import { excelStubScript, type ExcelSeed, type SheetDump } from '../helpers/excel-stub.js';
import { officeDocumentScript } from '../helpers/office-document-stub.js';
import { startService, type ServiceProcess } from '../helpers/service-process.js';
import { hasProgram } from '../helpers/system-programs.js';

const CENTRES = ['第一学区', '第二学区', '第三学区', '第四学区', '第五学区', '第六学区', '第七学区', '第八学区'];
const PUPILS = [1200, 800, 760, 700, 520, 650, 480, 450];
/** Teachers per 100 pupils, per centre: the values WEIGHTEDCV weighs by enrolment. */
const TEACHERS_PER_100 = [6.1, 5.8, 6.4, 5.2, 7.0, 6.6, 5.9, 6.3];

const SEED: ExcelSeed = {
  name: '县域规划.xlsx',
  sheets: {
    学区: [['学区', '学生数', '每百名学生教师数'], ...CENTRES.map((c, i) => [c, PUPILS[i]!, TEACHERS_PER_100[i]!])],
    结果: [['学区', '岗位'], ...CENTRES.map((c) => [c, null]), [null, null, null, '别人的数据']],
    学生: [['学生数'], ...PUPILS.map((p) => [p])],
  },
  names: { 学生数: '学区!B2:B9' },
  tables: { 学生表: '学生!A1:A9' },
  selection: '学区!B2:B9',
  ...EXCEL_API_1_1,
};

const RECORDS = 'edu.compute.records';

/** Run before the page: removes what Internet Explorer 11 does not have, so the pane must bring it (addin/compute/legacy-webview.ts). */
const IE11_MISSING = `
  delete window.fetch; delete window.AbortController; delete window.AbortSignal; delete window.URL; delete window.URLSearchParams;
  ['replaceChildren', 'append', 'prepend', 'remove'].forEach(function (m) { delete Element.prototype[m]; delete Document.prototype[m]; });
  ['includes', 'find', 'findIndex', 'flat', 'flatMap', 'at', 'entries', 'fill'].forEach(function (m) { delete Array.prototype[m]; });
  delete Array.from; delete Object.entries; delete Object.values; delete Object.fromEntries; delete Number.isFinite;
  ['startsWith', 'endsWith', 'includes', 'padStart', 'repeat'].forEach(function (m) { delete String.prototype[m]; });
`;
const core = (id: string, args: unknown[], addresses?: string[]) => invoke(findFormula(id)!, args, { profiles: shippedProfileSource }, addresses);
const column = (values: readonly number[]) => values.map((v) => [v]);

type Stub = { dump(sheet: string): SheetDump | null; set(ref: string, values: unknown[][]): void; select(ref: string): void };
const dump = (page: Page, sheet: string) => page.evaluate((s) => (window as unknown as { __excel: Stub }).__excel.dump(s)!, sheet);
const savedSettings = (page: Page) => page.evaluate(() => (window as unknown as { __officeDocument: { saved(): Record<string, unknown> } }).__officeDocument.saved());
const cells = (d: SheetDump, col: string, from: number, n: number) => Array.from({ length: n }, (_, i) => [d.cells[`${col}${from + i}`]?.value]);

describe.skipIf(!hasProgram('chromium'))('the compute pane (Excel 2016/2019) against the running service, with only ExcelApi 1.1', () => {
  let service: ServiceProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const calcPosts: { calls: { fn: string }[] }[] = [];

  async function open(settings?: Record<string, unknown>, seed: ExcelSeed = SEED, before?: string): Promise<Page> {
    const p = await browser.context.newPage();
    if (before) await p.addInitScript(before);
    p.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/api/v1/calc')) calcPosts.push(JSON.parse(req.postData() ?? 'null'));
    });
    await p.addInitScript(OFFICE_STUB);
    await p.addInitScript(excelStubScript(seed));
    await p.addInitScript(officeDocumentScript({ sets: EXCEL_2016_SETS, ...(settings ? { settings } : {}) }));
    await p.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await p.goto(`${service.url}/compute.html`);
    await p.waitForSelector('#conn-state.state-ok, #conn-state.state-bad');
    return p;
  }

  /** Picks a function and fills each parameter: [kind, text] (kind range|table|value|omit). */
  async function fill(p: Page, fn: string, params: [string, string][], output: string): Promise<void> {
    await p.selectOption('#fn', fn);
    for (const [i, [kind, text]] of params.entries()) {
      await p.selectOption(`#param-${i} select.kind`, kind);
      if (kind === 'table') await p.selectOption(`#param-${i} select.table`, text);
      else if (kind !== 'omit') await p.fill(`#param-${i} input.ref`, text);
    }
    await p.fill('#output', output);
  }

  async function press(p: Page, button: string, status: string): Promise<{ state: string; text: string; items: string[] }> {
    await p.evaluate((id) => (document.getElementById(id)!.dataset.state = 'clicked'), status);
    await p.click(button);
    await p.waitForFunction((id) => ['ok', 'bad'].includes(document.getElementById(id)!.dataset.state ?? ''), status);
    return p.evaluate((id) => {
      const el = document.getElementById(id)!;
      return { state: el.dataset.state!, text: el.querySelector('.status-text')?.textContent ?? '', items: Array.from(el.querySelectorAll('li')).map((li) => li.textContent ?? '') };
    }, status);
  }

  beforeAll(async () => {
    const addinDir = await buildAddin(mkdtempSync(path.join(os.tmpdir(), 'edu-compute-')));
    service = await startService({ EDU_ADDIN_DIR: addinDir });
    browser = await launchChromium();
    page = await open();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('runs in an Excel with only ExcelApi 1.1: later members are absent and the requirements say so', async () => {
    const seen = await page.evaluate(() =>
      Excel.run(async (context) => {
        const wb = context.workbook as unknown as Record<string, Record<string, unknown>>;
        const sheet = context.workbook.worksheets.getActiveWorksheet() as unknown as Record<string, unknown>;
        return {
          getItemOrNullObject: typeof wb.names!.getItemOrNullObject,
          getRangeByIndexes: typeof sheet.getRangeByIndexes,
          excelApi11: Office.context.requirements.isSetSupported('ExcelApi', '1.1'),
          excelApi12: Office.context.requirements.isSetSupported('ExcelApi', '1.2'),
        };
      }),
    );
    expect(seen).toEqual({ getItemOrNullObject: 'undefined', getRangeByIndexes: 'undefined', excelApi11: true, excelApi12: false });
    expect(await page.isHidden('#no-excel')).toBe(true);
  });

  it('offers every registry function, each parameter with its Chinese name and both descriptions', async () => {
    const offered = await page.$$eval('#fn option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(catalog().map((e) => e.id));
    for (const entry of catalog()) {
      await page.selectOption('#fn', entry.id);
      const params = await page.$$eval('#params .param', (ps) => ps.map((p) => ({ name: p.getAttribute('data-name'), hint: p.querySelector('.hint')?.textContent ?? '' })));
      expect(params.map((p) => p.name)).toEqual(entry.params.map((p) => p.name));
      params.forEach((p, i) => expect(p.hint).toContain(entry.params[i]!.summary.en));
      params.forEach((p, i) => expect(p.hint).toContain(entry.params[i]!.summary.zh));
    }
  });

  it('computes APPORTION from a picked range into cells: the values equal the core’s answer, and the call is recorded in the workbook', async () => {
    await page.evaluate(() => (window as unknown as { __excel: Stub }).__excel.select('学区!B2:B9'));
    await page.selectOption('#fn', 'APPORTION');
    await page.fill('#param-0 input.ref', '48');
    await page.selectOption('#param-0 select.kind', 'value');
    await page.click('#param-1 button.use');
    await page.waitForFunction(() => (document.querySelector('#param-1 input.ref') as HTMLInputElement).value !== '');
    await fill(page, 'APPORTION', [['value', '48'], ['range', '学区!B2:B9'], ['value', 'hamilton']], '结果!B2');
    const status = await press(page, '#compute', 'compute-status');
    expect(status.state, status.text).toBe('ok');
    await page.screenshot({ path: path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots', 'compute-pane.png'), fullPage: true });
    const expected = core('APPORTION', [48, column(PUPILS), 'hamilton', null, null]);
    expect(cells(await dump(page, '结果'), 'B', 2, 8)).toEqual(expected);
    const records = (await savedSettings(page))[RECORDS];
    expect(records).toEqual([{ fn: 'APPORTION', args: [{ kind: 'value', value: 48 }, { kind: 'range', ref: '学区!B2:B9' }, { kind: 'value', value: 'hamilton' }, { kind: 'omit' }, { kind: 'omit' }], output: '结果!B2', written: '结果!B2:B9' }]);
  });

  it('records a second call from a named range and a table; 重新计算 after the inputs change runs both again in one request', async () => {
    await fill(page, 'WEIGHTEDCV', [['range', '学区!C2:C9'], ['range', '学生数']], '结果!D2');
    expect((await press(page, '#compute', 'compute-status')).state).toBe('ok');
    expect((await dump(page, '结果')).cells.D2?.value).toEqual(core('WEIGHTEDCV', [column(TEACHERS_PER_100), column(PUPILS)]));
    await fill(page, 'APPORTION', [['value', '11'], ['table', '学生表'], ['value', 'dhondt']], '结果!F2');
    const fromTable = await press(page, '#compute', 'compute-status');
    expect(fromTable.state, fromTable.text).toBe('ok');
    expect(await page.$$eval('#records li', (li) => li.length)).toBe(3);

    // The clerk changes the enrolments (sheet 学区 and the table 学生表), then recalculates.
    const changed = [1300, 800, 760, 700, 520, 650, 480, 350];
    await page.evaluate(([v]) => {
      const stub = (window as unknown as { __excel: Stub }).__excel;
      stub.set('学区!B2', v!.map((x) => [x]));
      stub.set('学生!A2', v!.map((x) => [x]));
    }, [changed]);
    calcPosts.length = 0;
    const status = await press(page, '#recalc', 'recalc-status');
    expect(status.state, status.text).toBe('ok');
    expect(calcPosts.map((b) => b.calls.map((c) => c.fn))).toEqual([['APPORTION', 'WEIGHTEDCV', 'APPORTION']]);
    const after = await dump(page, '结果');
    expect(cells(after, 'B', 2, 8)).toEqual(core('APPORTION', [48, column(changed), 'hamilton', null, null]));
    expect(after.cells.D2?.value).toEqual(core('WEIGHTEDCV', [column(TEACHERS_PER_100), column(changed)]));
    expect(cells(after, 'F', 2, 8)).toEqual(core('APPORTION', [11, column(changed), 'dhondt', null, null]));
  });

  it('the records live in the document: the workbook opened again recalculates every call', async () => {
    const settings = await savedSettings(page);
    const again = await open(settings);
    expect(await again.$$eval('#records li', (li) => li.map((l) => l.getAttribute('data-output')))).toEqual(['结果!B2', '结果!D2', '结果!F2']);
    const status = await press(again, '#recalc', 'recalc-status');
    expect(status.state, status.text).toBe('ok');
    expect(cells(await dump(again, '结果'), 'F', 2, 8)).toEqual(core('APPORTION', [11, column(PUPILS), 'dhondt', null, null]));
    await again.close();
  });

  it('works where the webview lacks what IE11 lacks (fetch, AbortController, URL, newer Array/Object/String and DOM methods): the bundled polyfills stand in', async () => {
    const ie11Like = await open(undefined, SEED, IE11_MISSING);
    expect(await ie11Like.evaluate(() => (window.fetch as { polyfill?: boolean }).polyfill)).toBe(true);
    await fill(ie11Like, 'APPORTION', [['value', '48'], ['range', '学生数'], ['value', 'hamilton']], '结果!B2');
    const status = await press(ie11Like, '#compute', 'compute-status');
    expect(status.state, status.text).toBe('ok');
    expect(cells(await dump(ie11Like, '结果'), 'B', 2, 8)).toEqual(core('APPORTION', [48, column(PUPILS), 'hamilton', null, null]));
    await ie11Like.close();
  });

  it('a record can be removed: its values stay, 重新计算 no longer touches them', async () => {
    const before = ((await savedSettings(page))[RECORDS] as unknown[]).length;
    await page.click('#records li:last-child button');
    await page.waitForFunction((n) => document.querySelectorAll('#records li').length === n - 1, before);
    const records = (await savedSettings(page))[RECORDS] as { output: string }[];
    expect(records.map((r) => r.output)).toEqual(['结果!B2', '结果!D2']);
    expect((await dump(page, '结果')).cells.F2?.value).toBeTypeOf('number');
  });

  it('outside Excel (a plain browser tab) it says where to open it and writes nothing', async () => {
    const plain = await browser.context.newPage();
    await plain.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    await plain.goto(`${service.url}/compute.html`);
    await plain.waitForSelector('#conn-state.state-ok');
    expect(await plain.isVisible('#no-excel')).toBe(true);
    const status = await press(plain, '#compute', 'compute-status');
    expect(status.state).toBe('bad');
    expect(status.text).toContain('请在 Excel 中打开本面板');
    await plain.close();
  });

  it('bad input: the service’s message shows in the pane in both languages and as visible error text in the output cell', async () => {
    await page.evaluate(() => (window as unknown as { __excel: Stub }).__excel.set('学区!B3', [['八百']]));
    await fill(page, 'APPORTION', [['value', '48'], ['range', '学区!B2:B9'], ['value', 'hamilton']], '结果!H2');
    const status = await press(page, '#compute', 'compute-status');
    const expected = core('APPORTION', [48, [[1300], ['八百'], [760], [700], [520], [650], [480], [350]], 'hamilton', null, null], ['', '学区!B2:B9', '', '', '']);
    expect(status.state).toBe('bad');
    expect(expected).toHaveProperty('error');
    const error = (expected as { error: { zh: string; en: string } }).error;
    expect(status.text).toContain(error.zh);
    expect(status.text).toContain(error.en);
    expect((await dump(page, '结果')).cells.H2?.value).toBe(errorText(expected as never));
  });

  it('refuses what it cannot do without losing data: a range for a one-cell argument, an unknown reference, a result that would spill over data', async () => {
    await fill(page, 'APPORTION', [['range', '学区!B2:B9'], ['range', '学区!B2:B9'], ['omit', '']], '结果!J2');
    let status = await press(page, '#compute', 'compute-status');
    expect(status.state).toBe('bad');
    expect(status.text).toContain('只要一个单元格');
    expect(status.text).toContain('takes one cell');

    await fill(page, 'APPORTION', [['value', '48'], ['range', '不存在的表!B2:B9'], ['omit', '']], '结果!J2');
    status = await press(page, '#compute', 'compute-status');
    expect(status.state).toBe('bad');
    expect(status.text).toContain('找不到“不存在的表”');

    // 结果!D10 holds someone's data: a result of 8 rows from D3 would spill over it.
    await page.evaluate(() => (window as unknown as { __excel: Stub }).__excel.set('学区!B3', [[800]]));
    await fill(page, 'APPORTION', [['value', '48'], ['range', '学区!B2:B9'], ['omit', '']], '结果!D3');
    status = await press(page, '#compute', 'compute-status');
    expect(status.state).toBe('bad');
    expect(status.text).toContain('#SPILL!');
    expect(status.text).toContain('D10');
    const after = await dump(page, '结果');
    expect(after.cells.D10?.value).toBe('别人的数据');
    expect(String(after.cells.D3?.value)).toMatch(/^#SPILL!/);
  });
});
