/**
 * 政策配置 end to end: the built add-in in Chromium against the REAL service with sign-in
 * (EDU_AUTH=on). An administrator starts from the national baseline, is told beside each
 * field what is wrong, adds the county's primary-school public-funds rate with its source
 * and date, sees it beside the baseline, saves a new version, and a formula through the
 * batch endpoint then uses the new rate from its date. The administrator then creates a
 * county profile with its own id over cn-national, with a list-valued key and a title,
 * saves it twice, and reads the version history. A viewer sees the same values and the
 * history read-only, with no edit controls.
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
    expect(await page.textContent('#pf-save-status')).toContain('已保存为 cn-national 本县配置第 1 版');
    expect(await page.textContent('#pf-summary')).toContain('cn-national 本县第 1 版');
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

  it('an administrator creates a county profile of its own, with a list and a title, saves it twice and reads its history', async () => {
    const page = await browser.context.newPage();
    await signIn(page, service.url, tokens.admin!);
    await page.selectOption('#pf-profile', '');
    await page.waitForFunction(() => document.getElementById('pf-status')?.dataset.state === 'ok');
    expect(await page.isVisible('#pf-new')).toBe(true);
    expect(await page.inputValue('#pf-extends')).toBe('cn-national');

    // Its own entry 760 from 2019: a profile that extends keeps its own value past the national 720 of 2023.
    await page.fill('#pf-key', KEY);
    await page.fill('#pf-value', '760');
    await page.fill('#pf-effective', '2019-01-01');
    await page.fill('#pf-document', '于财教〔2019〕3号');
    await page.fill('#pf-doc-title', '于都县义务教育公用经费标准（示例）');
    await page.click('#pf-add');
    expect(await page.$$eval('#pf-diff tbody tr td', (tds) => tds.map((td) => td.textContent ?? '').slice(1, 4))).toEqual(['650 yuan/pupil/year（2016-01-01 起）', '760 yuan/pupil/year', '2019-01-01现行 in force']);
    // A new key holding a list of numbers, typed with Chinese commas; once it is a list, a wrong number is named.
    await page.fill('#pf-key', 'county.levelWeights');
    await page.fill('#pf-value', '1，1.2，1.5');
    await page.fill('#pf-effective', '2024-01-01');
    await page.click('#pf-add');
    await page.fill('#pf-value', '1，x');
    await page.fill('#pf-effective', '2026-01-01');
    await page.click('#pf-add');
    expect(await page.textContent('#pf-value-issue')).toContain('第 2 个数 "x" 不是数字');
    expect(await page.$$('#pf-diff tbody tr')).toHaveLength(2);

    // The id and the title are checked beside their fields before anything is sent.
    await page.fill('#pf-new-id', 'Yudu County');
    await page.fill('#pf-name-zh', '');
    await page.click('#pf-save');
    expect(await page.textContent('#pf-new-id-issue')).toContain('只能用小写字母、数字和连字符');
    expect(await page.textContent('#pf-name-zh-issue')).toContain('中文标题是空的');
    await page.fill('#pf-new-id', 'jx-yudu');
    await page.fill('#pf-name-zh', '于都县政策配置');
    await page.fill('#pf-name-en', 'Yudu County profile');
    const [request] = await Promise.all([page.waitForRequest((r) => r.url().endsWith('/api/v1/profiles/jx-yudu') && r.method() === 'PUT'), page.click('#pf-save')]);
    expect(request.postDataJSON()).toEqual({
      title: { zh: '于都县政策配置', en: 'Yudu County profile' },
      extends: 'cn-national',
      values: {
        [KEY]: [{ value: 760, effective: '2019-01-01', unit: 'yuan/pupil/year', source: { document: '于财教〔2019〕3号', title: '于都县义务教育公用经费标准（示例）' } }],
        'county.levelWeights': [{ value: [1, 1.2, 1.5], effective: '2024-01-01', source: { document: '于财教〔2019〕3号', title: '于都县义务教育公用经费标准（示例）' } }],
      },
    });
    await page.waitForFunction(() => document.getElementById('pf-save-status')?.dataset.state === 'ok');
    expect(await page.inputValue('#pf-profile')).toBe('jx-yudu');
    expect(await page.textContent('#pf-summary')).toContain('jx-yudu 本县第 1 版');
    // 100 pupils × 760 today under the county's own profile (the national 720 does not take over).
    expect(JSON.stringify(await publicFunds('jx-yudu'))).toContain('76000');

    // A second version with a new title; the history lists both, newest first, with who saved them.
    await page.fill('#pf-name-zh', '于都县政策配置（2025 修订）');
    await page.fill('#pf-key', KEY);
    await page.fill('#pf-value', '780');
    await page.fill('#pf-effective', '2025-01-01');
    await page.click('#pf-add');
    await page.click('#pf-save');
    await page.waitForFunction(() => document.getElementById('pf-save-status')?.textContent?.includes('第 2 版'));
    await page.waitForFunction(() => document.getElementById('pf-history-status')?.dataset.state === 'ok');
    const history = await page.$$eval('#pf-history tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '').slice(0, 2)));
    expect(history).toEqual([
      ['2', '王管理'],
      ['1', '王管理'],
    ]);
    // Version 1 as saved: one primary-school entry, the list, the first title.
    await page.click('#pf-history tbody tr:nth-child(2) button');
    await page.waitForSelector('#pf-version:not([hidden])');
    expect(await page.textContent('#pf-version-title')).toContain('第 1 版 · 王管理');
    expect(await page.textContent('#pf-version-title')).toContain('《于都县政策配置》');
    expect(await page.$$eval('#pf-version-table tbody tr', (trs) => trs.map((tr) => tr.querySelector('td:nth-child(2)')?.textContent))).toEqual(['1, 1.2, 1.5', '760 yuan/pupil/year']);
    // Starting again from version 1 and saving makes version 3 (the save names version 2, the latest).
    await page.click('#pf-version-start');
    expect(await page.inputValue('#pf-name-zh')).toBe('于都县政策配置');
    const [third] = await Promise.all([page.waitForRequest((r) => r.url().endsWith('/api/v1/profiles/jx-yudu') && r.method() === 'PUT'), page.click('#pf-save')]);
    expect(third.postDataJSON()).toMatchObject({ version: 2, values: { [KEY]: [{ value: 760 }] } });
    await page.waitForFunction(() => document.getElementById('pf-save-status')?.textContent?.includes('第 3 版'));
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

    // The county's own profile and its history, read-only: versions can be viewed, not started from.
    await page.selectOption('#pf-profile', 'jx-yudu');
    await page.waitForFunction(() => document.getElementById('pf-history-status')?.dataset.state === 'ok' && document.querySelectorAll('#pf-history tbody tr').length === 3);
    expect(await page.$$eval('#pf-profile option', (os) => os.map((o) => o.getAttribute('value')))).toEqual(['cn-national', 'jx-yudu']);
    expect(await page.textContent('#pf-diff-title')).toContain('与上级配置「cn-national」的差异');
    await page.click('#pf-history tbody tr:first-child button');
    await page.waitForSelector('#pf-version:not([hidden])');
    expect(await page.textContent('#pf-version-title')).toContain('第 3 版');
    expect(await page.isHidden('#pf-version-start')).toBe(true);
    await page.close();
  });
});
