/**
 * Starts the custom-functions side of the shared runtime: the client core (client/) over
 * the add-in's localStorage, and one CustomFunctions.associate per registry function. The
 * task pane, which lives in the same runtime, uses the same client (its cache and settings).
 */
import { createClient, type EduClient, type KeyValueStore } from '../../client/index.js';
import { registerFunctions, type CustomFunctionsApi, type RegisteredFunction } from './excel-functions.js';

export interface FunctionInfo extends RegisteredFunction {
  pure: boolean;
}

/** Written into the bundle at build time from the registry (addin/build/build.ts). */
declare const __EDU_FUNCTIONS__: readonly FunctionInfo[];

export interface FunctionsRuntime {
  client: EduClient;
  registered: string[];
}

export function startFunctionsRuntime(
  api: CustomFunctionsApi | undefined,
  store: KeyValueStore,
  origin: string,
  functions: readonly FunctionInfo[] = __EDU_FUNCTIONS__,
): FunctionsRuntime {
  const client = createClient({ store, defaultUrl: origin, pure: new Set(functions.filter((f) => f.pure).map((f) => f.id)) });
  // Outside Excel (a plain browser tab) there is no CustomFunctions object: the pane still works.
  const registered = api ? registerFunctions(api, client.functions, functions) : [];
  return { client, registered };
}
