/**
 * 连接与设置: whether the service answers and which functions it offers, its address, and
 * the sign-in token (kept in the add-in's storage, never in the workbook), with who the
 * token signs in as. The checks and their words are the client core's (client/sign-in.ts);
 * this view shows them.
 */
import type { EduClient } from '../../../client/index.js';
import { $, bi, bilingual } from '../ui/dom.js';

export function connectionView(client: EduClient, onChange: () => void): { refresh(): Promise<void> } {
  async function refreshSession(): Promise<void> {
    const el = $('session-state');
    const session = await client.checkSession();
    el.className = `state ${session.ok ? 'state-ok' : 'state-bad'}`;
    bilingual(el, session.words.zh, session.words.en);
    if (session.note) el.append(' ', bi('span', session.note.zh, session.note.en, 'muted'));
  }

  async function refresh(): Promise<void> {
    $('conn-url').textContent = client.api.baseUrl();
    const state = $('conn-state');
    state.className = 'state state-unknown';
    bilingual(state, '正在检查连接…', 'Checking the connection…');
    const result = await client.checkConnection();
    state.className = `state ${result.ok ? 'state-ok' : 'state-bad'}`;
    bilingual(state, result.words.zh, result.words.en);
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
  urlInput.value = client.settings.serviceUrl();
  tokenInput.value = client.settings.token() ?? '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const saved = client.saveConnection(urlInput.value, tokenInput.value);
    if (!saved.ok) {
      message.className = 'message bad';
      bilingual(message, saved.zh, saved.en);
      urlInput.focus();
      return;
    }
    urlInput.value = saved.url;
    message.className = 'message ok';
    bilingual(message, '已保存。重新计算工作簿即可使用新设置。', 'Saved. Recalculate the workbook to use the new settings.');
    void refresh().then(onChange);
  });
  $('settings-reset').addEventListener('click', () => {
    client.settings.resetServiceUrl();
    urlInput.value = client.settings.serviceUrl();
    message.className = 'message ok';
    bilingual(message, '已恢复默认地址。', 'The default address is restored.');
    void refresh().then(onChange);
  });
  $('conn-check').addEventListener('click', () => void refresh());
  return { refresh };
}
