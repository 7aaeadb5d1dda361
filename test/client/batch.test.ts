/**
 * The batching client of the client core: one request per recalculation burst, every
 * promise settles, the reply length is checked, retries and splits behave, pure results are
 * cached, and failures read as the task pane's do (one message set). fetch is a stub here;
 * the end-to-end suites run the same client in Chromium against the real service.
 */
import { describe, expect, it, vi } from 'vitest';
import { BatchClient, ServiceClient, type BatchOptions, type CallOutcome, type ServiceAddress } from '../../client/index.js';
import type { FormulaError } from '../../formulas/core/errors.js';
import { PACK_MIN_CELLS, packRows, unpackRows } from '../../contracts/packed-range.js';

type Call = { fn: string; args: unknown[] };

/** A fake service: answers each call with fn + first argument, records every request. */
function fakeService(answer: (calls: Call[], attempt: number) => Response | Promise<Response>) {
  const requests: Call[][] = [];
  const headers: Record<string, string>[] = [];
  const fetchStub = vi.fn(async (_url: unknown, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { calls: Call[] };
    requests.push(body.calls);
    headers.push(init?.headers as Record<string, string>);
    return answer(body.calls, requests.length);
  });
  return { requests, headers, fetch: fetchStub as unknown as typeof fetch };
}

const echo = (calls: Call[]) => Response.json({ results: calls.map((c) => ({ value: `${c.fn}:${String(c.args[0])}` })) });

function client(fetchFn: typeof fetch, extra: Partial<BatchOptions> = {}, address: Partial<ServiceAddress> = {}) {
  const api = new ServiceClient({ serviceUrl: () => 'http://127.0.0.1:9/', token: () => undefined, ...address }, fetchFn);
  return new BatchClient(api, { pure: new Set(['PURE']), flushDelayMs: 1, retryDelaysMs: [1, 1], ...extra });
}

describe('batching', () => {
  it('sends the calls of one burst in one request, in order, and resolves each with its own result', async () => {
    const svc = fakeService(echo);
    const c = client(svc.fetch);
    const results = await Promise.all([1, 2, 3].map((i) => c.call('F', [i])));
    expect(svc.requests).toHaveLength(1);
    expect(svc.requests[0]!.map((x) => x.args[0])).toEqual([1, 2, 3]);
    expect(results).toEqual([{ value: 'F:1' }, { value: 'F:2' }, { value: 'F:3' }]);
  });

  it('caps the calls per request: 1,000 calls with a cap of 200 leave in 5 requests', async () => {
    const svc = fakeService(echo);
    const c = client(svc.fetch, { maxBatch: 200 });
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => c.call('F', [i])));
    expect(svc.requests.map((r) => r.length)).toEqual([200, 200, 200, 200, 200]);
    expect(results[999]).toEqual({ value: 'F:999' });
  });

  it('turns an omitted argument (undefined) into null, as the service expects', async () => {
    const svc = fakeService(echo);
    await client(svc.fetch).call('F', [1, undefined, 'x']);
    expect(svc.requests[0]![0]!.args).toEqual([1, null, 'x']);
  });

  it('sends the bearer token when one is set', async () => {
    const svc = fakeService(echo);
    await client(svc.fetch, {}, { token: () => 'abc' }).call('F', [1]);
    expect(svc.headers[0]!.authorization).toBe('Bearer abc');
  });
});

describe('every promise settles', () => {
  it('a refused connection gives #N/A naming the address, after the retries', async () => {
    const fetchStub = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    const results = await Promise.all([client(fetchStub as unknown as typeof fetch).call('F', [1])]);
    expect(fetchStub).toHaveBeenCalledTimes(3);
    const [r] = results as [CallOutcome];
    expect('error' in r && r.error.code).toBe('NA');
    expect('error' in r && r.error.zh).toContain('无法连接计算服务（尝试的地址：http://127.0.0.1:9）');
    // It speaks to a clerk: whom to contact and the address tried, no command to run.
    expect('error' in r && r.error.zh).toContain('请联系本局负责本加载项的信息化管理员');
    expect('error' in r && r.error.en).toContain('Contact the bureau');
    expect('error' in r && `${r.error.zh} ${r.error.en}`).not.toMatch(/npm|start the service|服务已启动/);
  });

  it('a time-out gives #N/A saying the service did not answer', async () => {
    const never = vi.fn(
      (_u: unknown, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    const r = await client(never as unknown as typeof fetch, { timeoutMs: 20, retryDelaysMs: [] }).call('F', [1]);
    expect('error' in r && r.error.en).toContain('did not answer within');
  });

  it('a reply with the wrong number of results fails the whole batch with #N/A, not a shifted answer', async () => {
    const svc = fakeService((calls) => Response.json({ results: calls.slice(1).map(() => ({ value: 1 })) }));
    const c = client(svc.fetch);
    const [a, b] = await Promise.all([c.call('F', [1]), c.call('F', [2])]);
    for (const r of [a!, b!]) expect('error' in r && r.error.en).toContain('answered 1 results for 2 calls');
  });

  it('an HTTP 500 settles every call with the service\'s own words, and is not retried', async () => {
    const svc = fakeService(() => Response.json({ error: { code: 'INTERNAL', zh: '出错', en: 'boom' } }, { status: 500 }));
    const c = client(svc.fetch);
    const [a, b] = await Promise.all([c.call('F', [1]), c.call('F', [2])]);
    expect(a).toEqual({ error: { code: 'NA', zh: '出错', en: 'boom' } });
    expect(b).toEqual(a);
    expect(svc.requests).toHaveLength(1);
  });

  it('a 401 reads as the pane\'s: the service\'s words when it sent some, else where to enter the token', async () => {
    const said = fakeService(() => Response.json({ error: { code: 'UNAUTHENTICATED', zh: '令牌无效或已被撤销', en: 'The token is not valid' } }, { status: 401 }));
    expect(await client(said.fetch).call('F', [1])).toEqual({ error: { code: 'NA', zh: '令牌无效或已被撤销', en: 'The token is not valid' } });
    const bare = fakeService(() => new Response('', { status: 401 }));
    const r = (await client(bare.fetch).call('F', [1])) as FormulaError;
    expect(r.error.zh).toBe('需要登录：请在“连接与设置”页填入管理员发给您的令牌');
  });

  it('an answer that is not JSON settles with words saying the address may be wrong', async () => {
    const svc = fakeService(() => new Response('<html>portal</html>', { status: 200 }));
    const r = (await client(svc.fetch).call('F', [1])) as FormulaError;
    expect(r.error.zh).toContain('服务地址可能指向了别的网站');
  });
});

describe('retries and splits', () => {
  it('retries 503 with backoff and then succeeds', async () => {
    const svc = fakeService((calls, attempt) => (attempt < 3 ? new Response('busy', { status: 503 }) : echo(calls)));
    const r = await client(svc.fetch).call('F', [7]);
    expect(r).toEqual({ value: 'F:7' });
    expect(svc.requests).toHaveLength(3);
  });

  it('gives up after the last retry of a 502 with #N/A', async () => {
    const svc = fakeService(() => new Response('bad gateway', { status: 502 }));
    const r = await client(svc.fetch).call('F', [7]);
    expect('error' in r && r.error.code).toBe('NA');
    expect(svc.requests).toHaveLength(3);
  });

  it('splits a batch the service finds too large (413) and still answers every call', async () => {
    const svc = fakeService((calls) => (calls.length > 2 ? Response.json({ error: { code: 'TOO_LARGE', zh: '太多', en: 'too many' } }, { status: 413 }) : echo(calls)));
    const c = client(svc.fetch);
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => c.call('F', [i])));
    expect(results.map((r) => ('value' in r ? r.value : r.error.code))).toEqual(['F:1', 'F:2', 'F:3', 'F:4', 'F:5']);
  });
});

describe('cache of pure functions', () => {
  it('answers a repeated pure call from the cache, and identical calls in flight share one request slot', async () => {
    const svc = fakeService(echo);
    const c = client(svc.fetch);
    const [a, b] = await Promise.all([c.call('PURE', [1]), c.call('PURE', [1])]);
    expect(a).toEqual(b);
    expect(svc.requests[0]).toHaveLength(1);
    await c.call('PURE', [1]);
    expect(svc.requests).toHaveLength(1);
  });

  it('never caches functions that read editable data, nor connection failures', async () => {
    let up = false;
    const fetchStub = vi.fn(async (_u: unknown, init?: RequestInit) => {
      if (!up) throw new TypeError('fetch failed');
      return echo((JSON.parse(String(init?.body)) as { calls: Call[] }).calls);
    });
    const c = client(fetchStub as unknown as typeof fetch, { retryDelaysMs: [] });
    const down = await c.call('PURE', [1]);
    expect('error' in down).toBe(true);
    up = true;
    expect(await c.call('PURE', [1])).toEqual({ value: 'PURE:1' });
    await c.call('IMPURE', [1]);
    await c.call('IMPURE', [1]);
    expect(fetchStub).toHaveBeenCalledTimes(4);
  });

  it('clearCache forgets results', async () => {
    const svc = fakeService(echo);
    const c = client(svc.fetch);
    await c.call('PURE', [1]);
    c.clearCache();
    await c.call('PURE', [1]);
    expect(svc.requests).toHaveLength(2);
  });
});

describe('large ranges travel packed', () => {
  const column = (n: number) => Array.from({ length: n }, (_, i) => [i]);

  it('packs a range of PACK_MIN_CELLS cells or more, leaves smaller ones nested, and asks for packed answers', async () => {
    let body: { calls: Call[]; pack?: boolean } | undefined;
    const fetchStub = (async (_url: unknown, init?: RequestInit) => {
      body = JSON.parse(String(init?.body));
      return Response.json({ results: body!.calls.map(() => ({ value: 1 })) });
    }) as unknown as typeof fetch;
    await Promise.all([client(fetchStub).call('F', [column(PACK_MIN_CELLS), column(3)])]);
    expect(body!.pack).toBe(true);
    const [big, small] = body!.calls[0]!.args as [Record<string, unknown>, unknown];
    expect(big).toMatchObject({ dtype: 'i2', shape: [PACK_MIN_CELLS, 1] });
    expect(unpackRows(big)).toEqual(column(PACK_MIN_CELLS));
    expect(small).toEqual(column(3));
  });

  it('decodes a packed answer into the rows Excel spills', async () => {
    const answer = packRows(column(2000))!;
    const svc = fakeService((calls) => Response.json({ results: calls.map(() => ({ value: answer })) }));
    expect(await client(svc.fetch).call('F', [1])).toEqual({ value: column(2000) });
  });

  it('turns a malformed packed answer into #N/A saying so', async () => {
    const svc = fakeService((calls) => Response.json({ results: calls.map(() => ({ value: { dtype: 'i2', shape: [2, 1], bdata: '??' } })) }));
    const outcome = (await client(svc.fetch).call('F', [1])) as FormulaError;
    expect(outcome.error.code).toBe('NA');
    expect(outcome.error.zh).toContain('答复有误');
    expect(outcome.error.en).toContain('malformed answer');
  });

  it('does not cache pure calls over large ranges (their key would be megabytes)', async () => {
    const svc = fakeService((calls) => Response.json({ results: calls.map(() => ({ value: 1 })) }));
    const c = client(svc.fetch);
    await c.call('PURE', [column(PACK_MIN_CELLS)]);
    await c.call('PURE', [column(PACK_MIN_CELLS)]);
    await c.call('PURE', [column(3)]);
    await c.call('PURE', [column(3)]);
    expect(svc.requests).toHaveLength(3);
  });
});

describe('every call settles when reading the settings throws (issue 13 §1)', () => {
  const blocked = () => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };

  it('settles every queued call with #N/A saying the settings could not be read, when the address cannot be read', async () => {
    const service = fakeService(echo);
    const c = client(service.fetch, {}, { serviceUrl: blocked });
    const outcomes = await Promise.all([c.call('A', [1]), c.call('B', [2])]);
    for (const outcome of outcomes) {
      expect((outcome as FormulaError).error.code).toBe('NA');
      expect((outcome as FormulaError).error.zh).toMatch(/读取设置时出错.*The operation is insecure/);
    }
    expect(service.requests).toHaveLength(0);
  });

  it('settles them when the sign-in token cannot be read (localStorage throws)', async () => {
    const service = fakeService(echo);
    const c = client(service.fetch, {}, { token: blocked });
    const outcome = await c.call('A', [1]);
    expect((outcome as FormulaError).error.en).toMatch(/could not read its settings/);
  });

  it('does not cache such a failure: the next call asks again', async () => {
    const service = fakeService(echo);
    let fail = true;
    const c = client(service.fetch, {}, { serviceUrl: () => (fail ? blocked() : 'http://127.0.0.1:9') });
    expect('error' in (await c.call('PURE', [1]))).toBe(true);
    fail = false;
    expect(await c.call('PURE', [1])).toEqual({ value: 'PURE:1' });
  });
});
