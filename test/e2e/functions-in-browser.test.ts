/**
 * End to end, without Excel: the built add-in page (task pane + functions bundle) in
 * Debian's Chromium with stub Office/CustomFunctions globals, against the real service
 * started as `tsx server/main.ts`. 1,000 EDU.APPORTION calls fired the way Excel fires one
 * recalculation must arrive in a handful of HTTP requests and resolve to the values the
 * core computes; with the service stopped, every call must settle to #N/A within seconds.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin } from '../../addin/build/build.js';
import { findFormula, invoke, shippedProfileSource } from '../../formulas/index.js';
import { launchChromium, OFFICE_STUB } from '../helpers/chromium.js';
import { hasProgram } from '../helpers/system-programs.js';

import { startService, type ServiceProcess } from '../helpers/service-process.js';

const CALLS = 1000;
/** Eight district centres' weights, varied per call so no two calls are the same (no cache hits). */
const weightsFor = (i: number): number[][] => [[1200 + i], [800], [760], [700], [520], [690], [480], [450 + (i % 7)]];

type Settled = { ok: true; value: unknown } | { ok: false; code: string; message: string };

async function fireCalls(page: Page, from: number, count: number): Promise<{ results: Settled[]; ms: number }> {
  return page.evaluate(
    async ({ from, count }) => {
      const w = (i: number) => [[1200 + i], [800], [760], [700], [520], [690], [480], [450 + (i % 7)]];
      const fn = (window as unknown as { __edu: { associated: Record<string, (...a: unknown[]) => Promise<unknown>> } }).__edu.associated.APPORTION!;
      const t0 = performance.now();
      // Excel passes every declared parameter, null for the omitted optional ones.
      const results = await Promise.all(
        Array.from({ length: count }, (_, k) =>
          fn(48, w(from + k), 'hamilton', null, null).then(
            (value) => ({ ok: true as const, value }),
            (e: { code?: string; message?: string }) => ({ ok: false as const, code: String(e.code), message: String(e.message) }),
          ),
        ),
      );
      return { results, ms: performance.now() - t0 };
    },
    { from, count },
  );
}

describe.skipIf(!hasProgram('chromium'))('the add-in in Chromium against the running service', () => {
  let service: ServiceProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const calcRequests: number[] = [];

  beforeAll(async () => {
    const addinDir = await buildAddin(mkdtempSync(path.join(os.tmpdir(), 'edu-addin-')));
    service = await startService({ EDU_ADDIN_DIR: addinDir });
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.addInitScript(OFFICE_STUB);
    // office.js is Microsoft's host bridge; outside Excel the stub above stands in for it.
    await page.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    page.on('request', (req) => {
      if (req.url().endsWith('/api/v1/calc') && req.method() === 'POST') {
        const body = JSON.parse(req.postData() ?? '{}') as { calls?: unknown[] };
        calcRequests.push(body.calls?.length ?? 0);
      }
    });
    await page.goto(`${service.url}/taskpane.html`);
    await page.waitForFunction(() => 'APPORTION' in (window as unknown as { __edu: { associated: object } }).__edu.associated);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('the pane says it is connected and lists the functions', async () => {
    await page.waitForSelector('#conn-state.state-ok');
    expect(await page.textContent('#conn-state')).toContain('已连接');
    expect(await page.locator('#functions-list li').count()).toBeGreaterThan(0);
    const shots = path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'taskpane-connection.png'), fullPage: true });
  });

  it(`${CALLS} APPORTION calls of one recalculation arrive in a handful of requests with the core's values`, async () => {
    const { results } = await fireCalls(page, 0, CALLS);
    expect(calcRequests.reduce((a, b) => a + b, 0)).toBe(CALLS);
    expect(calcRequests.length).toBeLessThanOrEqual(5);
    const apportion = findFormula('APPORTION')!;
    results.forEach((r, i) => {
      const expected = invoke(apportion, [48, weightsFor(i), 'hamilton', null, null], { profiles: shippedProfileSource });
      expect(r).toEqual({ ok: true, value: expected });
    });
    // Column in, column out: eight centres, 48 posts.
    const first = (results[0] as { value: number[][] }).value;
    expect(first).toHaveLength(8);
    expect(first.flat().reduce((a, b) => a + b, 0)).toBe(48);
  });

  it('a domain error reaches the cell as #VALUE! with its bilingual message', async () => {
    const settled = await page.evaluate(async () => {
      const fn = (window as unknown as { __edu: { associated: Record<string, (...a: unknown[]) => Promise<unknown>> } }).__edu.associated.APPORTION!;
      return fn(48, [[1], [-2]], 'hamilton', null, null).then(
        () => null,
        (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
      );
    });
    expect(settled?.code).toBe('#VALUE!');
    expect(settled?.message).toMatch(/第 2 行.*row 2/s);
  });

  it('a county-wide FUNDSPLIT (5,000 units) travels packed both ways in the browser and spills the core\'s values', async () => {
    const units = 5000;
    const drivers = Array.from({ length: units }, (_, i) => [100 + (i % 900), (i * 13) % 70, i % 3]);
    const weights = [[650, 200, 6000]];
    const floors = Array.from({ length: units }, (_, i) => [i % 10 === 0 ? 90_000 : '']);
    const args = [254_321_987.65, drivers, weights, 20_000, floors, null, null];
    const bodies: string[] = [];
    const answers: Promise<string>[] = [];
    const listen = (req: { url(): string; method(): string; postData(): string | null }) => {
      if (req.url().endsWith('/api/v1/calc') && req.method() === 'POST') bodies.push(req.postData() ?? '');
    };
    const hear = (res: { url(): string; text(): Promise<string> }) => {
      if (res.url().endsWith('/api/v1/calc')) answers.push(res.text());
    };
    page.on('request', listen);
    page.on('response', hear);
    const settled = await page.evaluate(async (args) => {
      const fn = (window as unknown as { __edu: { associated: Record<string, (...a: unknown[]) => Promise<unknown>> } }).__edu.associated.FUNDSPLIT!;
      return fn(...args).then(
        (value) => ({ ok: true as const, value }),
        (e: { code?: string; message?: string }) => ({ ok: false as const, code: String(e.code), message: String(e.message) }),
      );
    }, args);
    page.off('request', listen);
    page.off('response', hear);
    const expected = invoke(findFormula('FUNDSPLIT')!, args, { profiles: shippedProfileSource });
    expect(settled).toEqual({ ok: true, value: expected });
    // The drivers (15,000 whole numbers) and the floors (with blanks) went packed, the weights (3 cells) nested.
    const sent = JSON.parse(bodies.at(-1)!) as { pack: boolean; calls: { args: unknown[] }[] };
    expect(sent.pack).toBe(true);
    expect(sent.calls[0]!.args[1]).toMatchObject({ dtype: 'i2', shape: [units, 3] });
    expect(sent.calls[0]!.args[4]).toMatchObject({ dtype: 'f8', shape: [units, 1] });
    expect(sent.calls[0]!.args[2]).toEqual(weights);
    // ... and the 5,000 totals came back packed (decoded in the page with atob).
    const reply = JSON.parse(await answers.at(-1)!) as { results: { value: unknown }[] };
    expect(reply.results[0]!.value).toMatchObject({ dtype: 'f8', shape: [units, 1] });
  });

  it('with the service stopped, every call settles to #N/A within a few seconds, saying where it looked', async () => {
    await service.stop();
    const { results, ms } = await fireCalls(page, CALLS, 200);
    expect(ms).toBeLessThan(8000);
    for (const r of results) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('#N/A');
        expect(r.message).toContain(`无法连接计算服务（尝试的地址：${service.url}）`);
      }
    }
  });
});
