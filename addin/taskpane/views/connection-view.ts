/**
 * 连接与设置: whether the service answers and which functions it offers, its address, and
 * the sign-in token (kept in the add-in's storage, never in the workbook), with who the
 * token signs in as (GET /api/v1/session).
 */
import type { Session } from '../../../contracts/records.js';
import type { FunctionsRuntime } from '../../functions/runtime.js';
import { resetServiceUrl, setServiceUrl, setToken, token } from '../../functions/settings.js';
import type { ServiceApi } from '../api.js';
import { checkConnection } from '../connection.js';
import { $, bilingual } from '../ui/dom.js';
import { wordsOf } from '../ui/status.js';

const ROLE_ZH: Record<string, string> = { admin: '管理员', finance: '财务', personnel: '人事', planner: '规划', viewer: '只读用户' };

export function connectionView(runtime: FunctionsRuntime, api: ServiceApi, onChange: () => void): { refresh(): Promise<void> } {
  async function refreshSession(): Promise<void> {
    const el = $('session-state');
    try {
      const s = await api.get<Session>('/api/v1/session', 15_000);
      el.className = 'state state-ok';
      if (s.local) bilingual(el, '本机模式：无需登录（仅限本机使用）', 'Local mode: no sign-in needed (this computer only)');
      else bilingual(el, `已登录：${s.user}（${ROLE_ZH[s.role] ?? s.role}，${s.county}）`, `Signed in as ${s.user} (${s.role}, county ${s.county})`);
      if (!s.permissions.includes('scenario.write')) el.append(' ', Object.assign(document.createElement('span'), { className: 'muted', textContent: '只读账号不能保存方案 / a viewer cannot save scenarios' }));
    } catch (err) {
      const w = wordsOf(err);
      el.className = 'state state-bad';
      bilingual(el, w.zh, w.en);
    }
  }

  async function refresh(): Promise<void> {
    const url = runtime.serviceUrl();
    $('conn-url').textContent = url;
    const state = $('conn-state');
    state.className = 'state state-unknown';
    bilingual(state, '正在检查连接…', 'Checking the connection…');
    const t = token(runtime.store);
    const result = await checkConnection(url, (i, init) => fetch(i, init), t ? `Bearer ${t}` : undefined);
    state.className = `state ${result.ok ? 'state-ok' : 'state-bad'}`;
    bilingual(state, result.zh, result.en);
    $('functions-list').replaceChildren(
      ...result.functions.map((f) => {
        const li = document.createElement('li');
        const code = document.createElement('code');
        code.textContent = f.name;
        li.append(code, ` ${f.summary.zh}`);
        li.title = f.summary.en;
        return li;
      }),
    );
    await refreshSession();
  }

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
    void refresh().then(onChange);
  });
  $('settings-reset').addEventListener('click', () => {
    resetServiceUrl(runtime.store);
    urlInput.value = runtime.serviceUrl();
    message.className = 'message ok';
    bilingual(message, '已恢复默认地址。', 'The default address is restored.');
    void refresh().then(onChange);
  });
  $('conn-check').addEventListener('click', () => void refresh());
  return { refresh };
}
