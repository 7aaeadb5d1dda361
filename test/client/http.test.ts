/**
 * The client core's one HTTP client: calls by route name to the contract's path, the bearer
 * token, the time limit, the idempotent save, and every failure in words a clerk can act on,
 * the service's own bilingual words first.
 */
import { describe, expect, it, vi } from 'vitest';
import { ClientError, describeFailure, fileNameOf, ServiceClient } from '../../client/index.js';

const api = (fetchFn: typeof fetch, token?: string) => new ServiceClient({ serviceUrl: () => 'http://127.0.0.1:9', token: () => token }, fetchFn);
type Sent = [string, RequestInit];

describe('describeFailure', () => {
  it('uses the service’s own Chinese and English and keeps its list of issues', () => {
    const e = describeFailure(422, { error: { code: 'FORM_PROBLEM', zh: '合计与预算不一致', en: 'The total differs from the budget', details: { issues: [{ zh: '第 2 行', en: 'row 2', path: 'rows[1]' }, { bad: 1 }] } } });
    expect([e.status, e.code, e.zh, e.en]).toEqual([422, 'FORM_PROBLEM', '合计与预算不一致', 'The total differs from the budget']);
    expect(e.items).toEqual([{ zh: '第 2 行', en: 'row 2', path: 'rows[1]' }]);
  });

  it('keeps the count of problems the service counted but did not list', () => {
    const e = describeFailure(422, { error: { code: 'ROTATION_INFEASIBLE', zh: '有 3 条规则无法满足', en: '3 rules cannot be met', details: { issues: [{ zh: 'a', en: 'b' }], more: 2 } } });
    expect([e.zh, e.en, e.more, e.items.length]).toEqual(['有 3 条规则无法满足', '3 rules cannot be met', 2, 1]);
  });

  it('falls back to words by status when the answer is not the service’s error shape', () => {
    expect(describeFailure(413, undefined).zh).toContain('数据太大');
    expect(describeFailure(429, {}).zh).toBe('请求太频繁：请稍等一分钟再试');
    expect(describeFailure(500, 'oops').zh).toContain('服务内部出错');
    const bad = describeFailure(400, { error: { code: 'BAD_REQUEST', message: 'schools.0.role: invalid' } });
    expect([bad.code, bad.zh]).toEqual(['BAD_REQUEST', '发送的数据不符合服务的要求：请检查所选表格的列和内容']);
    expect(describeFailure(418, null).zh).toContain('418');
  });
});

describe('fileNameOf', () => {
  it('prefers the UTF-8 name, then the plain one, then the fallback', () => {
    expect(fileNameOf(`attachment; filename="posts.xlsx"; filename*=UTF-8''${encodeURIComponent('学区教育事务中心岗位设置表.xlsx')}`, 'x')).toBe('学区教育事务中心岗位设置表.xlsx');
    expect(fileNameOf('attachment; filename="posts.xlsx"', 'x')).toBe('posts.xlsx');
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A", 'x.xlsx')).toBe('x.xlsx');
    expect(fileNameOf(null, 'x.xlsx')).toBe('x.xlsx');
  });
});

describe('ServiceClient', () => {
  it('sends a route call to the path and method the contract names, with the bearer token and JSON', async () => {
    const fetchFn = vi.fn(async () => Response.json({ id: 'a', version: 1 }, { status: 201 }));
    const answer = await api(fetchFn as unknown as typeof fetch, 'edu_token').call('saveScenario', { body: { name: 'A', inputs: {} } });
    expect(answer.version).toBe(1);
    const [url, init] = fetchFn.mock.calls[0] as unknown as Sent;
    expect(url).toBe('http://127.0.0.1:9/api/v1/scenarios');
    expect(init.method).toBe('POST');
    expect(init.headers).toMatchObject({ authorization: 'Bearer edu_token', 'content-type': 'application/json' });
    expect(init.body).toBe('{"name":"A","inputs":{}}');
  });

  it('fills path parameters (each one path segment) and the query', async () => {
    const fetchFn = vi.fn(async () => Response.json({}));
    const client = api(fetchFn as unknown as typeof fetch);
    await client.call('scenarioVersion', { params: { id: 'a/b 甲', n: 2 } });
    await client.call('scenarios', { query: { limit: 1000 } });
    await client.call('profile', { params: { id: 'cn-national' }, query: { layer: 'shipped', version: undefined } });
    const urls = fetchFn.mock.calls.map((c) => (c as unknown as Sent)[0]);
    expect(urls).toEqual([
      `http://127.0.0.1:9/api/v1/scenarios/a%2Fb%20${encodeURIComponent('甲')}/versions/2`,
      'http://127.0.0.1:9/api/v1/scenarios?limit=1000',
      'http://127.0.0.1:9/api/v1/profiles/cn-national?layer=shipped',
    ]);
    expect((fetchFn.mock.calls[0] as unknown as Sent)[1].method).toBe('GET');
  });

  it('sends no authorization header without a token, and no body on a GET', async () => {
    const fetchFn = vi.fn(async () => Response.json({ forms: [] }));
    await api(fetchFn as unknown as typeof fetch).call('forms');
    const init = (fetchFn.mock.calls[0] as unknown as Sent)[1];
    expect(init.headers).not.toHaveProperty('authorization');
    expect(init.body).toBeUndefined();
  });

  it('a save sent once: the same Idempotency-Key again when the answer was lost, never after a refusal', async () => {
    let calls = 0;
    const lost = vi.fn(async () => {
      if (++calls === 1) throw new TypeError('fetch failed');
      return Response.json({ id: 'a', version: 1 }, { status: 201 });
    });
    expect((await api(lost as unknown as typeof fetch).call('saveScenario', { body: { name: 'A', inputs: {} } }, { once: true })).version).toBe(1);
    const keys = lost.mock.calls.map((c) => ((c as unknown as Sent)[1].headers as Record<string, string>)['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/.{16,}/);
    expect(keys[1]).toBe(keys[0]);
    const refused = vi.fn(async () => Response.json({ error: { code: 'FORBIDDEN', zh: '不能保存方案', en: 'may not save' } }, { status: 403 }));
    await expect(api(refused as unknown as typeof fetch).call('saveScenario', { body: { name: 'A', inputs: {} } }, { once: true })).rejects.toMatchObject({ status: 403, zh: '不能保存方案' });
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it('settings that cannot be read become words, not a thrown DOMException', async () => {
    const blocked = new ServiceClient({ serviceUrl: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); }, token: () => undefined }, vi.fn() as unknown as typeof fetch);
    await expect(blocked.call('forms')).rejects.toMatchObject({ code: 'SETTINGS', zh: expect.stringContaining('读取设置时出错（The operation is insecure.）') });
  });

  it('turns a network failure, a time-out and a non-JSON answer into words', async () => {
    const down = api((async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch);
    await expect(down.call('forms')).rejects.toMatchObject({ code: 'NETWORK', zh: expect.stringContaining('无法连接计算服务（尝试的地址：http://127.0.0.1:9）。请联系本局负责本加载项的信息化管理员') });
    const slow = api(((_: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch);
    await expect(slow.call('forms', {}, { timeoutMs: 20 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    const html = api((async () => new Response('<html>proxy</html>', { status: 200 })) as unknown as typeof fetch);
    await expect(html.call('forms')).rejects.toMatchObject({ code: 'NOT_JSON' });
    const refused = api((async () => new Response('<html>401</html>', { status: 401 })) as unknown as typeof fetch);
    const err = await refused.call('forms').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    expect((err as ClientError).zh).toContain('需要登录');
  });

  it('answers a file with the name the service gives it', async () => {
    const fetchFn = async () => new Response(new Uint8Array([80, 75]), { headers: { 'content-disposition': `attachment; filename="f.xlsx"; filename*=UTF-8''${encodeURIComponent('表.xlsx')}` } });
    const file = await api(fetchFn as unknown as typeof fetch).file('formXlsx', 'x.xlsx', { params: { id: 'x' }, body: { rows: [] } });
    expect(file.fileName).toBe('表.xlsx');
    expect(file.blob.size).toBe(2);
  });
});
