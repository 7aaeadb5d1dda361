/**
 * The task pane's entry in WPS (pane.js, loaded by the taskpane.html the ribbon's 打开面板
 * shows through Application.CreateTaskPane): the same views as in Excel, through the WPS
 * host. The pane has its own page, so its own client for the connection check; settings go
 * to the same localStorage as main.js, which forgets its answers when they change.
 */
import { startFunctionsRuntime } from '../functions/runtime.js';
import { startPane } from '../taskpane/pane.js';
import { pickInstalledFont } from '../taskpane/ui/fonts.js';
import type { WpsFunctionsApi } from './register.js';
import type { WpsApplication } from './wps-api.js';
import { wpsHost } from './wps-host.js';

declare const __EDU_WPS_SERVICE__: string;

const { Application: app, wps } = window as unknown as { Application?: WpsApplication; wps?: Partial<WpsFunctionsApi> };
const runtime = startFunctionsRuntime(undefined, window.localStorage, __EDU_WPS_SERVICE__ || window.location.origin);
startPane(runtime, app ? wpsHost(app, pickInstalledFont) : undefined);
// Inside WPS, but one without add-in functions (before 12.1.0.20540): say so, the rest works.
if (app && typeof wps?.AddCustomFunction !== 'function') document.getElementById('wps-no-functions')!.hidden = false;
