/**
 * The worker pool every calculation runs in (piscina), so no request stalls the others
 * (issue 15 §1). Two lanes of worker threads:
 *   - heavy: plans, consolidation, and any request whose body is larger than
 *     LIGHT_BODY_BYTES (or of unknown size): by default one thread fewer than the machine
 *     has cores, at least one;
 *   - light: small calculation batches, single calls and forms, so they never queue behind
 *     a plan: by default half the cores, at least two.
 *
 * Admission happens before the body is read: a lane takes at most threads × (1 +
 * QUEUE_PER_THREAD[lane]) requests at once, the rest are answered 503 with Retry-After at
 * once. That bounds the bodies held in memory as well as the wait. The light lane queues
 * deeper: its bodies are at most LIGHT_BODY_BYTES and its jobs take milliseconds, and a
 * few clerks recalculating at once (the client core keeps up to 4 requests in flight each)
 * must wait in line, not be refused. Each worker's heap is capped
 * (resourceLimits), so memory is bounded: docs/deploy.md gives the figure.
 *
 * The time budget: a job that has used `budgetMs` of CPU in its worker (thread-cpu.ts; wall
 * time where the thread's CPU time cannot be read) is aborted; piscina then terminates the
 * worker running it (the work really stops) and starts a fresh one. Counting CPU rather than
 * wall time keeps the stated limits and the budget consistent on a busy machine: the largest
 * allowed plan needs a third of the budget of one core (BENCHMARKS.md) however long it waits
 * for that core. A request not answered `wallMs` after admission (queue and run, on a machine
 * too busy to give it its CPU) is aborted too and answered 503 BUSY with Retry-After. A job
 * whose caller hung up is aborted the same way, or taken off the queue.
 *
 * The worker file is chosen from this module's own extension: from source (tsx, vitest) the
 * sibling source-worker.mjs, which registers tsx and imports worker.ts; compiled, worker.js
 * beside the file this module was compiled into. `npm run build` bundles server/main.ts to
 * dist/server/main.js and server/pool/worker.ts to dist/server/worker.js (a per-file
 * compile such as tsc's also puts pool.js and worker.js side by side).
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { LogLevel } from '../logger.js';
import { ServiceError } from '../service-error.js';
import type { JobReply, JobRequest, Lane } from './job.js';
import { threadCpuMs } from './thread-cpu.js';

/** Bodies up to this size may run in the light lane. */
export const LIGHT_BODY_BYTES = 256 * 1024;
/**
 * Requests waiting per thread of a lane, beyond those running. Light: 32 × 256 KiB = 8 MiB
 * of bodies per thread at most; heavy: 4 × 20 MiB (docs/deploy.md's memory bound).
 */
export const QUEUE_PER_THREAD: Readonly<Record<Lane, number>> = { light: 32, heavy: 4 };
/**
 * The heavy lane's threads run at a lower CPU priority (Linux nice +5, through piscina's
 * niceIncrement): when a plan and the main thread or a small batch want the same core, the
 * plan yields most of it. An idle machine still gives the plan every free cycle.
 */
export const HEAVY_NICE = 5;

/**
 * Whether the heavy lane's priority can be lowered: piscina's worker loads @napi-rs/nice
 * (a native addon, a dependency of this project) from piscina's own folder, and silently
 * keeps normal priority when it cannot. Resolved the same way here.
 */
export function niceAvailable(): boolean {
  try {
    const local = createRequire(import.meta.url);
    createRequire(local.resolve('piscina'))('@napi-rs/nice');
    return true;
  } catch {
    return false;
  }
}

/** The line the service logs at start about its pool, saying plainly when plans run at normal priority. */
export function poolStartLine(options: PoolOptions, nice: boolean): { level: LogLevel; event: string; fields: Record<string, unknown> } {
  const fields = { heavyThreads: options.heavyThreads, lightThreads: options.lightThreads, budgetMs: options.budgetMs };
  if (nice) return { level: 'info', event: 'pool.started', fields: { ...fields, heavyNice: HEAVY_NICE } };
  return {
    level: 'warn',
    event: 'pool.priority-normal',
    fields: {
      ...fields,
      heavyNice: 0,
      hint: '@napi-rs/nice could not be loaded, so plans run at normal priority and compete with /healthz and small batches for the CPU: run npm install on a platform it supports (docs/deploy.md)',
    },
  };
}
/**
 * A heavy thread ends after this long without work, so the memory a large request needed
 * goes back to the system (BENCHMARKS.md); the next heavy request starts a fresh thread.
 */
const HEAVY_IDLE_MS = 10_000;

export interface PoolOptions {
  heavyThreads: number;
  lightThreads: number;
  /** Milliseconds of CPU a calculation may use in its worker. */
  budgetMs: number;
  /** Milliseconds from admission (queue included) within which a calculation must be answered. */
  wallMs: number;
  /** Old-generation heap limit of each heavy / light worker, MiB. */
  heavyHeapMb: number;
  lightHeapMb: number;
}

export function defaultPoolOptions(cores = os.availableParallelism()): PoolOptions {
  return {
    heavyThreads: Math.max(1, cores - 1),
    // At least two: with one light thread, several clerks' batch streams at once saw stalls of
    // 0.3–2.4 s (p99 723 ms at 10 streams on 2 cores); with two, p99 72 ms, max 95 ms. The
    // cause inside one thread was not found (not GC: largest pause 14 ms); BENCHMARKS.md "Load".
    lightThreads: Math.max(2, Math.floor(cores / 2)),
    budgetMs: 25_000,
    wallMs: 100_000,
    heavyHeapMb: 768,
    lightHeapMb: 256,
  };
}

const here = fileURLToPath(import.meta.url);
/** From source, source-worker.mjs registers tsx in the thread first (a worker inherits no loader); compiled, worker.js is plain JS. */
const WORKER_FILE = path.join(path.dirname(here), path.extname(here) === '.ts' ? 'source-worker.mjs' : 'worker.js');

/** Why a task was stopped: its CPU budget ran out, its time since admission did, or its caller went away. */
export type StopReason = 'budget' | 'wall' | 'gone';

/** How often a running job's CPU time is read. */
const CPU_CHECK_MS = 100;

interface LaneState {
  piscina: Piscina<JobRequest, JobReply>;
  threads: number;
  /** Requests admitted and not yet answered. */
  active: number;
}

export class CalcPool {
  private readonly lanes: Record<Lane, LaneState>;

  constructor(readonly options: PoolOptions = defaultPoolOptions()) {
    const lane = (threads: number, heapMb: number, heavy: boolean): LaneState => ({
      piscina: new Piscina<JobRequest, JobReply>({
        filename: WORKER_FILE,
        niceIncrement: heavy ? HEAVY_NICE : 0,
        // A light thread stays ready for the next small batch (its requests are small); light
        // threads beyond the first end after a quiet minute, heavy ones after HEAVY_IDLE_MS.
        minThreads: heavy ? 0 : 1,
        maxThreads: threads,
        idleTimeout: heavy ? HEAVY_IDLE_MS : 60_000,
        resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64 },
      }),
      threads,
      active: 0,
    });
    this.lanes = {
      heavy: lane(options.heavyThreads, options.heavyHeapMb, true),
      light: lane(options.lightThreads, options.lightHeapMb, false),
    };
  }

  /** The lane for a job of `kind` whose body declares `contentLength` bytes (undefined: unknown, e.g. chunked). */
  static laneFor(kind: 'heavy' | 'by-size', contentLength: number | undefined): Lane {
    return kind === 'by-size' && contentLength !== undefined && contentLength <= LIGHT_BODY_BYTES ? 'light' : 'heavy';
  }

  /**
   * Takes a place in `lane`, or throws 503 with Retry-After when the lane is full. The
   * returned function gives the place back; call it exactly once, when the request ends.
   */
  admit(lane: Lane): () => void {
    const state = this.lanes[lane];
    if (state.active >= state.threads * (1 + QUEUE_PER_THREAD[lane])) {
      // A light job takes milliseconds, so its queue drains within a second; a heavy one may
      // take a good part of its budget.
      const seconds = lane === 'light' ? 1 : Math.max(1, Math.ceil(this.options.budgetMs / 4000));
      throw new ServiceError(
        503,
        'BUSY',
        {
          zh: `计算服务正忙（同时在算的请求已满），这次请求没有执行：请 ${seconds} 秒后重试`,
          en: `The calculation service is busy (its queue is full) and did not run this request; try again in ${seconds} s`,
        },
        { headers: { 'Retry-After': String(seconds) } },
      );
    }
    state.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.active--;
    };
  }

  /**
   * Runs `request` in `lane` until it answers, its caller leaves (`gone` aborts: rejects
   * with piscina's AbortError), it has used budgetMs of CPU in its worker (rejects 413), or
   * `deadline` (epoch ms; the request's admission + wallMs) passes first (rejects 503). The
   * budget counts only the work the job does, from the moment its worker picks it up, so
   * neither a wait in the queue nor a wait for a busy core counts against it.
   */
  async run(request: Omit<JobRequest, 'started'>, lane: Lane, gone: AbortSignal, deadline = Date.now() + this.options.wallMs): Promise<JobReply> {
    const stop = new AbortController();
    const leave = () => stop.abort('gone');
    gone.addEventListener('abort', leave, { once: true });
    const wall = setTimeout(() => stop.abort('wall'), Math.max(0, deadline - Date.now()));
    const { port1: started, port2 } = new MessageChannel();
    let budget: NodeJS.Timeout | undefined;
    started.once('message', ({ tid }: { tid?: number }) => {
      const cpuAtStart = tid === undefined ? undefined : threadCpuMs(tid);
      if (tid === undefined || cpuAtStart === undefined) {
        budget = setTimeout(() => stop.abort('budget'), this.options.budgetMs);
        return;
      }
      budget = setInterval(() => {
        const used = (threadCpuMs(tid) ?? Infinity) - cpuAtStart;
        if (used >= this.options.budgetMs) stop.abort('budget');
      }, CPU_CHECK_MS);
    });
    try {
      return await this.lanes[lane].piscina.run({ ...request, started: port2 }, { signal: stop.signal, transferList: [port2] });
    } catch (err) {
      if (stop.signal.reason === 'budget') throw this.overBudget();
      if (stop.signal.reason === 'wall') throw this.tooBusy();
      if ((err as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') throw this.overMemory(lane);
      throw err;
    } finally {
      clearTimeout(wall);
      clearInterval(budget);
      started.close();
      gone.removeEventListener('abort', leave);
    }
  }

  private overBudget() {
    const s = Math.round(this.options.budgetMs / 1000);
    return new ServiceError(413, 'TOO_MUCH_WORK', {
      zh: `这次计算用满了 ${s} 秒的计算时限，已停止：请减少每次的数据（如分成几批、按学区分开），上限见 docs/deploy.md`,
      en: `This calculation used up its budget of ${s} s of computing and was stopped: send less per request (split it, e.g. by district); the limits are in docs/deploy.md`,
    });
  }

  private tooBusy() {
    const s = Math.round(this.options.wallMs / 1000);
    const retry = Math.max(1, Math.ceil(this.options.budgetMs / 4000));
    return new ServiceError(
      503,
      'BUSY',
      {
        zh: `服务器太忙，这次计算在 ${s} 秒内没有算完（未超出计算时限），已停止：请 ${retry} 秒后重试`,
        en: `The server is too busy: this calculation was not finished within ${s} s (it had not used up its computing budget) and was stopped; try again in ${retry} s`,
      },
      { headers: { 'Retry-After': String(retry) } },
    );
  }

  private overMemory(lane: Lane) {
    const mb = lane === 'heavy' ? this.options.heavyHeapMb : this.options.lightHeapMb;
    return new ServiceError(413, 'TOO_MUCH_WORK', {
      zh: `这次计算需要的内存超过了每个请求 ${mb} MiB 的上限，已停止：请减少每次的数据，上限见 docs/deploy.md`,
      en: `This calculation needed more than the ${mb} MiB of memory a request may use and was stopped: send less per request; the limits are in docs/deploy.md`,
    });
  }

  /** Threads (by id) and requests per lane: what the tests and the benchmark watch. */
  stats(): Record<Lane, { threadIds: number[]; active: number; queued: number }> {
    const of = (s: LaneState) => ({ threadIds: s.piscina.threads.map((t) => t.threadId), active: s.active, queued: s.piscina.queueSize });
    return { heavy: of(this.lanes.heavy), light: of(this.lanes.light) };
  }

  async close(): Promise<void> {
    await Promise.all([this.lanes.heavy.piscina.close({ force: true }), this.lanes.light.piscina.close({ force: true })]);
  }
}

let shared: CalcPool | undefined;

/** One pool per process for apps created without one (tests, benchmarks); made on first use. */
export function sharedPool(): CalcPool {
  shared ??= new CalcPool();
  return shared;
}
