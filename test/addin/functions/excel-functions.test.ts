/**
 * The Office host layer's function registration: each registry id is associated with a
 * handler that queues its call on the client core's batching client, passing the argument
 * addresses Excel gives (CustomFunctionsRuntime 1.3), and turns the outcome into what
 * Excel shows (both in addin/functions/excel-functions.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { BatchClient, ServiceClient } from '../../../client/index.js';
import { registerFunctions, type CustomFunctionsApi } from '../../../addin/functions/excel-functions.js';

type Call = { fn: string; args: unknown[]; addresses?: string[] };

function fakeService() {
  const requests: Call[][] = [];
  const fetchStub = vi.fn(async (_url: unknown, init?: RequestInit) => {
    const { calls } = JSON.parse(String(init?.body)) as { calls: Call[] };
    requests.push(calls);
    return Response.json({ results: calls.map((c) => (c.args[0] === 'bad' ? { error: { code: 'VALUE', zh: '不对', en: 'wrong' } } : { value: [[c.args[0]]] })) });
  });
  return { requests, fetch: fetchStub as unknown as typeof fetch };
}

function excelStub() {
  const associated = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const api = {
    Error: class {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    },
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    associate: (id: string, fn: (...args: unknown[]) => Promise<unknown>) => associated.set(id, fn),
  } as unknown as CustomFunctionsApi;
  return { api, associated };
}

describe('registerFunctions', () => {
  const batching = (fetchFn: typeof fetch) => new BatchClient(new ServiceClient({ serviceUrl: () => 'http://127.0.0.1:9', token: () => undefined }, fetchFn), { pure: new Set(), flushDelayMs: 1 });

  it("sends the invocation's parameterAddresses with the call, and leaves them out when Excel gave none", async () => {
    const service = fakeService();
    const { api, associated } = excelStub();
    registerFunctions(api, batching(service.fetch), [{ id: 'APPORTION', paramCount: 2 }]);
    const handler = associated.get('APPORTION')!;
    await Promise.all([handler(10, [[1], [2]], { parameterAddresses: ['Sheet1!A1', 'Sheet1!B2:B3'] }), handler(11, [[1], [2]], {})]);
    const sent = service.requests.flat();
    expect(sent[0]!.addresses).toEqual(['Sheet1!A1', 'Sheet1!B2:B3']);
    expect(sent[1]!.addresses).toBeUndefined();
  });

  it('answers the spilled value, and throws an error value with the two languages joined for the tooltip', async () => {
    const service = fakeService();
    const { api, associated } = excelStub();
    registerFunctions(api, batching(service.fetch), [{ id: 'F', paramCount: 1 }]);
    expect(await associated.get('F')!(7)).toEqual([[7]]);
    await expect(associated.get('F')!('bad')).rejects.toMatchObject({ code: '#VALUE!', message: '不对 / wrong' });
  });
});
