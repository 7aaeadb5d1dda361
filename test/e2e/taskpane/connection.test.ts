/**
 * 连接 (connection) end to end: the tab bar by keyboard, the words a clerk gets when the
 * service is down, and sign-in with a token against a service with EDU_AUTH=on (who is
 * signed in, the bearer token on saves, a viewer told why not).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clickAndSettle, paneSuite, settled, shot, writeLog, type PaneSuite } from '../../helpers/taskpane-page.js';
import { hasProgram } from '../../helpers/system-programs.js';

describe.skipIf(!hasProgram('chromium'))('连接 (connection): tabs and a service that stops', () => {
  const pane = paneSuite();
  let page: PaneSuite['page'];
  let service: PaneSuite['service'];
  beforeAll(() => {
    ({ page, service } = pane);
  });

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
  const pane = paneSuite({ users: [['张会计', 'finance'], ['李查看', 'viewer']] });
  let page: PaneSuite['page'];
  let tokens: PaneSuite['tokens'];
  beforeAll(() => {
    ({ page, tokens } = pane);
  });

  it('asks for the token, then says who is signed in; the token stays out of the workbook', async () => {
    await page.waitForSelector('#conn-state.state-bad');
    expect(await page.textContent('#conn-state')).toContain('需要登录：请在任务窗格的“登录”处填入管理员发给您的令牌');
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
