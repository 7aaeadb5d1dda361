/**
 * Registers every registry function with Excel: CustomFunctions.associate(id, handler),
 * where each handler queues its call on the batching client. The list of ids comes from
 * the catalog built from the registry (functions.json is generated from the same list), so
 * the two cannot disagree.
 */
import type { BatchClient } from '../../client/index.js';
import { type CustomFunctionsApi, toExcel } from './excel-errors.js';

export interface RegisteredFunction {
  id: string;
  /** Parameters Excel passes; the invocation object comes after them. */
  paramCount: number;
}

/** The part of CustomFunctions.Invocation read here (parameterAddresses: CustomFunctionsRuntime 1.3). */
interface Invocation {
  parameterAddresses?: string[];
}

export function registerFunctions(api: CustomFunctionsApi, client: BatchClient, functions: readonly RegisteredFunction[]): string[] {
  for (const { id, paramCount } of functions) {
    api.associate(id, async (...args: unknown[]) => {
      // Filled when functions.json asks for them (requiresParameterAddresses) and Excel supports it; else positions are used.
      const addresses = (args[paramCount] as Invocation | undefined)?.parameterAddresses;
      return toExcel(api, await client.call(id, args.slice(0, paramCount), addresses));
    });
  }
  return functions.map((f) => f.id);
}
