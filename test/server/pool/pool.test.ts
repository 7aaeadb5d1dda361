/**
 * No request stalls the others (issue 15 §1): calculations run in worker threads, so the
 * service answers /healthz and small batches while a large plan is being computed; a job
 * over its time budget is stopped (its worker thread ends) and answered 413 in both
 * languages; a full lane answers 503 with Retry-After before reading the body; silent
 * connections are closed. Only the order of events is asserted here: the timings are in
 * BENCHMARKS.md (test/bench/90-responsiveness.bench.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.js';
import { errorBodySchema } from '../../../contracts/errors.js';
import { limitIdleConnections, serverOptions } from '../../../server/connections.js';
import { answerClientError } from '../../../server/middleware/errors.js';
import { joined } from '../../helpers/error-body.js';
import { CalcPool, defaultPoolOptions, HEAVY_NICE, niceAvailable, poolStartLine, QUEUE_PER_THREAD } from '../../../server/pool/pool.js';
import { ownThreadId, threadCpuMs } from '../../../server/pool/thread-cpu.js';
import { smallCounty } from '../../formulas/rotation/county-fixture.js';
import { syntheticCounty } from '../../formulas/rotation/synthetic-county.js';

/** A county big enough to keep a worker busy for a while (the benchmark's 3,000 teachers). */
const busyCounty = () => syntheticCounty({ seed: 1, sending: 100, receiving: 200, perSending: 24, perReceiving: 3, needsPerSchool: 2, distances: true, exemption: true });
const smallBatch = { calls: [{ fn: 'APPORTION', args: [48, [[120], [80], [60]], 'hamilton', null, null] }] };

async function listen(app: http.RequestListener): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer(serverOptions, app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the worker pool', () => {
  const pool = new CalcPool({ ...defaultPoolOptions(2), heavyThreads: 1, lightThreads: 1 });
  const tight = new CalcPool({ ...defaultPoolOptions(2), heavyThreads: 1, lightThreads: 1, budgetMs: 150 });
  let live: { url: string; server: http.Server };
  let limited: { url: string; server: http.Server };

  beforeAll(async () => {
    live = await listen(createApp({ pool }));
    limited = await listen(createApp({ pool: tight }));
    // Both lanes' workers loaded, so start-up is not what the tests below observe.
    expect((await post(`${live.url}/api/v1/calc`, smallBatch)).status).toBe(200);
    expect((await post(`${live.url}/api/v1/rotation/plan`, smallCounty())).status).toBe(200);
  });
  afterAll(async () => {
    live.server.close();
    limited.server.close();
    await Promise.all([pool.close(), tight.close()]);
  });

  it('answers /healthz and a small batch while a large plan is computed', async () => {
    const order: string[] = [];
    const plan = post(`${live.url}/api/v1/rotation/plan`, busyCounty()).then(async (r) => {
      order.push(`plan ${r.status}`);
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    const health = await fetch(`${live.url}/healthz`);
    order.push(`healthz ${health.status}`);
    const batch = await post(`${live.url}/api/v1/calc`, smallBatch);
    order.push(`batch ${batch.status}`);
    expect(await batch.json()).toEqual({ results: [{ value: [[22], [15], [11]] }] });
    await plan;
    expect(order).toEqual(['healthz 200', 'batch 200', 'plan 200']);
  });

  it('runs plans at nice +5 (with @napi-rs/nice, a dependency), and says at start when it cannot', async () => {
    expect(niceAvailable()).toBe(true);
    expect((await post(`${live.url}/api/v1/rotation/plan`, smallCounty())).status).toBe(200);
    // Linux keeps a nice value per thread: field 19 of /proc/<pid>/task/<tid>/stat.
    const niceOf = (tid: string) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
    const nices = readdirSync('/proc/self/task').map(niceOf);
    expect(nices).toContain(HEAVY_NICE);
    expect(poolStartLine(pool.options, true)).toMatchObject({ level: 'info', event: 'pool.started', fields: { heavyNice: 5 } });
    const without = poolStartLine(pool.options, false);
    expect(without).toMatchObject({ level: 'warn', event: 'pool.priority-normal', fields: { heavyNice: 0 } });
    expect(String(without.fields.hint)).toMatch(/@napi-rs\/nice could not be loaded, so plans run at normal priority/);
  });

  it('stops a job over its time budget: its worker thread ends and the caller gets 413 in both languages', async () => {
    const answer = post(`${limited.url}/api/v1/rotation/plan`, busyCounty());
    // The heavy lane starts a thread for the plan: the one whose work must really stop.
    let running: number[] = [];
    while (running.length === 0) {
      await new Promise((r) => setTimeout(r, 5));
      running = tight.stats().heavy.threadIds;
    }
    const res = await answer;
    expect(res.status).toBe(413);
    const { error } = (await res.json()) as { error: { code: string; zh: string; en: string } };
    expect(error.code).toBe('TOO_MUCH_WORK');
    expect(error.zh).toContain('秒的计算时限');
    expect(error.en).toContain('budget of 0 s of computing');
    expect(tight.stats().heavy.threadIds.some((id) => running.includes(id))).toBe(false);
    // A fresh worker serves the next request.
    expect((await post(`${limited.url}/api/v1/calc`, smallBatch)).status).toBe(200);
  });

  it('counts the CPU a job uses, not the time it waits: a thread that sleeps uses none', async () => {
    const tid = ownThreadId()!;
    expect(tid).toBe(process.pid); // this test runs on its process's main thread
    const before = threadCpuMs(tid)!;
    await new Promise((r) => setTimeout(r, 300));
    const slept = threadCpuMs(tid)! - before;
    const t0 = Date.now();
    let x = 0;
    while (Date.now() - t0 < 300) x += Math.sqrt(x + 1);
    const busy = threadCpuMs(tid)! - before - slept;
    expect(slept).toBeLessThan(100);
    // At least what a busy loop of 300 ms got, which a loaded machine may make less than 300 ms.
    expect(busy).toBeGreaterThan(slept);
    expect(busy).toBeLessThanOrEqual(320);
    expect(threadCpuMs(2 ** 30)).toBeUndefined();
  });

  it('answers 503 BUSY with Retry-After when a calculation is not done in its time from admission (a busy machine), and frees its place', async () => {
    const slow = new CalcPool({ ...defaultPoolOptions(2), heavyThreads: 1, lightThreads: 1, budgetMs: 600_000, wallMs: 300 });
    const app = await listen(createApp({ pool: slow }));
    try {
      const res = await post(`${app.url}/api/v1/rotation/plan`, busyCounty());
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      const { error } = (await res.json()) as { error: { code: string; zh: string; en: string } };
      expect(error.code).toBe('BUSY');
      expect(`${error.zh} / ${error.en}`).toMatch(/服务器太忙.*未超出计算时限.* \/ The server is too busy: this calculation was not finished within 0 s/);
      expect(slow.stats().heavy.active).toBe(0);
    } finally {
      app.server.close();
      await slow.close();
    }
  });

  it('answers 503 with Retry-After, in both languages, when a lane is full', async () => {
    const places = 1 + QUEUE_PER_THREAD.heavy;
    const admitted = Array.from({ length: places }, () => post(`${live.url}/api/v1/rotation/plan`, busyCounty()));
    await new Promise((r) => setTimeout(r, 100));
    const refused = await post(`${live.url}/api/v1/rotation/plan`, smallCounty());
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const { error } = (await refused.json()) as { error: { code: string; zh: string; en: string } };
    expect(error).toMatchObject({ code: 'BUSY' });
    expect(error.zh).toContain('秒后重试');
    // The light lane still serves small batches meanwhile.
    expect((await post(`${live.url}/api/v1/calc`, smallBatch)).status).toBe(200);
    for (const r of await Promise.all(admitted)) expect(r.status).toBe(200);
  });

  it('queues, rather than refuses, a few clerks\' bursts of small batches on one light thread', async () => {
    // Three clerks recalculating at once, each with the client core's 4 requests in flight, plus
    // a pane: 13 small batches at once, more than a heavy lane would admit (1 + 4).
    const burst = Array.from({ length: 13 }, () => post(`${live.url}/api/v1/calc`, smallBatch));
    const statuses = (await Promise.all(burst)).map((r) => r.status);
    expect(statuses).toEqual(statuses.map(() => 200));
    expect(1 + QUEUE_PER_THREAD.light).toBeGreaterThanOrEqual(13);
  });

  it('stops a job that needs more memory than a worker may have, answering 413 in both languages', async () => {
    const small = new CalcPool({ ...defaultPoolOptions(2), heavyThreads: 1, lightThreads: 1, heavyHeapMb: 64 });
    const app = await listen(createApp({ pool: small }));
    try {
      // 1,000,000 one-cell rows: about 4 MiB of JSON that needs far more than 64 MiB of heap once parsed (about 140 MiB).
      const rows = Array.from({ length: 1_000_000 }, () => [1]);
      const res = await post(`${app.url}/api/v1/calc`, { calls: [{ fn: 'APPORTION', args: [10, rows, null, null, null] }] });
      expect(res.status).toBe(413);
      const { error } = (await res.json()) as { error: { code: string; zh: string; en: string } };
      expect(error.code).toBe('TOO_MUCH_WORK');
      expect(error.en).toContain('64 MiB');
      expect(error.zh).toContain('64 MiB');
      // The lane carries on with a fresh thread.
      expect((await post(`${app.url}/api/v1/calc`, smallBatch)).status).toBe(200);
    } finally {
      app.server.close();
      await small.close();
    }
  });

  it('refuses more values than a request may hold with 413 naming the limit', async () => {
    const app = await listen(createApp({ pool, limits: { maxValues: 1000 } }));
    try {
      const rows = Array.from({ length: 1001 }, () => [1]);
      const res = await post(`${app.url}/api/v1/calc`, { calls: [{ fn: 'APPORTION', args: [10, rows, null, null, null] }] });
      expect(res.status).toBe(413);
      const { error } = (await res.json()) as { error: { zh: string; en: string } };
      expect(error.en).toContain('limit of 1,000 values');
      expect(error.zh).toContain('1,000 个');
    } finally {
      app.server.close();
    }
  });
});

describe('idle connections', () => {
  it('closes a connection that never sends a byte, and keeps one that does', async () => {
    const server = http.createServer(serverOptions, (_req, res) => res.end('ok'));
    limitIdleConnections(server, { requestTimeoutMs: 30_000, silentMs: 200 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const silent = net.connect(port, '127.0.0.1');
      const closed = new Promise<string>((resolve) => silent.once('close', () => resolve('closed by the service')));
      expect(await closed).toBe('closed by the service');
      const agent = new http.Agent({ keepAlive: true });
      const ask = () => new Promise<number>((resolve, reject) => http.get({ port, host: '127.0.0.1', agent }, (res) => res.resume().on('end', () => resolve(res.statusCode!))).on('error', reject));
      expect(await ask()).toBe(200);
      await new Promise((r) => setTimeout(r, 400));
      // The same kept-alive connection, past the silent limit: it spoke, so it stays open.
      expect(await ask()).toBe(200);
      agent.destroy();
    } finally {
      server.close();
    }
  });

  it("answers a request head that stops halfway with Node's 408, in the one JSON error shape", async () => {
    const server = http.createServer(serverOptions, (_req, res) => res.end('ok'));
    limitIdleConnections(server, { requestTimeoutMs: 30_000, headersMs: 300 });
    server.on('clientError', answerClientError);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
      let answer = '';
      socket.on('data', (d: Buffer) => (answer += d.toString()));
      await new Promise((resolve) => socket.once('close', resolve));
      const [head, body] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1.1 408 /);
      expect(head).toContain('application/json');
      expect(joined(JSON.parse(body!))).toMatch(/.+ \/ .+/);
      expect(errorBodySchema.parse(JSON.parse(body!)).error.code).toBe('REQUEST_TIMEOUT');
    } finally {
      server.close();
    }
  });
});
