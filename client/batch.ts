/**
 * The batching client between a spreadsheet's custom-function calls and the service.
 *
 * A host calls every EDU function of a recalculation in a burst; each call is queued and the
 * queue leaves as one POST /api/v1/calc after a short timer, or at once when it reaches the
 * batch cap. Unlike Microsoft's batching sample, every promise settles, whatever happens:
 * no answer, a refusal, settings that cannot be read, a reply of the wrong length or a bug
 * here all give #N/A with the words of failures.ts (the same the task pane shows).
 * 502/503/504 and lost answers are retried with backoff (a calculation is idempotent), a 413
 * halves the batch, and results of pure functions are cached for the session
 * (result-cache.ts). Ranges of PACK_MIN_CELLS cells or more travel packed both ways
 * (contracts/packed-range.ts): a county-wide range as nested JSON costs more to send and
 * parse than to compute. It sends through the one HTTP client (http.ts); the body and the
 * reading of the answer are exported (batchBody, batchResults) for a host that must send
 * the same request synchronously. Timers are injected, so it is tested in Node and measured
 * in the benchmark as it runs in a host.
 */
import { pathOf } from '../contracts/endpoints.js';
import type { FormulaError } from '../formulas/core/errors.js';
import type { ResultValue } from '../formulas/core/excel-values.js';
import { argsJson, decodePacked, looksPacked, PACK_MIN_CELLS, packArgs } from '../contracts/packed-range.js';
import { ClientError, malformedFailure, notJsonFailure, reasonOf } from './failures.js';
import type { ServiceClient } from './http.js';
import { ResultCache } from './result-cache.js';

export interface BatchOptions {
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

interface Pending extends BatchCall {
  settle: (outcome: CallOutcome) => void;
}

const CALC_PATH = pathOf('calcBatch');

/** Errors from the connection rather than the calculation: never cached. */
const transportErrors = new WeakSet<object>();

function naError(err: { zh: string; en: string }): FormulaError {
  const error: FormulaError = { error: { code: 'NA', zh: err.zh, en: err.en } };
  transportErrors.add(error);
  return error;
}

export class BatchClient {
  private readonly opts: Required<Omit<BatchOptions, 'onRequest' | 'cacheSize'>> & Pick<BatchOptions, 'onRequest'>;
  private queue: Pending[] = [];
  private timer: unknown = undefined;
  private inFlight = 0;
  private readonly waiting: Pending[][] = [];
  private readonly cache: ResultCache<CallOutcome>;
  private readonly sameCall = new Map<string, Promise<CallOutcome>>();

  constructor(
    private readonly api: ServiceClient,
    options: BatchOptions,
  ) {
    this.opts = {
      maxBatch: 2000,
      flushDelayMs: 15,
      maxInFlight: 4,
      timeoutMs: 20_000,
      retryDelaysMs: [250, 1000],
      setTimer: (fn, ms) => setTimeout(fn, ms),
      ...options,
    };
    this.cache = new ResultCache(options.pure, options.cacheSize);
  }

  /** Queues one call; the promise always settles with a value or an error value. */
  call(fn: string, args: readonly unknown[], argumentAddresses?: readonly string[]): Promise<CallOutcome> {
    const normalised = args.map((a) => (a === undefined ? null : a));
    const addresses = argumentAddresses?.some((a) => typeof a === 'string' && a !== '') ? argumentAddresses.map(String) : undefined;
    // A call over a large range is not cached: its key would be megabytes.
    const key = normalised.some(isLargeRange) ? undefined : this.cache.key(fn, normalised, addresses);
    if (key !== undefined) {
      const cached = this.cache.get(key);
      if (cached) return Promise.resolve(cached);
      const running = this.sameCall.get(key);
      if (running) return running;
    }
    const promise = new Promise<CallOutcome>((resolve) => {
      this.queue.push({ fn, args: normalised, addresses, settle: resolve });
    });
    if (key !== undefined) {
      this.sameCall.set(key, promise);
      void promise.then((outcome) => {
        this.sameCall.delete(key);
        if (!transportErrors.has(outcome)) this.cache.remember(key, outcome);
      });
    }
    if (this.queue.length >= this.opts.maxBatch) this.flush();
    else if (this.timer === undefined) this.timer = this.opts.setTimer(() => this.flush(), this.opts.flushDelayMs);
    return promise;
  }

  /** Forgets cached results, e.g. after the address or a policy profile changed. */
  clearCache(): void {
    this.cache.clear();
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

  /** Sends a batch and settles every call in it, whatever happens: a bug below must not leave cells busy forever. */
  private async send(batch: Pending[]): Promise<void> {
    try {
      await this.sendOnce(batch);
    } catch (err) {
      const reason = reasonOf(err);
      const error = naError({ zh: `加载项内部出错（${reason}）：请重新计算，若仍出错请联系管理员`, en: `The add-in failed (${reason}): recalculate, and tell your administrator if it persists` });
      batch.forEach((p) => p.settle(error));
    }
  }

  private async sendOnce(batch: Pending[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.post(batch);
      if (Array.isArray(outcome)) {
        batch.forEach((p, i) => p.settle(outcome[i] instanceof ClientError ? naError(outcome[i]) : outcome[i]!));
        return;
      }
      if (outcome.retryable && attempt < this.opts.retryDelaysMs.length) {
        await new Promise((r) => this.opts.setTimer(() => r(undefined), this.opts.retryDelaysMs[attempt]!));
        continue;
      }
      if (outcome.status === 413 && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await Promise.all([this.sendOnce(batch.slice(0, half)), this.sendOnce(batch.slice(half))]);
        return;
      }
      const error = naError(outcome);
      batch.forEach((p) => p.settle(error));
      return;
    }
  }

  /** One POST of the batch: each call's outcome, or the failure of the whole request. */
  private async post(batch: Pending[]): Promise<(CallOutcome | ClientError)[] | ClientError> {
    this.opts.onRequest?.(batch.length);
    try {
      const response = await this.api.send('post', CALC_PATH, batchBody(batch), this.opts.timeoutMs);
      const answer: unknown = await response.json().catch(() => notJsonFailure(response.status));
      return answer instanceof ClientError ? answer : batchResults(answer, batch.length, `${this.api.baseUrl()}${CALC_PATH}`);
    } catch (err) {
      if (err instanceof ClientError) return err;
      throw err;
    }
  }
}

export type CallOutcome = { value: ResultValue } | FormulaError;

export interface BatchCall {
  fn: string;
  args: unknown[];
  /** Where the arguments sit in the workbook, when the host said (messages then name cells as "B7"). */
  addresses?: string[] | undefined;
}

/** A range argument as large as a packed one (it travels packed; its cache key would be megabytes). */
const isLargeRange = (a: unknown): boolean => Array.isArray(a) && Array.isArray(a[0]) && a.length * (a[0] as unknown[]).length >= PACK_MIN_CELLS;

/** The batch as JSON; one JSON.stringify unless some call has a range worth packing. */
export function batchBody(calls: readonly BatchCall[]): string {
  if (!calls.some((c) => c.args.some(isLargeRange))) return JSON.stringify({ calls: calls.map((c) => ({ fn: c.fn, args: c.args, addresses: c.addresses })), pack: true });
  return `{"calls":[${calls.map(callJson).join(',')}],"pack":true}`;
}

function callJson(c: BatchCall): string {
  const where = c.addresses ? `,"addresses":${JSON.stringify(c.addresses)}` : '';
  return `{"fn":${JSON.stringify(c.fn)},"args":${argsJson(packArgs(c.args))}${where}}`;
}

/**
 * The outcome of each call from the service's answer, in order; a reply of the wrong length
 * fails the whole batch (never a shifted answer); a malformed packed result fails its own call.
 */
export function batchResults(answer: unknown, count: number, url: string): (CallOutcome | ClientError)[] | ClientError {
  const results = (answer as { results?: unknown } | null)?.results;
  if (!Array.isArray(results) || results.length !== count) {
    const got = Array.isArray(results) ? results.length : 0;
    return malformedFailure(url, { zh: `发出 ${count} 个计算，收到 ${got} 个结果`, en: `answered ${got} results for ${count} calls` });
  }
  return results.map((r) => unpackResult(r, url));
}

/** A result as a host takes it: a packed one (a large all-number range) decoded into rows. */
function unpackResult(result: unknown, url: string): CallOutcome | ClientError {
  const value = (result as { value?: unknown } | null)?.value;
  if (!looksPacked(value)) return result as CallOutcome;
  const grid = decodePacked(value);
  return 'resultRows' in grid ? { value: grid.resultRows() } : malformedFailure(url, grid);
}
