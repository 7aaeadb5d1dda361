/**
 * The task pane's entry point, loaded by taskpane.html in the shared runtime. It starts
 * the custom-functions runtime (so functions work even before the pane is shown), then
 * wires the pane: connection state, service address and sign-in token.
 */
import { startFunctionsRuntime } from '../functions/runtime.js';
import { resetServiceUrl, setServiceUrl, setToken, token } from '../functions/settings.js';
import { registerCommands } from '../commands/commands.js';
import { checkConnection } from './connection.js';

const runtime = startFunctionsRuntime(
  typeof CustomFunctions === 'undefined' ? undefined : CustomFunctions,
  window.localStorage,
  window.location.origin,
);
(window as unknown as { eduRuntime: typeof runtime }).eduRuntime = runtime;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function bilingual(el: HTMLElement, zh: string, en: string): void {
  el.textContent = `${zh} `;
  const span = document.createElement('span');
  span.className = 'en';
  span.textContent = en;
  el.appendChild(span);
}

async function refreshConnection(): Promise<void> {
  const url = runtime.serviceUrl();
  $('conn-url').textContent = url;
  const state = $('conn-state');
  state.className = 'state state-unknown';
  bilingual(state, '正在检查连接…', 'Checking the connection…');
  const t = token(runtime.store);
  const result = await checkConnection(url, (i, init) => fetch(i, init), t ? `Bearer ${t}` : undefined);
  state.className = `state ${result.ok ? 'state-ok' : 'state-bad'}`;
  bilingual(state, result.zh, result.en);
  const list = $('functions-list');
  list.replaceChildren(
    ...result.functions.map((f) => {
      const li = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = f.name;
      li.append(code, ` ${f.summary.zh}`);
      li.title = f.summary.en;
      return li;
    }),
  );
}

function wireSettings(): void {
  const form = $<HTMLFormElement>('settings-form');
  const urlInput = $<HTMLInputElement>('service-url');
  const tokenInput = $<HTMLInputElement>('token');
  const message = $('settings-message');
  urlInput.value = runtime.serviceUrl();
  tokenInput.value = token(runtime.store) ?? '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const saved = urlInput.value.trim() ? setServiceUrl(runtime.store, urlInput.value) : (resetServiceUrl(runtime.store), { ok: true as const, url: runtime.serviceUrl() });
    if (!saved.ok) {
      message.className = 'message bad';
      bilingual(message, saved.zh, saved.en);
      urlInput.focus();
      return;
    }
    setToken(runtime.store, tokenInput.value || undefined);
    urlInput.value = saved.url;
    runtime.client.clearCache();
    message.className = 'message ok';
    bilingual(message, '已保存。重新计算工作簿即可使用新设置。', 'Saved. Recalculate the workbook to use the new settings.');
    void refreshConnection();
  });
  $('settings-reset').addEventListener('click', () => {
    resetServiceUrl(runtime.store);
    urlInput.value = runtime.serviceUrl();
    message.className = 'message ok';
    bilingual(message, '已恢复默认地址。', 'The default address is restored.');
    void refreshConnection();
  });
  $('conn-check').addEventListener('click', () => void refreshConnection());
}

function start(): void {
  wireSettings();
  void refreshConnection();
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => {
    registerCommands(runtime);
    start();
  });
} else {
  start();
}
