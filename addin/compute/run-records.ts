/**
 * Runs recorded calls: reads each call's inputs from the workbook, sends every call to the
 * service at once (the batching client makes them one request), and writes each answer at
 * its output cell. One error path: a missing input, an argument of the wrong shape, or an
 * error from the service all become an error value, shown as text in the output cell and
 * listed in the pane; the other calls still run.
 */
import { valueError, type Bilingual, type FormulaError } from '../../formulas/core/errors.js';
import type { BatchClient, CallOutcome } from '../../client/index.js';
import { wordsOf } from '../taskpane/ui/status.js';
import type { ComputeHost, ReadArg } from './excel11-host.js';
import type { PaneFunction } from './pane-function.js';
import type { ComputeRecord } from './records.js';
import { resultCells } from './result-cells.js';

export interface RunResult {
  record: ComputeRecord;
  /** The call's error (whole call), the #SPILL! in the way, or why it could not run. */
  problem?: Bilingual;
}

/** The arguments as the service takes them (as Excel passes a custom function's), with their cells' addresses. */
export function callArgs(fn: PaneFunction, read: readonly ReadArg[]): { args: unknown[]; addresses: string[] } | FormulaError {
  const args: unknown[] = [];
  for (const [i, param] of fn.params.entries()) {
    const value = read[i]?.values ?? null;
    if (param.dimensionality === 'scalar' && Array.isArray(value)) {
      const cells = value.length * (value[0]?.length ?? 0);
      if (cells !== 1) {
        return valueError(
          `参数“${param.zh}”（${param.name}）只要一个单元格，所选的 ${read[i]?.address ?? ''} 有 ${cells} 个：请只选一个单元格，或直接填写数值`,
          `Argument ${param.name} takes one cell, but ${read[i]?.address ?? ''} has ${cells}: choose one cell, or type the value`,
        );
      }
      args.push(value[0]![0]);
    } else args.push(value);
  }
  return { args, addresses: fn.params.map((_, i) => read[i]?.address ?? '') };
}

const problemOf = (outcome: CallOutcome): Bilingual | undefined => ('error' in outcome ? outcome.error : undefined);

const unknownFunction = (id: string): FormulaError =>
  valueError(`本加载项没有函数 EDU.${id}：请用最新的加载项重新计算，或删除这条记录`, `This add-in has no function EDU.${id}: recompute with the latest add-in, or remove this record`);

export async function runRecords(records: readonly ComputeRecord[], host: ComputeHost, client: BatchClient, functions: readonly PaneFunction[]): Promise<RunResult[]> {
  const reads = await host.readArgs(records);
  // Every call is queued before any answer is awaited, so they travel in one request.
  const outcomes = await Promise.all(
    records.map((record, i): Promise<CallOutcome> | CallOutcome => {
      const read = reads[i]!;
      if (!Array.isArray(read)) return valueError(read.zh, read.en);
      const fn = functions.find((f) => f.id === record.fn);
      if (!fn) return unknownFunction(record.fn);
      const call = callArgs(fn, read);
      return 'error' in call ? call : client.call(fn.id, call.args, call.addresses);
    }),
  );
  const results: RunResult[] = [];
  for (const [i, record] of records.entries()) {
    const outcome = outcomes[i]!;
    try {
      const written = await host.write(record, resultCells(outcome));
      const problem = written.spill ?? problemOf(outcome);
      results.push({ record: { ...record, written: written.written }, ...(problem ? { problem } : {}) });
    } catch (err) {
      const { zh, en } = wordsOf(err);
      results.push({ record, problem: { zh, en } });
    }
  }
  return results;
}
