/**
 * 政策配置: the county's policy values over the national baseline (cn-national). Everyone
 * sees the county's own entries beside the baseline value they change; an administrator
 * (permission profile.write, GET /api/v1/session) also starts from the county's current
 * profile or from the bare baseline, adds dated entries with their source, each field
 * checked by the service's own write rules before sending, and saves a new version with
 * PUT /api/v1/profiles/cn-national, naming the version the edit started from so that a
 * save by someone else meanwhile is refused (409) instead of undone.
 */
import { entryInForce, todayInChina } from '../../../formulas/core/profile-rules.js';
import type { RouteAnswer } from '../../../contracts/routes.js';
import type { PolicyProfile } from '../../../formulas/core/profiles.js';
import { checkEntry, diffRows, putBody, shownValue, valuesInForce, withEntry, withoutEntry, type CountyValues, type DraftField, type EntryDraft } from '../logic/profile-edit.js';
import { $, bi, bilingual, h } from '../ui/dom.js';
import { Status } from '../ui/status.js';
import type { ViewContext } from './context.js';

const BASELINE_ID = 'cn-national';
const PROFILE = { id: BASELINE_ID } as const;

type ProfileAnswer = RouteAnswer<'profile'>;

const FIELDS: Record<DraftField, { input: string; issue: string }> = {
  key: { input: 'pf-key', issue: 'pf-key-issue' },
  value: { input: 'pf-value', issue: 'pf-value-issue' },
  effective: { input: 'pf-effective', issue: 'pf-effective-issue' },
  document: { input: 'pf-document', issue: 'pf-document-issue' },
  title: { input: 'pf-doc-title', issue: 'pf-title-issue' },
};

const STATE_WORDS = {
  inForce: { zh: '现行', en: 'in force' },
  later: { zh: '将生效', en: 'from that date' },
  replaced: { zh: '已被后来的取值代替', en: 'replaced by a later value' },
};

/** A dotted key that may break after each dot in the narrow pane (funding.<wbr>publicFunds.<wbr>primary). */
function keyCode(key: string): HTMLElement {
  const parts = key.split('.');
  return h('code', {}, ...parts.flatMap((p, i) => (i < parts.length - 1 ? [`${p}.`, h('wbr')] : [p])));
}

export function profileView(ctx: ViewContext): { open(): Promise<void> } {
  const status = new Status($('pf-status'), () => []);
  const saveStatus = new Status($('pf-save-status'), () => [$<HTMLButtonElement>('pf-save'), $<HTMLButtonElement>('pf-add')]);
  let baseline: PolicyProfile | undefined;
  let county: PolicyProfile | undefined;
  let draft: CountyValues = {};
  let canWrite = false;

  const today = () => todayInChina(ctx.now());
  const input = (field: DraftField) => $<HTMLInputElement>(FIELDS[field].input);

  function render(): void {
    if (!baseline) return;
    const rows = diffRows(baseline, draft, today());
    $('pf-diff-empty').hidden = rows.length > 0;
    $('pf-diff')
      .querySelector('tbody')!
      .replaceChildren(
        ...rows.map((r) => {
          const tr = h(
            'tr',
            { className: r.changed ? 'changed' : '' },
            h('td', {}, keyCode(r.key)),
            h('td', { className: 'baseline', text: r.baseline ? `${shownValue(r.baseline)}（${r.baseline.effective} 起）` : '—' }),
            h('td', { className: 'county', text: shownValue(r.county) }),
            h('td', {}, h('span', { className: 'nowrap', text: r.county.effective }), bi('div', STATE_WORDS[r.state].zh, STATE_WORDS[r.state].en)),
            h('td', { text: `${r.county.source.document}《${r.county.source.title}》` }),
          );
          if (canWrite) tr.lastElementChild!.append(removeButton(r.key, r.county.effective));
          return tr;
        }),
      );
  }

  function removeButton(key: string, effective: string): HTMLButtonElement {
    const button = h('button', { className: 'btn btn-small', attrs: { type: 'button', 'aria-label': `删除 ${key} ${effective} 的取值 / Remove the value of ${key} from ${effective}` } }, '删除 ', h('span', { className: 'en', text: 'Remove' }));
    button.addEventListener('click', () => {
      draft = withoutEntry(draft, key, effective);
      render();
      saveStatus.info('已删除，尚未保存：核对下表后点“保存为新版本”', 'Removed, not yet saved: check the table, then save as a new version');
    });
    return button;
  }

  /** The saved profile as formulas use it today (not the unsaved draft). */
  function renderInForce(): void {
    if (!baseline) return;
    $('pf-force')
      .querySelector('tbody')!
      .replaceChildren(
        ...valuesInForce(baseline, county?.values ?? {}, today()).map((r) =>
          h(
            'tr',
            { className: r.from === 'county' ? 'changed' : '' },
            h('td', {}, keyCode(r.key)),
            h('td', { className: 'county', text: shownValue(r.entry) }),
            h('td', {}, h('span', { className: 'nowrap', text: r.entry.effective }), r.from === 'county' ? bi('div', '本县', 'county') : bi('div', '全国基准', 'national')),
            h('td', { text: `${r.entry.source.document}《${r.entry.source.title}》` }),
          ),
        ),
      );
  }

  function showKeyBaseline(): void {
    const key = input('key').value.trim();
    const hint = $('pf-key-baseline');
    const entries = baseline && Object.hasOwn(baseline.values, key) ? baseline.values[key]! : undefined;
    const current = entries && entryInForce(entries, today());
    if (current) bilingual(hint, `全国基准现行：${shownValue(current)}（${current.effective} 起，${current.source.document}）`, `National baseline in force: ${shownValue(current)} from ${current.effective}`);
    else hint.textContent = '';
  }

  function showIssues(issues: { field: DraftField; zh: string; en: string }[]): void {
    for (const [field, ids] of Object.entries(FIELDS) as [DraftField, { input: string; issue: string }][]) {
      const issue = issues.find((i) => i.field === field);
      const el = $(ids.issue);
      if (issue) bilingual(el, issue.zh, issue.en);
      else el.textContent = '';
      $(ids.input).setAttribute('aria-invalid', issue ? 'true' : 'false');
    }
  }

  function startFrom(choice: string): void {
    draft = choice === 'county' && county ? { ...county.values } : {};
    render();
  }

  async function open(): Promise<void> {
    status.busy('正在读取政策配置…', 'Reading the policy profile…');
    try {
      const [session, shipped, current] = await Promise.all([
        ctx.api.call('session', {}, { timeoutMs: 15_000 }),
        ctx.api.call('profile', { params: PROFILE, query: { layer: 'shipped' } }),
        ctx.api.call('profile', { params: PROFILE }),
      ]);
      baseline = shipped;
      county = current.meta.source === 'county' ? current : undefined;
      canWrite = session.permissions.includes('profile.write');
    } catch (err) {
      status.error(err);
      return;
    }
    $('pf-editor').hidden = !canWrite;
    $('pf-save').hidden = !canWrite;
    $('pf-readonly').hidden = canWrite;
    $<HTMLDataListElement>('pf-keys').replaceChildren(...Object.keys(baseline.values).map((k) => h('option', { attrs: { value: k } })));
    renderInForce();
    startFrom(canWrite ? ((document.querySelector('input[name="pf-start"]:checked') as HTMLInputElement | null)?.value ?? 'county') : 'county');
    const n = Object.keys(county?.values ?? {}).length;
    if (county) bilingual($('pf-summary'), `本县配置第 ${county.version} 版：在全国基准上改动了 ${n} 项（今天 ${today()}）`, `County profile version ${county.version}: ${n} key${n === 1 ? '' : 's'} changed from the national baseline (today ${today()})`);
    else bilingual($('pf-summary'), `本县尚未保存自己的配置：使用全国基准 ${baseline.title.zh}（今天 ${today()}）`, `The county has no profile of its own: the national baseline applies (today ${today()})`);
    status.ok('已读取', 'Loaded');
  }

  $('pf-start-county').addEventListener('change', () => startFrom('county'));
  $('pf-start-baseline').addEventListener('change', () => startFrom('baseline'));
  input('key').addEventListener('input', showKeyBaseline);

  $('pf-add').addEventListener('click', () => {
    if (!baseline) return;
    const typed = Object.fromEntries((Object.keys(FIELDS) as DraftField[]).map((f) => [f, input(f).value])) as unknown as EntryDraft;
    const checked = checkEntry(typed, baseline);
    if (!checked.ok) {
      showIssues(checked.issues);
      saveStatus.info('请按提示改正后再加入', 'Correct the fields marked, then add again');
      return;
    }
    showIssues([]);
    draft = withEntry(draft, checked.key, checked.entry);
    render();
    saveStatus.info('已加入，尚未保存：核对下表后点“保存为新版本”', 'Added, not yet saved: check the table, then save as a new version');
  });

  $('pf-save').addEventListener('click', async () => {
    if (!baseline) return;
    const title = county?.title ?? { zh: `${baseline.title.zh}（本县）`, en: `${baseline.title.en} (county)` };
    const body = putBody(title, draft, county?.version);
    if (!('values' in body)) {
      saveStatus.error(body);
      return;
    }
    const saved = await saveStatus.run('正在保存…', 'Saving…', () => ctx.api.call('saveProfile', { params: PROFILE, body }));
    if (!saved) return;
    // The next edit starts from the version just saved.
    $<HTMLInputElement>('pf-start-county').checked = true;
    await open();
    saveStatus.ok(`已保存为本县配置第 ${saved.version} 版`, `Saved as version ${saved.version} of the county profile`);
  });

  return { open };
}
