/**
 * How an EDU function answers in WPS 表格, whose add-in functions are called synchronously
 * ("调用方式目前只支持同步式调用，暂不支持异步调用": 金山文档开放平台, WPS 加载项自定义函数):
 * the cell must get its value from the call itself, while the service answers over HTTP.
 *
 * Chosen design (measured against synchronous requests, BENCHMARKS.md "WPS"): a call whose
 * answer is not known yet returns a placeholder at once and is queued on the session's
 * batching client, like every call of the same recalculation; when the last outstanding
 * answer has arrived, the board asks WPS for one full recalculation, in which every cell
 * reads its answer from here synchronously. One recalculation costs one batched request
 * and one extra local recalculation, instead of one blocking round trip per cell.
 *
 * The board keeps each answer for as long as the same call (function and arguments) may be
 * asked again: WPS re-runs a formula when its inputs change (a new call, asked afresh) or on
 * a full recalculation, which must find every answer again or it would ask for it forever.
 * So answers of functions that read the policy profile stay until the ribbon's 重新计算 or
 * a change of settings clears the board, exactly as 重新计算 refreshes them in Excel. The
 * batching client's own cache still answers repeated pure calls without a request.
 */
import type { CallOutcome } from '../../client/index.js';

/**
 * Write-back recalculations in a row that may each raise new calls. A chain of EDU formulas
 * (one's result an argument of the next) needs one round per link; an argument that changes
 * at every calculation (NOW(), RAND()) would otherwise ask the service again for ever. After
 * this many rounds the remaining cells keep the placeholder until the next edit or 重新计算.
 */
export const MAX_WRITE_BACKS = 10;

export interface AnswerBoardOptions {
  /** Queues a call on the session's batching client. */
  call(fn: string, args: readonly unknown[]): Promise<CallOutcome>;
  /** Asks the host for a full recalculation (Application.CalculateFull in WPS). */
  recalculate(): void;
  /** Answers kept (oldest dropped first); far above the EDU cells of any county workbook. */
  maxAnswers?: number;
}

export class AnswerBoard {
  private readonly answers = new Map<string, CallOutcome>();
  private readonly waiting = new Set<string>();
  /** Bumped by clear(): answers to calls asked before it are dropped. */
  private generation = 0;
  private readonly maxAnswers: number;
  /** True while the board's own recalculation runs: calls asked then continue the same burst. */
  private writingBack = false;
  private rounds = 0;

  constructor(private readonly opts: AnswerBoardOptions) {
    this.maxAnswers = opts.maxAnswers ?? 100_000;
  }

  /** The call's answer, or undefined while it is on its way (it is then asked for, once). */
  read(fn: string, args: readonly unknown[]): CallOutcome | undefined {
    const key = `${fn}\u0000${JSON.stringify(args)}`;
    const known = this.answers.get(key);
    if (known) return known;
    if (!this.waiting.has(key)) this.ask(key, fn, args);
    return undefined;
  }

  /** Calls still on their way. */
  get outstanding(): number {
    return this.waiting.size;
  }

  /** Forgets every answer (重新计算, new settings): the next recalculation asks the service again. */
  clear(): void {
    this.answers.clear();
    this.waiting.clear();
    this.generation++;
  }

  private ask(key: string, fn: string, args: readonly unknown[]): void {
    // A call asked outside a write-back is the clerk's doing: a new burst may take its rounds.
    if (!this.writingBack) this.rounds = 0;
    this.waiting.add(key);
    const generation = this.generation;
    // The client settles every call (a failure is an #N/A outcome), so this never rejects.
    void this.opts.call(fn, args).then((outcome) => {
      if (generation !== this.generation) return;
      this.waiting.delete(key);
      this.remember(key, outcome);
      if (this.waiting.size === 0) this.writeBack();
    });
  }

  private remember(key: string, outcome: CallOutcome): void {
    if (this.answers.size >= this.maxAnswers) {
      const oldest = this.answers.keys().next();
      if (!oldest.done) this.answers.delete(oldest.value);
    }
    this.answers.set(key, outcome);
  }

  private writeBack(): void {
    if (this.rounds >= MAX_WRITE_BACKS) return;
    this.rounds++;
    this.writingBack = true;
    try {
      this.opts.recalculate();
    } catch {
      // No workbook open any more (closed while the answers travelled): nothing to show them in.
    } finally {
      this.writingBack = false;
    }
  }
}
