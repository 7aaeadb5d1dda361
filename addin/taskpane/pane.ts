/**
 * The task pane's sections wired to one host: connection and settings, scenarios, forms,
 * plans, examples, policy profile. The host is the seam between the pane and a spreadsheet
 * program: Excel's (excel/office-host.ts, Office.js) or WPS 表格's (addin/wps/wps-host.ts,
 * WPS's Application object model); the views never touch either object model.
 */
import type { FunctionsRuntime } from '../functions/runtime.js';
import type { ExcelHost } from './excel/host.js';
import { $ } from './ui/dom.js';
import { wireTabs } from './ui/tabs.js';
import { connectionView } from './views/connection-view.js';
import type { ViewContext } from './views/context.js';
import { examplesView } from './views/examples-view.js';
import { formsView } from './views/forms-view.js';
import { plansView } from './views/plans-view.js';
import { profileView } from './views/profile-view.js';
import { scenariosView } from './views/scenarios-view.js';

/** `host` is undefined outside a spreadsheet program (a plain browser tab): views then say so. */
export function startPane(runtime: FunctionsRuntime, host: ExcelHost | undefined): void {
  const ctx: ViewContext = { api: runtime.client.api, host, now: () => new Date() };
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
