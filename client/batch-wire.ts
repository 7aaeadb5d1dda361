/**
 * A batch of function calls on the wire (POST /api/v1/calc, contracts/calc.ts), both ways:
 * the request body, with ranges of PACK_MIN_CELLS cells or more packed
 * (contracts/packed-range.ts: a county-wide range as nested JSON costs more to send and
 * parse than to compute), and the answer checked and decoded into what a cell shows. The
 * batching client (batch.ts) sends it with fetch; a host that must call synchronously (WPS)
 * can send the same body its own way.
 */
import type { FormulaError } from '../formulas/core/errors.js';
import type { ResultValue } from '../formulas/core/excel-values.js';
import { argsJson, decodePacked, looksPacked, PACK_MIN_CELLS, packArgs } from '../contracts/packed-range.js';
import { type ClientError, malformedFailure } from './failures.js';

export type CallOutcome = { value: ResultValue } | FormulaError;

export interface BatchCall {
  fn: string;
  args: unknown[];
  /** Where the arguments sit in the workbook, when the host said (messages then name cells as "B7"). */
  addresses?: string[] | undefined;
}

/** A range argument as large as a packed one (it travels packed; its cache key would be megabytes). */
export const isLargeRange = (a: unknown): boolean => Array.isArray(a) && Array.isArray(a[0]) && a.length * (a[0] as unknown[]).length >= PACK_MIN_CELLS;

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
