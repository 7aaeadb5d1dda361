/**
 * The task pane's entry point, loaded by taskpane.html in the shared runtime. It starts
 * the custom-functions runtime (so functions work even before the pane is shown), then
 * wires the pane's sections: connection and settings, scenarios, forms, plans, examples, policy profile.
 */
import { startFunctionsRuntime } from '../functions/runtime.js';
import { registerCommands } from '../commands/commands.js';
import { officeHost } from './excel/office-host.js';
import { $ } from './ui/dom.js';
import { pickInstalledFont } from './ui/fonts.js';
import { wireTabs } from './ui/tabs.js';
import { connectionView } from './views/connection-view.js';
import type { ViewContext } from './views/context.js';
import { examplesView } from './views/examples-view.js';
import { formsView } from './views/forms-view.js';
import { plansView } from './views/plans-view.js';
import { profileView } from './views/profile-view.js';
import { scenariosView } from './views/scenarios-view.js';

const runtime = startFunctionsRuntime(
  typeof CustomFunctions === 'undefined' ? undefined : CustomFunctions,
  window.localStorage,
  window.location.origin,
);
(window as unknown as { eduRuntime: typeof runtime }).eduRuntime = runtime;

function start(): void {
  const ctx: ViewContext = {
    api: runtime.client.api,
    // Outside Excel (a plain browser tab) there is no workbook; views say so when asked to use one.
    host: typeof Excel !== 'undefined' && typeof Excel.run === 'function' ? officeHost(pickInstalledFont) : undefined,
    now: () => new Date(),
  };
  const views: Record<string, { open(): Promise<void> }> = {
    'panel-scenarios': scenariosView(ctx),
    'panel-forms': formsView(ctx),
    'panel-plans': plansView(ctx),
    'panel-examples': examplesView(ctx),
    'panel-profile': profileView(ctx),
  };
  let openPanel = 'panel-connection';
  const connection = connectionView(runtime.client, () => void views[openPanel]?.open());
  $('no-excel').hidden = ctx.host !== undefined;
  wireTabs($('tabs'), (panel) => {
    openPanel = panel;
    void views[panel]?.open();
  });
  void connection.refresh();
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => {
    registerCommands(runtime);
    start();
  });
} else {
  start();
}
