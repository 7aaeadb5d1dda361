/**
 * The batching client between Excel's custom-function calls and the calculation service.
 *
 * Excel calls every EDU function of a recalculation in a burst; each call is queued and
 * the queue leaves as one POST /api/v1/calc after a short timer (or at once when it reaches
 * the batch cap). Unlike Microsoft's batching sample, every promise settles, whatever
 * happens: a refused connection, a time-out or an HTTP failure gives #N/A with a message
 * saying where the client looked; a reply of the wrong length gives #N/A too. 502/503/504
 * and network errors are retried with backoff (a calculation is idempotent), a 413 splits
 * the batch, and results of pure functions are cached for the session. Ranges of
 * PACK_MIN_CELLS cells or more travel packed both ways (contracts/packed-range.ts):
 * a county-wide range as nested JSON costs more to send and parse than to compute.
 *
 * Nothing here touches Office.js: fetch and timers are injected so the client is tested in
 * Node and measured in the benchmark exactly as it runs in Excel.
 */
import { unreachableMessage } from './unreachable.js';
import type { ErrorBody } from '../../contracts/errors.js';
import type { Bilingual, FormulaError } from '../../formulas/core/errors.js';
import type { ResultValue } from '../../formulas/core/excel-values.js';
import { argsJson, decodePacked, looksPacked, PACK_MIN_CELLS, packArgs } from '../../contracts/packed-range.js';
import { NumberGrid } from '../../formulas/core/number-grid.js';

export type CallOutcome = { value: ResultValue } | FormulaError;

export interface BatchClientOptions {
  /** The service's base URL, read at each flush (the user may change it in the pane). */
  baseUrl: () => string;
  /** Bearer token, when the service requires sign-in. */
  token?: () => string | undefined;
  fetch: typeof fetch;
  /** Ids of functions whose results may be cached for the session. */
  pure: ReadonlySet<string>;
  /** Calls per request; the service accepts up to 5,000 (measured: 2,000 keeps 10,000 calls within 2.5x of in-process). */
  maxBatch?: number;
  /** How long to wait for more calls of the same recalculation before sending. */
  flushDelayMs?: number;
  /** Requests in flight at once. */
  maxInFlight?: number;
  /** Per-request time-out. */
  timeoutMs?: number;
  /** Delays before each retry of a retryable failure. */
  retryDelaysMs?: readonly number[];
  /** Cached results kept (oldest dropped first). */
  cacheSize?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  onRequest?: (calls: number) => void;
}

interface Pending {
  fn: string;
  args: unknown[];
  /** Where the arguments sit in the workbook, when Excel said (messages then name cells as "B7"). */
  addresses: string[] | undefined;
  key: string | undefined;
  settle: (outcome: CallOutcome) => void;
}

/** A range argument as large as a packed one: its cache key would be megabytes of JSON. */
const isLargeRange = (a: unknown): boolean => Array.isArray(a) && Array.isArray(a[0]) && a.length * (a[0] as unknown[]).length >= PACK_MIN_CELLS;

const RETRYABLE_STATUS = new Set([502, 503, 504]);

/** Errors made here, from the connection rather than the calculation: never cached. */
const transportErrors = new WeakSet<object>();

function naError(zh: string, en: string): FormulaError {
  const error: FormulaError = { error: { code: 'NA', zh, en } };
  transportErrors.add(error);
  return error;
}

export class BatchClient {
  private readonly opts: Required<Omit<BatchClientOptions, 'token' | 'onRequest'>> & Pick<BatchClientOptions, 'token' | 'onRequest'>;
  private queue: Pending[] = [];
  private timer: unknown = undefined;
  private inFlight = 0;
  private readonly waiting: Pending[][] = [];
  private readonly cache = new Map<string, CallOutcome>();
  private readonly sameCall = new Map<string, Promise<CallOutcome>>();

  constructor(options: BatchClientOptions) {
    this.opts = {
      maxBatch: 2000,
      flushDelayMs: 15,
      maxInFlight: 4,
      timeoutMs: 20_000,
      retryDelaysMs: [250, 1000],
      cacheSize: 20_000,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      ...options,
    };
  }

  /** Queues one call; the promise always settles with a value or an error value. */
  call(fn: string, args: readonly unknown[], argumentAddresses?: readonly string[]): Promise<CallOutcome> {
    const normalised = args.map((a) => (a === undefined ? null : a));
    const addresses = argumentAddresses?.some((a) => typeof a === 'string' && a !== '') ? argumentAddresses.map(String) : undefined;
    const cacheable = this.opts.pure.has(fn) && !normalised.some(isLargeRange);
    // The addresses are part of the key: an error message names the cells it came from.
    const key = cacheable ? `${fn}\u0000${JSON.stringify(normalised)}\u0000${addresses?.join('\u0001') ?? ''}` : undefined;
    if (key !== undefined) {
      const cached = this.cache.get(key);
      if (cached) return Promise.resolve(cached);
      const running = this.sameCall.get(key);
      if (running) return running;
    }
    const promise = new Promise<CallOutcome>((resolve) => {
      this.queue.push({ fn, args: normalised, addresses, key, settle: resolve });
    });
    if (key !== undefined) {
      this.sameCall.set(key, promise);
      void promise.then((outcome) => {
        this.sameCall.delete(key);
        if (!transportErrors.has(outcome)) this.remember(key, outcome);
      });
    }
    if (this.queue.length >= this.opts.maxBatch) this.flush();
    else if (this.timer === undefined) this.timer = this.opts.setTimer(() => this.flush(), this.opts.flushDelayMs);
    return promise;
  }

  /** Forgets cached results, e.g. after a policy profile changed. */
  clearCache(): void {
    this.cache.clear();
  }

  private remember(key: string, outcome: CallOutcome): void {
    if (this.cache.size >= this.opts.cacheSize) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(key, outcome);
  }

  private flush(): void {
    this.timer = undefined;
    while (this.queue.length > 0) this.waiting.push(this.queue.splice(0, this.opts.maxBatch));
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < this.opts.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.shift()!;
      this.inFlight++;
      void this.send(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /**
   * Sends a batch and settles every call in it, whatever happens: reading the settings
   * (localStorage may throw, e.g. when storage is blocked) or a bug below must not leave
   * cells on #BUSY! forever.
   */
  private async send(batch: Pending[]): Promise<void> {
    try {
      await this.sendOnce(batch);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const error = naError(
        `加载项读取设置时出错（${reason}）：请在任务窗格“设置”中检查服务地址后重新计算，若仍出错请联系管理员`,
        `The add-in could not read its settings (${reason}): check the service address in the task pane settings and recalculate, or tell your administrator`,
      );
      batch.forEach((p) => p.settle(error));
    }
  }

  private async sendOnce(batch: Pending[]): Promise<void> {
    const url = `${this.opts.baseUrl().replace(/\/+$/, '')}/api/v1/calc`;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.post(url, batch);
      const retryable = outcome.kind === 'retryable' && attempt < this.opts.retryDelaysMs.length;
      if (retryable) {
        await new Promise((r) => this.opts.setTimer(() => r(undefined), this.opts.retryDelaysMs[attempt]!));
        continue;
      }
      if (outcome.kind === 'results') batch.forEach((p, i) => p.settle(outcome.results[i]!));
      else if (outcome.kind === 'too-large' && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await Promise.all([this.sendOnce(batch.slice(0, half)), this.sendOnce(batch.slice(half))]);
      } else batch.forEach((p) => p.settle(outcome.error));
      return;
    }
  }

  private async post(
    url: string,
    batch: Pending[],
  ): Promise<
    | { kind: 'results'; results: CallOutcome[] }
    | { kind: 'retryable' | 'failed' | 'too-large'; error: FormulaError }
  > {
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), this.opts.timeoutMs);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = this.opts.token?.();
    if (token) headers.authorization = `Bearer ${token}`;
    this.opts.onRequest?.(batch.length);
    try {
      const response = await this.opts.fetch(url, {
        method: 'POST',
        headers,
        body: requestBody(batch),
        signal: controller.signal,
      });
      if (!response.ok) return await httpFailure(url, response);
      const body = (await response.json()) as { results?: unknown };
      if (!Array.isArray(body.results) || body.results.length !== batch.length) {
        const got = Array.isArray(body.results) ? body.results.length : 0;
        return {
          kind: 'failed',
          error: naError(
            `计算服务 ${url} 的答复有误：发出 ${batch.length} 个计算，收到 ${got} 个结果；请重新计算，若仍出错请联系管理员`,
            `The calculation service at ${url} answered ${got} results for ${batch.length} calls; recalculate, and tell your administrator if it persists`,
          ),
        };
      }
      return { kind: 'results', results: body.results.map((r) => unpackResult(r, url)) };
    } catch (err) {
      const timedOut = controller.signal.aborted;
      return {
        kind: 'retryable',
        error: naError(
          timedOut
            ? `计算服务 ${url} 在 ${Math.round(this.opts.timeoutMs / 1000)} 秒内没有答复：请稍后重新计算，或在任务窗格中检查服务地址`
            : unreachableMessage(url).zh,
          timedOut
            ? `The calculation service at ${url} did not answer within ${Math.round(this.opts.timeoutMs / 1000)} s: recalculate later or check the service address in the task pane`
            : unreachableMessage(url).en,
        ),
      };
    } finally {
      clearTimeout(timeout);
    }
  }
}

/** The batch as JSON; one JSON.stringify unless some call has a range worth packing. */
function requestBody(batch: Pending[]): string {
  if (!batch.some((p) => p.args.some(isLargeRange))) return JSON.stringify({ calls: batch.map((p) => ({ fn: p.fn, args: p.args, addresses: p.addresses })), pack: true });
  return `{"calls":[${batch.map(callJson).join(',')}],"pack":true}`;
}

function callJson(p: Pending): string {
  const where = p.addresses ? `,"addresses":${JSON.stringify(p.addresses)}` : '';
  return `{"fn":${JSON.stringify(p.fn)},"args":${argsJson(packArgs(p.args))}${where}}`;
}

/** A result as Excel takes it: a packed one (a large all-number range) decoded into rows. */
function unpackResult(result: unknown, url: string): CallOutcome {
  const value = (result as { value?: unknown } | null)?.value;
  if (!looksPacked(value)) return result as CallOutcome;
  const grid = decodePacked(value);
  if (grid instanceof NumberGrid) return { value: grid.resultRows() };
  return naError(`计算服务 ${url} 的答复有误（${grid.zh}）：请重新计算，若仍出错请联系管理员`, `The calculation service at ${url} sent a malformed answer (${grid.en}): recalculate, and tell your administrator if it persists`);
}

async function httpFailure(
  url: string,
  response: Response,
): Promise<{ kind: 'retryable' | 'failed' | 'too-large'; error: FormulaError }> {
  let said: Bilingual | undefined;
  try {
    const { error } = (await response.json()) as Partial<ErrorBody>;
    if (typeof error?.zh === 'string' && typeof error.en === 'string') said = error;
  } catch {
    said = undefined;
  }
  const kind = RETRYABLE_STATUS.has(response.status) ? 'retryable' : response.status === 413 ? 'too-large' : 'failed';
  if (response.status === 401 || response.status === 403) {
    return {
      kind,
      error: naError(
        `计算服务 ${url} 拒绝了请求（${response.status}）：请在任务窗格“登录”中填写有效的令牌`,
        `The calculation service at ${url} refused the request (${response.status}): enter a valid token under Sign in in the task pane`,
      ),
    };
  }
  return {
    kind,
    error: naError(
      `计算服务 ${url} 返回错误 ${response.status}：${said?.zh ?? response.statusText}`,
      `The calculation service at ${url} answered HTTP ${response.status}: ${said?.en ?? response.statusText}`,
    ),
  };
}
