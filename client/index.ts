/**
 * The client core: what every front end (the Office add-in, the WPS add-in, the Excel
 * 2016/2019 pane) shares, with no host in it. A front end gives it storage for the settings
 * and the default address, and then only registers functions and talks to its spreadsheet:
 *
 *   const edu = createClient({ store: localStorage, defaultUrl: location.origin, pure });
 *   await edu.functions.call('APPORTION', [100, [[1], [2]]]);   // batched, cached, always settles
 *   const list = await edu.api.call('scenarios', { query: { limit: 50 } });   // typed by route
 *
 * Imports: contracts/ (types, plus the zod-free endpoints and packed-range codec) and
 * formulas/ types; never a host global (test/layout.test.ts checks both).
 */
import { BatchClient, type BatchOptions } from './batch.js';
import { ServiceClient } from './http.js';
import { checkConnection, checkSession, saveConnection, type ConnectionState, type SessionState } from './sign-in.js';
import { Settings, type KeyValueStore, type Saved } from './settings.js';

export { BatchClient, batchBody, batchResults, type BatchCall, type BatchOptions, type CallOutcome } from './batch.js';
export { ClientError, describeFailure, malformedFailure, timeoutFailure, unreachableMessage, wordsOf, type Bilingual, type ErrorItem } from './failures.js';
export { fileNameOf, ServiceClient, type CallOptions, type JsonRoute, type RouteRequest, type ServiceAddress } from './http.js';
export { ResultCache } from './result-cache.js';
export { Settings, type KeyValueStore, type Saved } from './settings.js';
export type { ConnectionState, SessionState } from './sign-in.js';

export interface ClientOptions {
  /** Where the address and token are kept (localStorage, or the host's own storage). */
  store: KeyValueStore;
  /** The address used until the clerk sets one: usually the origin that served the add-in. */
  defaultUrl: string;
  /** Ids of functions whose results may be cached (the catalog's `pure`). */
  pure: ReadonlySet<string>;
  fetch?: typeof fetch;
  /** Batching limits, time-outs and timers, when not the defaults. */
  batch?: Omit<BatchOptions, 'pure'>;
}

export interface EduClient {
  settings: Settings;
  /** Route calls for a pane: `api.call(name, request)`. */
  api: ServiceClient;
  /** Function calls from cells: `functions.call(id, args, addresses)`. */
  functions: BatchClient;
  checkConnection(): Promise<ConnectionState>;
  checkSession(): Promise<SessionState>;
  /** Saves the address (blank: the default) and the token from a settings form; forgets cached results. */
  saveConnection(url: string, token: string): Saved;
}

export function createClient(options: ClientOptions): EduClient {
  const settings = new Settings(options.store, options.defaultUrl);
  const api = new ServiceClient(settings, options.fetch);
  const functions = new BatchClient(api, { ...options.batch, pure: options.pure });
  return {
    settings,
    api,
    functions,
    checkConnection: () => checkConnection(api),
    checkSession: () => checkSession(api),
    saveConnection: (url, token) => saveConnection(settings, functions, url, token),
  };
}
