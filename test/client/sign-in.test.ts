/**
 * Connection and sign-in words of the client core against the real service (a child
 * process, test/helpers/service-process.ts) with EDU_AUTH=on and users made by the
 * service's own command line: sign-in needed, who is signed in, a viewer's note, and a
 * service that is not there.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type KeyValueStore } from '../../client/index.js';
import { addUsers } from '../helpers/cli-users.js';
import { freePort, startService, type ServiceProcess } from '../helpers/service-process.js';

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('sign-in through the client core, against the service with EDU_AUTH=on', () => {
  let service: ServiceProcess;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'edu-data-'));
    tokens = addUsers(dataDir, [
      ['张会计', 'finance'],
      ['李查看', 'viewer'],
    ]);
    service = await startService({ EDU_DATA_DIR: dataDir, EDU_AUTH: 'on' });
  }, 120_000);
  afterAll(() => service?.stop());

  const client = () => createClient({ store: memoryStore(), defaultUrl: service.url, pure: new Set() });

  it('without a token: the service answers but asks for sign-in; the session says how', async () => {
    const edu = client();
    const state = await edu.checkConnection();
    expect(state).toMatchObject({ ok: false, signInNeeded: true, functions: [] });
    // One 401 text: the service's own, the same the session check and every other call show.
    expect(state.words.zh).toBe('需要登录：请在任务窗格的“登录”处填入管理员发给您的令牌');
    const session = await edu.checkSession();
    expect(session.ok).toBe(false);
    expect(session.words).toEqual(state.words);
  });

  it('with a finance token: connected with every function, signed in by name, role and county', async () => {
    const edu = client();
    edu.saveConnection('', tokens.finance!);
    const state = await edu.checkConnection();
    expect(state.ok).toBe(true);
    expect(state.words.zh).toBe(`已连接，可用函数 ${state.functions.length} 个`);
    expect(state.functions.length).toBeGreaterThan(10);
    expect(await edu.checkSession()).toEqual({ ok: true, words: { zh: '已登录：张会计（财务，360000）', en: 'Signed in as 张会计 (finance, county 360000)' }, note: undefined });
  });

  it('a viewer is told they cannot save scenarios, and a save is refused in the service\'s words', async () => {
    const edu = client();
    edu.saveConnection('', tokens.viewer!);
    expect((await edu.checkSession()).note).toEqual({ zh: '只读账号不能保存方案', en: 'a viewer cannot save scenarios' });
    await expect(edu.api.call('saveScenario', { body: { name: 'A', inputs: {} } }, { once: true })).rejects.toMatchObject({ status: 403, zh: expect.stringContaining('不能保存方案') });
  });

  it('no service at the address: whom to contact and the address tried', async () => {
    const edu = client();
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    edu.saveConnection(nowhere, '');
    const state = await edu.checkConnection();
    expect(state).toMatchObject({ ok: false, signInNeeded: false });
    expect(state.words.zh).toContain(`无法连接计算服务（尝试的地址：${nowhere}）`);
    expect(state.words.zh).toContain('请联系本局负责本加载项的信息化管理员');
    expect((await edu.functions.call('APPORTION', [1, [[1]]])) as unknown).toMatchObject({ error: { code: 'NA', zh: expect.stringContaining(nowhere) } });
  });
});
