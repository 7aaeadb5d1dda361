/**
 * What every task-pane browser suite shares: the seeded workbook, a suite that builds the
 * add-in, starts the REAL service (`tsx server/main.ts`) and opens the pane in Debian's
 * Chromium over the recording Excel stub (test/helpers/excel-stub.ts), and the small steps
 * a test drives the pane with (wait for a status, click and wait, read a sheet back,
 * screenshots to docs/screenshots/).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildAddin } from '../../addin/build/build.js';
import { launchChromium, OFFICE_STUB } from './chromium.js';
import { addUsers } from './cli-users.js';
import { excelStubScript, type ExcelSeed, type SheetDump, type WriteRecord } from './excel-stub.js';
import { sheetHtml } from './render-sheet.js';
import { startService, type ServiceProcess } from './service-process.js';

const root = path.join(import.meta.dirname, '..', '..');
export const shots = path.join(root, 'docs', 'screenshots');

export const CENTRES = ['第一学区', '第二学区', '第三学区', '第四学区', '第五学区', '第六学区', '第七学区', '第八学区'];
/** Seed 000: 48 posts over 8 centres, one director each; deputies as the seed's table. */
export const DEPUTIES = [8, 5, 5, 5, 4, 5, 4, 4];
export const POSTS_A = DEPUTIES.map((d) => d + 1);
/** Illustrative splits of the 1,600,000 yuan: scenario A, then B moves 10,000 from centre 1 to centre 5. */
export const FUNDS_A = [250000, 200000, 200000, 200000, 175000, 200000, 187500, 187500];
export const FUNDS_B = [240000, 200000, 200000, 200000, 185000, 200000, 187500, 187500];

export const SEED: ExcelSeed = {
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

export type Excel = { dump(sheet: string): SheetDump | null; log: WriteRecord[]; sheetNames(): string[]; set(ref: string, values: unknown[][]): void; clearLog(): void };

/** The workbook stand-in a page runs on: the Excel stub (window.__excel) or the WPS stub (window.__wps). */
export type Host = '__excel' | '__wps';
type Stub = { dump(sheet: string): unknown; set(ref: string, values: unknown[][]): void };

/** A sheet as the stand-in holds it (the WPS stub's dump has its own shape: name it as T). */
export const dump = <T = SheetDump>(page: Page, sheet: string, host: Host = '__excel') =>
  page.evaluate(([s, h]) => (window as unknown as Record<string, Stub>)[h]!.dump(s) as T | null, [sheet, host] as const) as Promise<T | null>;
export const sheetNames = (page: Page) => page.evaluate(() => (window as unknown as { __excel: Excel }).__excel.sheetNames());
export const writeLog = (page: Page) => page.evaluate(() => (window as unknown as { __excel: Excel }).__excel.log);
/** Types values into the workbook as a user would, behind the pane's back. */
export const typeInto = (page: Page, ref: string, values: unknown[][], host: Host = '__excel') =>
  page.evaluate(([r, v, h]) => (window as unknown as Record<string, Stub>)[h]!.set(r, v), [ref, values, host] as const);
export const cellValue = (d: SheetDump, ref: string) => d.cells[ref]?.value;

export async function openPane(page: Page, url: string, seed: ExcelSeed): Promise<void> {
  await page.addInitScript(OFFICE_STUB);
  await page.addInitScript(excelStubScript(seed));
  await page.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await page.goto(`${url}/taskpane.html`);
  await page.waitForSelector('#conn-state.state-ok, #conn-state.state-bad');
}

export interface Settled {
  state: string;
  text: string;
  items: string[];
}

/** Waits for a view's status line to settle and answers its state and text. */
export async function settled(page: Page, id: string): Promise<Settled> {
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
export async function clickAndSettle(page: Page, button: string, status: string): Promise<Settled> {
  await page.evaluate((id) => {
    const el = document.getElementById(id);
    if (el) el.dataset.state = 'clicked';
  }, status);
  await page.click(button);
  return settled(page, status);
}

/** A full-page screenshot from the top, so the sticky tab bar sits where a user sees it. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, name), fullPage: true });
}

/** A picture of a sheet the pane wrote (as the stub recorded it), to look at. */
export async function sheetShot(page: Page, sheet: SheetDump, name: string): Promise<void> {
  const view = await page.context().newPage();
  await view.setViewportSize({ width: 1280, height: 600 });
  await view.setContent(sheetHtml(sheet));
  await view.screenshot({ path: path.join(shots, name), fullPage: true });
  await view.close();
}

/** Records the pane's POSTs to the service; answers the body of the last one sent to `pathname` (e.g. /api/v1/scenarios). */
export function recordPosts(page: Page): (pathname: string) => Record<string, unknown> | undefined {
  const posted: { url: string; body: unknown }[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().includes('/api/v1/')) posted.push({ url: new URL(req.url()).pathname, body: JSON.parse(req.postData() ?? 'null') });
  });
  return (pathname) => [...posted].reverse().find((p) => p.url === pathname)?.body as Record<string, unknown> | undefined;
}

/** One suite's service, browser and open pane, filled in by its beforeAll. */
export interface PaneSuite {
  service: ServiceProcess;
  browser: Awaited<ReturnType<typeof launchChromium>>;
  page: Page;
  /** The sign-in token of each role made with `users` (the service then runs with EDU_AUTH=on). */
  tokens: Record<string, string>;
  /** The body of the last POST the pane sent to `pathname` (e.g. /api/v1/scenarios). */
  lastPost(pathname: string): Record<string, unknown> | undefined;
}

/**
 * Registers the hooks of a pane suite inside the calling describe: build the add-in, start
 * the service (with sign-in on and these users made, when given), open the pane on SEED.
 */
export function paneSuite(options: { users?: readonly (readonly [name: string, role: string])[] } = {}): PaneSuite {
  let lastPost: ReturnType<typeof recordPosts> = () => undefined;
  const suite = { tokens: {}, lastPost: (pathname: string) => lastPost(pathname) } as PaneSuite;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const addinDir = await buildAddin(mkdtempSync(path.join(os.tmpdir(), 'edu-addin-')));
    const env: Record<string, string> = { EDU_ADDIN_DIR: addinDir };
    if (options.users) {
      env.EDU_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'edu-data-'));
      env.EDU_AUTH = 'on';
      Object.assign(suite.tokens, addUsers(env.EDU_DATA_DIR, options.users));
    }
    suite.service = await startService(env);
    suite.browser = await launchChromium();
    suite.page = await suite.browser.context.newPage();
    lastPost = recordPosts(suite.page);
    await openPane(suite.page, suite.service.url, SEED);
  }, 180_000);

  afterAll(async () => {
    await suite.browser?.close();
    await suite.service?.stop();
  });

  return suite;
}
