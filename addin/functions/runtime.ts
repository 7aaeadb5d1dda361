/**
 * Starts the custom-functions side of the shared runtime: one batching client for the
 * session and one CustomFunctions.associate per registry function. The task pane, which
 * lives in the same runtime, uses the same client (its cache and settings).
 */
import { BatchClient } from './batch-client.js';
import type { CustomFunctionsApi } from './excel-errors.js';
import { registerFunctions, type RegisteredFunction } from './register.js';
import { serviceUrl, token, type SettingsStore } from './settings.js';

export interface FunctionInfo extends RegisteredFunction {
  pure: boolean;
}

/** Written into the bundle at build time from the registry (addin/build/build.ts). */
declare const __EDU_FUNCTIONS__: readonly FunctionInfo[];

export interface FunctionsRuntime {
  client: BatchClient;
  registered: string[];
  store: SettingsStore;
  serviceUrl(): string;
}

export function startFunctionsRuntime(
  api: CustomFunctionsApi | undefined,
  store: SettingsStore,
  origin: string,
  functions: readonly FunctionInfo[] = __EDU_FUNCTIONS__,
): FunctionsRuntime {
  const currentUrl = () => serviceUrl(store, origin);
  const client = new BatchClient({
    baseUrl: currentUrl,
    token: () => token(store),
    fetch: (input, init) => fetch(input, init),
    pure: new Set(functions.filter((f) => f.pure).map((f) => f.id)),
  });
  // Outside Excel (a plain browser tab) there is no CustomFunctions object: the pane still works.
  const registered = api ? registerFunctions(api, client, functions) : [];
  return { client, registered, store, serviceUrl: currentUrl };
}
