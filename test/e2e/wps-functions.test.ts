/**
 * The WPS 表格 add-in end to end, without WPS: the built add-in (dist/addin/wps, served by
 * the REAL service at /wps/) in Debian's Chromium with the WPS stand-in (test/helpers/
 * wps-stub.ts), which calls the registered functions synchronously while it calculates, as
 * WPS documents. Formulas typed into cells must show the core's values after the batched
 * answer's write-back, in one request per recalculation burst; errors must reach the cell
 * as text with the message; the ribbon must open the pane and recalculate.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PENDING_TEXT, wpsCellValue } from '../../addin/wps/cell-values.js';
import { isFormulaError } from '../../formulas/core/errors.js';
import { findFormula, invoke, shippedProfileSource } from '../../formulas/index.js';
import { registry } from '../../formulas/registry.js';
import type { ServiceProcess } from '../helpers/service-process.js';
import { hasProgram } from '../helpers/system-programs.js';
import { startWpsSuite, type WpsSuite } from '../helpers/wps-suite.js';

/** Seed 000: eight district centres' pupils (the weights of 48 posts). */
const PUPILS = [1200, 800, 760, 700, 520, 690, 480, 450];

interface Wps {
  registered(): { namespace: string; name: string; metadata: { parameters: { type: string }[] } }[];
  calls: { fn: string; cell: string }[];
  stats: { calculations: number; asyncReturns: number };
  taskPanes: { url: string; Visible: boolean }[];
  dialogs: { url: string }[];
  set(ref: string, values: unknown[][]): void;
  value(ref: string): unknown;
  click(id: string): void;
}
const wps = <T>(page: Page, fn: (w: Wps, arg: unknown) => T, arg?: unknown): Promise<T> =>
  page.evaluate(([body, a]) => new Function('w', 'a', `return (${body})(w, a)`)((window as unknown as { __wps: Wps }).__wps, a) as T, [fn.toString(), arg] as const);

/** Waits until no cell of `ref` shows the placeholder, and answers its value. */
async function settledValue(page: Page, ref: string): Promise<unknown> {
  await page.waitForFunction(([r, pending]) => JSON.stringify((window as unknown as { __wps: Wps }).__wps.value(r)).indexOf(pending) < 0, [ref, PENDING_TEXT] as const);
  return wps(page, (w, r) => w.value(r as string), ref);
}

describe.skipIf(!hasProgram('chromium'))('the WPS add-in in Chromium with the WPS stand-in, against the running service', () => {
  let suite: WpsSuite;
  let service: ServiceProcess;
  let page: Page;
  const requests: number[] = [];

  beforeAll(async () => {
    suite = await startWpsSuite();
    service = suite.service;
    page = await suite.newPage({ sheets: { 学区岗位: [['学区', '学生数'], ...PUPILS.map((p, i) => [`第${i + 1}学区`, p])] } });
    page.on('request', (req) => {
      if (req.url().endsWith('/api/v1/calc') && req.method() === 'POST') requests.push((JSON.parse(req.postData() ?? '{}') as { calls: unknown[] }).calls.length);
    });
    await page.goto(`${service.url}/wps/index.html`);
    await page.waitForFunction(() => (window as unknown as { __wps: Wps }).__wps.registered().length > 0);
  }, 120_000);

  afterAll(() => suite?.stop());

  it('registers every registry function under EDU, with its parameters and ranges as 2-D arrays', async () => {
    const registered = await wps(page, (w) => w.registered());
    expect(registered.map((f) => `${f.namespace}.${f.name}`)).toEqual(registry.map((f) => `EDU.${f.id}`));
    registered.forEach((f, i) => {
      const def = registry[i]!;
      expect(f.metadata.parameters.map((p) => p.type.includes('[][]'))).toEqual(def.params.map((p: { dimensionality: string }) => p.dimensionality === 'matrix'));
    });
  });

  it('a typed =EDU.APPORTION shows the placeholder at once, then the core’s 48 posts, called synchronously', async () => {
    requests.length = 0;
    await wps(page, (w) => w.set('学区岗位!C2', [['=EDU.APPORTION(48,B2:B9,"hamilton")']]));
    // The call returned at once (WPS calls synchronously): the cell holds the placeholder now.
    expect(await wps(page, (w) => w.value('学区岗位!C2'))).toBe('计算中… Calculating…');
    const spilled = await settledValue(page, '学区岗位!C2:C9');
    const expected = invoke(findFormula('APPORTION')!, [48, PUPILS.map((p) => [p]), 'hamilton', null, null], { profiles: shippedProfileSource });
    expect(spilled).toEqual(expected);
    expect((spilled as number[][]).flat().reduce((a, b) => a + b, 0)).toBe(48);
    expect(requests).toEqual([1]);
    expect((await wps(page, (w) => w.stats)).asyncReturns).toBe(0);
  });

  it('a formula fed by another EDU formula’s result settles too (one write-back per link of the chain)', async () => {
    await wps(page, (w) => w.set('学区岗位!D2', [['=EDU.APPORTION(14,C2:C9,"hamilton")']]));
    const posts = (await settledValue(page, '学区岗位!C2:C9')) as number[][];
    // 14 posts by the 48 (9, 6, 6, 6, 5, 6, 5, 5): quotas 2.625, 1.75 ×4, 1.458 ×3 → floors 2, 1 … (9),
    // the 5 left go to the largest remainders .75 ×4 and .625: 3, 2, 2, 2, 1, 2, 1, 1.
    const chained = await settledValue(page, '学区岗位!D2:D9');
    expect(chained).toEqual([[3], [2], [2], [2], [1], [2], [1], [1]]);
    expect(chained).toEqual(invoke(findFormula('APPORTION')!, [14, posts, 'hamilton', null, null], { profiles: shippedProfileSource }));
  });

  it('200 formulas entered at once (a paste) travel in one request and each shows its own answer', async () => {
    requests.length = 0;
    // One formula every 10 rows of column G, so the eight-row spills do not collide.
    const cells = Array.from({ length: 200 }, (_, i) => ({ row: 2 + i * 10, formula: `=EDU.APPORTION(${20 + i},B2:B9,"dhondt")` }));
    await page.evaluate((list) => {
      const w = (window as unknown as { __wps: Wps }).__wps;
      for (const c of list) w.set(`学区岗位!G${c.row}`, [[c.formula]]);
    }, cells);
    for (const [i, c] of cells.entries()) {
      const got = await settledValue(page, `学区岗位!G${c.row}:G${c.row + 7}`);
      const outcome = invoke(findFormula('APPORTION')!, [20 + i, PUPILS.map((p) => [p]), 'dhondt', null, null], { profiles: shippedProfileSource });
      // Some totals tie exactly under D'Hondt: that answer is an error, shown in the formula's own cell.
      const shown = isFormulaError(outcome) ? [[wpsCellValue(outcome)], ...Array.from({ length: 7 }, () => [undefined])] : outcome;
      expect(got, c.formula).toEqual(shown);
    }
    expect(requests.reduce((a, b) => a + b, 0)).toBe(200);
    expect(requests.length).toBeLessThanOrEqual(2);
  });

  it('a domain error reaches the cell as #VALUE! text with the message naming the row', async () => {
    await wps(page, (w) => w.set('学区岗位!Z2', [['=EDU.APPORTION(48,{1;-2},"hamilton")']]));
    const shown = await settledValue(page, '学区岗位!Z2');
    expect(shown).toMatch(/^#VALUE! .*第 2 行.*row 2/s);
  });

  it('the ribbon: 打开面板 creates the pane once and toggles it; 重新计算 asks the service again; 函数说明 opens the reference', async () => {
    await wps(page, (w) => w.click('eduOpenPane'));
    let panes = await wps(page, (w) => w.taskPanes);
    expect(panes).toHaveLength(1);
    expect(panes[0]!.url).toBe(`${service.url}/wps/taskpane.html`);
    expect(panes[0]!.Visible).toBe(true);
    await wps(page, (w) => w.click('eduOpenPane'));
    panes = await wps(page, (w) => w.taskPanes);
    expect(panes.map((p) => p.Visible)).toEqual([false]);

    requests.length = 0;
    await wps(page, (w) => w.click('eduRecalculate'));
    expect(await settledValue(page, '学区岗位!C2:C9')).toEqual(invoke(findFormula('APPORTION')!, [48, PUPILS.map((p) => [p]), 'hamilton', null, null], { profiles: shippedProfileSource }));
    expect(requests.length).toBeGreaterThanOrEqual(1);

    await wps(page, (w) => w.click('eduHelp'));
    expect((await wps(page, (w) => w.dialogs)).map((d) => d.url)).toEqual([`${service.url}/wps/help.html`]);
  });

  it('new settings saved in the task pane (another page of the add-in) make the functions ask the service again', async () => {
    const pane = await suite.newPage({});
    await pane.goto(`${service.url}/wps/taskpane.html`);
    await pane.waitForSelector('#conn-state.state-ok');
    requests.length = 0;
    await pane.fill('#service-url', service.url);
    await pane.click('#settings-form button[type="submit"]');
    await pane.waitForSelector('#settings-message.ok');
    await pane.close();
    // The pane's change reached main.js (the storage event): a recalculation now asks again.
    await page.evaluate(() => (window as unknown as { Application: { CalculateFull(): void } }).Application.CalculateFull());
    expect(await settledValue(page, '学区岗位!C2:C9')).toEqual(invoke(findFormula('APPORTION')!, [48, PUPILS.map((p) => [p]), 'hamilton', null, null], { profiles: shippedProfileSource }));
    expect(requests.length).toBeGreaterThanOrEqual(1);
  });

  it('with the service stopped, 重新计算 shows #N/A with the address it tried, and no cell stays on the placeholder', async () => {
    await service.stop();
    await wps(page, (w) => w.click('eduRecalculate'));
    const shown = await settledValue(page, '学区岗位!C2');
    expect(shown).toMatch(/^#N\/A /);
    expect(shown).toContain(`无法连接计算服务（尝试的地址：${service.url}）`);
  });
});
