/**
 * The task pane's entry point, loaded by taskpane.html in the shared runtime. It starts
 * the custom-functions runtime (so functions work even before the pane is shown), then
 * wires the pane's sections (pane.ts) to Excel through the Office.js host.
 */
import { startFunctionsRuntime } from '../functions/runtime.js';
import { registerCommands } from '../commands/commands.js';
import { officeHost } from './excel/office-host.js';
import { pickInstalledFont } from './ui/fonts.js';
import { startPane } from './pane.js';

const runtime = startFunctionsRuntime(
  typeof CustomFunctions === 'undefined' ? undefined : CustomFunctions,
  window.localStorage,
  window.location.origin,
);
(window as unknown as { eduRuntime: typeof runtime }).eduRuntime = runtime;

function start(): void {
  // Outside Excel (a plain browser tab) there is no workbook; views say so when asked to use one.
  startPane(runtime, typeof Excel !== 'undefined' && typeof Excel.run === 'function' ? officeHost(pickInstalledFont) : undefined);
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => {
    registerCommands(runtime);
    start();
  });
} else {
  start();
}
