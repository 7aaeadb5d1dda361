/**
 * 政策配置: a county's policy profile beside the values it is laid over. The county's layer
 * of the national baseline (cn-national) adds dated entries to it; a county profile with
 * its own id overrides the profile it extends (profile-layers.ts). Everyone sees the
 * difference, the values in force today and the version history; an administrator
 * (permission profile.write, GET /api/v1/session) also edits: starts from the saved
 * profile or from what it is laid over, adds dated entries (numbers, 是/否, lists of
 * numbers, text) with their source, each field checked by the service's own write rules
 * before sending, sets the title, creates a county profile of its own, and saves a new
 * version with PUT /api/v1/profiles/{id}, naming the version the edit started from so that
 * a save by someone else meanwhile is refused (409) instead of undone.
 */
import { entryInForce, todayInChina } from '../../../formulas/core/profile-rules.js';
import { checkEntry, checkHeader, putBody, shownValue, withEntry, withoutEntry, type DraftField, type EntryDraft, type HeaderField, type HeaderIssue } from '../logic/profile-edit.js';
import { diffRows, layeredValues, valuesInForce, type ProfileValues } from '../logic/profile-layers.js';
import { $, bi, bilingual, h, option } from '../ui/dom.js';
import { Status } from '../ui/status.js';
import type { ViewContext } from './context.js';
import { profileHistory } from './profile-history.js';
import { listProfiles, openProfile, type ListedProfile, type OpenedProfile } from './profile-load.js';

const NATIONAL = 'cn-national';
/** The select's value for a county profile not saved yet. */
const NEW = '';

const FIELDS: Record<DraftField | HeaderField, { input: string; issue: string }> = {
  key: { input: 'pf-key', issue: 'pf-key-issue' },
  value: { input: 'pf-value', issue: 'pf-value-issue' },
  effective: { input: 'pf-effective', issue: 'pf-effective-issue' },
  document: { input: 'pf-document', issue: 'pf-document-issue' },
  title: { input: 'pf-doc-title', issue: 'pf-title-issue' },
  id: { input: 'pf-new-id', issue: 'pf-new-id-issue' },
  titleZh: { input: 'pf-name-zh', issue: 'pf-name-zh-issue' },
  titleEn: { input: 'pf-name-en', issue: 'pf-name-en-issue' },
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

const sourceText = (e: { source: { document: string; title: string } }) => `${e.source.document}《${e.source.title}》`;

export function profileView(ctx: ViewContext): { open(): Promise<void> } {
  const status = new Status($('pf-status'), () => [$<HTMLSelectElement>('pf-profile')]);
  const saveStatus = new Status($('pf-save-status'), () => [$<HTMLButtonElement>('pf-save'), $<HTMLButtonElement>('pf-add')]);
  let listed: ListedProfile[] = [];
  let opened: OpenedProfile | undefined;
  let draft: ProfileValues = {};
  let canWrite = false;
  const history = profileHistory(ctx, {
    canWrite: () => canWrite,
    startFrom: (version) => {
      draft = { ...version.values };
      setTitle(version.title);
      render();
      saveStatus.info(`已从第 ${version.version} 版开始，尚未保存：核对下表后点“保存为新版本”`, `Started from version ${version.version}, not yet saved: check the table, then save as a new version`);
    },
  });

  const today = () => todayInChina(ctx.now());
  const input = (field: DraftField | HeaderField) => $<HTMLInputElement>(FIELDS[field].input);
  const select = () => $<HTMLSelectElement>('pf-profile');
  const creating = () => canWrite && select().value === NEW;

  function setTitle(title: { zh: string; en: string }): void {
    input('titleZh').value = title.zh;
    input('titleEn').value = title.en;
  }

  function render(): void {
    if (!opened) return;
    const rows = diffRows(opened.beneath, draft, opened.mode, today());
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
            h('td', { text: sourceText(r.county) }),
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
    if (!opened) return;
    const beneathWords = opened.mode === 'adds' ? { zh: '全国基准', en: 'national' } : { zh: `上级 ${opened.beneathId ?? ''}`, en: `from ${opened.beneathId ?? ''}` };
    $('pf-force')
      .querySelector('tbody')!
      .replaceChildren(
        ...valuesInForce(opened.beneath, opened.own?.values ?? {}, opened.mode, today()).map((r) =>
          h(
            'tr',
            { className: r.from === 'county' ? 'changed' : '' },
            h('td', {}, keyCode(r.key)),
            h('td', { className: 'county', text: shownValue(r.entry) }),
            h('td', {}, h('span', { className: 'nowrap', text: r.entry.effective }), r.from === 'county' ? bi('div', '本县', 'county') : bi('div', beneathWords.zh, beneathWords.en)),
            h('td', { text: sourceText(r.entry) }),
          ),
        ),
      );
  }

  function showKeyBaseline(): void {
    const key = input('key').value.trim();
    const hint = $('pf-key-baseline');
    const entries = opened && Object.hasOwn(opened.beneath, key) ? opened.beneath[key]! : undefined;
    const current = entries && entryInForce(entries, today());
    if (current) bilingual(hint, `${opened!.mode === 'adds' ? '全国基准' : '上级配置'}现行：${shownValue(current)}（${current.effective} 起，${current.source.document}）${Array.isArray(current.value) ? '；一组数用逗号分隔' : ''}`, `In force beneath: ${shownValue(current)} from ${current.effective}`);
    else hint.textContent = '';
  }

  function showIssues(fields: readonly (DraftField | HeaderField)[], issues: readonly { field: DraftField | HeaderField; zh: string; en: string }[]): void {
    for (const field of fields) {
      const issue = issues.find((i) => i.field === field);
      const el = $(FIELDS[field].issue);
      if (issue) bilingual(el, issue.zh, issue.en);
      else el.textContent = '';
      input(field).setAttribute('aria-invalid', issue ? 'true' : 'false');
    }
  }

  function startFrom(choice: string): void {
    draft = choice === 'county' && opened?.own ? { ...opened.own.values } : {};
    render();
  }

  function describe(o: OpenedProfile): void {
    const n = Object.keys(o.own?.values ?? {}).length;
    const beneath = o.mode === 'adds' ? { zh: '全国基准', en: 'the national baseline' } : { zh: `上级配置「${o.beneathId ?? '无'}」`, en: `the profile it extends, ${o.beneathId ?? '(none)'}` };
    bilingual($('pf-diff-title'), `与${beneath.zh}的差异`, `Difference from ${beneath.en}`);
    if (creating()) bilingual($('pf-summary'), `新建本县配置：在 ${o.beneathId} 之上只写要改的项（今天 ${today()}）`, `New county profile over ${o.beneathId}: enter only the keys that differ (today ${today()})`);
    else if (o.own) bilingual($('pf-summary'), `${o.id} 本县第 ${o.own.version} 版：在${beneath.zh}上改动了 ${n} 项（今天 ${today()}）`, `${o.id}, county version ${o.own.version}: ${n} key${n === 1 ? '' : 's'} changed from ${beneath.en} (today ${today()})`);
    else bilingual($('pf-summary'), `本县尚未保存自己的配置：使用全国基准 ${o.beneathTitle?.zh ?? o.id}（今天 ${today()}）`, `The county has no profile of its own: the national baseline applies (today ${today()})`);
  }

  /** Opens the profile chosen in the select (or a new one over the chosen parent). */
  async function load(): Promise<void> {
    const id = creating() ? input('id').value.trim() : select().value;
    const next = await status.run('正在读取政策配置…', 'Reading the policy profile…', () => openProfile(ctx.api, listed, id, creating() ? $<HTMLSelectElement>('pf-extends').value : undefined));
    if (!next) return;
    opened = next;
    $('pf-new').hidden = !creating();
    setTitle(opened.own?.title ?? (creating() ? { zh: '', en: '' } : { zh: `${opened.beneathTitle?.zh ?? opened.id}（本县）`, en: `${opened.beneathTitle?.en ?? opened.id} (county)` }));
    const known = layeredValues(opened.beneath, opened.own?.values ?? {}, opened.mode);
    $<HTMLDataListElement>('pf-keys').replaceChildren(...Object.keys(known).map((k) => h('option', { attrs: { value: k } })));
    describe(opened);
    renderInForce();
    startFrom(canWrite ? ((document.querySelector('input[name="pf-start"]:checked') as HTMLInputElement | null)?.value ?? 'county') : 'county');
    status.ok('已读取', 'Loaded');
    if (!creating()) await history.load(opened.id);
  }

  async function open(chosen?: string): Promise<void> {
    status.busy('正在读取政策配置…', 'Reading the policy profile…');
    try {
      const [session, profiles] = await Promise.all([ctx.api.call('session', {}, { timeoutMs: 15_000 }), listProfiles(ctx.api)]);
      // The national baseline (with the county's layer) first, then the county's own profiles by id.
      const national = (p: ListedProfile) => (p.source === 'shipped' || p.overrides ? 0 : 1);
      listed = [...profiles].sort((a, b) => national(a) - national(b) || a.id.localeCompare(b.id));
      canWrite = session.permissions.includes('profile.write');
    } catch (err) {
      status.error(err);
      return;
    }
    const keep = chosen ?? (select().value || NATIONAL);
    const label = (p: ListedProfile) => (p.source === 'county' && !p.overrides ? `${p.id} · ${p.title.zh}（本县，第 ${p.version} 版）` : `${p.id} · 全国基准${p.overrides ? ' + 本县改动' : ''}`);
    select().replaceChildren(...listed.map((p) => option(p.id, label(p))), ...(canWrite ? [option(NEW, '＋ 新建本县配置… / New county profile…')] : []));
    select().value = listed.some((p) => p.id === keep) ? keep : NATIONAL;
    $<HTMLSelectElement>('pf-extends').replaceChildren(...listed.map((p) => option(p.id, p.id)));
    $<HTMLSelectElement>('pf-extends').value = NATIONAL;
    $('pf-editor').hidden = !canWrite;
    $('pf-save').hidden = !canWrite;
    $('pf-readonly').hidden = canWrite;
    await load();
  }

  select().addEventListener('change', () => void load());
  $('pf-extends').addEventListener('change', () => void load());
  $('pf-start-county').addEventListener('change', () => startFrom('county'));
  $('pf-start-baseline').addEventListener('change', () => startFrom('baseline'));
  input('key').addEventListener('input', showKeyBaseline);

  $('pf-add').addEventListener('click', () => {
    if (!opened) return;
    const typed = Object.fromEntries((['key', 'value', 'effective', 'document', 'title'] as const).map((f) => [f, input(f).value])) as unknown as EntryDraft;
    const checked = checkEntry(typed, layeredValues(opened.beneath, draft, opened.mode));
    showIssues(['key', 'value', 'effective', 'document', 'title'], checked.ok ? [] : checked.issues);
    if (!checked.ok) {
      saveStatus.info('请按提示改正后再加入', 'Correct the fields marked, then add again');
      return;
    }
    draft = withEntry(draft, checked.key, checked.entry);
    render();
    saveStatus.info('已加入，尚未保存：核对下表后点“保存为新版本”', 'Added, not yet saved: check the table, then save as a new version');
  });

  $('pf-save').addEventListener('click', async () => {
    if (!opened) return;
    const id = creating() ? input('id').value.trim() : opened.id;
    const header = { ...(creating() ? { id } : {}), zh: input('titleZh').value, en: input('titleEn').value };
    const issues: HeaderIssue[] = checkHeader(header, listed.map((p) => p.id));
    showIssues(['id', 'titleZh', 'titleEn'], issues);
    if (issues.length > 0) {
      saveStatus.error({ zh: '请按提示改正配置名或标题后再保存', en: 'Correct the id or title marked, then save again' }, issues);
      return;
    }
    const body = putBody({ title: header, ...(opened.mode === 'overrides' && opened.beneathId ? { extends: opened.beneathId } : {}), values: draft, ...(opened.own ? { version: opened.own.version } : {}) });
    if (!('values' in body)) {
      saveStatus.error(body);
      return;
    }
    const saved = await saveStatus.run('正在保存…', 'Saving…', () => ctx.api.call('saveProfile', { params: { id }, body }));
    if (!saved) return;
    // The next edit starts from the version just saved.
    $<HTMLInputElement>('pf-start-county').checked = true;
    await open(id);
    saveStatus.ok(`已保存为 ${id} 本县配置第 ${saved.version} 版`, `Saved as version ${saved.version} of the county profile ${id}`);
  });

  return { open: () => open() };
}
