/**
 * The WPS add-in's entry (main.js, loaded by index.html, which WPS opens hidden when it
 * loads the plug-in): one batching client for the session (the same client core as the
 * Office add-in), the answer board in front of it, every registry function registered
 * under EDU, and the ribbon's callbacks on window.ribbon.
 *
 * The service address defaults to the address baked in at build time (EDU_PUBLIC_URL, for
 * the offline package) or else the origin the add-in was loaded from (the online add-in,
 * served by the service under /wps/). Settings live in localStorage, shared with the task
 * pane (same origin); when the pane changes them, the answers are forgotten.
 */
import { startFunctionsRuntime } from '../functions/runtime.js';
import { AnswerBoard } from './answer-board.js';
import { registerWpsFunctions, type WpsFunctionsApi } from './register.js';
import { ribbonCallbacks } from './ribbon.js';
import type { WpsApplication } from './wps-api.js';
import type { WpsFunctionInfo } from './wps-files.js';

declare const __EDU_WPS_FUNCTIONS__: readonly WpsFunctionInfo[];
declare const __EDU_WPS_SERVICE__: string;

const host = window as unknown as { Application: WpsApplication; wps: WpsFunctionsApi; ribbon: unknown; eduBoard: AnswerBoard };

const runtime = startFunctionsRuntime(undefined, window.localStorage, __EDU_WPS_SERVICE__ || window.location.origin);
const board = new AnswerBoard({ call: (fn, args) => runtime.client.functions.call(fn, args), recalculate: () => host.Application.CalculateFull() });
host.eduBoard = board;

window.addEventListener('storage', (event) => {
  if (event.key === null || event.key.startsWith('edu.')) {
    board.clear();
    runtime.client.functions.clearCache();
  }
});

// Before WPS 12.1.0.20540 there is no AddCustomFunction: the ribbon and the pane still work.
if (typeof host.wps?.AddCustomFunction === 'function') registerWpsFunctions(host.wps, board, __EDU_WPS_FUNCTIONS__);

host.ribbon = ribbonCallbacks({
  app: host.Application,
  board,
  clearCache: () => runtime.client.functions.clearCache(),
  base: new URL('.', window.location.href).href,
});
