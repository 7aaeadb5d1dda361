/**
 * 政策配置 end to end: the built add-in in Chromium against the REAL service with sign-in
 * (EDU_AUTH=on). An administrator starts from the national baseline, is told beside each
 * field what is wrong, adds the county's primary-school public-funds rate with its source
 * and date, sees it beside the baseline, saves a new version, and a formula through the
 * batch endpoint then uses the new rate from its date. A viewer sees the same values
 * read-only, with no edit controls.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddin } from '../../addin/build/build.js';
import { launchChromium, OFFICE_STUB } from '../helpers/chromium.js';
import { excelStubScript } from '../helpers/excel-stub.js';
import { addUsers } from '../helpers/cli-users.js';
import { startService, type ServiceProcess } from '../helpers/service-process.js';
import { hasProgram } from '../helpers/system-programs.js';

const root = path.join(import.meta.dirname, '..', '..');
const shots = path.join(root, 'docs', 'screenshots');
const KEY = 'funding.publicFunds.primary';

async function signIn(page: Page, url: string, token: string): Promise<void> {
  await page.addInitScript(OFFICE_STUB);
  await page.addInitScript(excelStubScript({ name: '配置.xlsx', sheets: { Sheet1: [[null]] } }));
  await page.addInitScript((t) => localStorage.setItem('edu.token', t), token);
  await page.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await page.goto(`${url}/taskpane.html`);
  await page.waitForSelector('#conn-state.state-ok');
  await page.click('#tab-profile');
  await page.waitForFunction(() => document.getElementById('pf-status')?.dataset.state === 'ok');
}

describe.skipIf(!hasProgram('chromium'))('the policy-profile view against the service with EDU_AUTH=on', () => {
  let service: ServiceProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const addinDir = await buildAddin(mkdtempSync(path.join(os.tmpdir(), 'edu-addin-')));
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'edu-data-'));
    Object.assign(
      tokens,
      addUsers(dataDir, [
        ['王管理', 'admin'],
        ['李查看', 'viewer'],
      ]),
    );
    service = await startService({ EDU_ADDIN_DIR: addinDir, EDU_DATA_DIR: dataDir, EDU_AUTH: 'on' });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  /** EDU.PUBLICFUNDS for 100 urban primary pupils under `profile`, through the batch endpoint as the admin. */
  async function publicFunds(profile: string): Promise<unknown> {
    const res = await fetch(`${service.url}/api/v1/calc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}` },
      body: JSON.stringify({ calls: [{ fn: 'PUBLICFUNDS', args: [100, 0, 0, 0, profile, false] }] }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: { value: unknown }[] }).results[0]!.value;
  }

  it('an administrator changes the primary rate from the baseline, sees the difference, saves, and formulas use it from its date', async () => {
    // Before: the national 720 yuan per pupil (in force since 2023-01-01): 100 pupils × 720 = 72,000.
    expect(JSON.stringify(await publicFunds('cn-national@2024-09-01'))).toContain('72000');
    const page = await browser.context.newPage();
    await signIn(page, service.url, tokens.admin!);
    expect(await page.isHidden('#pf-editor')).toBe(false);
    expect(await page.isHidden('#pf-readonly')).toBe(true);
    expect(await page.isVisible('#pf-diff-empty')).toBe(true);
    await page.check('#pf-start-baseline');

    // Mistakes are named beside their fields, before anything is sent.
    await page.fill('#pf-key', KEY);
    expect(await page.textContent('#pf-key-baseline')).toContain('720');
    await page.fill('#pf-value', '1000000000001');
    await page.fill('#pf-effective', '2024-02-30');
    await page.click('#pf-add');
    expect(await page.textContent('#pf-value-issue')).toMatch(/须在 0 与 10\^12 之间.*must be between 0 and 10\^12/);
    expect(await page.textContent('#pf-effective-issue')).toMatch(/不是有效日期.*not a real date/);
    expect(await page.textContent('#pf-document-issue')).toContain('文件文号是空的');
    expect(await page.getAttribute('#pf-effective', 'aria-invalid')).toBe('true');
    expect(await page.$$('#pf-diff tbody tr')).toHaveLength(0);

    await page.fill('#pf-value', '800');
    await page.fill('#pf-effective', '2024-09-01');
    await page.fill('#pf-document', '示例财教〔2024〕8号');
    await page.fill('#pf-doc-title', '关于提高义务教育学校生均公用经费标准的通知（示例）');
    await page.click('#pf-add');
    expect(await page.textContent('#pf-value-issue')).toBe('');
    const row = await page.$$eval('#pf-diff tbody tr td', (tds) => tds.map((td) => td.textContent ?? ''));
    expect(row[0]).toBe(KEY);
    expect(row[1]).toContain('720 yuan/pupil/year（2023-01-01 起）');
    expect(row[2]).toBe('800 yuan/pupil/year');
    expect(row[3]).toMatch(/^2024-09-01现行/);
    expect(row[4]).toContain('示例财教〔2024〕8号');

    // A second entry added by mistake is removed again before saving.
    await page.fill('#pf-effective', '2030-01-01');
    await page.click('#pf-add');
    expect(await page.$$('#pf-diff tbody tr')).toHaveLength(2);
    await page.click('#pf-diff tbody tr:nth-child(2) button');
    expect(await page.$$eval('#pf-diff tbody tr td:nth-child(4)', (tds) => tds.map((td) => td.textContent?.slice(0, 10)))).toEqual(['2024-09-01']);

    const [request] = await Promise.all([page.waitForRequest((r) => r.url().endsWith(`/api/v1/profiles/cn-national`) && r.method() === 'PUT'), page.click('#pf-save')]);
    expect(request.postDataJSON()).toMatchObject({ values: { [KEY]: [{ value: 800, effective: '2024-09-01' }] } });
    expect(request.postDataJSON()).not.toHaveProperty('version');
    await page.waitForFunction(() => document.getElementById('pf-save-status')?.dataset.state === 'ok');
    expect(await page.textContent('#pf-save-status')).toContain('已保存为本县配置第 1 版');
    expect(await page.textContent('#pf-summary')).toContain('本县配置第 1 版');
    expect(await page.isChecked('#pf-start-county')).toBe(true);
    expect(await page.$$eval('#pf-diff tbody tr', (trs) => trs.map((tr) => tr.querySelector('td')?.textContent))).toEqual([KEY]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(shots, 'taskpane-profile.png'), fullPage: true });

    // The county's formulas: 720 the day before, 800 from 2024-09-01 and today.
    expect(JSON.stringify(await publicFunds('cn-national@2024-08-31'))).toContain('72000');
    expect(JSON.stringify(await publicFunds('cn-national@2024-09-01'))).toContain('80000');
    expect(JSON.stringify(await publicFunds('cn-national'))).toContain('80000');

    // A second save from an edit that started before version 1 is refused, not silently undone.
    const stale = await fetch(`${service.url}/api/v1/profiles/cn-national`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}` },
      body: JSON.stringify({ ...request.postDataJSON(), version: 1 }),
    });
    expect(stale.status).toBe(200);
    await page.fill('#pf-effective', '2025-01-01');
    await page.fill('#pf-value', '810');
    await page.click('#pf-add');
    await page.click('#pf-save');
    await page.waitForFunction(() => document.getElementById('pf-save-status')?.dataset.state === 'bad');
    expect(await page.textContent('#pf-save-status')).toMatch(/保存为版本 2.*请重新读取/);
    await page.close();
  });

  it('a viewer sees the profile in force read-only, with no edit controls', async () => {
    const page = await browser.context.newPage();
    await signIn(page, service.url, tokens.viewer!);
    expect(await page.isVisible('#pf-readonly')).toBe(true);
    expect(await page.isHidden('#pf-editor')).toBe(true);
    expect(await page.isHidden('#pf-save')).toBe(true);
    const cells = await page.$$eval('#pf-diff tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    expect(cells.map((c) => [c[0], c[2], c[3]!.slice(0, 10)])).toEqual([[KEY, '800 yuan/pupil/year', '2024-09-01']]);
    expect(await page.$$('#pf-diff button')).toHaveLength(0);
    // The whole profile in force today: the county's 800 for this key, the baseline's 940 for junior schools.
    await page.click('#pf-force-details summary');
    const inForce = new Map(await page.$$eval('#pf-force tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')).map((cells) => [cells[0]!, cells] as const)));
    expect(inForce.get(KEY)?.slice(1, 3)).toEqual(['800 yuan/pupil/year', '2024-09-01本县 county']);
    expect(inForce.get('funding.publicFunds.junior')?.slice(1, 3)).toEqual(['940 yuan/pupil/year', '2023-01-01全国基准 national']);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(shots, 'taskpane-profile-readonly.png'), fullPage: true });
    await page.close();
  });
});
