/**
 * Registers every registry function with Excel: CustomFunctions.associate(id, handler),
 * where each handler queues its call on the batching client. The list of ids comes from
 * the catalog built from the registry (functions.json is generated from the same list), so
 * the two cannot disagree.
 */
import type { BatchClient } from './batch-client.js';
import { type CustomFunctionsApi, toExcel } from './excel-errors.js';

export interface RegisteredFunction {
  id: string;
  /** Parameters Excel passes (it appends an invocation object only if asked; we do not ask). */
  paramCount: number;
}

export function registerFunctions(api: CustomFunctionsApi, client: BatchClient, functions: readonly RegisteredFunction[]): string[] {
  for (const { id, paramCount } of functions) {
    api.associate(id, async (...args: unknown[]) => toExcel(api, await client.call(id, args.slice(0, paramCount))));
  }
  return functions.map((f) => f.id);
}
